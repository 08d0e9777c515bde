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
})
