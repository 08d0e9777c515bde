import { InvalidInputError } from '../errors.ts'

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * The canonical byte form of a float32 vector: IEEE-754 binary32,
 * little-endian, no header. Weights ids, checkpoint files, blobs and deltas
 * all use it, so the same numbers hash the same on every machine. Returns a
 * copy the caller owns; see {@link float32View} for a no-copy view.
 */
export function float32ToBytes (values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength))
  return swapped(values)
}

/**
 * The canonical bytes of `values` without a copy where the host is
 * little-endian (a view of the same memory): for hashing or writing at once,
 * where copying a model-sized vector would only cost time. Do not keep the
 * view past a change to `values`.
 */
export function float32View (values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  return swapped(values)
}

/** Inverse of {@link float32ToBytes} (copies); the input length must be a multiple of 4. */
export function bytesToFloat32 (bytes: Uint8Array, what = 'float32 bytes'): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new InvalidInputError(`${what}: length ${bytes.byteLength} is not a multiple of 4`)
  if (LITTLE_ENDIAN) return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const out = new Float32Array(bytes.byteLength / 4)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  return out
}

function swapped (values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4)
  const view = new DataView(out.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true)
  return out
}
