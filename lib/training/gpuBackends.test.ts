import assert from 'node:assert/strict'
import * as tf from '@tensorflow/tfjs'
import { selectBackend, type BackendName } from './selectBackend.ts'
import { smallRound } from './testing/fixture.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams, type TrainRoundResult } from './trainRound.ts'
import { verifyEnd, verifySegment, verifyStart, type VerifyResult } from './verifySegment.ts'

/**
 * GPU paths. Each suite runs only where its backend loads (webgpu with an
 * adapter: in CI and on a CPU-only machine SwiftShader's Vulkan driver, set up
 * by test/mochaSetup.ts; tfjs-node-gpu with CUDA) and skips with the reason
 * otherwise. SwiftShader runs about 100x slower than a GPU, so the webgpu
 * round is a tiny MLP and a few steps.
 */
async function loadOrSkip (ctx: Mocha.Context, name: BackendName): Promise<void> {
  try {
    await selectBackend({ backend: name })
  } catch (err) {
    console.log(`      skipped: ${(err as Error).message.split('\n')[0]}`)
    ctx.skip()
  }
}

async function verifyAll (params: TrainRoundParams, r: TrainRoundResult): Promise<VerifyResult[]> {
  const ctx = { round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot: r.proofRoot, replay: r.replay }
  const out: VerifyResult[] = []
  for (let j = 0; j < r.leaves.length - 1; j++) out.push(await verifySegment({ ...ctx, index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1) }))
  return out
}

describe('training on webgpu', function () {
  this.timeout(240_000)
  const tiny = async (): Promise<TrainRoundParams> => await smallRound({ steps: 8, interval: 2, model: { kind: 'mlp', hidden: [16] } })
  after(async () => { await selectBackend({ backend: 'wasm' }) })

  it('trains, checkpoints and proves a round with flat GPU memory; wasm verifies every segment within the threshold', async function () {
    await loadOrSkip(this, 'webgpu')
    const params = await tiny()
    const memory: Array<{ numTensors: number, numBytesInGPU: number }> = []
    const a = await trainRound(params, {
      onProgress: (p) => {
        if (p.step === (p.checkpoint) * 2) {
          const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU: number }
          memory.push({ numTensors: m.numTensors, numBytesInGPU: m.numBytesInGPU })
        }
      }
    })
    assert.match(a.replay.backendClass, /^webgpu-/)
    assert.equal(memory.length, 4)
    for (const m of memory) assert.deepEqual(m, memory[0], `tensors and GPU bytes at each checkpoint: ${JSON.stringify(memory)}`)
    const b = await trainRound(params)
    const losses = a.leaves.slice(1).map((l) => l.loss)
    assert.ok(losses.every((l) => Number.isFinite(l) && l > 0), `losses ${losses.join(', ')}`)
    console.log(`      ${a.replay.backendClass}: ${a.samplesPerSecond.toFixed(0)} samples/s; memory at checkpoints ${JSON.stringify(memory[0])}; run-to-run ${a.proofRoot === b.proofRoot ? 'bit-identical' : 'NOT bit-identical'}`)

    await selectBackend({ backend: 'wasm' })
    const c = { round: params.round, workerAddress: params.workerAddress, hyper: params.hyper, proofRoot: a.proofRoot }
    assert.ok((await verifyStart({ ...c, startWeights: params.startWeights, checkpoint: await checkpointWithProof(a, 0) })).ok)
    for (const v of await verifyAll(params, a)) assert.ok(v.ok && !v.exact, v.reason)
    const end = await verifyEnd({ ...c, startWeights: params.startWeights, checkpoint: await checkpointWithProof(a, a.leaves.length - 1), deltaBytes: a.deltaBytes, commitment: a.commitment })
    assert.ok(end.ok, end.reason)
  })

  it('replays a wasm round within the threshold and catches the segment whose steps were skipped', async function () {
    await selectBackend({ backend: 'wasm' })
    const params = await tiny()
    const cheat = await trainRound(params, { fault: { mode: 'skip-steps', segments: [2] } })
    await loadOrSkip(this, 'webgpu')
    const results = await verifyAll(params, cheat)
    console.log(`      on webgpu: ${results.map((v) => v.distance?.toExponential(1)).join(', ')}`)
    results.forEach((v, j) => { assert.equal(v.ok, j !== 1, v.reason); assert.equal(v.exact, false) })
  })
})

for (const name of ['node-gpu', 'node'] as BackendName[]) {
  describe(`training on ${name}`, function () {
    after(async () => { await selectBackend({ backend: 'wasm' }) })

    it(`trains a CNN round on ${name} and the proof verifies on wasm within the threshold`, async function () {
      await loadOrSkip(this, name)
      this.timeout(300_000)
      const params = await smallRound({ steps: 20, interval: 10, model: { kind: 'cnn', filters: [4, 8], dense: [32] } })
      const a = await trainRound(params)
      const losses = a.leaves.slice(1).map((l) => l.loss)
      assert.ok(losses.every(Number.isFinite) && losses[1] < losses[0], `losses ${losses.join(', ')}`)
      await selectBackend({ backend: 'wasm' })
      for (const v of await verifyAll(params, a)) assert.ok(v.ok, v.reason)
    })
  })
}
