import assert from 'node:assert/strict'
import { initialWeights } from '../model/flatWeights.ts'
import { encodeLeaf, decodeLeaf } from '../proof/leaf.ts'
import { selectBackend } from './selectBackend.ts'
import { smallRound, smallShards } from './testing/fixture.ts'
import { checkpointWithProof, trainRound, withDelta, type TrainRoundParams, type TrainRoundResult } from './trainRound.ts'
import { DEFAULT_REPLAY_THRESHOLD, verifyEnd, verifySegment, verifyStart, type VerifyResult } from './verifySegment.ts'
import type { TrainingFault } from '../faults/index.ts'

const TOLERANCE = { backendClass: 'unknown/tolerance-mode', microBatches: 1 }

async function ctx (params: TrainRoundParams, r: TrainRoundResult): Promise<Omit<Parameters<typeof verifySegment>[0], 'index' | 'from' | 'to'>> {
  return { round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot: r.proofRoot, replay: r.replay }
}

async function segment (params: TrainRoundParams, r: TrainRoundResult, j: number, replay = r.replay): Promise<VerifyResult> {
  return await verifySegment({ ...(await ctx(params, r)), index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1), replay })
}

describe('training: verification', function () {
  let params: TrainRoundParams
  let honest: TrainRoundResult
  const distances: Record<string, number[]> = {}

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    params = await smallRound({ steps: 40, interval: 10 })
    honest = await trainRound(params)
  })
  after(() => {
    for (const [k, v] of Object.entries(distances)) console.log(`      ${k}: relative distance ${v.map((d) => d.toExponential(1)).join(', ')}`)
  })

  it('an honest proof verifies: start, every segment bit for bit, end', async () => {
    const c = await ctx(params, honest)
    assert.ok((await verifyStart({ ...c, startWeights: params.startWeights, checkpoint: await checkpointWithProof(honest, 0) })).ok)
    for (let j = 0; j < honest.leaves.length - 1; j++) {
      const v = await segment(params, honest, j)
      assert.ok(v.ok && v.exact && v.distance === 0, v.reason)
    }
    const end = await verifyEnd({ ...c, startWeights: params.startWeights, checkpoint: await checkpointWithProof(honest, honest.leaves.length - 1), deltaBytes: honest.deltaBytes, commitment: honest.commitment })
    assert.ok(end.ok, end.reason)
    const tol = await segment(params, honest, 1, TOLERANCE)
    assert.ok(tol.ok && !tol.exact && tol.distance === 0, tol.reason)
  })

  const cheats: Array<{ name: string, fault: TrainingFault, bad: number[] }> = [
    { name: 'skipped steps', fault: { mode: 'skip-steps', segments: [2] }, bad: [1] },
    { name: 'other data', fault: { mode: 'other-data', segments: [3] }, bad: [2] },
    { name: 'random checkpoint', fault: { mode: 'random-checkpoint', index: 2 }, bad: [1, 2] }
  ]
  for (const cheat of cheats) {
    it(`detects ${cheat.name} by replay (exact and tolerance mode), and only there`, async () => {
      const r = await trainRound(params, { fault: cheat.fault })
      for (let j = 0; j < r.leaves.length - 1; j++) {
        const exact = await segment(params, r, j)
        const tol = await segment(params, r, j, TOLERANCE)
        if (cheat.bad.includes(j)) {
          assert.equal(exact.ok, false, `segment ${j}: ${exact.reason}`)
          assert.equal(tol.ok, false, `segment ${j}: ${tol.reason}`)
          assert.match(tol.reason, /replay differs/)
          assert.ok(tol.distance !== null && tol.distance > DEFAULT_REPLAY_THRESHOLD * 10)
          ;(distances[cheat.name] ??= []).push(tol.distance)
        } else {
          assert.ok(exact.ok, `segment ${j}: ${exact.reason}`)
        }
      }
    })
  }

  it('detects other data for a whole run (the shard of another worker)', async () => {
    const shards = await smallShards()
    const r = await trainRound(params, { fault: { mode: 'other-data', data: shards[3].dataset } })
    const v = await segment(params, r, 0, TOLERANCE)
    assert.equal(v.ok, false, v.reason)
    ;(distances['other shard'] ??= []).push(v.distance ?? NaN)
  })

  it('rejects a tampered leaf, tampered bytes, a wrong proof and a leaf of another worker', async () => {
    const c = await ctx(params, honest)
    const from = await checkpointWithProof(honest, 1)
    const to = await checkpointWithProof(honest, 2)
    const check = async (patch: Partial<typeof to>, re: RegExp): Promise<void> => {
      const v = await verifySegment({ ...c, index: 1, from, to: { ...to, ...patch } })
      assert.equal(v.ok, false)
      assert.match(v.reason, re)
    }
    const leaf = decodeLeaf(to.leaf)
    await check({ leaf: encodeLeaf({ ...leaf, loss: leaf.loss * 0.5 }) }, /Merkle proof of checkpoint 2 does not match/)
    await check({ leaf: to.leaf.slice(0, 100) }, /leaf 2 is malformed/)
    const w = to.weights.slice(); w[7] ^= 1
    await check({ weights: w }, /weights do not hash to the leaf/)
    await check({ optimizer: to.optimizer.slice(0, -4) }, /optimizer state does not hash/)
    await check({ proof: from.proof }, /proof for checkpoint 2 is for position 1/)
    const v = await verifySegment({ ...c, workerAddress: '0x' + 'c3'.repeat(20), index: 1, from, to })
    assert.match(v.reason, /leaf 1 is for round 7, worker 0xa1a1/)
    const root = await verifySegment({ ...c, proofRoot: '0x' + '00'.repeat(32), index: 1, from, to })
    assert.match(root.reason, /does not match the proof root/)
  })

  it('rejects wrong start weights', async () => {
    const c = await ctx(params, honest)
    const other = initialWeights(params.model, 'someone else')
    const v = await verifyStart({ ...c, startWeights: other, checkpoint: await checkpointWithProof(honest, 0) })
    assert.equal(v.ok, false)
    assert.match(v.reason, /checkpoint 0 is not the round's start weights/)
    // A worker that trained from other weights commits to them in leaf 0.
    const r = await trainRound({ ...params, startWeights: other })
    const v2 = await verifyStart({ ...(await ctx(params, r)), startWeights: params.startWeights, checkpoint: await checkpointWithProof(r, 0) })
    assert.equal(v2.ok, false)
  })

  it('rejects a delta that does not match the last checkpoint (scaled, random, lazy, NaN)', async () => {
    const c = await ctx(params, honest)
    const last = await checkpointWithProof(honest, honest.leaves.length - 1)
    const bad: Record<string, Float32Array> = {
      scaled: honest.delta.map((x) => x * 1.5),
      random: honest.delta.map((_, i) => Math.sin(i) * 1e-2),
      lazy: new Float32Array(honest.delta.length),
      nan: honest.delta.map((x, i) => (i === 3 ? NaN : x))
    }
    for (const [name, delta] of Object.entries(bad)) {
      const cheat = withDelta(honest, delta)
      const v = await verifyEnd({ ...c, startWeights: params.startWeights, checkpoint: last, deltaBytes: cheat.deltaBytes, commitment: cheat.commitment })
      assert.equal(v.ok, false, `${name}: ${v.reason}`)
      assert.match(v.reason, /beyond the int8 bound|not W_start - W_last/)
    }
    const mismatch = await verifyEnd({ ...c, startWeights: params.startWeights, checkpoint: last, deltaBytes: honest.deltaBytes, commitment: withDelta(honest, bad.scaled).commitment })
    assert.match(mismatch.reason, /commitment does not match/)
    const f32 = await trainRound({ ...params, hyper: { ...params.hyper, deltaEncoding: 'float32' } })
    const lastF = await checkpointWithProof(f32, f32.leaves.length - 1)
    const ok = await verifyEnd({ ...(await ctx(params, f32)), hyper: { ...params.hyper, deltaEncoding: 'float32' }, startWeights: params.startWeights, checkpoint: lastF, deltaBytes: f32.deltaBytes })
    assert.ok(ok.ok, ok.reason)
    const nudged = f32.delta.slice()
    const i = nudged.findIndex((x) => x !== 0)
    nudged[i] = Math.fround(nudged[i] * (1 + 2 ** -20))
    const no = await verifyEnd({ ...(await ctx(params, f32)), hyper: { ...params.hyper, deltaEncoding: 'float32' }, startWeights: params.startWeights, checkpoint: lastF, deltaBytes: withDelta(f32, nudged).deltaBytes })
    assert.match(no.reason, /not W_start - W_last/)
  })

  it('a cpu-trained segment verifies on wasm within the threshold; a cpu cheat does not', async () => {
    await selectBackend({ backend: 'cpu' })
    const p = await smallRound({ steps: 20, interval: 10 })
    const onCpu = await trainRound(p)
    const cheat = await trainRound(p, { fault: { mode: 'skip-steps', segments: [2] } })
    await selectBackend({ backend: 'wasm' })
    assert.match(onCpu.replay.backendClass, /^cpu\//)
    for (const j of [0, 1]) {
      const v = await segment(p, onCpu, j)
      assert.ok(v.ok && !v.exact, v.reason)
      assert.ok(v.distance !== null && v.distance > 0 && v.distance < DEFAULT_REPLAY_THRESHOLD / 10, v.reason)
      ;(distances['honest cpu vs wasm'] ??= []).push(v.distance)
    }
    const bad = await segment(p, cheat, 1)
    assert.equal(bad.ok, false, bad.reason)
  })
})
