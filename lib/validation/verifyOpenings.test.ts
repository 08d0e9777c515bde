import assert from 'node:assert/strict'
import { applyDeltaFault, trainingFaultOf } from '../faults/index.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams, type TrainRoundResult } from '../training/trainRound.ts'
import { trainHonestRound } from '../training/testing/fixture.ts'
import { verifySegment } from '../training/verifySegment.ts'
import { decodeLeaf, encodeLeaf, leafHash } from '../proof/leaf.ts'
import { merkleProof, merkleRoot } from '../proof/merkle.ts'
import type { Hex } from '../hash/sha256.ts'
import { submissionClaimFromResult } from './submissionClaim.ts'
import { startServingWorker } from './testing/servingWorker.ts'
import { verifySubmission, type SubmissionVerification, type VerifySubmissionParameters } from './verifySubmission.ts'

const SEED = '0x' + '5e'.repeat(32)

/**
 * A bit-exact replay is checked against the hashes its end's leaf commits
 * to, so a verifier fetches the bytes of a segment's start and of the run's
 * last checkpoint, and of every other segment end only the opening (leaf and
 * proof): about half the bytes. 20 segments, 9 challenged; the worker's
 * store answers, leaving the bytes out of an opening as the network does
 * for a checkpoint over 1 MiB (a small one travels inline anyway).
 */
describe('validation: segment ends as openings when the replay is bit-exact', function () {
  this.timeout(90_000)
  let params: TrainRoundParams
  let honest: TrainRoundResult

  before(async () => {
    ;({ params, honest } = await trainHonestRound({ steps: 40, interval: 2, round: 11 }))
  })

  /** Verifies `r` from its own store; which checkpoints were asked for whole, and which as openings. */
  async function verifyFromStore (r: TrainRoundResult, p: TrainRoundParams, extra: Partial<VerifySubmissionParameters> = {}): Promise<{ v: SubmissionVerification, whole: number[], openings: number[] }> {
    const whole: number[] = []
    const openings: number[] = []
    const v = await verifySubmission({
      submission: submissionClaimFromResult(r), startWeights: p.startWeights, modelConfig: p.model, hyper: p.hyper, roundSeed: p.roundSeed, shards: p.shards, challengeSeed: SEED,
      checkpoints: async (j, o) => {
        const c = await checkpointWithProof(r, j)
        if (o.openingOnly !== true) { whole.push(j); return c }
        openings.push(j)
        return { ...c, weights: new Uint8Array(0), optimizer: new Uint8Array(0) }
      },
      ...extra
    })
    return { v, whole, openings }
  }

  it('verifies an honest update fetching whole only the segment starts and the last checkpoint', async () => {
    const { v, whole, openings } = await verifyFromStore(honest, params)
    assert.equal(v.outcome, 'valid', v.reason)
    assert.equal(v.segments.length, 9)
    const last = honest.leaves.length - 1
    assert.deepEqual(whole, [...new Set([...v.segments.filter((j) => j > 0), last])].sort((a, b) => a - b))
    assert.ok(openings.includes(0), 'checkpoint 0 is W_r and a zero state: the opening is enough')
    assert.ok(whole.length <= 10 && whole.length + openings.length >= 15, `whole ${whole.join(',')}; openings ${openings.join(',')}`)
    assert.ok(v.checks.filter((c) => c.check === 'segment').every((c) => c.exact === true))
  })

  for (const fault of ['skip-steps', 'other-data', 'lazy'] as const) {
    it(`catches the ${fault} cheat, and judges every segment alike from its end's opening and from its bytes`, async () => {
      const p = { ...params, round: 30 + fault.length }
      const cheat = applyDeltaFault(await trainRound(p, { fault: trainingFaultOf(fault) }), fault)
      const { v } = await verifyFromStore(cheat, p)
      assert.equal(v.outcome, 'fraud', v.reason)
      assert.equal(v.checks.find((c) => !c.ok)?.check, 'segment', v.reason)
      const ctx = { round: cheat.round, roundSeed: p.roundSeed, workerAddress: cheat.workerAddress, model: p.model, hyper: p.hyper, shards: p.shards, proofRoot: cheat.proofRoot, replay: cheat.replay }
      let faked = 0
      for (let j = 0; j < cheat.leaves.length - 1; j++) {
        const from = await checkpointWithProof(cheat, j)
        const to = await checkpointWithProof(cheat, j + 1)
        const withBytes = await verifySegment({ ...ctx, index: j, from, to })
        const fromOpening = await verifySegment({ ...ctx, index: j, from, to: { ...to, weights: new Uint8Array(0), optimizer: new Uint8Array(0) } })
        assert.equal(fromOpening.ok, withBytes.ok, `segment ${j}: ${fromOpening.reason} / ${withBytes.reason}`)
        if (!withBytes.ok) faked++
      }
      assert.ok(faked > 0, 'the cheat fakes some segment')
    })
  }

  it('catches an end whose leaf keeps the honest weights and update norm but commits to another optimizer state (or loss): only the hashes tell', async () => {
    // A proof with leaf 3 altered and re-rooted: the update norm alone cannot catch it, the replayed state's hashes do.
    const j = 2
    for (const alter of [{ optimizerHash: ('0x' + '0f'.repeat(32)) as Hex }, { loss: Math.fround(honest.leaves[j + 1].loss * 1.5) }]) {
      const leaves = await Promise.all(honest.leaves.map(async (_l, i) => decodeLeaf((await checkpointWithProof(honest, i)).leaf)))
      leaves[j + 1] = { ...leaves[j + 1], ...alter }
      const hashes = leaves.map(leafHash)
      const proofRoot = merkleRoot(hashes)
      const from = { ...(await checkpointWithProof(honest, j)), proof: merkleProof(hashes, j) }
      const to = { weights: new Uint8Array(0), optimizer: new Uint8Array(0), leaf: encodeLeaf(leaves[j + 1]), proof: merkleProof(hashes, j + 1) }
      const r = await verifySegment({ round: honest.round, roundSeed: params.roundSeed, workerAddress: honest.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot, replay: honest.replay, index: j, from, to })
      assert.equal(r.ok, false, `${JSON.stringify(alter)}: ${r.reason}`)
      assert.match(r.reason, /does not hash to leaf 3/)
    }
  })

  it('over real libp2p, with checkpoints over 1 MiB (MLP 784-128-10): valid, and only the bytes of segment starts and the last checkpoint travel', async () => {
    const big = await trainHonestRound({ model: { kind: 'mlp', hidden: [128] }, steps: 40, interval: 2, round: 12 })
    const peers = await startServingWorker(new Map([[big.honest.round, big.honest]]))
    try {
      const p = big.params
      const v = await verifySubmission({
        node: peers.verifier, workerPeer: peers.peer, submission: submissionClaimFromResult(big.honest),
        startWeights: p.startWeights, modelConfig: p.model, hyper: p.hyper, roundSeed: p.roundSeed, shards: p.shards, challengeSeed: SEED
      })
      assert.equal(v.outcome, 'valid', v.reason)
      const last = big.honest.leaves.length - 1
      assert.deepEqual([...peers.fetched].sort((a, b) => a - b), [...new Set([...v.segments.filter((j) => j > 0), last])].sort((a, b) => a - b))
    } finally {
      await peers.stop()
    }
  })

  it('a segment whose end is an opening but whose replay is not bit-exact asks for the bytes, and is then verified by distance', async () => {
    const to = await checkpointWithProof(honest, 2)
    const ctx = { round: honest.round, roundSeed: params.roundSeed, workerAddress: honest.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot: honest.proofRoot }
    const elsewhere = { ...honest.replay, backendClass: 'cpu/tfjs-elsewhere' }
    const r = await verifySegment({ ...ctx, index: 1, from: await checkpointWithProof(honest, 1), to: { ...to, weights: new Uint8Array(0), optimizer: new Uint8Array(0) }, replay: elsewhere })
    assert.equal(r.ok, false)
    assert.equal(r.needsBytes, true, r.reason)
    // verifySubmission with replays that are not bit-exact (a replay thread of another class): each opening is fetched again whole.
    const { v, whole } = await verifyFromStore(honest, params, { replaySegment: async (p, o) => await verifySegment({ ...p, replay: elsewhere }, o) })
    assert.equal(v.outcome, 'valid', v.reason)
    assert.ok(v.segments.every((j) => whole.includes(j + 1)), `every segment end fetched whole: ${whole.join(',')}`)
  })
})
