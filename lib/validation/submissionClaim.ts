import type { UpdateSubmission } from '../net/messages.ts'
import { toHex } from '../hash/sha256.ts'
import type { TrainRoundResult } from '../training/trainRound.ts'
import { deltaFromWire } from '../proof/deltaWire.ts'
import { ProofFormatError } from '../proof/errors.ts'
import type { SubmissionClaim } from './verifySubmission.ts'

/**
 * The claim of a wire UpdateSubmission (as received by the coordinator, or as
 * listed by /cotrain/submissions with `delta` fetched separately by
 * `deltaId`).
 *
 * @example
 * const claim = submissionClaimFromWire(summary.submission, await fetchContent(node, coordinator, toContentId(summary.deltaId)))
 */
export function submissionClaimFromWire (s: UpdateSubmission, delta?: Uint8Array): SubmissionClaim {
  const leaves = (s.leaves ?? []).map((l) => ({ loss: l.loss ?? 0, updateNorm: l.updateNorm ?? 0 }))
  return {
    round: s.round ?? 0,
    workerAddress: toHex(s.workerAddress ?? new Uint8Array(0)),
    commitment: toHex(s.commitment ?? new Uint8Array(0)),
    proofRoot: toHex(s.proofRoot ?? new Uint8Array(0)),
    leafCount: s.leafCount ?? 0,
    leaves,
    deltaBytes: deltaFromWire({ encoding: s.encoding ?? undefined, delta: wireDelta(s, delta), scales: s.scales ?? undefined, scaleBlock: s.scaleBlock ?? undefined, numParams: s.numParams ?? undefined }),
    deltaHash: (s.deltaHash?.byteLength ?? 0) > 0 ? toHex(s.deltaHash!) : undefined,
    baseModelId: (s.baseModelId?.byteLength ?? 0) > 0 ? toHex(s.baseModelId!) : undefined,
    replay: (s.backendClass ?? '') !== '' ? { backendClass: s.backendClass!, microBatches: Math.max(1, s.microBatches ?? 1) } : undefined
  }
}

/** The claim of a local training result (tests, benchmarks, a worker checking itself). */
export function submissionClaimFromResult (r: Pick<TrainRoundResult, 'round' | 'workerAddress' | 'commitment' | 'proofRoot' | 'leaves' | 'deltaBytes' | 'deltaHash' | 'startWeightsId' | 'replay'>): SubmissionClaim {
  return {
    round: r.round,
    workerAddress: r.workerAddress,
    commitment: r.commitment,
    proofRoot: r.proofRoot,
    leafCount: r.leaves.length,
    leaves: r.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm })),
    deltaBytes: r.deltaBytes,
    deltaHash: r.deltaHash,
    baseModelId: r.startWeightsId,
    replay: r.replay
  }
}

/** The delta payload: given apart (a listing leaves it out; fetched by `deltaId`) or carried in the message. */
function wireDelta (s: UpdateSubmission, delta: Uint8Array | undefined): Uint8Array {
  const d = delta ?? (s.delta != null && s.delta.byteLength > 0 ? s.delta : undefined)
  if (d === undefined) throw new ProofFormatError('the submission carries no delta bytes')
  return d
}
