import assert from 'node:assert/strict'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { tempDir } from '../testing/tempDir.ts'
import { WorkerRegistry } from './WorkerRegistry.ts'

const T0 = 1_700_000_000_000
const ADDR = (n: number): string => '0x' + n.toString(16).padStart(40, '0')

describe('WorkerRegistry', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore | undefined
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { store?.close(); tmp.remove() })

  it('keeps liveness in memory and writes every worker in one flush, which survives a reopen', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const workers = new WorkerRegistry(store)
    for (let n = 1; n <= 50; n++) await workers.upsert({ peerId: `peer${n}`, address: ADDR(n), capabilities: {}, samplesPerSec: 1000, at: T0 })
    for (let n = 1; n <= 50; n++) workers.touch(`peer${n}`, T0 + 5000 + n)
    // Live at once in memory, not yet in the database: no write per poll.
    assert.equal(workers.list({ status: 'active', seenSince: T0 + 5000 }).length, 50)
    assert.equal(store.listWorkers({ seenSince: T0 + 5000 }).length, 0)
    assert.equal(workers.pendingWrites, 50)
    workers.flush()
    assert.equal(workers.pendingWrites, 0)
    assert.equal(store.listWorkers({ seenSince: T0 + 5000 }).length, 50)
    store.close()

    store = await CoordinatorStore.open(tmp.dir)
    const again = new WorkerRegistry(store)
    assert.equal(again.get('peer7')?.lastSeen, T0 + 5007)
    assert.deepEqual(again.list().slice(0, 3).map(w => w.peerId), ['peer1', 'peer10', 'peer11'])
  })

  it('keeps addresses identify reports after a join in memory and writes them all in the next flush, which survives a reopen', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const workers = new WorkerRegistry(store)
    for (let n = 1; n <= 20; n++) await workers.upsert({ peerId: `peer${n}`, address: ADDR(n), capabilities: { addrs: ['/ip4/127.0.0.1/tcp/1'] }, samplesPerSec: 1000, at: T0 })
    let writes = 0
    const setCapabilities = store.setWorkerCapabilities.bind(store)
    store.setWorkerCapabilities = (peerId, capabilities) => { writes++; setCapabilities(peerId, capabilities) }
    for (let n = 1; n <= 20; n++) workers.setAddrs(`peer${n}`, [`/ip4/127.0.0.1/tcp/${4000 + n}`])
    workers.setAddrs('nobody', ['/ip4/127.0.0.1/tcp/9'])
    // At once in memory (the provider book and verifiers dial them), not yet one commit each.
    assert.deepEqual(workers.get('peer7')?.capabilities.addrs, ['/ip4/127.0.0.1/tcp/4007'])
    assert.equal(writes, 0)
    assert.deepEqual(store.getWorker('peer7')?.capabilities.addrs, ['/ip4/127.0.0.1/tcp/1'])
    assert.equal(workers.pendingWrites, 20)
    workers.flush()
    assert.equal(writes, 20)
    assert.equal(workers.pendingWrites, 0)
    store.close()

    store = await CoordinatorStore.open(tmp.dir)
    assert.deepEqual(new WorkerRegistry(store).get('peer7')?.capabilities.addrs, ['/ip4/127.0.0.1/tcp/4007'])
  })

  it('writes joins, status and speed through at once, and refuses touches of unknown workers', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const workers = new WorkerRegistry(store)
    await workers.upsert({ peerId: 'b', address: ADDR(2), capabilities: {}, samplesPerSec: 1000, at: T0 })
    await workers.upsert({ peerId: 'a', address: ADDR(1), capabilities: {}, samplesPerSec: 1000, at: T0 })
    workers.setStatus('a', 'inactive')
    workers.setSpeed('b', 1234)
    assert.deepEqual(workers.list().map(w => w.peerId), ['a', 'b'])
    assert.deepEqual(workers.list({ status: 'active' }).map(w => w.peerId), ['b'])
    assert.equal(store.getWorker('a')?.status, 'inactive')
    assert.equal(store.getWorker('b')?.samplesPerSec, 1234)
    assert.throws(() => workers.touch('nobody', T0), /unknown worker/)
  })

  it('keeps the active and live counts as workers join, poll, change status and expire, equal to a scan', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const workers = new WorkerRegistry(store)
    const LIVENESS = 10_000
    const scan = (now: number): number => workers.list({ status: 'active', seenSince: now - LIVENESS }).length
    // A fixed pseudo-random walk (no Math.random: a failure must replay).
    let seed = 7
    const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    let now = T0
    for (let step = 0; step < 2000; step++) {
      now += next(400)
      const peer = `peer${next(60)}`
      const action = next(10)
      if (workers.get(peer) == null || action === 0) await workers.upsert({ peerId: peer, address: ADDR(Number(peer.slice(4)) + 1), capabilities: {}, samplesPerSec: 1000, at: now })
      else if (action === 1) workers.setStatus(peer, 'inactive')
      else if (action === 2) workers.setStatus(peer, 'active')
      else workers.touch(peer, now)
      if (step % 7 === 0) {
        assert.equal(workers.liveCount(now - LIVENESS), scan(now), `live count at step ${step}`)
        assert.equal(workers.activeCount, workers.list({ status: 'active' }).length, `active count at step ${step}`)
      }
    }
    // Nobody polls for longer than the threshold: all expire; one poll brings one back.
    now += LIVENESS + 1
    assert.equal(workers.liveCount(now - LIVENESS), 0)
    const back = workers.list({ status: 'active' })[0].peerId
    workers.touch(back, now)
    assert.equal(workers.liveCount(now - LIVENESS), 1)
    // A threshold earlier than the last one (the clock went back) is still right.
    assert.equal(workers.liveCount(now - 3 * LIVENESS), scan(now - 2 * LIVENESS))
    // And a reopened registry starts from the stored rows with the same counts.
    workers.flush()
    const again = new WorkerRegistry(store)
    assert.equal(again.activeCount, workers.activeCount)
    assert.equal(again.liveCount(now - LIVENESS), 1)
  })

  it('counts live workers on a tick without a pass over every worker: the work per tick does not grow with N', async () => {
    const LIVENESS = 60_000
    // Work done by one tick's count, in registry entries read: scans go through `list` or the map of workers.
    const tickWork = async (n: number): Promise<number> => {
      store?.close()
      tmp.remove()
      tmp = tempDir()
      store = await CoordinatorStore.open(tmp.dir)
      const workers = new WorkerRegistry(store)
      for (let i = 0; i < n; i++) await workers.upsert({ peerId: `n${n}-${i}`, address: ADDR(n * 10_000 + i), capabilities: {}, samplesPerSec: 1000, at: T0 })
      let read = 0
      const list = workers.list.bind(workers)
      workers.list = (filter) => { const all = list(filter); read += workers.size; return all }
      const byPeer = Reflect.get(workers, 'byPeer') as Map<string, unknown>
      for (const name of ['values', 'entries', 'keys', 'forEach'] as const) {
        const original = byPeer[name].bind(byPeer) as (...a: unknown[]) => unknown
        Reflect.set(byPeer, name, (...a: unknown[]) => { read += byPeer.size; return original(...a) })
      }
      const iterate = byPeer[Symbol.iterator].bind(byPeer)
      Reflect.set(byPeer, Symbol.iterator, () => { read += byPeer.size; return iterate() })
      // Ticks every 500 ms while all poll; then 3 workers go quiet and expire.
      let now = T0
      for (let tick = 0; tick < 10; tick++) {
        now += 500
        assert.equal(workers.liveCount(now - LIVENESS), n)
      }
      now = T0 + LIVENESS
      for (let i = 3; i < n; i++) workers.touch(`n${n}-${i}`, now)
      assert.equal(workers.liveCount(now + 1 - LIVENESS), n - 3)
      return read
    }
    const small = await tickWork(20)
    const large = await tickWork(400)
    assert.equal(small, 0, 'no registry pass on a tick')
    assert.equal(large, 0, 'no registry pass on a tick')
  })
})
