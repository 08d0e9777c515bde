import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadMnist } from '../data/loadMnist.ts'
import { splitIntoShards } from '../data/shard.ts'
import { weightsId } from '../hash/contentId.ts'
import { evaluate } from '../model/evaluate.ts'
import { initialWeights } from '../model/flatWeights.ts'
import { CheckpointMismatchError, roundCheckpointDir } from './CheckpointStore.ts'
import { selectBackend } from './selectBackend.ts'
import { smallRound, WORKER, ROUND_SEED } from './testing/fixture.ts'
import { recomputeCommitment, trainRound, withDelta } from './trainRound.ts'

describe('training: trainRound', function () {
  let tmp: string
  before(async () => {
    await selectBackend({ backend: 'wasm' })
    tmp = await mkdtemp(path.join(tmpdir(), 'cotrain-train-'))
  })
  after(async () => { await rm(tmp, { recursive: true, force: true }) })

  it('the MLP reaches >= 95% MNIST test accuracy in one epoch', async () => {
    const train = await loadMnist({ split: 'train' })
    const test = await loadMnist({ split: 'test' })
    const shards = splitIntoShards(train, 10)
    const model = { kind: 'mlp' as const, hidden: [128] }
    const r = await trainRound({
      round: 1, roundSeed: ROUND_SEED, workerAddress: WORKER, model, startWeights: initialWeights(model, 'genesis'),
      shards, hyper: { steps: 469, batchSize: 128, learningRate: 3e-3, checkpointInterval: 50 }
    })
    const { accuracy, loss } = await evaluate({ config: model, weights: r.endWeights }, test)
    console.log(`      accuracy ${(accuracy * 100).toFixed(2)}%, loss ${loss.toFixed(3)}, ${r.samplesPerSecond.toFixed(0)} samples/s with proofs, ${r.leaves.length} checkpoints`)
    assert.ok(accuracy >= 0.95, `accuracy ${accuracy}`)
    assert.equal(r.leaves.length, 11)
    assert.equal(r.leaves.at(-1)?.step, 469)
  })

  it('is bit-identical run to run, and differs per worker', async () => {
    const params = await smallRound()
    const a = await trainRound(params)
    const b = await trainRound(params)
    assert.equal(a.proofRoot, b.proofRoot)
    assert.equal(a.commitment, b.commitment)
    assert.equal(weightsId(a.endWeights), weightsId(b.endWeights))
    assert.deepEqual(a.leaves.map((l) => l.loss), b.leaves.map((l) => l.loss))
    assert.ok(a.leaves[4].loss < a.leaves[1].loss, 'loss falls')
    const c = await trainRound({ ...params, workerAddress: '0x' + 'b2'.repeat(20) })
    assert.notEqual(c.proofRoot, a.proofRoot)
    assert.equal(a.commitment, recomputeCommitment(a))
    assert.match(a.commitment, /^0x[0-9a-f]{64}$/)
  })

  it('data-parallel over 2 threads equals 2 micro-batches in one thread, bit for bit', async () => {
    const params = await smallRound({ steps: 20 })
    const threaded = await trainRound(params, { threads: 2 })
    const local = await trainRound(params, { microBatches: 2 })
    assert.equal(threaded.proofRoot, local.proofRoot)
    assert.deepEqual(threaded.replay, local.replay)
    assert.equal(threaded.replay.microBatches, 2)
    assert.notEqual(threaded.proofRoot, (await trainRound(params)).proofRoot, 'the split is part of the computation')
  })

  it('writes one folder per round and resumes after an abort with the same proof root', async () => {
    const params = await smallRound({ steps: 60 })
    const reference = await trainRound(params)
    const dir = roundCheckpointDir(tmp, params.round)
    const ac = new AbortController()
    await assert.rejects(trainRound(params, { checkpointDir: dir, signal: ac.signal, onProgress: (p) => { if (p.checkpoint === 3) ac.abort() } }), { name: 'AbortError' })
    const files = await readdir(dir)
    assert.ok(files.includes('manifest.json') && files.includes('000003.leaf') && files.includes('000003.weights') && files.includes('000003.optim'))
    assert.equal(files.some((f) => f.startsWith('000004')), false)
    const resumed = await trainRound(params, { checkpointDir: dir })
    assert.equal(resumed.resumedFrom, 3)
    assert.equal(resumed.proofRoot, reference.proofRoot)
    assert.equal(resumed.commitment, reference.commitment)
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))
    assert.equal(manifest.checkpointCount, 7)
    await assert.rejects(trainRound({ ...params, hyper: { ...params.hyper, learningRate: 1e-3 } }, { checkpointDir: dir }), CheckpointMismatchError)
    const restarted = await trainRound(params, { checkpointDir: dir, restart: true })
    assert.equal(restarted.resumedFrom, null)
    assert.equal(restarted.proofRoot, reference.proofRoot)
  })

  it('a worker killed mid-training resumes from disk with the identical proof root', async () => {
    const steps = 400
    const dir = path.join(tmp, 'killed')
    const child = spawn(process.execPath, [fileURLToPath(new URL('./testing/killableTrain.ts', import.meta.url)), dir, String(steps)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let killedAt = -1
    await new Promise<void>((resolve, reject) => {
      let buf = ''
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString()
        const m = /checkpoint (\d+)\n/.exec(buf)
        if (m !== null && Number(m[1]) >= 3 && killedAt < 0) { killedAt = Number(m[1]); child.kill('SIGKILL') }
        buf = buf.slice(buf.lastIndexOf('\n') + 1)
      })
      child.on('exit', () => { resolve() })
      child.on('error', reject)
    })
    assert.ok(killedAt >= 3, 'child was killed mid-run')
    const params = await smallRound({ steps, interval: 10 })
    const resumed = await trainRound(params, { checkpointDir: dir })
    assert.ok(resumed.resumedFrom !== null && resumed.resumedFrom >= 1 && resumed.resumedFrom < 40, `resumed from ${resumed.resumedFrom}`)
    const reference = await trainRound(params)
    assert.equal(resumed.proofRoot, reference.proofRoot)
  })

  it('trains the CNN on wasm (with the Conv2D filter-gradient override)', async () => {
    const params = await smallRound({ steps: 30, interval: 10, model: { kind: 'cnn', filters: [4, 8], dense: [32] } })
    const r = await trainRound({ ...params, hyper: { ...params.hyper, learningRate: 3e-3 } })
    const losses = r.leaves.slice(1).map((l) => l.loss)
    assert.ok(losses.every(Number.isFinite))
    assert.ok(losses[2] < losses[0] * 0.8, `CNN loss ${losses.join(', ')}`)
  })

  it('withDelta swaps the delta and recomputes hash and commitment', async () => {
    const r = await trainRound(await smallRound({ steps: 10 }))
    const scaled = withDelta(r, r.delta.map((x) => x * 2))
    assert.notEqual(scaled.deltaHash, r.deltaHash)
    assert.notEqual(scaled.commitment, r.commitment)
    assert.equal(scaled.proofRoot, r.proofRoot)
    assert.equal(withDelta(r, r.delta).commitment, r.commitment)
  })
})
