import { bytesToFloat32, float32ToBytes } from '../hash/float32Bytes.ts'
import { decodeDelta, dequantizeDelta, encodeDelta, type DecodedDelta } from './delta.ts'
import { ProofFormatError } from './errors.ts'

/** DeltaEncoding values of proto/cotrain/v1/submit.proto. */
export const WIRE_DELTA_ENCODING = { float32: 1, int8: 2 } as const

/** The delta as UpdateSubmission carries it: encoding, payload, int8 scales and block size, parameter count. */
export interface WireDelta {
  encoding: number
  delta: Uint8Array
  scales: Uint8Array
  scaleBlock: number
  numParams: number
}

/**
 * Canonical delta bytes (CTDL, lib/proof/delta.ts) -> the UpdateSubmission
 * fields. The mapping is exact both ways, so the receiver rebuilds the very
 * bytes whose hash the commitment holds (see deltaFromWire).
 */
export function deltaToWire (deltaBytes: Uint8Array): WireDelta {
  const d = decodeDelta(deltaBytes)
  if (d.quantized === undefined) {
    return { encoding: WIRE_DELTA_ENCODING.float32, delta: float32ToBytes(d.values), scales: new Uint8Array(0), scaleBlock: 0, numParams: d.values.length }
  }
  const q = d.quantized
  return { encoding: WIRE_DELTA_ENCODING.int8, delta: new Uint8Array(q.q.buffer, q.q.byteOffset, q.q.byteLength), scales: float32ToBytes(q.scales), scaleBlock: q.chunkSize, numParams: q.q.length }
}

/** The UpdateSubmission fields -> canonical delta bytes (hash them with deltaHash to check the commitment). */
export function deltaFromWire (w: Partial<WireDelta>): Uint8Array {
  const d = decodeWireDelta(w)
  return encodeDelta(d.quantized ?? d.values)
}

/**
 * The UpdateSubmission fields -> the delta they carry, checked as
 * {@link decodeDelta} checks canonical bytes, without building those bytes:
 * an int8 delta's values are a view of `w.delta` (not a copy), only its
 * scales are copied (a float32 view needs an aligned offset). The result
 * shares memory with `w.delta`, so it lives as long as that is left alone;
 * hash it with deltaHashOf. `expectedLength` checks the parameter count.
 *
 * @example
 * const d = decodeWireDelta(submission, { expectedLength: model.numParams })
 * const hash = deltaHashOf(d.quantized ?? d.values)
 */
export function decodeWireDelta (w: Partial<WireDelta>, options: { expectedLength?: number } = {}): DecodedDelta {
  const n = w.numParams ?? 0
  if (options.expectedLength !== undefined && n !== options.expectedLength) throw new ProofFormatError(`delta has ${n} values, the model has ${options.expectedLength} weights`)
  const payload = w.delta ?? new Uint8Array(0)
  if (w.encoding === WIRE_DELTA_ENCODING.float32) {
    if (payload.byteLength !== 4 * n) throw new ProofFormatError(`float32 delta of ${n} values needs ${4 * n} bytes, got ${payload.byteLength}`)
    return { encoding: 'float32', values: bytesToFloat32(payload) }
  }
  if (w.encoding === WIRE_DELTA_ENCODING.int8) {
    const block = w.scaleBlock ?? 0
    if (block < 1) throw new ProofFormatError('int8 delta needs scale_block >= 1')
    if (payload.byteLength !== n) throw new ProofFormatError(`int8 delta of ${n} values needs ${n} bytes, got ${payload.byteLength}`)
    const scales = bytesToFloat32(w.scales ?? new Uint8Array(0))
    if (scales.length !== Math.ceil(n / block)) throw new ProofFormatError(`int8 delta of ${n} values in blocks of ${block} needs ${Math.ceil(n / block)} scales, got ${scales.length}`)
    const quantized = { chunkSize: block, scales, q: new Int8Array(payload.buffer, payload.byteOffset, payload.byteLength) }
    let values: Float32Array | undefined
    return { encoding: 'int8', quantized, get values () { return (values ??= dequantizeDelta(quantized)) } }
  }
  throw new ProofFormatError(`unknown delta encoding ${String(w.encoding)}`)
}
