import { fromHex, taggedHash, toHex, type Hex } from '../hash/sha256.ts'
import { roundBytes } from './roundNumber.ts'

/** What a training contribution commits to. */
export interface CommitmentInput {
  round: number | bigint
  /** Content id of the round's global weights W_r (weightsId). */
  startWeightsId: string
  /** sha256 of the encoded delta (deltaHash). */
  deltaHash: string
  /** Merkle root of the proof leaves. */
  proofRoot: string
  workerAddress: string
}

/**
 * The contribution's commitment, the `dataHash` submitted on chain (bytes32):
 * `sha256(utf8('cotrain/commitment/v1') || 0x00 || u64be(round) ||
 * startWeightsId[32] || deltaHash[32] || proofRoot[32] || workerAddress[20])`.
 *
 * @example
 * const dataHash = computeCommitment({ round: 3, startWeightsId, deltaHash, proofRoot, workerAddress })
 */
export function computeCommitment (input: CommitmentInput): Hex {
  return toHex(taggedHash('cotrain/commitment/v1',
    roundBytes(input.round),
    fromHex(input.startWeightsId, 32, 'start weights id'),
    fromHex(input.deltaHash, 32, 'delta hash'),
    fromHex(input.proofRoot, 32, 'proof root'),
    fromHex(input.workerAddress, 20, 'worker address')))
}
