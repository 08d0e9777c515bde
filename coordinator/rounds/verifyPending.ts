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
  const updated = core.store.transaction(() => writeVerdict(core, submissionId, result, core.clock()))
  core.emit('submission:verified', updated)
  return updated
}

function writeVerdict (core: RoundCore, submissionId: number, result: VerificationResult, now: number): SubmissionRecord {
  const { store } = core
  const s = store.requireSubmission(submissionId)
  if (s.status !== 'pending') throw new InvalidInputError(`submission ${submissionId} is already ${s.status}`)
  if (result.score !== undefined) {
    store.insertScore({ submissionId, validator: result.validator ?? 'coordinator', score: result.score, fraud: result.fraud, evidence: result.evidence, createdAt: now })
  }
  return store.setSubmissionStatus(submissionId, result.accepted ? 'accepted' : 'rejected', { at: now, reason: result.reason })
}

/**
 * Verifies the round's pending submissions, up to `concurrency` at once
 * (their replays run in the verifier's thread pool; fetching one worker's
 * checkpoints overlaps another's replay), each bounded by the round's
 * deadline, records each verdict and folds each accepted delta into the
 * running sum (in any order: the sum is order-independent). Verdicts are
 * group-committed: a lane goes on to its next submission while its verdict
 * waits for the commit it shares with the others of the pass, and a delta is
 * folded only once its verdict is durable. A verifier that throws leaves its
 * submission pending; returns false then, so the tick stops and retries later.
 */
export async function verifyPending (core: RoundCore, verify: VerifySubmission, aggregator: RoundAggregator, round: RoundRecord, concurrency = 1): Promise<boolean> {
  const { store } = core
  const pending = store.listSubmissions(round.number, 'pending')
  let allDone = true
  let expired = false
  let next = 0
  const recorded: Array<Promise<void>> = []
  // One fold at a time: verdicts committed together must not read all their deltas into memory at once.
  let folds = Promise.resolve()
  const lane = async (): Promise<void> => {
    while (next < pending.length && !expired) {
      const s = pending[next++]
      if (core.clock() >= round.deadline) { expired = true; return } // decideRoundStep expires the rest
      const result = await verifyOne(core, verify, round, s)
      if (result === undefined) { allDone = false; continue }
      recorded.push(record(core, s, result).then((verdict) => {
        // A delta that cannot be read now is folded (and its error reported) when the round aggregates.
        if (verdict?.status === 'accepted') folds = folds.then(async () => { await aggregator.fold(round, verdict).catch(() => undefined) })
      }))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, lane))
  await Promise.all(recorded)
  await folds
  return expired || allDone
}

/** Runs the verifier on one submission; undefined when it threw (the submission stays pending, with the error as its reason). */
async function verifyOne (core: RoundCore, verify: VerifySubmission, round: RoundRecord, s: SubmissionRecord): Promise<VerificationResult | undefined> {
  const { store } = core
  try {
    return await verify(s, {
      round,
      readDelta: async () => (await readSubmissionDelta(store, s)).values,
      readGlobalModel: async () => await store.readModelWeights(round.modelId),
      signal: AbortSignal.timeout(Math.min(2 ** 31 - 1, Math.max(1, round.deadline - core.clock())))
    })
  } catch (err) {
    store.setSubmissionStatus(s.id, 'pending', { at: core.clock(), reason: `verification error: ${oneLine(err)}` })
    return undefined
  }
}

/** Records a verdict in the pass's group commit and, once durable, reports it; undefined when someone else decided it meanwhile. */
async function record (core: RoundCore, s: SubmissionRecord, result: VerificationResult): Promise<SubmissionRecord | undefined> {
  const now = core.clock()
  const verdict = await core.store.durableWrite(() => {
    // Decided meanwhile by an external validator: theirs stands.
    return core.store.requireSubmission(s.id).status === 'pending' ? writeVerdict(core, s.id, result, now) : undefined
  })
  if (verdict !== undefined) core.emit('submission:verified', verdict)
  return verdict
}
