import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { devAccounts } from '../../lib/chain/index.ts'
import { decodeShard } from '../../lib/data/shard.ts'
import { bytesToFloat32, float32ToBytes } from '../../lib/hash/float32Bytes.ts'
import { contentIdOf } from '../../lib/hash/contentId.ts'
import { readSubmissionDelta, storedProof } from '../store/storedSubmission.ts'
import { fromHex } from '../../lib/hash/sha256.ts'
import {
  createNode, errorCodeName, fetchContent, ProtocolError, requestAssignment, requestJoin, submitUpdate,
  toContentId, type CotrainNode, type UpdateSubmission
} from '../../lib/net/index.ts'
import { deltaToWire } from '../../lib/proof/deltaWire.ts'
import { trainRound, withDelta, type TrainRoundResult } from '../../lib/training/trainRound.ts'
import { startTestCoordinator, type TestCoordinator } from '../testing/startTestCoordinator.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { hyperParamsFromWire } from '../../lib/net/hyperParamsWire.ts'

/** The wire submission of a training result, as the worker sends it. */
function wireSubmission (r: TrainRoundResult): UpdateSubmission {
  return {
    round: r.round,
    workerAddress: fromHex(r.workerAddress, 20),
    baseModelId: fromHex(r.startWeightsId, 32),
    commitment: fromHex(r.commitment, 32),
    ...deltaToWire(r.deltaBytes),
    deltaHash: fromHex(r.deltaHash, 32),
    proofRoot: fromHex(r.proofRoot, 32),
    leafCount: r.leaves.length,
    leaves: r.leaves.map(l => ({ loss: l.loss, updateNorm: l.updateNorm })),
    samples: r.samples,
    backendClass: r.replay.backendClass,
    microBatches: r.replay.microBatches
  }
}

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
    const account = privateKeyToAccount(devAccounts(4)[3].privateKey as `0x${string}`)
    await requestJoin(worker, coord.multiaddr, { signer: account, capabilities: { backend: 'cpu', samplesPerSecond: 1000 } })
    let a = await requestAssignment(worker, coord.multiaddr, { round: 0, workerAddress: account.address })
    for (let i = 0; i < 50 && (a.shards ?? []).length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100))
      a = await requestAssignment(worker, coord.multiaddr, { round: 0, workerAddress: account.address })
    }
    assert.equal(a.round, 1)
    const ann = a.announcement!
    const startWeights = bytesToFloat32(await fetchContent(worker, coord.multiaddr, ann.modelId!))
    const shards = []
    for (const ref of a.shards!) {
      const s = decodeShard(await fetchContent(worker, coord.multiaddr, ref.contentId!), { expectedId: toContentId(ref.contentId!) })
      shards.push({ id: s.id, dataset: s.dataset })
    }
    result = await trainRound({
      round: 1,
      roundSeed: parseRoundSeed(ann.roundSeed!),
      workerAddress: account.address,
      model: JSON.parse(ann.modelConfigJson!),
      startWeights,
      shards,
      hyper: hyperParamsFromWire(ann.hyperParameters)
    })
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
    const r = await refusal(submitUpdate(worker, coord.multiaddr, wireSubmission(result)))
    assert.equal(r.code, 'DUPLICATE')
    const rows = coord.service.store.listSubmissions(1)
    assert.equal(rows.length, 1, 'the refused submissions left nothing behind')
    assert.equal(rows[0].commitment, result.commitment)
    // One stored delta: the wire payload, served to validators as is; no float32 copy, no side folder; the proof metadata is in the row.
    assert.equal(rows[0].deltaId, contentIdOf(wire.delta!))
    const values = await readSubmissionDelta(coord.service.store, rows[0])
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
