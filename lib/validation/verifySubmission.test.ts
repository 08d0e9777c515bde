import assert from 'node:assert/strict'
import * as tf from '@tensorflow/tfjs'
import { createNode, type CotrainNode } from '../net/index.ts'
import { computeCommitment } from '../proof/commitment.ts'
import { selectBackend } from '../training/selectBackend.ts'
import { trainRound, type TrainRoundParams, type TrainRoundResult } from '../training/trainRound.ts'
import { applyDeltaFault, trainingFaultOf, type WorkerFault } from '../faults/index.ts'
import { submissionClaimFromResult, submissionClaimFromWire } from './submissionClaim.ts'
import { deltaToWire } from '../proof/deltaWire.ts'
import { trainHonestRound } from '../training/testing/fixture.ts'
import { startServingWorker, type ServingWorker } from './testing/servingWorker.ts'
import { verifySubmission, type SubmissionClaim, type SubmissionVerification } from './verifySubmission.ts'
import { fromHex } from '../hash/sha256.ts'
import { startCheckpointService } from '../net/checkpoint.ts'
import type { CheckpointReply } from '../net/messages.ts'
import { checkpointWithProof } from '../training/trainRound.ts'
import { checkpointOpening } from './checkpointOpening.ts'

const SEED = '0x' + 'c4'.repeat(32)
const COPIER = '0x' + 'b2'.repeat(20)

describe('validation: verifySubmission over a real checkpoint server', function () {
  this.timeout(60_000)
  let params: TrainRoundParams
  let honest: TrainRoundResult
  let peers: ServingWorker
  const rounds = new Map<number, TrainRoundResult>()

  before(async () => {
    ;({ params, honest } = await trainHonestRound({ steps: 40, interval: 10, round: 7 }))
    peers = await startServingWorker(rounds)
  })
  after(async () => { await peers?.stop() })

  /** Serves `served` as round `claim.round` and verifies `claim` against it over libp2p. */
  async function check (claim: SubmissionClaim, served: TrainRoundResult, p: TrainRoundParams = params, extra: { seed?: string, plan?: { random: number } } = {}): Promise<SubmissionVerification> {
    rounds.set(claim.round, served)
    return await verifySubmission({
      node: peers.verifier,
      workerPeer: peers.peer,
      submission: claim,
      startWeights: p.startWeights,
      modelConfig: p.model,
      hyper: p.hyper,
      roundSeed: p.roundSeed,
      shards: p.shards,
      challengeSeed: extra.seed ?? SEED,
      plan: extra.plan,
      fetchAttempts: 1
    })
  }

  it('passes an honest update, replaying bit for bit on the same backend class', async () => {
    const v = await check(submissionClaimFromResult(honest), honest)
    assert.equal(v.outcome, 'valid', v.reason)
    assert.equal(v.evidenceHash, null)
    assert.deepEqual(v.segments, [0, 1, 2, 3])
    const segs = v.checks.filter((c) => c.check === 'segment')
    assert.equal(segs.length, 4)
    assert.ok(segs.every((c) => c.exact === true && c.distance === 0), JSON.stringify(segs))
  })

  it('passes an honest update sent as wire fields (int8 delta rebuilt from delta + scales)', async () => {
    const f = deltaToWire(honest.deltaBytes)
    const wire = {
      round: honest.round, workerAddress: fromHex(honest.workerAddress), baseModelId: fromHex(honest.startWeightsId), commitment: fromHex(honest.commitment),
      ...f, deltaHash: fromHex(honest.deltaHash), proofRoot: fromHex(honest.proofRoot), leafCount: honest.leaves.length,
      leaves: honest.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm })), samples: 1280, backendClass: honest.replay.backendClass, microBatches: 1
    }
    const { delta, ...listed } = wire
    const v = await check(submissionClaimFromWire(listed, delta), honest)
    assert.equal(v.outcome, 'valid', v.reason)
  })

  it('passes an honest update trained on cpu and replayed on wasm (tolerance mode)', async () => {
    await selectBackend({ backend: 'cpu' })
    let cpu: TrainRoundResult
    try {
      cpu = await trainRound({ ...params, round: 8 })
    } finally {
      await selectBackend({ backend: 'wasm' })
    }
    assert.equal(tf.getBackend(), 'wasm')
    assert.match(cpu.replay.backendClass, /^cpu/)
    const v = await check(submissionClaimFromResult(cpu), cpu, { ...params, round: 8 })
    assert.equal(v.outcome, 'valid', v.reason)
    const segs = v.checks.filter((c) => c.check === 'segment')
    assert.ok(segs.length === 4 && segs.every((c) => c.exact === false && (c.distance ?? 1) < 1e-4), JSON.stringify(segs))
  })

  const faults: Array<{ fault: WorkerFault, check: string }> = [
    { fault: 'random-delta', check: 'end' },
    { fault: 'scaled-delta', check: 'end' },
    { fault: 'nan-delta', check: 'delta' },
    { fault: 'lazy', check: 'segment' },
    { fault: 'skip-steps', check: 'segment' },
    { fault: 'other-data', check: 'segment' }
  ]
  let roundNo = 20
  for (const { fault, check: expected } of faults) {
    it(`fails the ${fault} cheat (caught by the ${expected} check) with an evidence hash`, async () => {
      const p = { ...params, round: roundNo++ }
      const trained = await trainRound(p, { fault: trainingFaultOf(fault) })
      const cheat = applyDeltaFault(trained, fault)
      const v = await check(submissionClaimFromResult(cheat), cheat, p)
      assert.equal(v.outcome, 'fraud', v.reason)
      assert.match(v.evidenceHash ?? '', /^0x[0-9a-f]{64}$/)
      const failed = v.checks.find((c) => !c.ok)
      assert.equal(failed?.check, expected, v.reason)
      // Reproducible: another verifier (same seed) reports the same evidence.
      const again = await check(submissionClaimFromResult(cheat), cheat, p)
      assert.equal(again.evidenceHash, v.evidenceHash)
    })
  }

  it('fails the copy cheat: another worker\'s proof under the copier\'s commitment', async () => {
    const claim = { ...submissionClaimFromResult(honest), round: 40, workerAddress: COPIER }
    const copied = await trainRound({ ...params, round: 40 })
    claim.proofRoot = copied.proofRoot
    claim.leaves = copied.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm }))
    claim.deltaBytes = copied.deltaBytes
    claim.deltaHash = copied.deltaHash
    claim.commitment = computeCommitment({ round: 40, startWeightsId: copied.startWeightsId, deltaHash: copied.deltaHash, proofRoot: copied.proofRoot, workerAddress: COPIER })
    const v = await check(claim, copied)
    assert.equal(v.outcome, 'fraud', v.reason)
    assert.equal(v.checks.find((c) => !c.ok)?.check, 'start', v.reason)
  })

  it('fails the stale-round cheat: round r work claimed as round r - 1 breaks the commitment', async () => {
    const claim = { ...submissionClaimFromResult(honest), round: honest.round - 1 }
    const v = await check(claim, honest)
    assert.equal(v.outcome, 'fraud', v.reason)
    assert.equal(v.checks.find((c) => !c.ok)?.check, 'commitment')
  })

  it('fails an update that declares another base model than W_r, before fetching anything', async () => {
    const other = `0x${'ab'.repeat(32)}` as const
    const v = await check({ ...submissionClaimFromResult(honest), baseModelId: other }, honest)
    assert.equal(v.outcome, 'fraud', v.reason)
    assert.match(v.reason, /another model than W_r/)
    assert.deepEqual(v.segments, [])
  })

  it('catches a poisoned last checkpoint that claims an honest norm, under every seed', async () => {
    // The adaptive poisoner of issue 15: honest training, then only the final weights rewritten.
    const p = { ...params, round: 41 }
    const poisoned = await trainRound(p, { fault: { mode: 'poison-last' } })
    const honestNorms = honest.leaves.map((l) => l.updateNorm)
    assert.ok(poisoned.leaves.at(-1)!.updateNorm < 2 * Math.max(...honestNorms.slice(1)), 'the leaf claims an ordinary norm')
    for (let i = 0; i < 6; i++) {
      const v = await check(submissionClaimFromResult(poisoned), poisoned, p, { seed: '0x' + (i + 1).toString(16).padStart(2, '0').repeat(32), plan: { random: 1 } })
      assert.equal(v.outcome, 'fraud', `seed ${i}: ${v.reason}`)
      assert.deepEqual(v.checks.find((c) => !c.ok), { ...v.checks.find((c) => !c.ok), check: 'segment', index: 3 })
    }
  })

  it('fails a summary that misstates a fetched leaf', async () => {
    const claim = submissionClaimFromResult(honest)
    claim.leaves = claim.leaves.map((l, i) => i === 1 ? { ...l, updateNorm: l.updateNorm / 2 } : l)
    const v = await check(claim, honest)
    assert.equal(v.outcome, 'fraud', v.reason)
    assert.equal(v.checks.find((c) => !c.ok)?.check, 'summary')
  })

  it('treats a worker that refuses a committed checkpoint as fraud, an unreachable one as unavailable', async () => {
    const claim = { ...submissionClaimFromResult(honest) }
    rounds.delete(honest.round)
    const refused = await verifySubmission({
      node: peers.verifier, workerPeer: peers.peer,
      submission: claim, startWeights: params.startWeights, modelConfig: params.model, hyper: params.hyper, roundSeed: params.roundSeed, shards: params.shards, challengeSeed: SEED
    })
    assert.equal(refused.outcome, 'fraud', refused.reason)
    assert.equal(refused.checks.at(-1)?.check, 'withheld')
    const gone = await createNode()
    const addrs = gone.getMultiaddrs().map(String)
    const peerId = gone.peerId.toString()
    await gone.stop()
    const unreachable = await verifySubmission({
      node: peers.verifier, workerPeer: { peerId, multiaddrs: addrs },
      submission: claim, startWeights: params.startWeights, modelConfig: params.model, hyper: params.hyper, roundSeed: params.roundSeed, shards: params.shards, challengeSeed: SEED,
      fetchAttempts: 2, fetchRetryDelayMs: 10
    })
    assert.equal(unreachable.outcome, 'unavailable', unreachable.reason)
    assert.equal(unreachable.evidenceHash, null)
    assert.equal(unreachable.ok, false)
  })

  describe('liveness: deadlines, transfer rate, size caps, abort', function () {
    let rogue: CotrainNode
    let behave: (req: { round: number, index: number }, signal: AbortSignal) => Promise<CheckpointReply>
    let service: Awaited<ReturnType<typeof startCheckpointService>>
    before(async () => {
      rogue = await createNode()
      service = await startCheckpointService(rogue, { onCheckpointRequest: async (req, ctx) => await behave({ round: req.round, index: req.index }, ctx.signal) })
    })
    after(async () => { await service?.stop(); await rogue?.stop() })

    const against = async (extra: Partial<Parameters<typeof verifySubmission>[0]>, options: { signal?: AbortSignal } = {}): Promise<SubmissionVerification> =>
      await verifySubmission({
        node: peers.verifier, workerPeer: { peerId: rogue.peerId.toString(), multiaddrs: rogue.getMultiaddrs().map(String) },
        submission: submissionClaimFromResult(honest), startWeights: params.startWeights, modelConfig: params.model, hyper: params.hyper,
        roundSeed: params.roundSeed, shards: params.shards, challengeSeed: SEED, fetchRetryDelayMs: 10, ...extra
      }, options)
    const stall = async (_req: unknown, signal: AbortSignal): Promise<CheckpointReply> =>
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))

    it('a worker slower than the minimum transfer rate is unavailable after bounded retries, not a hang', async () => {
      behave = stall
      const t = performance.now()
      const v = await against({ requestTimeoutMs: 150, minBytesPerSecond: 1e12, fetchAttempts: 2 })
      assert.equal(v.outcome, 'unavailable', v.reason)
      assert.match(v.reason, /2 attempts.*minimum transfer rate/)
      assert.ok(performance.now() - t < 3000, `took ${performance.now() - t} ms`)
    })

    it('the overall fetch deadline ends a verification whatever the retries', async () => {
      behave = stall
      const t = performance.now()
      const v = await against({ fetchDeadlineMs: 300, fetchAttempts: 1000 })
      assert.equal(v.outcome, 'unavailable', v.reason)
      assert.match(v.reason, /fetch deadline/)
      assert.ok(performance.now() - t < 3000, `took ${performance.now() - t} ms`)
    })

    it('a size claim the model does not imply is refused before anything is fetched', async () => {
      behave = async ({ round, index }) => {
        const { reply } = checkpointOpening(await checkpointWithProof(honest, index))
        return { ...reply, round, checkpointSize: 2000 * 1024 * 1024, checkpoint: new Uint8Array(0) }
      }
      const v = await against({ fetchAttempts: 1 })
      assert.equal(v.outcome, 'fraud', v.reason)
      assert.match(v.reason, /claims 2097152000 bytes, the model implies/)
    })

    it('aborts when the caller does', async () => {
      behave = stall
      const controller = new AbortController()
      setTimeout(() => controller.abort(new Error('stopping')), 100)
      await assert.rejects(against({}, { signal: controller.signal }), /stopping/)
    })
  })
})
