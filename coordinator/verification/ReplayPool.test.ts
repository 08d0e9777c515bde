import assert from 'node:assert/strict'
import { trainHonestRound } from '../../lib/training/testing/fixture.ts'
import { checkpointWithProof, type TrainRoundParams, type TrainRoundResult } from '../../lib/training/trainRound.ts'
import { ReplayPool, ReplayThreadError, type SegmentReplay } from './ReplayPool.ts'

describe('ReplayPool: segment replays in worker threads', function () {
  this.timeout(120_000)
  let params: TrainRoundParams
  let honest: TrainRoundResult
  const pools: ReplayPool[] = []

  before(async () => {
    ;({ params, honest } = await trainHonestRound({ steps: 20, interval: 5 }))
  })
  after(async () => { for (const p of pools) await p.stop() })

  const segment = async (j: number): Promise<SegmentReplay> => ({
    round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards,
    proofRoot: honest.proofRoot, replay: honest.replay, index: j, from: await checkpointWithProof(honest, j), to: await checkpointWithProof(honest, j + 1)
  })

  it('runs two replays at once on two threads, each verifying its segment like the main thread would', async () => {
    const pool = new ReplayPool({ size: 2 })
    pools.push(pool)
    const results = await Promise.all([pool.replay(await segment(0)), pool.replay(await segment(1))])
    assert.deepEqual(results.map((r) => [r.ok, r.exact]), [[true, true], [true, true]])
    const [a, b] = pool.spans
    assert.notEqual(a.thread, b.thread)
    // Overlapping spans: both replays were in flight at the same time, whatever the machine's load.
    assert.ok(a.start < b.end && b.start < a.end, `spans ${JSON.stringify(pool.spans)} do not overlap`)
  })

  it('finds a tampered checkpoint in a thread as a verdict (ok: false), not an error', async () => {
    const pool = new ReplayPool({ size: 1 })
    pools.push(pool)
    const s = await segment(2)
    const to = { ...s.to, weights: s.to.weights.slice() }
    to.weights[100] ^= 0xff
    const r = await pool.replay({ ...s, to })
    assert.equal(r.ok, false)
  })

  it('fails the replay of a thread that crashes with ReplayThreadError (a local error, never fraud), and replaces the thread', async () => {
    const pool = new ReplayPool({ size: 1, threadUrl: new URL('./testing/exitingThread.ts', import.meta.url) })
    pools.push(pool)
    await assert.rejects(pool.replay(await segment(0)), (err: unknown) => err instanceof ReplayThreadError && /exited with code 3/.test(err.message))
    await assert.rejects(pool.replay(await segment(0)), ReplayThreadError, 'a new thread took the next replay')
  })

  it('rejects with the deadline when a replay is aborted, and keeps serving', async () => {
    const pool = new ReplayPool({ size: 1 })
    pools.push(pool)
    const controller = new AbortController()
    const pending = pool.replay(await segment(0), { signal: controller.signal })
    controller.abort(new Error('verification deadline'))
    await assert.rejects(pending, /verification deadline/)
    assert.equal((await pool.replay(await segment(3))).ok, true)
  })
})
