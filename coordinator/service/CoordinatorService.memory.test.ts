import assert from 'node:assert/strict'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { decodeShard, eachShard } from '../../lib/data/shard.ts'
import { loadMnist } from '../../lib/data/loadMnist.ts'
import { createNode, fetchContent } from '../../lib/net/index.ts'
import { startTestCoordinator, type TestCoordinator } from '../testing/startTestCoordinator.ts'

const MiB = 1024 * 1024

// A full collection before each reading, so what is counted is what is held, not garbage not yet collected.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
function arrayBuffersMiB (): number {
  gc()
  gc()
  return process.memoryUsage().arrayBuffers / MiB
}

describe('CoordinatorService memory: the training set lives in the blob store, not in the process', function () {
  this.timeout(120_000)
  let coord: TestCoordinator | undefined
  after(async () => { await coord?.stop() })

  it('holds less than the 45 MB of MNIST training images once started on all of it, and its shards are on disk whole', async () => {
    const before = arrayBuffersMiB()
    coord = await startTestCoordinator({ trainSamples: undefined, shards: 10, minWorkers: 10, minUpdates: 10 }, { prefix: 'cotrain-memory-' })
    const held = arrayBuffersMiB() - before
    // The images alone are 60,000 x 784 bytes = 44.9 MiB; it held them three times (the set, a decoded copy per shard, the shard bytes at first).
    // What it may hold: the tfjs wasm heap (16 MiB, when no earlier test in this process started it), the test digits, libp2p's buffers.
    assert.ok(held < 35, `the coordinator holds ${held.toFixed(1)} MiB of ArrayBuffers after start`)

    // Every shard is in the blob store, whole: what a replay reads back when it verifies an update on it.
    const train = await loadMnist({ split: 'train' })
    for (const s of eachShard(train, 10)) {
      assert.ok(coord.service.store.blobs.has(s.id), `shard ${s.start} is stored`)
      assert.deepEqual(Uint8Array.from(decodeShard(await coord.service.store.blobs.get(s.id), { expectedId: s.id }).dataset.labels), s.dataset.labels)
    }
  })

  it('keeps a model-sized budget of the files it served, not every shard it served once', async () => {
    assert.ok(coord !== undefined, 'the first test started the coordinator')
    const ids = [...eachShard(await loadMnist({ split: 'train' }), 10)].map((s) => s.id)
    const client = await createNode()
    try {
      const before = arrayBuffersMiB()
      let served = 0
      for (const id of ids) served += (await fetchContent(client, coord.multiaddr, id)).byteLength
      assert.equal(served, 60_000 * (784 + 1) + 10 * (16 + 8))
      const held = arrayBuffersMiB() - before
      // 45 MiB of shards went out; contentCacheBytes keeps 16 MiB for the MLP (it kept up to 128 MiB: all of them).
      assert.ok(held < 32, `the coordinator holds ${held.toFixed(1)} MiB of ArrayBuffers after serving every shard once`)
    } finally {
      await client.stop()
    }
  })
})
