import { InvalidInputError, oneLine } from '../../lib/errors.ts'
import type { RoundAggregator } from '../aggregation/RoundAggregator.ts'
import type { RoundRecord, SubmissionRecord } from '../store/records.ts'
import { readSubmissionDelta } from '../store/storedSubmission.ts'
import type { RoundCore, VerificationResult, VerifySubmission } from './RoundCore.ts'

/**
 * Records a verdict on a pending submission (the built-in verifier uses
 * this; an external validator may too). A score is stored in `scores`.
 */
export function recordVerification (core: RoundCore, submissionId: number, result: VerificationResult): SubmissionRecord {
  const { store } = core
  const now = core.clock()
  const updated = store.transaction(() => {
    const s = store.requireSubmission(submissionId)
    if (s.status !== 'pending') throw new InvalidInputError(`submission ${submissionId} is already ${s.status}`)
    if (result.score !== undefined) {
      store.insertScore({ submissionId, validator: result.validator ?? 'coordinator', score: result.score, fraud: result.fraud, evidence: result.evidence, createdAt: now })
    }
    return store.setSubmissionStatus(submissionId, result.accepted ? 'accepted' : 'rejected', { at: now, reason: result.reason })
  })
  core.emit('submission:verified', updated)
  return updated
}

/**
 * Verifies the round's pending submissions, up to `concurrency` at once
 * (their replays run in the verifier's thread pool; fetching one worker's
 * checkpoints overlaps another's replay), each bounded by the round's
 * deadline, records each verdict and folds each accepted delta into the
 * running sum (in any order: the sum is order-independent). A verifier that
 * throws leaves its submission pending; returns false then, so the tick
 * stops and retries later.
 */
export async function verifyPending (core: RoundCore, verify: VerifySubmission, aggregator: RoundAggregator, round: RoundRecord, concurrency = 1): Promise<boolean> {
  const { store } = core
  const pending = store.listSubmissions(round.number, 'pending')
  let allDone = true
  let expired = false
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < pending.length && !expired) {
      const s = pending[next++]
      if (core.clock() >= round.deadline) { expired = true; return } // decideRoundStep expires the rest
      if (!await verifyOne(core, verify, aggregator, round, s)) allDone = false
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, lane))
  return expired || allDone
}

/** Verifies one submission and records its verdict; false when the verifier threw (it stays pending). */
async function verifyOne (core: RoundCore, verify: VerifySubmission, aggregator: RoundAggregator, round: RoundRecord, s: SubmissionRecord): Promise<boolean> {
  const { store } = core
  let result: VerificationResult
  try {
    result = await verify(s, {
      round,
      readDelta: async () => await readSubmissionDelta(store, s),
      readGlobalModel: async () => await store.readModelWeights(round.modelId),
      signal: AbortSignal.timeout(Math.min(2 ** 31 - 1, Math.max(1, round.deadline - core.clock())))
    })
  } catch (err) {
    store.setSubmissionStatus(s.id, 'pending', { at: core.clock(), reason: `verification error: ${oneLine(err)}` })
    return false
  }
  if (store.requireSubmission(s.id).status !== 'pending') return true // decided meanwhile by an external validator
  const verdict = recordVerification(core, s.id, result)
  if (verdict.status === 'accepted') {
    // A delta that cannot be read now is folded (and its error reported) when the round aggregates.
    await aggregator.fold(round, verdict).catch(() => undefined)
  }
  return true
}
