import assert from 'node:assert/strict'
import { concatDatasets, sliceDataset, type Dataset, type Uint8Dataset } from './Dataset.ts'
import { buildDatasetManifest, manifestHashOf } from './datasetManifest.ts'
import { datasetFromIdx, encodeIdxUint8 } from './idx.ts'
import { IdxFormatError } from './errors.ts'
import { loadMnist } from './loadMnist.ts'
import { decodeShard, splitIntoShards } from './shard.ts'
import { validateDatasetShards } from './validateDatasetShards.ts'
import type { Shard } from './shard.ts'

function byId (shards: Shard[]): Map<string, Uint8Array> {
  return new Map(shards.map((s) => [s.id, s.bytes]))
}

/** The samples of `d` at `indexes`, in that order. */
function pick (d: Dataset, indexes: number[]): Dataset {
  return concatDatasets(indexes.map((i) => sliceDataset(d, i, i + 1)))
}

describe('dataset manifests and validateDatasetShards', function () {
  let mnist: Uint8Dataset

  before(async () => {
    mnist = await loadMnist({ split: 'train', limit: 2000 })
  })

  describe('IDX files into shards', () => {
    it('round-trips IDX bytes into shards whose manifest hashes to a stable id', () => {
      const images = encodeIdxUint8([mnist.count, 28, 28], mnist.images)
      const labels = encodeIdxUint8([mnist.count], mnist.labels)
      const d = datasetFromIdx(images, labels, { numClasses: 10 })
      const shards = splitIntoShards(d, 4)
      const manifest = buildDatasetManifest(shards)
      assert.equal(manifest.totalSamples, 2000)
      assert.deepEqual(manifest.sampleShape, [28, 28])
      assert.equal(manifest.labelHistogram.reduce((a, b) => a + b, 0), 2000)
      assert.deepEqual(manifest.shards.map((s) => s.samples), [500, 500, 500, 500])
      const back = concatDatasets(shards.map((s) => decodeShard(s.bytes, { expectedId: s.id }).dataset))
      assert.deepEqual(back.images, mnist.images)
      assert.deepEqual(back.labels, mnist.labels)
      assert.equal(manifestHashOf(manifest), manifestHashOf(buildDatasetManifest(splitIntoShards(d, 4))))
      assert.notEqual(manifestHashOf(manifest), manifestHashOf(buildDatasetManifest(splitIntoShards(d, 5))))
    })

    it('refuses mismatched image and label counts in one line', () => {
      const images = encodeIdxUint8([10, 28, 28], mnist.images.subarray(0, 10 * 784))
      const labels = encodeIdxUint8([9], mnist.labels.subarray(0, 9))
      assert.throws(() => datasetFromIdx(images, labels), (err: Error) => err instanceof IdxFormatError && /10 images but 9 labels/.test(err.message) && !err.message.includes('\n'))
    })
  })

  describe('scoring', () => {
    it('gives an intact, balanced, new dataset a high score', () => {
      const shards = splitIntoShards(mnist, 4)
      const r = validateDatasetShards({ manifest: buildDatasetManifest(shards), shards: byId(shards), expected: { sampleShape: [28, 28], numClasses: 10 } })
      assert.equal(r.ok, true, r.reasons.join('; '))
      assert.ok(r.score >= 95, `score ${r.score}`)
      assert.equal(r.stats.duplicateSamples, 0)
    })

    it('scores shards the coordinator already held down to 1', () => {
      const shards = splitIntoShards(mnist, 4)
      const r = validateDatasetShards({ manifest: buildDatasetManifest(shards), shards: byId(shards), knownShardIds: shards.map((s) => s.id) })
      assert.equal(r.ok, true)
      assert.equal(r.score, 1)
      assert.match(r.reasons.join(';'), /4 of 4 shards were already known/)
    })

    it('scores a dataset padded with copies of its own samples low', () => {
      const half = sliceDataset(mnist, 0, 1000)
      // Three shards over two copies: the shard ids differ, the samples repeat.
      const shards = splitIntoShards(concatDatasets([half, half]), 3)
      assert.equal(new Set(shards.map((s) => s.id)).size, 3)
      const r = validateDatasetShards({ manifest: buildDatasetManifest(shards), shards: byId(shards) })
      assert.equal(r.ok, true)
      assert.equal(r.stats.duplicateSamples, 1000)
      assert.ok(r.score <= 30, `score ${r.score}`)
    })

    it('refuses a corrupt shard', () => {
      const shards = splitIntoShards(mnist, 4)
      const manifest = buildDatasetManifest(shards)
      const bad = byId(shards)
      const bytes = Uint8Array.from(shards[2].bytes)
      bytes[100] ^= 0xff
      bad.set(shards[2].id, bytes)
      const r = validateDatasetShards({ manifest, shards: bad })
      assert.equal(r.ok, false)
      assert.equal(r.score, 1)
      assert.match(r.reasons[0], /shard 2 does not match its id/)
    })

    it('refuses a manifest whose label histogram lies', () => {
      const shards = splitIntoShards(mnist, 2)
      const manifest = buildDatasetManifest(shards)
      manifest.labelHistogram[0]++
      manifest.labelHistogram[1]--
      const r = validateDatasetShards({ manifest, shards: byId(shards) })
      assert.equal(r.ok, false)
      assert.match(r.reasons[0], /label histogram/)
    })

    it('refuses a dataset for another task (classes out of range)', () => {
      const shards = splitIntoShards(mnist, 2)
      const r = validateDatasetShards({ manifest: buildDatasetManifest(shards), shards: byId(shards), expected: { numClasses: 5 } })
      assert.equal(r.ok, false)
    })

    it('scores skewed labels lower than balanced ones and says why', () => {
      const ones = [...mnist.labels.keys()].filter((i) => mnist.labels[i] === 1)
      const others = [...mnist.labels.keys()].filter((i) => mnist.labels[i] !== 1).slice(0, 90)
      const skewed = pick(mnist, [...ones, ...others])
      const balanced = pick(mnist, [...mnist.labels.keys()].slice(0, skewed.count))
      const score = (d: Dataset): ReturnType<typeof validateDatasetShards> => {
        const shards = splitIntoShards(d, 2)
        return validateDatasetShards({ manifest: buildDatasetManifest(shards), shards: byId(shards), minSamples: 100 })
      }
      const s = score(skewed)
      const b = score(balanced)
      assert.equal(s.ok, true)
      assert.ok(s.score < b.score - 30, `skewed ${s.score}, balanced ${b.score}`)
      assert.match(s.reasons.join(';'), /heavy label imbalance|have no samples/)
    })
  })
})
