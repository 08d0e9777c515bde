import { createHash } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'

/** A 0x-prefixed lower-case hex string (the form hashes and addresses take everywhere in cotrain). */
export type Hex = `0x${string}`

/** sha256 over the concatenation of `parts`, as raw bytes. */
export function sha256 (...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return new Uint8Array(h.digest())
}

/** sha256 over the concatenation of `parts`, as 0x-prefixed hex. */
export function sha256Hex (...parts: Uint8Array[]): Hex {
  return toHex(sha256(...parts))
}

/**
 * Domain-separated hash: sha256(utf8(tag) || 0x00 || parts...). Every hash in
 * the proof format uses its own tag, so bytes of one kind can never be passed
 * off as another (a leaf as a node, a weights file as a delta).
 *
 * @example
 * taggedHash('cotrain/commitment/v1', roundBytes, rootBytes)
 */
export function taggedHash (tag: string, ...parts: Uint8Array[]): Uint8Array {
  return sha256(new TextEncoder().encode(tag), new Uint8Array([0]), ...parts)
}

/** Bytes to 0x-prefixed lower-case hex. */
export function toHex (bytes: Uint8Array): Hex {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`
}

/**
 * 0x-prefixed (or bare) hex to bytes; `length` (in bytes) is checked when given.
 *
 * @example
 * fromHex('0x00ff', 2) // Uint8Array [0, 255]
 */
export function fromHex (hex: string, length?: number, what = 'hex value'): Uint8Array {
  const body = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex
  if (body.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(body)) {
    throw new InvalidInputError(`${what} is not valid hex: ${hex.slice(0, 20)}${hex.length > 20 ? '...' : ''}`)
  }
  if (length !== undefined && body.length !== length * 2) {
    throw new InvalidInputError(`${what} must be ${length} bytes, got ${body.length / 2}`)
  }
  return new Uint8Array(Buffer.from(body, 'hex'))
}

/** Normalises a hash-like hex value to 0x-prefixed lower case, checking its length in bytes. */
export function normalizeHex (hex: string, length: number, what = 'hex value'): Hex {
  return toHex(fromHex(hex, length, what))
}

/** True when two byte arrays are equal. */
export function bytesEqual (a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
}
