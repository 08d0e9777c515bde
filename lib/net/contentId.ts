import { createHash } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'

/**
 * A content id: sha256 of the object's bytes, as 64 lowercase hex characters
 * (no 0x) in the API and as 32 bytes on the wire.
 */
export type ContentId = string

/** sha256 of `data` as a content id. */
export function contentIdOf (data: Uint8Array): ContentId {
  return createHash('sha256').update(data).digest('hex')
}

/** Normalizes a content id given as hex (with or without 0x) or 32 bytes. */
export function toContentId (id: ContentId | Uint8Array): ContentId {
  if (id instanceof Uint8Array) {
    if (id.byteLength !== 32) throw new InvalidInputError(`content id must be 32 bytes, got ${id.byteLength}`)
    return Buffer.from(id.buffer, id.byteOffset, id.byteLength).toString('hex')
  }
  const hex = id.startsWith('0x') ? id.slice(2) : id
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new InvalidInputError(`content id must be 64 hex characters, got "${id.slice(0, 80)}"`)
  return hex.toLowerCase()
}

/** The 32 wire bytes of a content id. */
export function contentIdBytes (id: ContentId | Uint8Array): Uint8Array {
  return Uint8Array.from(Buffer.from(toContentId(id), 'hex'))
}
