import assert from 'node:assert/strict'
import { join } from 'node:path'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { buildDatasetManifest, canonicalManifestJson, datasetIdOf, manifestHashOf } from '../../lib/data/datasetManifest.ts'
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

  it('stores shards in the BlobStore, records the dataset, keeps it across a restart, and gives a copier an id of its own', async () => {
    const shards = splitIntoShards(await loadMnist({ split: 'test', limit: 300 }), 3)
    const manifest = buildDatasetManifest(shards)
    const datasetId = datasetIdOf(manifest, alice)
    const blobs = await BlobStore.open(join(tmp.dir, 'blobs'))
    // The coordinator already holds shard 1 (say, as a training shard).
    await blobs.put(shards[1].bytes)
    const intake = await DatasetIntake.open({ blobs, dataDir: tmp.dir })
    assert.deepEqual(await intake.offer({ datasetId, manifest, contributor: alice }), { missing: [0, 2] })
    assert.deepEqual(await intake.storeShard({ datasetId, index: 0, data: shards[0].bytes }), { complete: false })
    // Bob cannot hold Alice's id, and his copy of her manifest is a record of his own.
    await assert.rejects(intake.offer({ datasetId, manifest, contributor: bob }), (e: unknown) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_INVALID)
    const bobsId = datasetIdOf(manifest, bob)
    assert.notEqual(bobsId, datasetId)
    assert.deepEqual(await intake.offer({ datasetId: bobsId, manifest, contributor: bob }), { missing: [2] })
    assert.equal(intake.get(datasetId)?.contributor, alice)
    assert.equal(intake.get(bobsId)?.contributor, bob)
    assert.deepEqual(intake.get(bobsId)?.knownShardIds, [shards[0].id, shards[1].id], 'the copy counts the shards held before it as known')

    // Restart: the record and the shards stored so far survive; the same contributor resumes.
    const again = await DatasetIntake.open({ blobs: await BlobStore.open(join(tmp.dir, 'blobs')), dataDir: tmp.dir })
    assert.deepEqual(await again.offer({ datasetId, manifest, contributor: alice }), { missing: [2] })
    assert.deepEqual(await again.storeShard({ datasetId, index: 2, data: shards[2].bytes }), { complete: true })
    const record = again.get(datasetId)
    assert.equal(record?.complete, true)
    assert.deepEqual(record?.knownShardIds, [shards[1].id], 'only the shard held before the first offer is known')
    assert.deepEqual(new Set(again.list().datasets.map((d) => d.datasetId)), new Set([datasetId, bobsId]))
    assert.deepEqual(again.contentSource(shards[0].id), { path: blobs.pathOf(shards[0].id) })
    assert.equal(again.contentSource('ab'.repeat(32)), undefined)
  })

  it('a contributor who offers a copy of another\'s manifest first neither takes nor blocks the original', async () => {
    const shards = splitIntoShards(await loadMnist({ split: 'test', limit: 200 }), 2)
    const manifest = buildDatasetManifest(shards)
    const intake = await DatasetIntake.open({ blobs: await BlobStore.open(join(tmp.dir, 'blobs')), dataDir: tmp.dir })
    // Bob front-runs Alice's offer with her manifest (say, seen in another coordinator's listing).
    await intake.offer({ datasetId: datasetIdOf(manifest, bob), manifest, contributor: bob })
    assert.deepEqual(await intake.offer({ datasetId: datasetIdOf(manifest, alice), manifest, contributor: alice }), { missing: [0, 1] })
    assert.equal(intake.get(datasetIdOf(manifest, alice))?.contributor, alice)
    assert.equal(intake.list().total, 2)
  })

  it('re-keys a record written when the dataset id was the manifest hash alone, keeping it', async () => {
    const shards = splitIntoShards(await loadMnist({ split: 'test', limit: 200 }), 2)
    const manifest = buildDatasetManifest(shards)
    const old = manifestHashOf(manifest)
    const dir = join(tmp.dir, 'datasets')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${old.slice(2)}.json`), JSON.stringify({ datasetId: old, manifest: JSON.parse(canonicalManifestJson(manifest)), contributor: alice.toLowerCase(), receivedAt: 1, complete: false, knownShardIds: [] }))
    const intake = await DatasetIntake.open({ blobs: await BlobStore.open(join(tmp.dir, 'blobs')), dataDir: tmp.dir })
    assert.equal(intake.get(old), undefined)
    assert.equal(intake.get(datasetIdOf(manifest, alice))?.contributor, alice)
    assert.deepEqual(readdirSync(dir), [`${datasetIdOf(manifest, alice).slice(2)}.json`])
    // a file whose id is neither is still refused in one line
    writeFileSync(join(dir, `${'ab'.repeat(32)}.json`), JSON.stringify({ datasetId: `0x${'ab'.repeat(32)}`, manifest: JSON.parse(canonicalManifestJson(manifest)), contributor: alice, receivedAt: 1, complete: false }))
    await assert.rejects(DatasetIntake.open({ blobs: await BlobStore.open(join(tmp.dir, 'blobs')), dataDir: tmp.dir }), /manifest does not hash to the dataset id/)
  })
})
