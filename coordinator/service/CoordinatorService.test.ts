import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { devAccounts } from '../../lib/chain/index.ts'
import { float32ToBytes } from '../../lib/hash/float32Bytes.ts'
import { contentIdOf } from '../../lib/hash/contentId.ts'
import { readSubmissionDelta, storedProof } from '../store/storedSubmission.ts'
import { createNode, errorCodeName, ProtocolError, requestAssignment, submitUpdate, type CotrainNode } from '../../lib/net/index.ts'
import { withDelta, type TrainRoundResult } from '../../lib/training/trainRound.ts'
import { joinAndTrain, wireSubmission } from '../testing/joinAndTrain.ts'
import { startTestCoordinator, type TestCoordinator } from '../testing/startTestCoordinator.ts'

async function refusal (p: Promise<unknown>): Promise<{ code: string, reason: string }> {
  try {
    await p
  } catch (err) {
    assert.ok(err instanceof ProtocolError && err.remote, `expected an Error reply, got ${String(err)}`)
    return { code: errorCodeName(err.code), reason: err.reason }
  }
  assert.fail('the submission was accepted')
}

describe('CoordinatorService submit checks (in process, real libp2p and training)', function () {
  this.timeout(60_000)
  let coord: TestCoordinator
  let worker: CotrainNode
  let stranger: CotrainNode
  let result: TrainRoundResult
  let releaseVerify: () => void = () => {}

  before(async () => {
    const verifyGate = new Promise<void>((resolve) => { releaseVerify = resolve })
    coord = await startTestCoordinator({
      // Verification is not under test here: hold the round in `verifying` so the duplicate meets the same round.
      verify: async () => { await verifyGate; return { accepted: true } }
    }, { prefix: 'cotrain-service-' })
    worker = await createNode()
    stranger = await createNode()
    result = await joinAndTrain(worker, coord.multiaddr, devAccounts(4)[3].privateKey)
    assert.equal(result.round, 1)
  })

  after(async () => {
    releaseVerify()
    await worker?.stop()
    await stranger?.stop()
    await coord?.stop()
  })

  it('refuses a peer that has not joined (UNAUTHENTICATED)', async () => {
    const r = await refusal(submitUpdate(stranger, coord.multiaddr, wireSubmission(result)))
    assert.equal(r.code, 'UNAUTHENTICATED')
  })

  it('refuses a submission for another round (STALE)', async () => {
    const r = await refusal(submitUpdate(worker, coord.multiaddr, { ...wireSubmission(result), round: 7 }))
    assert.equal(r.code, 'STALE')
    assert.match(r.reason, /round 7 is not the current round/)
  })

  it('refuses a commitment that is not hash(round, model, delta hash, proof root, address) (INVALID)', async () => {
    const sub = wireSubmission(result)
    const commitment = new Uint8Array(sub.commitment!)
    commitment[0] ^= 1
    const r = await refusal(submitUpdate(worker, coord.multiaddr, { ...sub, commitment }))
    assert.equal(r.code, 'INVALID')
    assert.match(r.reason, /commitment does not match/)
  })

  it('refuses a NaN delta even with a consistent hash and commitment (INVALID)', async () => {
    const nan = new Float32Array(result.delta)
    nan[5] = Number.NaN
    const r = await refusal(submitUpdate(worker, coord.multiaddr, wireSubmission(withDelta(result, nan))))
    assert.equal(r.code, 'INVALID')
    assert.match(r.reason, /not finite/)
  })

  it('takes the honest update once and refuses it again (DUPLICATE), storing only the first, once, in its wire form', async () => {
    const wire = wireSubmission(result)
    const ack = await submitUpdate(worker, coord.multiaddr, wire)
    assert.equal(ack.round, 1)
    // Its next work is in the next round: ask no sooner than a poll now would be told to (2 s for one worker that hears no gossip).
    assert.equal(ack.retryAfter, 2)
    const r = await refusal(submitUpdate(worker, coord.multiaddr, wireSubmission(result)))
    assert.equal(r.code, 'DUPLICATE')
    const rows = coord.service.store.listSubmissions(1)
    assert.equal(rows.length, 1, 'the refused submissions left nothing behind')
    assert.equal(rows[0].commitment, result.commitment)
    // One stored delta: the wire payload, served to validators as is; no float32 copy, no side folder; the proof metadata is in the row.
    assert.equal(rows[0].deltaId, contentIdOf(wire.delta!))
    const { values } = await readSubmissionDelta(coord.service.store, rows[0])
    assert.equal(values.length, result.delta.length)
    assert.equal(coord.service.store.blobs.has(contentIdOf(float32ToBytes(values))), false, 'no float32 copy of the delta')
    assert.equal(existsSync(join(coord.dir, 'submissions')), false)
    assert.deepEqual(storedProof(rows[0]).leaves.map(l => l.loss), wire.leaves!.map(l => l!.loss))
    // Held in verifying: a polling worker is told so in words, not that the round "is being scheduled".
    for (let i = 0; i < 100 && coord.service.store.getRound(1)?.state !== 'verifying'; i++) await new Promise(resolve => setTimeout(resolve, 50))
    const waiting = await requestAssignment(worker, coord.multiaddr, { round: 0, workerAddress: result.workerAddress })
    assert.equal(waiting.waitReason, 'round 1 is verifying its updates; waiting for the next round')
  })
})
