import assert from 'node:assert/strict'
import { devAccounts } from '../../lib/chain/index.ts'
import { CHECKPOINT_PROTOCOL } from '../../lib/net/constants.ts'
import { createNode, submitUpdate, type CotrainNode } from '../../lib/net/index.ts'
import { serveTrainedRounds } from '../../lib/validation/testing/serveTrainedRounds.ts'
import type { CoordinatorEvent } from '../events.ts'
import { joinAndTrain, wireSubmission } from '../testing/joinAndTrain.ts'
import { startTestCoordinator, type TestCoordinator } from '../testing/startTestCoordinator.ts'

const WITHHOLD_AFTER_MS = 3000

/**
 * The coordinator's own verification retries a worker it cannot reach, like
 * a validator does, before it treats the worker as withholding: bounded
 * retries, then the round goes on without it. Real CoordinatorService (real
 * libp2p, SQLite, replay), two workers in process that join, train and
 * submit; what varies is when (or whether) they start serving their proof.
 */
describe('CoordinatorService: retries an unreachable worker, then verifies the round without it', function () {
  this.timeout(90_000)
  let coord: TestCoordinator
  const nodes: CotrainNode[] = []
  const events: Array<CoordinatorEvent & { at: number }> = []
  const stoppers: Array<() => Promise<void>> = []

  before(async () => {
    coord = await startTestCoordinator({ shards: 2, minWorkers: 2, minUpdates: 1, withholdAfterMs: WITHHOLD_AFTER_MS }, {
      prefix: 'cotrain-withholding-',
      onEvent: (e) => { events.push({ ...e, at: Date.now() }) }
    })
  })
  after(async () => {
    for (const stop of stoppers) await stop()
    await Promise.all(nodes.map(async (n) => await n.stop()))
    await coord?.stop()
  })

  const waitFor = async (test: (e: CoordinatorEvent) => boolean, timeoutMs: number, what: string): Promise<CoordinatorEvent & { at: number }> => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const found = events.find(test)
      if (found !== undefined) return found
      if (Date.now() > until) assert.fail(`no ${what} within ${timeoutMs} ms; events: ${events.map((e) => e.event).join(', ')}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('accepts a worker that is unreachable at first, rejects one that never serves as withheld (not fraud) after spaced tries, and closes the round long before its deadline', async () => {
    const [late, never] = [await createNode(), await createNode()]
    nodes.push(late, never)
    const keys = devAccounts(5).slice(3).map((a) => a.privateKey)
    const [lateResult, neverResult] = await Promise.all([joinAndTrain(late, coord.multiaddr, keys[0]), joinAndTrain(never, coord.multiaddr, keys[1])])
    // `never` serves nothing; `late` drops its first checkpoint streams (fault injection: a worker whose link is down, or which came back late).
    let dropped = 0
    await late.handle(CHECKPOINT_PROTOCOL, (stream) => { dropped++; stream.abort(new Error('link down')) })
    await submitUpdate(late, coord.multiaddr, wireSubmission(lateResult))
    await submitUpdate(never, coord.multiaddr, wireSubmission(neverResult))
    const verifying = await waitFor((e) => e.event === 'round:transitioned' && e.round === 1 && e.to === 'verifying', 20_000, 'verifying')

    // Once the coordinator's first try has failed (3 dropped fetches), `late` serves.
    const until = Date.now() + 20_000
    while (dropped < 3) {
      assert.ok(Date.now() < until, `the coordinator did not try the worker (${dropped} fetches)`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await late.unhandle(CHECKPOINT_PROTOCOL)
    const serving = await serveTrainedRounds(late, new Map([[lateResult.round, lateResult]]))
    stoppers.push(serving.stop)
    assert.equal(events.some((e) => e.event === 'submission:verified'), false, 'no verdict before the worker served')

    const done = await waitFor((e) => e.event === 'round:done' && e.round === 1, 30_000, 'round:done')
    const verdict = (peer: CotrainNode): CoordinatorEvent & { at: number } => events.find((e) => e.event === 'submission:verified' && e.peerId === peer.peerId.toString())!
    const lateVerdict = verdict(late)
    const neverVerdict = verdict(never)
    assert.equal(lateVerdict.event === 'submission:verified' && lateVerdict.status, 'accepted', JSON.stringify(lateVerdict))
    assert.ok(neverVerdict.event === 'submission:verified')
    assert.equal(neverVerdict.status, 'rejected')
    assert.match(neverVerdict.reason ?? '', /^withheld: the worker did not serve its proof in [3-9] tries over \d+ s/)
    assert.ok(neverVerdict.at - verifying.at >= WITHHOLD_AFTER_MS, `withheld after ${neverVerdict.at - verifying.at} ms: retried for the whole window first`)
    const neverRow = coord.service.store.listSubmissions(1).find((s) => s.worker === never.peerId.toString())!
    assert.deepEqual(coord.service.store.listScores(neverRow.id).filter((s) => s.fraud === true), [], 'no fraud recorded')
    assert.ok(done.event === 'round:done' && done.accepted === 1 && done.rejected === 1)
    // The verification deadline is 60 s: the round goes on after the withholding window, not at the deadline.
    assert.ok(done.at - verifying.at < WITHHOLD_AFTER_MS + 15_000, `round closed ${done.at - verifying.at} ms after verification began`)
  })
})
