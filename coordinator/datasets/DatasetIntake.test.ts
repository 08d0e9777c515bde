import assert from 'node:assert/strict'
import { join } from 'node:path'
import { buildDatasetManifest, datasetIdOf } from '../../lib/data/datasetManifest.ts'
import { loadMnist } from '../../lib/data/loadMnist.ts'
import { splitIntoShards } from '../../lib/data/shard.ts'
import { ErrorCode, ProtocolError } from '../../lib/net/ProtocolError.ts'
import { BlobStore } from '../store/BlobStore.ts'
import { tempDir } from '../testing/tempDir.ts'
import { DatasetIntake } from './DatasetIntake.ts'

const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const bob = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

describe('DatasetIntake', () => {
  let tmp: { dir: string, remove: () => void }
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { tmp.remove() })

  it('stores shards in the BlobStore, records the dataset, keeps it across a restart, and refuses another contributor', async () => {
    const shards = splitIntoShards(await loadMnist({ split: 'test', limit: 300 }), 3)
    const manifest = buildDatasetManifest(shards)
    const datasetId = datasetIdOf(manifest)
    const blobs = await BlobStore.open(join(tmp.dir, 'blobs'))
    // The coordinator already holds shard 1 (say, as a training shard).
    await blobs.put(shards[1].bytes)
    const intake = await DatasetIntake.open({ blobs, dataDir: tmp.dir })
    assert.deepEqual(await intake.offer({ datasetId, manifest, contributor: alice }), { missing: [0, 2] })
    assert.deepEqual(await intake.storeShard({ datasetId, index: 0, data: shards[0].bytes }), { complete: false })
    await assert.rejects(intake.offer({ datasetId, manifest, contributor: bob }), (e: unknown) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_DUPLICATE)

    // Restart: the record and the shards stored so far survive; the same contributor resumes.
    const again = await DatasetIntake.open({ blobs: await BlobStore.open(join(tmp.dir, 'blobs')), dataDir: tmp.dir })
    assert.deepEqual(await again.offer({ datasetId, manifest, contributor: alice }), { missing: [2] })
    assert.deepEqual(await again.storeShard({ datasetId, index: 2, data: shards[2].bytes }), { complete: true })
    const record = again.get(datasetId)
    assert.equal(record?.complete, true)
    assert.deepEqual(record?.knownShardIds, [shards[1].id], 'only the shard held before the first offer is known')
    assert.deepEqual(again.list().datasets.map((d) => d.datasetId), [datasetId])
    assert.deepEqual(again.contentSource(shards[0].id), { path: blobs.pathOf(shards[0].id) })
    assert.equal(again.contentSource('ab'.repeat(32)), undefined)
  })
})
