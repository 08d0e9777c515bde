import { InvalidInputError } from '../errors.ts'
import { bytesToFloat32, float32View } from '../hash/float32Bytes.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import { ProofFormatError } from './errors.ts'

/** How a delta travels: raw float32, or int8 with one float32 scale per chunk. */
export type DeltaEncoding = 'float32' | 'int8'

/** Default int8 chunk: 1024 values share one scale (0.4% overhead, error bound local to the chunk). */
export const DEFAULT_DELTA_CHUNK = 1024

/** An int8-quantised delta: value i is `q[i] * scales[floor(i / chunkSize)]`. */
export interface QuantizedDelta {
  chunkSize: number
  scales: Float32Array
  q: Int8Array
}

/**
 * The pseudo-gradient of a round, `W_start - W_end`, element by element in
 * float32 (`Float32Array` stores `fround(start[i] - end[i])`, the same bits on
 * every machine).
 */
export function computeDelta (start: Float32Array, end: Float32Array): Float32Array {
  if (start.length !== end.length) throw new InvalidInputError(`delta: start has ${start.length} weights, end has ${end.length}`)
  const out = new Float32Array(start.length)
  for (let i = 0; i < out.length; i++) out[i] = start[i] - end[i]
  return out
}

/**
 * Deterministic int8 quantisation, per chunk of `chunkSize` values:
 * `scale = fround(maxAbs / 127)`; `q = clamp(roundHalfAwayFromZero(d / scale), -127, 127)`
 * (division in float64 of two float32 values, so identical everywhere); an
 * all-zero chunk has scale 0 and q 0. Each value is then within scale/2 of its
 * dequantised form (up to float32 rounding of the scale). Non-finite values
 * make the scale non-finite, which every check downstream rejects.
 */
export function quantizeDelta (delta: Float32Array, chunkSize = DEFAULT_DELTA_CHUNK): QuantizedDelta {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new InvalidInputError(`delta chunk size must be a positive integer, got ${chunkSize}`)
  const chunks = Math.ceil(delta.length / chunkSize)
  const scales = new Float32Array(chunks)
  const q = new Int8Array(delta.length)
  for (let c = 0; c < chunks; c++) {
    const start = c * chunkSize
    const end = Math.min(delta.length, start + chunkSize)
    let maxAbs = 0
    for (let i = start; i < end; i++) {
      const a = Math.abs(delta[i])
      if (a > maxAbs || Number.isNaN(a)) maxAbs = Number.isNaN(a) ? NaN : a
      if (Number.isNaN(maxAbs)) break
    }
    const scale = Math.fround(maxAbs / 127)
    scales[c] = scale
    if (!(scale > 0) || !Number.isFinite(scale)) continue
    for (let i = start; i < end; i++) {
      const r = delta[i] / scale
      const rounded = r < 0 ? -Math.floor(-r + 0.5) : Math.floor(r + 0.5)
      q[i] = Math.max(-127, Math.min(127, rounded))
    }
  }
  return { chunkSize, scales, q }
}

/** The float32 values of an int8 delta: `fround(q[i] * scale)`. */
export function dequantizeDelta (d: QuantizedDelta): Float32Array {
  const out = new Float32Array(d.q.length)
  const { q, scales, chunkSize } = d
  // Chunk by chunk: a division per value (to find its scale) cost more than the multiply.
  for (let c = 0, start = 0; start < q.length; c++, start += chunkSize) {
    const scale = scales[c]
    const end = Math.min(q.length, start + chunkSize)
    for (let i = start; i < end; i++) out[i] = q[i] * scale
  }
  return out
}

/** What one pass over a delta finds: its L2 norm and its first value that is not finite. */
export interface DeltaMeasure {
  /** L2 norm of the float32 values, accumulated in float64 (Infinity when a value is not finite or the sum overflows). */
  norm: number
  /** Index of the first NaN or +-Infinity among the float32 values, or -1. */
  firstNonFinite: number
  /** That value (undefined when there is none). */
  nonFiniteValue?: number
}

/**
 * The L2 norm of a delta and its first non-finite value, in one pass, for a
 * float32 delta or straight from an int8 one's values and scales without
 * building its float32 copy: each value is taken as `fround(q[i] * scale)`,
 * exactly what {@link dequantizeDelta} stores, and squared and summed in
 * float64 in index order, so the norm is bit-identical to the L2 norm of the
 * dequantised values. A finite scale does not make the values finite
 * (127 x a scale near float32's maximum rounds to Infinity), so each value
 * is still checked.
 *
 * @example
 * const { norm, firstNonFinite } = measureDelta(decodeDelta(bytes).quantized!)
 */
export function measureDelta (d: Float32Array | QuantizedDelta): DeltaMeasure {
  let sum = 0
  if (d instanceof Float32Array) {
    for (let i = 0; i < d.length; i++) {
      const v = d[i]
      // v - v is 0 for every finite v and NaN for NaN and +-Infinity.
      if (v - v !== 0) return { norm: Infinity, firstNonFinite: i, nonFiniteValue: v }
      sum += v * v
    }
    return { norm: Math.sqrt(sum), firstNonFinite: -1 }
  }
  const { q, scales, chunkSize } = d
  for (let c = 0, start = 0; start < q.length; c++, start += chunkSize) {
    const scale = scales[c]
    const end = Math.min(q.length, start + chunkSize)
    for (let i = start; i < end; i++) {
      const v = Math.fround(q[i] * scale)
      if (v - v !== 0) return { norm: Infinity, firstNonFinite: i, nonFiniteValue: v }
      sum += v * v
    }
  }
  return { norm: Math.sqrt(sum), firstNonFinite: -1 }
}

/**
 * Canonical delta bytes, version 1 (header big-endian, payload little-endian
 * like all float32 data in cotrain):
 * `CTDL` | u8 version=1 | u8 encoding (0 float32, 1 int8) | u16 0 | u32 n |
 * u32 chunkSize (0 for float32) | payload. Payload: float32 n values; or int8:
 * ceil(n/chunkSize) float32 scales then n int8 values.
 */
export function encodeDelta (delta: Float32Array | QuantizedDelta): Uint8Array {
  const parts = deltaParts(delta)
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0))
  let off = 0
  for (const p of parts) { out.set(p, off); off += p.byteLength }
  return out
}

/**
 * {@link deltaHash} of `encodeDelta(delta)`, hashed from the header, scales
 * and values where they lie: a receiver checks a delta's hash without
 * building its canonical bytes (a model-sized copy per submission).
 */
export function deltaHashOf (delta: Float32Array | QuantizedDelta): Hex {
  return sha256Hex(...deltaParts(delta))
}

/** The canonical bytes of `delta` in pieces: the header (new), then views of its scales and values (copies on a big-endian host). */
function deltaParts (delta: Float32Array | QuantizedDelta): Uint8Array[] {
  const isQ = !(delta instanceof Float32Array)
  const n = isQ ? delta.q.length : delta.length
  const header = new Uint8Array(16)
  const v = new DataView(header.buffer)
  header.set([0x43, 0x54, 0x44, 0x4c], 0)
  header[4] = 1
  header[5] = isQ ? 1 : 0
  v.setUint32(8, n, false)
  v.setUint32(12, isQ ? delta.chunkSize : 0, false)
  return isQ ? [header, float32View(delta.scales), new Uint8Array(delta.q.buffer, delta.q.byteOffset, delta.q.byteLength)] : [header, float32View(delta)]
}

/**
 * A decoded delta: its encoding, the float32 values it stands for, and the
 * int8 form when it has one. An int8 delta's `values` are built on first
 * read: a reader that works from the int8 form (measureDelta,
 * RunningSum.fold) never pays for the float32 copy.
 */
export interface DecodedDelta {
  readonly encoding: DeltaEncoding
  readonly values: Float32Array
  readonly quantized?: QuantizedDelta
}

/** Decodes canonical delta bytes; throws {@link ProofFormatError} when malformed. `expectedLength` checks the weight count. */
export function decodeDelta (bytes: Uint8Array, options: { expectedLength?: number } = {}): DecodedDelta {
  if (bytes.byteLength < 16) throw new ProofFormatError(`delta is ${bytes.byteLength} bytes, shorter than its header`)
  if (bytes[0] !== 0x43 || bytes[1] !== 0x54 || bytes[2] !== 0x44 || bytes[3] !== 0x4c) throw new ProofFormatError('delta has a bad magic (expected CTDL)')
  if (bytes[4] !== 1) throw new ProofFormatError(`unsupported delta version ${bytes[4]}`)
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = v.getUint32(8, false)
  const chunkSize = v.getUint32(12, false)
  if (options.expectedLength !== undefined && n !== options.expectedLength) throw new ProofFormatError(`delta has ${n} values, the model has ${options.expectedLength} weights`)
  if (bytes[5] === 0) {
    if (bytes.byteLength !== 16 + 4 * n) throw new ProofFormatError(`float32 delta of ${n} values needs ${16 + 4 * n} bytes, got ${bytes.byteLength}`)
    return { encoding: 'float32', values: bytesToFloat32(bytes.subarray(16)) }
  }
  if (bytes[5] !== 1) throw new ProofFormatError(`unknown delta encoding ${bytes[5]}`)
  if (chunkSize < 1) throw new ProofFormatError('int8 delta has chunk size 0')
  const chunks = Math.ceil(n / chunkSize)
  const want = 16 + 4 * chunks + n
  if (bytes.byteLength !== want) throw new ProofFormatError(`int8 delta of ${n} values (chunk ${chunkSize}) needs ${want} bytes, got ${bytes.byteLength}`)
  const scales = bytesToFloat32(bytes.subarray(16, 16 + 4 * chunks))
  const q = new Int8Array(bytes.slice(16 + 4 * chunks).buffer)
  const quantized = { chunkSize, scales, q }
  let values: Float32Array | undefined
  return { encoding: 'int8', quantized, get values () { return (values ??= dequantizeDelta(quantized)) } }
}

/** sha256 of encoded delta bytes, the `deltaHash` in the commitment. */
export function deltaHash (encoded: Uint8Array): Hex {
  return sha256Hex(encoded)
}
