import { bytesToFloat32, float32ToBytes } from '../hash/float32Bytes.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import { ProofFormatError } from '../proof/errors.ts'

/** Adam's state at a checkpoint: steps taken and first/second moments, flat in canonical weight order. */
export interface OptimizerState {
  step: number
  m: Float32Array
  v: Float32Array
}

/** The zero state every round starts from. */
export function initialOptimizerState (weightCount: number): OptimizerState {
  return { step: 0, m: new Float32Array(weightCount), v: new Float32Array(weightCount) }
}

/**
 * Canonical optimizer-state bytes, version 1: `CTOA` | u8 version=1 |
 * u8 algorithm (1 = Adam) | u16 0 | u32be step | u32be n | m: n float32 LE |
 * v: n float32 LE. The proof leaf commits to sha256 of these bytes.
 */
export function encodeOptimizerState (s: OptimizerState): Uint8Array {
  const n = s.m.length
  const out = new Uint8Array(16 + 8 * n)
  const view = new DataView(out.buffer)
  out.set([0x43, 0x54, 0x4f, 0x41], 0)
  out[4] = 1
  out[5] = 1
  view.setUint32(8, s.step, false)
  view.setUint32(12, n, false)
  out.set(float32ToBytes(s.m), 16)
  out.set(float32ToBytes(s.v), 16 + 4 * n)
  return out
}

/** Decodes optimizer-state bytes; throws {@link ProofFormatError} when malformed or of the wrong size. */
export function decodeOptimizerState (bytes: Uint8Array, expectedCount?: number): OptimizerState {
  if (bytes.byteLength < 16 || bytes[0] !== 0x43 || bytes[1] !== 0x54 || bytes[2] !== 0x4f || bytes[3] !== 0x41) throw new ProofFormatError('optimizer state has a bad magic (expected CTOA)')
  if (bytes[4] !== 1 || bytes[5] !== 1) throw new ProofFormatError(`unsupported optimizer state version ${bytes[4]} / algorithm ${bytes[5]}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const step = view.getUint32(8, false)
  const n = view.getUint32(12, false)
  if (expectedCount !== undefined && n !== expectedCount) throw new ProofFormatError(`optimizer state holds ${n} weights, the model has ${expectedCount}`)
  if (bytes.byteLength !== 16 + 8 * n) throw new ProofFormatError(`optimizer state of ${n} weights needs ${16 + 8 * n} bytes, got ${bytes.byteLength}`)
  return { step, m: bytesToFloat32(bytes.subarray(16, 16 + 4 * n)), v: bytesToFloat32(bytes.subarray(16 + 4 * n)) }
}

/** sha256 of optimizer-state bytes. */
export function optimizerStateHash (bytes: Uint8Array): Hex {
  return sha256Hex(bytes)
}
