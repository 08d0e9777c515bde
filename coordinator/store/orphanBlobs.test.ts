import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { hex32, tempDir } from '../testing/tempDir.ts'
import { BLOB_DIR, CoordinatorStore } from './CoordinatorStore.ts'

const T0 = 1_700_000_000_000
const ADDR = (n: number): string => '0x' + n.toString(16).padStart(40, '0')

/** Every file under the blob folder (pending ones included). */
function blobFiles (dir: string): string[] {
  return readdirSync(join(dir, BLOB_DIR), { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => e.name)
}

/** A round `n` with one worker's assignment in it, in state training. */
async function roundWithAssignment (store: CoordinatorStore, n: number): Promise<number> {
  const model = store.getLatestModel() ?? await store.putModel(new Float32Array([1, 2, 3]), { round: 0, createdAt: T0 })
  store.insertRound({ number: n, modelId: model.id, hyperParams: {}, seed: parseRoundSeed('ab'.repeat(32)), shards: [{ id: 's1', samples: 10 }], minUpdates: 1, deadline: T0 + 1000, openedAt: T0 })
  if (store.getWorker('peer1') == null) store.upsertWorker({ peerId: 'peer1', address: ADDR(1), capabilities: {}, samplesPerSec: 1000, at: T0 })
  return store.insertAssignment({ round: n, worker: 'peer1', shardIds: ['s1'], samples: 10, deadline: T0 + 500, createdAt: T0 }).id
}

function submit (store: CoordinatorStore, round: number, assignmentId: number, deltaId: string): void {
  store.insertSubmission({ round, worker: 'peer1', assignmentId, commitment: hex32(`c${round}`), deltaId, proofRoot: hex32('root'), leafCount: 1, samples: 10, receivedAt: T0 })
}

describe('orphan delta blobs', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore | undefined
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { store?.close(); tmp.remove() })

  it('at the coordinator\'s start (not a reader\'s open), publishes a pending delta whose row was committed and removes one whose row never was (a crash between blob and row)', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const assignment = await roundWithAssignment(store, 1)
    const before = blobFiles(tmp.dir).length
    // Crash after the row committed, before publishing: the worker's ack was not sent, but the row is in.
    const committed = await store.blobs.putPending(new Uint8Array([1, 2, 3, 4]))
    submit(store, 1, assignment, committed.id)
    // Crash before the row: nothing refers to this one.
    const orphan = await store.blobs.putPending(new Uint8Array([9, 9, 9, 9]))
    assert.equal(store.blobs.has(committed.id), false, 'a pending blob is not readable under its id')
    store.close()

    // A reader (coordinator status beside a running coordinator) opens without touching them: they may be writes in progress.
    const reader = await CoordinatorStore.open(tmp.dir)
    reader.close()
    assert.equal(blobFiles(tmp.dir).filter(n => n.endsWith('.pending')).length, 2)

    store = await CoordinatorStore.open(tmp.dir)
    assert.deepEqual(await store.recoverBlobs(), { published: 1, discarded: 1 })
    assert.deepEqual(new Uint8Array(await store.blobs.get(committed.id)), new Uint8Array([1, 2, 3, 4]))
    assert.equal(store.blobs.has(orphan.id), false)
    assert.equal(blobFiles(tmp.dir).filter(n => n.endsWith('.pending')).length, 0)
    assert.equal(blobFiles(tmp.dir).length, before + 1)
  })

  it('deletes the deltas of rounds closed before the retention window once, keeping the rows and any delta a later round shares', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const s = store
    const ids: string[] = []
    for (let r = 1; r <= 4; r++) {
      const a = await roundWithAssignment(s, r)
      // Round 4 sends the very bytes round 1 did: one blob, still needed.
      const blob = await s.blobs.put(new Uint8Array([r === 4 ? 1 : r, 0, 0, 0]))
      ids.push(blob.id)
      submit(s, r, a, blob.id)
      if (r < 4) s.transitionRound(r, { from: 'open', to: 'failed', at: T0, deadline: T0, reason: 'test' })
    }
    // Closed: 1, 2, 3; open: 4. Keep the 2 most recent closed (2, 3): round 1's delta goes, but round 4 shares it.
    assert.equal(await s.pruneDeltas(2), 0)
    assert.ok(s.blobs.has(ids[0]))
    s.transitionRound(4, { from: 'open', to: 'failed', at: T0, deadline: T0, reason: 'test' })
    // Closed: 1-4; keep 3 and 4: rounds 1 and 2 go, round 1's blob stays for round 4.
    assert.equal(await s.pruneDeltas(2), 1)
    assert.equal(s.blobs.has(ids[1]), false)
    assert.ok(s.blobs.has(ids[0]), 'round 4 still points at it')
    assert.ok(s.blobs.has(ids[2]))
    assert.equal(s.listSubmissions(1).length, 1, 'the rows stay')
    // Each delta is visited once: nothing left to do in the same window.
    assert.equal(await s.pruneDeltas(2), 0)
  })
})
