import assert from 'node:assert/strict'
import path from 'node:path'
import { generatePrivateKey } from 'viem/accounts'
import { accountFromPrivateKey } from '../../../lib/chain/index.ts'
import { startTestCoordinator, type TestCoordinator } from '../../testing/startTestCoordinator.ts'
import type { CoordinatorEvent } from '../CoordinatorService.ts'
import { WorkerNode } from '../../../worker/node/WorkerNode.ts'
import { isRelayedAddr, listSubmissions } from '../../../lib/net/index.ts'
import type { WorkerEvent } from '../../../worker/node/events.ts'

const WORKERS = 4

function metric (text: string, pattern: RegExp): number {
  let sum = 0
  for (const m of text.matchAll(pattern)) sum += Number(m[1])
  return sum
}

/**
 * Swarm distribution end to end, in one process on real libp2p: a real
 * coordinator (SQLite, blob store, assign and have handlers) and four real
 * workers (WorkerNode: fetch, train, submit, serve). With one seed, the
 * coordinator serves the round's model once; the other three workers get it
 * from workers that reported holding it.
 */
describe('swarm distribution: later workers get the model from earlier ones', function () {
  this.timeout(120_000)
  let coord: TestCoordinator
  const workers: WorkerNode[] = []
  const workerEvents: WorkerEvent[][] = []
  let done: Extract<CoordinatorEvent, { event: 'round:done' }> | undefined

  before(async () => {
    coord = await startTestCoordinator({
      shards: WORKERS,
      trainSamples: 600,
      minWorkers: WORKERS,
      minUpdates: WORKERS,
      rounds: 1,
      swarmSeeds: 1,
      // Replay verification is not under test.
      verify: async () => ({ accepted: true, score: 50 })
    }, { prefix: 'cotrain-swarm-', onEvent: (e) => { if (e.event === 'round:done') done = e } })
    const target = `${coord.multiaddr.toString()}`
    for (let i = 0; i < WORKERS; i++) {
      const events: WorkerEvent[] = []
      workerEvents.push(events)
      workers.push(await WorkerNode.start({
        coordinator: target,
        dataDir: path.join(coord.dir, `worker-${i}`),
        account: accountFromPrivateKey(generatePrivateKey()),
        backend: 'wasm',
        rounds: 1,
        // Stay up, serving, until the test ends.
        lingerSeconds: 60,
        benchmarkMs: 200,
        pollMs: 100,
        metricsPort: 0,
        controlSocket: false,
        onEvent: (e) => events.push(e)
      }))
    }
    while (done === undefined) await new Promise((resolve) => setTimeout(resolve, 100))
  })

  after(async () => {
    await Promise.all(workers.map(async (w) => await w.stop()))
    await coord?.stop()
  })

  it('serves the model once from the coordinator however many workers train, the rest from peers', async () => {
    assert.equal(done?.accepted, WORKERS)
    const c = coord.service
    const round = c.store.requireRound(1)
    const modelSize = c.store.blobs.sizeOf(round.modelId)
    assert.equal(round.shards.length, WORKERS)
    const shardBytes = round.shards.reduce((n, s) => n + c.store.blobs.sizeOf(s.id), 0)
    const served = metric(c.metrics.render(), /cotrain_bytes_served_total(?:\{[^}]*\})? ([0-9.e+]+)/g)
    // One model and each shard once: what a single worker would cost.
    assert.equal(served, modelSize + shardBytes)
    // All in round 1, and the per-round gauge says so.
    assert.equal(metric(c.metrics.render(), /cotrain_round_bytes_served ([0-9.e+]+)/g), served)
    let fromPeers = 0
    let servedByWorkers = 0
    for (const w of workers) {
      const text = await (await fetch(`${w.metricsServer?.url}/metrics`)).text()
      fromPeers += metric(text, /cotrain_worker_bytes_fetched_total\{from="peer"\} ([0-9.e+]+)/g)
      servedByWorkers += metric(text, /cotrain_worker_bytes_served_total ([0-9.e+]+)/g)
    }
    assert.equal(fromPeers, (WORKERS - 1) * modelSize)
    assert.equal(servedByWorkers, (WORKERS - 1) * modelSize)
  })

  it('gives validators every worker\'s own listen addresses, not only a relayed one through the coordinator', async () => {
    const list = await listSubmissions(workers[0].node, coord.multiaddr, { round: 1, start: 0, limit: 0 }, { timeoutMs: 10_000 })
    assert.equal(list.submissions?.length, WORKERS)
    for (const s of list.submissions ?? []) {
      const w = workers.find((x) => x.node.peerId.toString() === s.workerPeerId)
      assert.ok(w !== undefined)
      const own = w.node.getMultiaddrs().map(String).filter((a) => !isRelayedAddr(a))
      const direct = (s.workerAddrs ?? []).filter((a) => !isRelayedAddr(a))
      assert.ok(own.length > 0)
      assert.ok(direct.length > 0 && direct.every((a) => own.some((o) => o.startsWith(a))), `${s.workerPeerId}: ${JSON.stringify(s.workerAddrs)}`)
    }
  })
})
