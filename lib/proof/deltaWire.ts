import { bytesToFloat32, float32ToBytes } from '../hash/float32Bytes.ts'
import { decodeDelta, encodeDelta } from './delta.ts'
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
  const n = w.numParams ?? 0
  const payload = w.delta ?? new Uint8Array(0)
  if (w.encoding === WIRE_DELTA_ENCODING.float32) {
    if (payload.byteLength !== 4 * n) throw new ProofFormatError(`float32 delta of ${n} values needs ${4 * n} bytes, got ${payload.byteLength}`)
    return encodeDelta(bytesToFloat32(payload))
  }
  if (w.encoding === WIRE_DELTA_ENCODING.int8) {
    const block = w.scaleBlock ?? 0
    if (block < 1) throw new ProofFormatError('int8 delta needs scale_block >= 1')
    if (payload.byteLength !== n) throw new ProofFormatError(`int8 delta of ${n} values needs ${n} bytes, got ${payload.byteLength}`)
    const scales = bytesToFloat32(w.scales ?? new Uint8Array(0))
    if (scales.length !== Math.ceil(n / block)) throw new ProofFormatError(`int8 delta of ${n} values in blocks of ${block} needs ${Math.ceil(n / block)} scales, got ${scales.length}`)
    // Copy: a decoded protobuf field may be a view into a larger (pooled) buffer.
    const q = new Int8Array(n)
    q.set(new Int8Array(payload.buffer, payload.byteOffset, payload.byteLength))
    return encodeDelta({ chunkSize: block, scales, q })
  }
  throw new ProofFormatError(`unknown delta encoding ${String(w.encoding)}`)
}
