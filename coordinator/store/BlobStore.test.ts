import assert from 'node:assert/strict'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { HashMismatchError } from '../../lib/errors.ts'
import { weightsId } from '../../lib/hash/contentId.ts'
import { NotFoundError } from '../errors.ts'
import { tempDir } from '../testing/tempDir.ts'
import { BlobStore } from './BlobStore.ts'

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
