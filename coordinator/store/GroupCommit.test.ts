import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from '../testing/tempDir.ts'
import { CoordinatorStore } from './CoordinatorStore.ts'
import { WorkerAddressTakenError } from '../errors.ts'

const T0 = 1_700_000_000_000
const ADDR = (n: number): string => '0x' + n.toString(16).padStart(40, '0')
const CRASHER = join(fileURLToPath(new URL('.', import.meta.url)), 'testing', 'ackThenCrash.ts')

describe('group commit (CoordinatorStore.durableWrite)', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore | undefined
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { store?.close(); tmp.remove() })

  /** Counts the store's top-level transactions (each is one commit) from now on. */
  function countCommits (s: CoordinatorStore): { commits: number } {
    const seen = { commits: 0 }
    const original = s.transaction.bind(s)
    let depth = 0
    s.transaction = <T>(fn: () => T): T => {
      if (depth === 0) seen.commits++
      depth++
      try { return original(fn) } finally { depth-- }
    }
    return seen
  }

  it('commits writes that arrive together once, and resolves each only after that commit', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const s = store
    const seen = countCommits(s)
    const writes = Array.from({ length: 40 }, async (_, n) => await s.durableWrite(() => s.upsertWorker({ peerId: `peer${n}`, address: ADDR(n + 1), capabilities: {}, samplesPerSec: 1000, at: T0 })))
    assert.equal(seen.commits, 0, 'nothing is committed while the group gathers')
    const rows = await Promise.all(writes)
    assert.equal(seen.commits, 1)
    assert.deepEqual(rows.map(r => r.peerId), Array.from({ length: 40 }, (_, n) => `peer${n}`))
    assert.equal(s.listWorkers().length, 40)
  })

  it('rolls back only the write that throws, rejecting its promise alone', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const s = store
    await s.durableWrite(() => s.upsertWorker({ peerId: 'owner', address: ADDR(1), capabilities: {}, samplesPerSec: 1000, at: T0 }))
    const good = s.durableWrite(() => s.upsertWorker({ peerId: 'good', address: ADDR(2), capabilities: {}, samplesPerSec: 1000, at: T0 }))
    // Writes its own row first, then fails: that row must go too.
    const bad = s.durableWrite(() => {
      s.upsertWorker({ peerId: 'half', address: ADDR(3), capabilities: {}, samplesPerSec: 1000, at: T0 })
      return s.upsertWorker({ peerId: 'thief', address: ADDR(1), capabilities: {}, samplesPerSec: 1000, at: T0 })
    })
    const after = s.durableWrite(() => s.upsertWorker({ peerId: 'after', address: ADDR(4), capabilities: {}, samplesPerSec: 1000, at: T0 }))
    await assert.rejects(bad, WorkerAddressTakenError)
    await good
    await after
    assert.deepEqual(s.listWorkers().map(w => w.peerId), ['after', 'good', 'owner'])
  })

  it('commits what is queued when the store closes', async () => {
    store = await CoordinatorStore.open(tmp.dir, { groupWindowMs: 60_000 })
    const s = store
    const write = s.durableWrite(() => s.upsertWorker({ peerId: 'late', address: ADDR(1), capabilities: {}, samplesPerSec: 1000, at: T0 }))
    s.close()
    await write
    store = await CoordinatorStore.open(tmp.dir)
    assert.equal(store.getWorker('late')?.address, ADDR(1))
  })

  it('keeps an acknowledged write when the process is killed right after the acknowledgement', async function () {
    this.timeout(30_000)
    const child = spawnSync(process.execPath, [CRASHER, tmp.dir, '20'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NODE_NO_WARNINGS: '1' } })
    assert.equal(child.signal, 'SIGKILL', `the child ended with ${child.status ?? ''} ${child.stderr}`)
    assert.equal(child.stdout, 'acknowledged\n')
    store = await CoordinatorStore.open(tmp.dir)
    // The whole group was acknowledged together, by one commit.
    assert.equal(store.listWorkers().length, 20)
  })
})
