import assert from 'node:assert/strict'
import { selectBackend, type BackendName } from './selectBackend.ts'
import { smallRound } from './testing/fixture.ts'
import { checkpointWithProof, trainRound } from './trainRound.ts'
import { verifySegment } from './verifySegment.ts'

/**
 * GPU paths. Each test runs only where its backend loads (tfjs-node-gpu with
 * CUDA, or webgpu with an adapter) and skips with the reason otherwise.
 */
for (const name of ['node-gpu', 'webgpu', 'node'] as BackendName[]) {
  describe(`training on ${name}`, function () {
    after(async () => { await selectBackend({ backend: 'wasm' }) })

    it(`trains a CNN round on ${name} and the proof verifies on wasm within the threshold`, async function () {
      try {
        await selectBackend({ backend: name })
      } catch (err) {
        console.log(`      skipped: ${(err as Error).message.split('\n')[0]}`)
        this.skip()
      }
      this.timeout(300_000)
      const params = await smallRound({ steps: 20, interval: 10, model: { kind: 'cnn', filters: [4, 8], dense: [32] } })
      const a = await trainRound(params)
      const b = await trainRound(params)
      const losses = a.leaves.slice(1).map((l) => l.loss)
      assert.ok(losses.every(Number.isFinite) && losses[1] < losses[0], `losses ${losses.join(', ')}`)
      console.log(`      ${a.replay.backendClass}: ${a.samplesPerSecond.toFixed(0)} samples/s; run-to-run ${a.proofRoot === b.proofRoot ? 'bit-identical' : 'NOT bit-identical'}`)
      await selectBackend({ backend: 'wasm' })
      for (let j = 0; j < a.leaves.length - 1; j++) {
        const v = await verifySegment({ round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot: a.proofRoot, index: j, from: await checkpointWithProof(a, j), to: await checkpointWithProof(a, j + 1), replay: a.replay })
        console.log(`      segment ${j}: ${v.reason}`)
        assert.ok(v.ok, v.reason)
      }
    })
  })
}
