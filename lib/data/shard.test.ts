import assert from 'node:assert/strict'
import { HashMismatchError } from '../errors.ts'
import { ShardFormatError, IdxFormatError } from './errors.ts'
import { datasetFromIdx, encodeIdxUint8, parseIdx } from './idx.ts'
import { loadMnist } from './loadMnist.ts'
import { decodeShard, eachShard, encodeShard, splitIntoShards } from './shard.ts'
import { contentIdOf } from '../hash/contentId.ts'
import type { Dataset } from './Dataset.ts'

function tiny (count = 5): Dataset {
  return {
    images: new Uint8Array(count * 6).map((_, i) => (i * 37) & 255),
    labels: new Uint8Array(count).map((_, i) => i % 3),
    sampleShape: [2, 3],
    count,
    numClasses: 3
  }
}

describe('data: MNIST and IDX', () => {
  it('loads MNIST train and test from the IDX files', async () => {
    const train = await loadMnist({ split: 'train' })
    const test = await loadMnist({ split: 'test', limit: 100 })
    assert.equal(train.count, 60000)
    assert.deepEqual(train.sampleShape, [28, 28])
    assert.equal(train.images.length, 60000 * 784)
    assert.equal(train.numClasses, 10)
    assert.equal(test.count, 100)
    assert.deepEqual([...train.labels.subarray(0, 5)], [5, 0, 4, 1, 9])
  })

  it('round-trips a uint8 IDX file and rejects malformed ones', () => {
    const bytes = encodeIdxUint8([2, 3], new Uint8Array([1, 2, 3, 4, 5, 6]))
    const t = parseIdx(bytes)
    assert.deepEqual(t.shape, [2, 3])
    assert.equal(t.dtype, 'uint8')
    assert.throws(() => parseIdx(bytes.subarray(0, bytes.length - 1)), (e: Error) => e instanceof IdxFormatError && /needs 18 bytes, file has 17/.test(e.message))
    assert.throws(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0])), /bad magic.*gzip/)
    assert.throws(() => parseIdx(new Uint8Array([0, 0, 0x42, 1, 0, 0, 0, 0])), /unknown element type 0x42/)
    const ds = datasetFromIdx(encodeIdxUint8([2, 2, 2], new Uint8Array(8)), encodeIdxUint8([2], new Uint8Array([0, 1])))
    assert.equal(ds.count, 2)
    assert.equal(ds.numClasses, 2)
    assert.throws(() => datasetFromIdx(encodeIdxUint8([2, 4], new Uint8Array(8)), encodeIdxUint8([3], new Uint8Array(3))), /2 images but 3 labels/)
  })
})

describe('data: shards', () => {
  it('encode/decode round-trips and the id is the sha256 of the bytes', () => {
    const d = tiny()
    const bytes = encodeShard(d)
    assert.equal(bytes.length, 16 + 8 + 30 + 5)
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), 'CTSH')
    const s = decodeShard(bytes, { expectedId: contentIdOf(bytes) })
    assert.deepEqual(s.dataset, d)
    assert.match(s.id, /^0x[0-9a-f]{64}$/)
    assert.equal(encodeShard(s.dataset).length, bytes.length)
  })

  it('rejects corrupt shards with clear errors', () => {
    const bytes = encodeShard(tiny())
    const bad = (mutate: (b: Uint8Array) => Uint8Array, re: RegExp): void => {
      assert.throws(() => decodeShard(mutate(bytes.slice())), (e: Error) => e instanceof ShardFormatError && re.test(e.message), re.source)
    }
    bad((b) => { b[0] = 0x58; return b }, /not a cotrain shard: magic 'XTSH'/)
    bad((b) => { b[5] = 9; return b }, /unsupported shard version 9/)
    bad((b) => b.subarray(0, b.length - 1), /does not match its header/)
    bad((b) => { const c = new Uint8Array(b.length + 1); c.set(b); return c }, /does not match its header/)
    bad((b) => { b[b.length - 1] = 3; return b }, /label 3 at sample 4 is out of range 0..2/)
    bad((b) => { b[7] = 0; return b }, /rank 0 is out of range/)
    bad((b) => b.subarray(0, 10), /shorter than its 16-byte header/)
    assert.throws(() => decodeShard(bytes, { expectedId: '0x' + '00'.repeat(32) }), HashMismatchError)
    assert.throws(() => encodeShard({ ...tiny(), labels: new Uint8Array([0, 1, 2, 3, 0]) }), /label 3 at sample 3/)
  })

  it('splits a dataset into equal contiguous shards, deterministically', () => {
    const d = tiny(11)
    const shards = splitIntoShards(d, 3)
    assert.deepEqual(shards.map((s) => s.dataset.count), [4, 4, 3])
    assert.deepEqual([...shards[1].dataset.labels], [...d.labels.subarray(4, 8)])
    assert.deepEqual(splitIntoShards(d, 3).map((s) => s.id), shards.map((s) => s.id))
    assert.equal(new Set(shards.map((s) => s.id)).size, 3)
    assert.throws(() => splitIntoShards(d, 12), /cannot split 11 samples into 12 shards/)
  })

  it('eachShard gives the same shards one at a time, as views of the dataset, encoding each only when asked for', () => {
    const d = tiny(11)
    const copies = splitIntoShards(d, 3)
    const it = eachShard(d, 3)
    const first = it.next().value!
    assert.equal(first.id, copies[0].id)
    assert.deepEqual(first.bytes, copies[0].bytes)
    assert.deepEqual(first.dataset, copies[0].dataset)
    // A view: the dataset's memory, not a copy (splitIntoShards copies).
    assert.equal(first.dataset.images.buffer, d.images.buffer)
    assert.notEqual(copies[0].dataset.images.buffer, d.images.buffer)
    // Lazy: a sample changed now shows in the shards not yet made, so only one shard's bytes exist at a time.
    const before = copies[2].id
    d.images[8 * 6] ^= 0xff
    const rest = [...it]
    assert.deepEqual(rest.map((s) => s.start), [4, 8])
    assert.equal(rest[0].id, copies[1].id)
    assert.notEqual(rest[1].id, before)
    assert.throws(() => eachShard(d, 0).next(), /shard count must be a positive integer, got 0/)
  })
})
