/**
 * The delta in two shapes: canonical CTDL bytes (lib/proof/delta, what the
 * commitment hashes) and the UpdateSubmission wire fields (encoding, delta,
 * scales, scale_block, num_params). The worker builds the wire fields with
 * `submissionDeltaFields`; the coordinator and validators rebuild the
 * canonical bytes with `deltaBytesFromSubmission` and hash them.
 */
import { cotrain } from '../proto/cotrain.js'
import type { UpdateSubmission } from '../net/messages.ts'
import { decodeDelta, encodeDelta } from '../proof/delta.ts'
import { bytesToFloat32 } from '../hash/float32Bytes.ts'
import { SubmissionFormatError } from './errors.ts'

const ENC = cotrain.v1.DeltaEncoding

/** The wire fields of a delta: `delta` holds float32 LE values or the int8 values; `scales` the int8 chunk scales. */
export interface SubmissionDeltaFields {
  encoding: cotrain.v1.DeltaEncoding
  delta: Uint8Array
  scales: Uint8Array
  scaleBlock: number
  numParams: number
}

/**
 * Splits canonical delta bytes into the UpdateSubmission fields.
 *
 * @example
 * const submission = { ...submissionDeltaFields(result.deltaBytes), deltaHash: fromHex(result.deltaHash), ... }
 */
export function submissionDeltaFields (deltaBytes: Uint8Array): SubmissionDeltaFields {
  const d = decodeDelta(deltaBytes)
  const n = d.values.length
  if (d.quantized === undefined) {
    return { encoding: ENC.DELTA_ENCODING_FLOAT32, delta: deltaBytes.slice(16), scales: new Uint8Array(0), scaleBlock: 0, numParams: n }
  }
  const chunks = d.quantized.scales.length
  return { encoding: ENC.DELTA_ENCODING_INT8_SCALED, delta: deltaBytes.slice(16 + 4 * chunks), scales: deltaBytes.slice(16, 16 + 4 * chunks), scaleBlock: d.quantized.chunkSize, numParams: n }
}

/**
 * Rebuilds the canonical delta bytes from the wire fields. `delta` may be
 * given separately (a submissions listing leaves it out; fetch it by
 * `deltaId`). When the given delta bytes already are canonical CTDL bytes
 * (a coordinator may serve them as stored) they are returned as they are.
 */
export function deltaBytesFromSubmission (s: Pick<UpdateSubmission, 'encoding' | 'delta' | 'scales' | 'scaleBlock' | 'numParams'>, delta: Uint8Array | undefined = s.delta ?? undefined): Uint8Array {
  if (delta === undefined) throw new SubmissionFormatError('the submission carries no delta bytes')
  const n = s.numParams ?? 0
  if (isCanonical(delta)) return delta
  if (s.encoding === ENC.DELTA_ENCODING_FLOAT32) {
    if (delta.byteLength !== 4 * n) throw new SubmissionFormatError(`float32 delta of ${n} parameters needs ${4 * n} bytes, got ${delta.byteLength}`)
    return encodeDelta(bytesToFloat32(delta))
  }
  if (s.encoding === ENC.DELTA_ENCODING_INT8_SCALED) {
    const chunkSize = s.scaleBlock ?? 0
    const scales = s.scales ?? new Uint8Array(0)
    if (chunkSize < 1) throw new SubmissionFormatError('int8 delta without a scale block')
    if (delta.byteLength !== n) throw new SubmissionFormatError(`int8 delta of ${n} parameters needs ${n} bytes, got ${delta.byteLength}`)
    if (scales.byteLength !== 4 * Math.ceil(n / chunkSize)) throw new SubmissionFormatError(`int8 delta needs ${4 * Math.ceil(n / chunkSize)} scale bytes, got ${scales.byteLength}`)
    return encodeDelta({ chunkSize, scales: bytesToFloat32(scales), q: new Int8Array(delta.slice().buffer) })
  }
  throw new SubmissionFormatError(`unknown delta encoding ${String(s.encoding)}`)
}

function isCanonical (b: Uint8Array): boolean {
  if (b.byteLength < 16 || b[0] !== 0x43 || b[1] !== 0x54 || b[2] !== 0x44 || b[3] !== 0x4c) return false
  try {
    decodeDelta(b)
    return true
  } catch {
    return false
  }
}
