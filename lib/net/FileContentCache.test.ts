import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HashMismatchError } from '../errors.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { fetchContent, startContentService } from './content.ts'
import { contentIdOf } from '../hash/contentId.ts'
import { FileContentCache } from './FileContentCache.ts'

const KiB = 1024

describe('FileContentCache', () => {
  let dir: string
  let n = 0
  const file = (bytes: Uint8Array): string => {
    const path = join(dir, `f${n++}`)
    writeFileSync(path, bytes)
    return path
  }
  /** The cache's get for a file written by `file`, under its content id. */
  const get = async (cache: FileContentCache, path: string): Promise<Uint8Array | undefined> => await cache.get(contentIdOf(readFileSync(path)), path)
  before(() => { dir = mkdtempSync(join(tmpdir(), 'cotrain-filecache-')) })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  it('leaves a first request to the caller, reads the file on the second and serves the same bytes from memory after', async () => {
    const cache = new FileContentCache()
    const bytes = randomBytes(100 * KiB)
    const path = file(bytes)
    assert.ok(await get(cache, path) === undefined, 'asked for once: left to the caller')
    assert.equal(cache.heldBytes, 0, 'asked for once: not held')
    const second = await get(cache, path)
    const third = await get(cache, path)
    assert.ok(second !== undefined && Buffer.from(second).equals(bytes))
    assert.equal(third, second)
    assert.deepEqual([cache.passes, cache.misses, cache.hits, cache.heldBytes], [1, 1, 1, 100 * KiB])
  })

  it('holds nothing of objects asked for once each, and remembers a bounded number of them', async () => {
    const cache = new FileContentCache()
    for (let i = 0; i < 8192; i++) assert.ok(await cache.get(`id-${i}`, join(dir, 'never-read')) === undefined)
    assert.deepEqual([cache.passes, cache.misses, cache.heldBytes], [8192, 0, 0])
    const path = file(randomBytes(KiB))
    assert.ok(await get(cache, path) === undefined, 'one more: the oldest is forgotten')
    assert.ok(await cache.get('id-0', join(dir, 'never-read')) === undefined, 'forgotten: a first request again, no read')
    assert.ok(await get(cache, path) !== undefined, 'remembered: its second request reads it')
  })

  it('shares one read between requests that arrive together', async () => {
    const cache = new FileContentCache()
    const path = file(randomBytes(50 * KiB))
    await get(cache, path)
    const [a, b] = await Promise.all([get(cache, path), get(cache, path)])
    assert.equal(a, b)
    assert.equal(cache.misses, 1)
  })

  it('holds at most maxBytes, dropping the least recently used first', async () => {
    const cache = new FileContentCache({ maxBytes: 250 * KiB })
    const [p1, p2, p3] = [file(randomBytes(100 * KiB)), file(randomBytes(100 * KiB)), file(randomBytes(100 * KiB))]
    for (const p of [p1, p2, p3]) await get(cache, p)
    await get(cache, p1)
    await get(cache, p2)
    await get(cache, p1) // p2 is now the least recently used
    await get(cache, p3)
    assert.equal(cache.heldBytes, 200 * KiB)
    const misses = cache.misses
    await get(cache, p1)
    await get(cache, p3)
    assert.equal(cache.misses, misses, 'p1 and p3 should still be held')
    await get(cache, p2)
    await get(cache, p2)
    assert.equal(cache.misses, misses + 1, 'p2 should have been dropped (and read again on its second request since)')
    assert.ok(cache.heldBytes <= 250 * KiB)
  })

  it('does not hold a file over maxObjectBytes', async () => {
    const cache = new FileContentCache({ maxObjectBytes: 64 * KiB })
    const path = file(randomBytes(65 * KiB))
    assert.equal(await get(cache, path), undefined)
    assert.equal(await get(cache, path), undefined)
    assert.equal(cache.heldBytes, 0)
  })

  it('serves a held object without touching its file, even once the file is gone', async () => {
    const cache = new FileContentCache()
    const bytes = randomBytes(10 * KiB)
    const path = file(bytes)
    const id = contentIdOf(bytes)
    await cache.get(id, path)
    await cache.get(id, path)
    rmSync(path)
    assert.ok(Buffer.from((await cache.get(id, path))!).equals(bytes))
    assert.deepEqual([cache.misses, cache.hits], [1, 1])
  })

  it('holds by content id: another id at the same path is read', async () => {
    const cache = new FileContentCache()
    const path = file(randomBytes(10 * KiB))
    await get(cache, path)
    await get(cache, path)
    const replaced = randomBytes(10 * KiB)
    writeFileSync(path, replaced)
    await get(cache, path)
    assert.ok(Buffer.from((await get(cache, path))!).equals(replaced))
    assert.deepEqual([cache.misses, cache.heldBytes], [2, 20 * KiB])
  })

  it('rejects for a missing file and holds nothing for it', async () => {
    const cache = new FileContentCache()
    assert.ok(await cache.get(contentIdOf(Uint8Array.of(1)), join(dir, 'missing')) === undefined, 'a first request touches no file')
    await assert.rejects(cache.get(contentIdOf(Uint8Array.of(1)), join(dir, 'missing')), /ENOENT/)
    assert.equal(cache.heldBytes, 0)
  })

  describe('in the content service', function () {
    this.timeout(30_000)
    let server: CotrainNode
    let client: CotrainNode
    const cache = new FileContentCache()
    const small = randomBytes(3 * 1024 * KiB + 5)
    const large = randomBytes(2 * 1024 * KiB)
    const paths = new Map<string, string>()

    before(async () => {
      paths.set(contentIdOf(small), file(small))
      paths.set(contentIdOf(large), file(large))
      server = await createNode()
      client = await createNode()
      await startContentService(server, { provider: (id) => paths.has(id) ? { path: paths.get(id)! } : undefined, fileCache: cache })
    })

    after(async () => {
      await client.stop()
      await server.stop()
    })

    it('streams the first transfer from the file and serves every later one from one read, whole and hash-checked', async () => {
      for (let i = 0; i < 4; i++) assert.ok(Buffer.from(await fetchContent(client, server.getMultiaddrs()[0], contentIdOf(small))).equals(small))
      assert.deepEqual([cache.passes, cache.misses, cache.hits], [1, 1, 2])
    })

    it('reads the file for every transfer with the cache turned off', async () => {
      const other = await createNode()
      const path = file(large)
      const id = contentIdOf(large)
      // Whole seconds, so setting the same mtime again gives the same mtimeMs.
      const mtime = new Date(1_700_000_000_000)
      utimesSync(path, mtime, mtime)
      try {
        await startContentService(other, { provider: (c) => c === id ? { path } : undefined, fileCache: false })
        assert.ok(Buffer.from(await fetchContent(client, other.getMultiaddrs()[0], id)).equals(large))
        // Same size, same mtime, other bytes: a service holding the file would
        // serve the old bytes; this one reads the new ones, which fail the hash.
        writeFileSync(path, randomBytes(large.byteLength))
        utimesSync(path, mtime, mtime)
        await assert.rejects(fetchContent(client, other.getMultiaddrs()[0], id), HashMismatchError)
      } finally {
        await other.stop()
      }
    })
  })
})
