import assert from 'node:assert/strict'
import { readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { HashMismatchError } from '../../lib/errors.ts'
import { weightsId } from '../../lib/hash/contentId.ts'
import { NotFoundError } from '../errors.ts'
import { tempDir } from '../testing/tempDir.ts'
import { BlobStore } from './BlobStore.ts'
import { ReadBuffer } from './ReadBuffer.ts'

describe('BlobStore', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => tmp.remove())

  it('stores float vectors under their content id and reads them back', async () => {
    const blobs = await BlobStore.open(tmp.dir)
    const v = new Float32Array([1, 2, 3.5])
    const info = await blobs.putFloats(v)
    assert.equal(info.id, weightsId(v))
    assert.equal(info.size, 12)
    assert.equal(info.path, join(info.id.slice(2, 4), info.id.slice(2)), 'files keep the bare-hex fan-out layout')
    assert.deepEqual(await blobs.getFloats(info.id), v)
    assert.deepEqual(await blobs.putFloats(v), info, 'storing again is a no-op')
    assert.deepEqual(readdirSync(join(tmp.dir, info.id.slice(2, 4))), [info.id.slice(2)], 'no temp files left')
  })

  it('refuses a corrupted blob and reports a missing one', async () => {
    const blobs = await BlobStore.open(tmp.dir)
    const info = await blobs.putFloats(new Float32Array([1, 2]))
    writeFileSync(blobs.pathOf(info.id), Buffer.from(new Float32Array([1, 3]).buffer))
    await assert.rejects(blobs.get(info.id), HashMismatchError)
    await assert.rejects(blobs.get(weightsId(new Float32Array([9]))), NotFoundError)
  })

  it('reads a blob into the memory a ReadBuffer lends, one read after another, and still checks its hash there', async () => {
    const blobs = await BlobStore.open(tmp.dir)
    const a = await blobs.put(new Uint8Array(5000).fill(1))
    const b = await blobs.put(new Uint8Array(3000).fill(2))
    const reads = new ReadBuffer()
    const first = await reads.use(async (alloc) => await blobs.get(a.id, alloc))
    const second = await reads.use(async (alloc) => await blobs.get(b.id, alloc))
    assert.equal(second.buffer, first.buffer, 'the second read went where the first was')
    assert.equal(reads.heldBytes, 5000)
    assert.deepEqual(second, new Uint8Array(3000).fill(2))
    // Concurrent reads: the second one gets its own memory, so neither overwrites the other.
    const both = await Promise.all([a, b].map(async (info) => await reads.use(async (alloc) => { const bytes = await blobs.get(info.id, alloc); return bytes.slice() })))
    assert.deepEqual(both, [new Uint8Array(5000).fill(1), new Uint8Array(3000).fill(2)])
    writeFileSync(blobs.pathOf(b.id), new Uint8Array(3000).fill(3))
    await assert.rejects(reads.use(async (alloc) => await blobs.get(b.id, alloc)), HashMismatchError)
  })

  it('writes pending blobs in one pending folder and still finds those an older version left beside the blobs', async () => {
    const blobs = await BlobStore.open(tmp.dir)
    const pending = await Promise.all([new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])].map(async b => await blobs.putPending(b)))
    assert.equal(readdirSync(join(tmp.dir, 'pending')).filter(n => n.endsWith('.pending')).length, 3)
    assert.equal(blobs.has(pending[0].id), false, 'not readable under its id before it is published')
    await pending[0].publish()
    assert.deepEqual(new Uint8Array(await blobs.get(pending[0].id)), new Uint8Array([1]))
    // An older version wrote `<fan>/<hex>.<random>.pending`; a temporary file of a write cut short sits in pending/.
    const old = (await blobs.putFloats(new Float32Array([7]))).id.slice(2)
    renameSync(join(tmp.dir, old.slice(0, 2), old), join(tmp.dir, old.slice(0, 2), `${old}.abc123.pending`))
    writeFileSync(join(tmp.dir, 'pending', `${old}.abc124.pending.1.ab.tmp`), 'half-written')
    await blobs.removeTempFiles()
    const found = await blobs.listPending()
    assert.deepEqual(found.map(p => p.id.slice(2)).sort(), [pending[1].id.slice(2), pending[2].id.slice(2), old].sort())
    assert.equal(readdirSync(join(tmp.dir, 'pending')).some(n => n.endsWith('.tmp')), false)
    for (const p of found) await p.publish()
    assert.deepEqual(await blobs.getFloats(`0x${old}`), new Float32Array([7]))
    assert.deepEqual(readdirSync(join(tmp.dir, 'pending')), [])
  })

  it('keeps blobs across reopen and clears stale temp files', async () => {
    const a = await BlobStore.open(tmp.dir)
    const info = await a.putFloats(new Float32Array([4, 5]))
    writeFileSync(`${a.pathOf(info.id)}.123.abcd.tmp`, 'half-written')
    const b = await BlobStore.open(tmp.dir)
    assert.deepEqual(await b.getFloats(info.id), new Float32Array([4, 5]))
    assert.equal(readdirSync(join(tmp.dir, info.id.slice(2, 4))).length, 2, 'opening (a reader too) leaves another process\'s writes in progress alone')
    await b.removeTempFiles()
    assert.deepEqual(readdirSync(join(tmp.dir, info.id.slice(2, 4))), [info.id.slice(2)])
  })
})
