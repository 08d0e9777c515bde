import assert from 'node:assert/strict'
import { createNode } from '../net/index.ts'
import type { TrainRoundParams, TrainRoundResult } from '../training/trainRound.ts'
import { trainHonestRound } from '../training/testing/fixture.ts'
import { startServingWorker, type ServingWorker } from './testing/servingWorker.ts'
import { verifyRequest } from './testing/verifyRequest.ts'
import { verifySubmission, type VerifySubmissionParameters } from './verifySubmission.ts'
import { answersPing, isWithholding, noteUnavailable, retryBudget, type UnreachableRecord } from './withholding.ts'

const WINDOW = 120_000
const rule = { proofWindowMs: WINDOW }

/** A validator polling every `pollMs` from t = 0, every verification unavailable; when (ms) it would first report withholding, or null before `untilMs`. */
function firstReport (alive: boolean, pollMs: number, untilMs: number): number | null {
  let rec: UnreachableRecord | undefined
  for (let t = 0; t <= untilMs; t += pollMs) {
    rec = noteUnavailable(rec, t, alive, rule)
    if (isWithholding(rec, t, rule)) return t
  }
  return null
}

describe('validation: withholding needs spaced retries, and a worker that answers pings gets more time', function () {
  this.timeout(90_000)

  it('a silent worker is withholding only after 3 spaced attempts over the proof window, however often the validator polls', () => {
    assert.equal(firstReport(false, 1000, WINDOW - 1000), null)
    assert.equal(firstReport(false, 1000, 10 * WINDOW), WINDOW)
    let rec = noteUnavailable(undefined, 0, false, rule)
    for (let t = 1000; t < 20_000; t += 1000) rec = noteUnavailable(rec, t, false, rule)
    assert.equal(rec.attempts, 1, 'polls closer than window / 3 are one attempt')
    // Two spaced attempts and the window over: still not enough.
    assert.equal(isWithholding({ since: 0, attempts: 2, lastAttemptAt: WINDOW }, 2 * WINDOW, rule), false)
  })

  it('a worker that answers pings (starved, or on a slow link) gets five proof windows, and each retry more time per checkpoint', () => {
    assert.equal(firstReport(true, 5000, 5 * WINDOW - 5000), null)
    assert.equal(firstReport(true, 5000, 10 * WINDOW), 5 * WINDOW)
    const base = { requestTimeoutMs: 1000, minBytesPerSecond: 64_000, fetchDeadlineMs: 10_000 }
    assert.deepEqual(retryBudget(undefined, base), base)
    assert.deepEqual(retryBudget({ since: 0, attempts: 2, lastAttemptAt: 0 }, base), { requestTimeoutMs: 4000, minBytesPerSecond: 16_000, fetchDeadlineMs: 40_000 })
    assert.equal(retryBudget({ since: 0, attempts: 9, lastAttemptAt: 0 }, base).requestTimeoutMs, 8000, 'at most 8x')
  })

  describe('over real libp2p: a worker whose serving is slowed (fault injection)', function () {
    let params: TrainRoundParams
    let honest: TrainRoundResult
    let slow: ServingWorker
    /** The worker's reply delay, read at each request (serveTrainedRounds), so a test can slow it down. */
    const serving = { delayMs: 0 }
    /** 0.4 of the delay: enough for an unslowed reply even on a loaded machine; 2x (one counted attempt) is still short of the delay, 8x (three) is not. */
    const DELAY_MS = 3000
    const base = { requestTimeoutMs: 0.4 * DELAY_MS, minBytesPerSecond: 50_000_000, fetchDeadlineMs: 10_000 }

    before(async () => {
      ;({ params, honest } = await trainHonestRound({ steps: 20, interval: 5, round: 5 }))
      slow = await startServingWorker(new Map([[honest.round, honest]]), serving)
    })
    after(async () => { await slow?.stop() })

    const request = (budget: { requestTimeoutMs: number, minBytesPerSecond: number, fetchDeadlineMs: number }): VerifySubmissionParameters =>
      verifyRequest(slow.verifier, slow.peer, params, honest, '0x' + 'e1'.repeat(32), { fetchAttempts: 1, ...budget })

    it('is unavailable under the base budget only because it is slowed, answers pings so it is not withholding, and verifies valid once the retries give it more time', async () => {
      // The base budget is enough for the same worker unslowed: what follows is about the delay, not a budget too tight for anyone.
      serving.delayMs = 0
      const unslowed = await verifySubmission(request(retryBudget(undefined, base)))
      assert.equal(unslowed.outcome, 'valid', unslowed.reason)
      serving.delayMs = DELAY_MS
      const first = await verifySubmission(request(retryBudget(undefined, base)))
      assert.equal(first.outcome, 'unavailable', first.reason)
      assert.match(first.reason, /did not arrive within|slower than the minimum transfer rate|fetch deadline/)
      assert.equal(await answersPing(slow.verifier, [slow.worker.peerId]), true)
      let rec = noteUnavailable(undefined, 0, true, rule)
      rec = noteUnavailable(rec, WINDOW / 2, true, rule)
      rec = noteUnavailable(rec, WINDOW, true, rule)
      assert.equal(isWithholding(rec, WINDOW, rule), false, 'alive: not reported at the end of one proof window')
      // One counted attempt's budget (2x) is still short of the delay; three (8x) are not.
      const once = await verifySubmission(request(retryBudget({ since: 0, attempts: 1, lastAttemptAt: 0 }, base)))
      assert.equal(once.outcome, 'unavailable', once.reason)
      const later = await verifySubmission(request(retryBudget(rec, base)))
      assert.equal(later.outcome, 'valid', later.reason)
    })

    it('a worker that is gone answers no ping', async () => {
      const gone = await createNode()
      const addr = gone.getMultiaddrs()[0]
      await gone.stop()
      assert.equal(await answersPing(slow.verifier, [addr], { timeoutMs: 3000 }), false)
    })
  })
})
