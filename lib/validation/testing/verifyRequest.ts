import type { Libp2p } from '@libp2p/interface'
import type { TrainRoundParams, TrainRoundResult } from '../../training/trainRound.ts'
import { submissionClaimFromResult } from '../submissionClaim.ts'
import type { VerifySubmissionParameters, WorkerPeer } from '../verifySubmission.ts'

/** The verifySubmission request for `result` (trained from `params`) served by `workerPeer`, as a verifier on `node` sends it; `extra` tunes the budget. */
export function verifyRequest (node: Libp2p, workerPeer: WorkerPeer, params: TrainRoundParams, result: TrainRoundResult, challengeSeed: string, extra: Partial<VerifySubmissionParameters> = {}): VerifySubmissionParameters {
  return {
    node,
    workerPeer,
    submission: submissionClaimFromResult(result),
    startWeights: params.startWeights,
    modelConfig: params.model,
    hyper: params.hyper,
    roundSeed: params.roundSeed,
    shards: params.shards,
    challengeSeed,
    ...extra
  }
}
