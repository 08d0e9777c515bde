import { createHash } from 'node:crypto'
import { endianness } from 'node:os'

const LITTLE_ENDIAN_HOST = endianness() === 'LE'

/**
 * The canonical bytes of a flat float32 vector: little-endian IEEE-754, in
 * order. On a little-endian host this is a view of the same memory, no copy.
 */
export function float32Bytes (values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN_HOST) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  const out = new Uint8Array(values.byteLength)
  const view = new DataView(out.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true)
  return out
}

/** Reads canonical little-endian float32 bytes back into a Float32Array (copies). */
export function float32FromBytes (bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`${bytes.byteLength} bytes is not a whole number of float32 values`)
  const out = new Float32Array(bytes.byteLength / 4)
  if (LITTLE_ENDIAN_HOST) {
    new Uint8Array(out.buffer).set(bytes)
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  }
  return out
}

/** sha256 hex of raw bytes: the content id of a blob. */
export function bytesContentId (bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Content id of weights or a delta: sha256 hex of the canonical float32 bytes.
 * Local to the coordinator until the shared hashing module exists.
 *
 * @example
 * contentId(new Float32Array([1, 2])) // '...64 hex chars'
 */
export function contentId (values: Float32Array): string {
  return bytesContentId(float32Bytes(values))
}

/** True when `id` looks like a content id (64 lowercase hex chars). */
export function isContentId (id: string): boolean {
  return /^[0-9a-f]{64}$/.test(id)
}
