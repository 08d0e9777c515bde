import assert from 'node:assert/strict'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { CorruptDatabaseError, DuplicateSubmissionError, WorkerAddressTakenError } from '../errors.ts'
import { oneLine } from '../../lib/errors.ts'
import { hex32, tempDir } from '../testing/tempDir.ts'
import { CoordinatorStore, DB_FILE } from './CoordinatorStore.ts'
import { SCHEMA_VERSION } from './migrations.ts'
import type { NewSubmission } from './CoordinatorStore.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'

const T0 = 1_700_000_000_000
const ADDR = (n: number): string => '0x' + n.toString(16).padStart(40, '0')

/** A store with a genesis model, one round and two workers with assignments. */
async function seeded (dir: string): Promise<{ store: CoordinatorStore, modelId: string, assignments: number[] }> {
  const store = await CoordinatorStore.open(dir)
  const model = await store.putModel(new Float32Array([1, 2, 3]), { round: 0, createdAt: T0, loss: 2.3, accuracy: 0.1 })
  store.insertRound({ number: 1, modelId: model.id, hyperParams: { innerSteps: 10 }, seed: parseRoundSeed('ab'.repeat(32)), shards: [{ id: 's1', samples: 100 }, { id: 's2', samples: 100 }], minUpdates: 2, deadline: T0 + 1000, openedAt: T0 })
  const assignments: number[] = []
  for (const n of [1, 2]) {
    store.upsertWorker({ peerId: `peer${n}`, address: ADDR(n), capabilities: { samplesPerSec: 1000 * n }, samplesPerSec: 1000 * n, at: T0 })
    assignments.push(store.insertAssignment({ round: 1, worker: `peer${n}`, shardIds: [`s${n}`], samples: 100, deadline: T0 + 500, createdAt: T0 }).id)
  }
  return { store, modelId: model.id, assignments }
}

function submission (worker: string, assignmentId: number, commitment: string, deltaId: string): NewSubmission {
  return { round: 1, worker, assignmentId, commitment, deltaId, proofRoot: hex32('root' + worker), leafCount: 4, samples: 100, receivedAt: T0 + 10 }
}

describe('CoordinatorStore', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore | undefined
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { store?.close(); tmp.remove() })

  it('uses WAL mode and records its schema version', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    assert.equal(store.journalMode(), 'wal')
    assert.equal(store.schemaVersion(), SCHEMA_VERSION)
  })

  it('refuses an empty or malformed database file with a one-line error naming it and how to recover, and leaves the file as it was', async () => {
    const file = join(tmp.dir, DB_FILE)
    const cases: Array<[string, Buffer, RegExp]> = [
      ['zero-length', Buffer.alloc(0), /is empty \(0 bytes\)/],
      ['not a database', Buffer.from('not sqlite at all '.repeat(300)), /is unreadable \(file is not a database\)/]
    ]
    for (const [what, bytes, problem] of cases) {
      writeFileSync(file, bytes)
      const err = await CoordinatorStore.open(tmp.dir).then(() => assert.fail(`${what} opened`), (e: unknown) => e)
      assert.ok(err instanceof CorruptDatabaseError, `${what}: ${String(err)}`)
      const line = oneLine(err)
      assert.ok(line.startsWith(`coordinator database ${file} `), line)
      assert.match(line, problem)
      assert.match(line, /restore it from a backup/)
      assert.ok(!line.includes('\n'))
      assert.deepEqual(readFileSync(file), bytes, `${what}: the file is not replaced`)
    }
  })

  it('opens while another process holds the database locked for a moment (a coordinator closing), instead of failing at once', async () => {
    (await CoordinatorStore.open(tmp.dir)).close()
    const path = join(tmp.dir, DB_FILE)
    // Another thread holds an exclusive lock for 300 ms, as a closing coordinator does while it checkpoints.
    const holder = new Worker(`
      const { DatabaseSync } = require('node:sqlite')
      const { parentPort, workerData } = require('node:worker_threads')
      const db = new DatabaseSync(workerData)
      db.exec('PRAGMA locking_mode = EXCLUSIVE')
      db.exec('BEGIN EXCLUSIVE')
      db.exec('CREATE TABLE held (x)')
      parentPort.postMessage('locked')
      setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released') }, 300)`, { eval: true, workerData: path })
    await once(holder, 'message')
    try {
      store = await CoordinatorStore.open(tmp.dir)
      assert.equal(store.journalMode(), 'wal')
    } finally {
      await holder.terminate()
    }
  })

  describe('when a submission is a duplicate', () => {
    it('rejects the same (round, worker) and keeps the first', async () => {
      const s = await seeded(tmp.dir)
      store = s.store
      const delta = await store.blobs.putFloats(new Float32Array([0.1, 0.2, 0.3]))
      const first = store.insertSubmission(submission('peer1', s.assignments[0], hex32(1), delta.id))
      assert.throws(() => store!.insertSubmission(submission('peer1', s.assignments[0], hex32(2), delta.id)), (err: unknown) => {
        assert.ok(err instanceof DuplicateSubmissionError)
        assert.equal(err.conflict, 'round-worker')
        assert.equal(err.existingId, first.id)
        assert.match(err.message, /worker peer1 already submitted for round 1/)
        return true
      })
      assert.deepEqual(store.listSubmissions(1), [first])
    })

    it('rejects the same commitment from another worker and keeps the first', async () => {
      const s = await seeded(tmp.dir)
      store = s.store
      const delta = await store.blobs.putFloats(new Float32Array([0.1, 0.2, 0.3]))
      const first = store.insertSubmission(submission('peer1', s.assignments[0], hex32(1), delta.id))
      store.setSubmissionStatus(first.id, 'accepted', { at: T0 + 20 })
      assert.throws(() => store!.insertSubmission(submission('peer2', s.assignments[1], hex32(1), delta.id)),
        (err: unknown) => err instanceof DuplicateSubmissionError && err.conflict === 'commitment' && /commitment already submitted/.test(err.message))
      const rows = store.listSubmissions(1)
      assert.equal(rows.length, 1)
      assert.equal(rows[0].status, 'accepted')
    })
  })

  it('serves a worker\'s assignment from memory on repeated reads, and every write or rollback shows in the next read', async () => {
    const seed = await seeded(tmp.dir)
    const s = store = seed.store
    const a = s.getAssignmentFor(1, 'peer1')
    assert.equal(s.getAssignmentFor(1, 'peer1'), a, 'the same object: not read from the database again')
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a?.shardIds), 'shared, so no caller can change it')
    // None yet, then one: the remembered "none" does not hide it.
    assert.equal(s.getAssignmentFor(1, 'peer3'), undefined)
    s.upsertWorker({ peerId: 'peer3', address: ADDR(3), capabilities: {}, samplesPerSec: 1, at: T0 })
    const third = s.insertAssignment({ round: 1, worker: 'peer3', shardIds: ['s1'], samples: 100, deadline: T0 + 500, createdAt: T0 })
    assert.deepEqual(s.getAssignmentFor(1, 'peer3'), third)
    s.setAssignmentState(seed.assignments[0], 'submitted')
    assert.equal(s.getAssignmentFor(1, 'peer1')?.state, 'submitted')
    // Rolled back: the state read inside the transaction is forgotten with it.
    assert.throws(() => s.transaction(() => {
      s.setAssignmentState(seed.assignments[1], 'missed')
      assert.equal(s.getAssignmentFor(1, 'peer2')?.state, 'missed')
      throw new Error('abort')
    }), /abort/)
    assert.equal(s.getAssignmentFor(1, 'peer2')?.state, 'assigned')
    // The same for one write of a group commit rolled back alone (its savepoint).
    await assert.rejects(s.durableWrite(() => {
      s.setAssignmentState(seed.assignments[1], 'missed')
      s.getAssignmentFor(1, 'peer2')
      throw new Error('abort one')
    }), /abort one/)
    assert.equal(s.getAssignmentFor(1, 'peer2')?.state, 'assigned')
    // Another round's question does not answer from this round's entries.
    assert.equal(s.getAssignmentFor(2, 'peer1'), undefined)
    assert.equal(s.getAssignmentFor(1, 'peer1')?.state, 'submitted')
  })

  it('refuses an address bound to another peer id', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    store.upsertWorker({ peerId: 'a', address: ADDR(7), capabilities: {}, samplesPerSec: 1, at: T0 })
    assert.throws(() => store!.upsertWorker({ peerId: 'b', address: ADDR(7).toUpperCase().replace('0X', '0x'), capabilities: {}, samplesPerSec: 1, at: T0 }), WorkerAddressTakenError)
    assert.equal(store.listWorkers().length, 1)
  })

  it('keeps everything across close and reopen', async () => {
    const s = await seeded(tmp.dir)
    const deltaValues = new Float32Array([0.5, -0.5, 0.25])
    const delta = await s.store.blobs.putFloats(deltaValues)
    const sub = s.store.insertSubmission(submission('peer1', s.assignments[0], hex32(1), delta.id))
    s.store.insertScore({ submissionId: sub.id, validator: 'v1', score: 80, createdAt: T0 + 30 })
    s.store.transitionRound(1, { from: 'open', to: 'training', at: T0 + 1, deadline: T0 + 2000, reason: 'scheduled' })
    const before = {
      workers: s.store.listWorkers(),
      rounds: s.store.listRounds(),
      transitions: s.store.listTransitions(1),
      assignments: s.store.listAssignments(1),
      submissions: s.store.listSubmissions(1),
      scores: s.store.listScores(sub.id),
      models: s.store.listModels()
    }
    s.store.close()

    store = await CoordinatorStore.open(tmp.dir)
    assert.deepEqual({
      workers: store.listWorkers(),
      rounds: store.listRounds(),
      transitions: store.listTransitions(1),
      assignments: store.listAssignments(1),
      submissions: store.listSubmissions(1),
      scores: store.listScores(sub.id),
      models: store.listModels()
    }, before)
    assert.equal(store.getActiveRound()?.state, 'training')
    assert.deepEqual(await store.blobs.getFloats(delta.id), deltaValues)
    assert.deepEqual(await store.readModelWeights(s.modelId), new Float32Array([1, 2, 3]))
  })

  it('tracks model versions and the metric history per round', async () => {
    const s = await seeded(tmp.dir)
    store = s.store
    assert.equal(store.getLatestModel()?.id, s.modelId)
    store.transitionRound(1, { from: 'open', to: 'failed', at: T0 + 5, deadline: T0 + 5, reason: 'no workers', patch: { failureReason: 'no workers', closedAt: T0 + 5 } })
    store.insertRound({ number: 2, modelId: s.modelId, hyperParams: {}, seed: parseRoundSeed('cd'.repeat(32)), shards: [], minUpdates: 2, deadline: T0 + 10, openedAt: T0 + 6 })
    const next = await store.putModel(new Float32Array([0.9, 1.9, 2.9]), { round: 2, createdAt: T0 + 20, loss: 1.5, accuracy: 0.6 })
    store.transitionRound(2, { from: 'open', to: 'done', at: T0 + 20, deadline: T0 + 20, reason: 'test', patch: { resultModelId: next.id, loss: 1.5, accuracy: 0.6, closedAt: T0 + 20 } })
    assert.equal(store.getLatestModel()?.id, next.id)
    assert.equal(store.getModel(next.id).round, 2)
    assert.equal(store.getModel(next.id).numParams, 3)
    assert.deepEqual(store.getMetricHistory().map(m => [m.round, m.state, m.accuracy]), [[1, 'failed', undefined], [2, 'done', 0.6]])
  })
})
