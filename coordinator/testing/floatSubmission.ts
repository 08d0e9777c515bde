import { float32ToBytes } from '../../lib/hash/float32Bytes.ts'
import { WIRE_DELTA_ENCODING } from '../../lib/proof/deltaWire.ts'
import { measureDelta } from '../../lib/proof/delta.ts'
import { encodeProof } from '../store/storedSubmission.ts'
import type { DecodedUpdateSubmission } from '../../lib/net/index.ts'

/** The stored form of a float32 delta (tests and benchmarks of the round logic, which skip the wire): payload, proof metadata and norm. */
export function floatSubmission (delta: Float32Array): { deltaPayload: Uint8Array, proof: Uint8Array, deltaNorm: number } {
  return {
    deltaPayload: float32ToBytes(delta),
    proof: encodeProof({ encoding: WIRE_DELTA_ENCODING.float32, numParams: delta.length } as DecodedUpdateSubmission),
    deltaNorm: measureDelta(delta).norm
  }
}
