/**
 * Content ids: the sha256 of an object's bytes. One form everywhere in
 * memory, on disk in JSON and SQLite, and in logs: 0x-prefixed lower-case hex
 * (viem's `Hex`), the same form as every other hash, address and commitment
 * in cotrain, so nothing strips or adds a prefix at a boundary. On the wire a
 * content id is its 32 raw bytes; only file names drop the 0x (see
 * {@link contentIdHexBody}).
 */
import { createHash } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'
import { float32View } from './float32Bytes.ts'
import { toHex, type Hex } from './sha256.ts'

/** A content id: sha256 of the object's bytes as 0x + 64 lower-case hex characters. */
export type ContentId = Hex

const CONTENT_ID = /^0x[0-9a-f]{64}$/

/**
 * sha256 of `data` as a content id.
 *
 * @example
 * contentIdOf(new Uint8Array([1])) // '0x4bf5...'
 */
export function contentIdOf (data: Uint8Array): ContentId {
  return `0x${createHash('sha256').update(data).digest('hex')}`
}

/**
 * Content id of a weight vector: sha256 of its canonical little-endian
 * float32 bytes. Used for global weights W_r, checkpoints, deltas and models.
 *
 * @example
 * weightsId(new Float32Array([1, 2])) // '0x...'
 */
export function weightsId (values: Float32Array): ContentId {
  return contentIdOf(float32View(values))
}

/** True when `id` is a content id in the canonical form (0x + 64 lower-case hex). */
export function isContentId (id: unknown): id is ContentId {
  return typeof id === 'string' && CONTENT_ID.test(id)
}

/**
 * Parses a content id given as 32 bytes (the wire form) or as hex with or
 * without 0x in any case (what a user types), into the canonical form.
 * Throws InvalidInputError for anything else.
 */
export function toContentId (id: string | Uint8Array): ContentId {
  if (id instanceof Uint8Array) {
    if (id.byteLength !== 32) throw new InvalidInputError(`content id must be 32 bytes, got ${id.byteLength}`)
    return toHex(id)
  }
  if (CONTENT_ID.test(id)) return id as ContentId
  const body = id.startsWith('0x') || id.startsWith('0X') ? id.slice(2) : id
  if (!/^[0-9a-fA-F]{64}$/.test(body)) throw new InvalidInputError(`content id must be 64 hex characters, got "${id.slice(0, 80)}"`)
  return `0x${body.toLowerCase()}`
}

/** The 32 wire bytes of a content id. */
export function contentIdBytes (id: string | Uint8Array): Uint8Array {
  return Uint8Array.from(Buffer.from(contentIdHexBody(id), 'hex'))
}

/** The 64 hex characters of a content id without 0x: for file names, where the prefix is noise. */
export function contentIdHexBody (id: string | Uint8Array): string {
  return toContentId(id).slice(2)
}
