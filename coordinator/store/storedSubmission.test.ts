import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { float32ToBytes } from '../../lib/hash/float32Bytes.ts'
import { pb } from '../../lib/net/index.ts'
import { encodeDelta, quantizeDelta } from '../../lib/proof/delta.ts'
import { deltaToWire } from '../../lib/proof/deltaWire.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { hex32, tempDir } from '../testing/tempDir.ts'
import { CoordinatorStore } from './CoordinatorStore.ts'
import { importSubmissionArchive, readSubmissionDelta, storedProof } from './storedSubmission.ts'

describe('stored submissions', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore | undefined
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { store?.close(); tmp.remove() })

  it('imports the proof metadata of a data dir from before schema 3 (side folder, float32 copy) so its pending submission verifies and aggregates after the upgrade', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const model = await store.putModel(new Float32Array(3), { round: 0, createdAt: 1 })
    store.insertRound({ number: 1, modelId: model.id, hyperParams: {}, seed: parseRoundSeed('ab'.repeat(32)), shards: [{ id: 's1', samples: 10 }], minUpdates: 1, deadline: 10, openedAt: 1 })
    store.upsertWorker({ peerId: 'peer1', address: '0x' + '1'.padStart(40, '0'), capabilities: {}, samplesPerSec: 1, at: 1 })
    const a = store.insertAssignment({ round: 1, worker: 'peer1', shardIds: ['s1'], samples: 10, deadline: 10, createdAt: 1 })
    // What an old coordinator wrote: the int8 wire payload, a float32 copy the row pointed at, and the metadata in submissions/<commitment>.json.
    const delta = new Float32Array([0.5, -0.25, 0.125])
    const wire = deltaToWire(encodeDelta(quantizeDelta(delta, 2)))
    const payload = await store.blobs.put(wire.delta)
    const floats = await store.blobs.putFloats(delta)
    const commitment = hex32('old')
    const row = store.insertSubmission({ round: 1, worker: 'peer1', assignmentId: a.id, commitment, deltaId: floats.id, proofRoot: hex32('root'), leafCount: 2, samples: 10, receivedAt: 2 })
    assert.equal(row.proof, undefined)
    const message = pb.UpdateSubmission.encode({ round: 1, ...wire, delta: new Uint8Array(0), leafCount: 2, leaves: [{ loss: 1.5, updateNorm: 0.1 }, { loss: 1.25, updateNorm: 0.1 }] }).finish()
    mkdirSync(join(tmp.dir, 'submissions'))
    writeFileSync(join(tmp.dir, 'submissions', commitment.slice(2) + '.json'), JSON.stringify({ wireDeltaId: payload.id, wireDeltaSize: wire.delta.byteLength, submission: Buffer.from(message).toString('base64') }))

    assert.equal(importSubmissionArchive(store, tmp.dir), 1)
    const imported = store.requireSubmission(row.id)
    assert.equal(imported.deltaId, payload.id, 'the row now names the wire payload')
    assert.deepEqual(storedProof(imported).leaves.map(l => l.loss), [1.5, 1.25])
    const { values } = await readSubmissionDelta(store, imported)
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(values[i] - delta[i]) < 0.01, `value ${i}: ${values[i]}`)
    assert.equal(importSubmissionArchive(store, tmp.dir), 0, 'importing again finds nothing left to do')
  })

  it('refuses to read the delta of a row without proof metadata, in one line, instead of guessing its encoding', async () => {
    store = await CoordinatorStore.open(tmp.dir)
    const blob = await store.blobs.put(float32ToBytes(new Float32Array([1])))
    await assert.rejects(readSubmissionDelta(store, { id: 7, deltaId: blob.id } as never), /no proof metadata stored for submission 7/)
  })
})
