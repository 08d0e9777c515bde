import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { CotrainError } from '../errors.ts'
import { OrderedFileWriter } from './OrderedFileWriter.ts'

const KiB = 1024

/** A real file whose writev can be slowed down or made to fail (fault injection); records each call. */
async function slowFile (path: string, options: { delayMs?: number, failAt?: number, shortAt?: number } = {}): Promise<{ fh: FileHandle, calls: Array<{ offset: number, bytes: number, pieces: number, sizeBefore: number }> }> {
  const real = await open(path, 'w+')
  const calls: Array<{ offset: number, bytes: number, pieces: number, sizeBefore: number }> = []
  const fh = Object.create(real) as FileHandle
  fh.writev = (async (buffers: readonly NodeJS.ArrayBufferView[], position?: number) => {
    const bytes = buffers.reduce((n, b) => n + b.byteLength, 0)
    calls.push({ offset: position ?? -1, bytes, pieces: buffers.length, sizeBefore: (await real.stat()).size })
    await sleep(options.delayMs ?? 0)
    if (options.failAt === calls.length) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    if (options.shortAt === calls.length) return await real.writev(buffers.slice(0, 1), position)
    return await real.writev(buffers, position)
  }) as FileHandle['writev']
  return { fh, calls }
}

describe('OrderedFileWriter', () => {
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'cotrain-writer-')) })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  it('writes every piece at its offset, in order, one write at a time, so the file is always a prefix', async () => {
    const path = join(dir, 'ordered.bin')
    const { fh, calls } = await slowFile(path, { delayMs: 5 })
    const object = randomBytes(2 * 1024 * KiB)
    const writer = new OrderedFileWriter(fh, { maxQueuedBytes: 256 * KiB })
    for (let at = 0; at < object.byteLength; at += 64 * KiB) {
      // Each chunk in two pieces, as frames arrive.
      await writer.write([object.subarray(at, at + 1000), object.subarray(at + 1000, at + 64 * KiB)], at)
    }
    await writer.flush()
    await fh.close()
    assert.ok(readFileSync(path).equals(object))
    // Each write starts where the file ends: no holes, whatever moment a crash comes.
    let end = 0
    for (const c of calls) {
      assert.equal(c.offset, end)
      assert.equal(c.sizeBefore, end)
      end += c.bytes
    }
    assert.equal(end, object.byteLength)
    assert.equal(writer.queuedBytes, 0)
  })

  it('lets the caller go on while the disk is slow, joining the chunks that waited into one writev', async () => {
    const path = join(dir, 'behind.bin')
    const { fh, calls } = await slowFile(path, { delayMs: 40 })
    const writer = new OrderedFileWriter(fh, { maxQueuedBytes: 8 * 1024 * KiB })
    const chunk = randomBytes(64 * KiB)
    const start = performance.now()
    for (let i = 0; i < 16; i++) await writer.write([chunk], i * chunk.byteLength)
    const handedOver = performance.now() - start
    // 16 chunks handed over in less than one write's time: nothing waited for the disk.
    assert.ok(handedOver < 40, `handing over took ${handedOver.toFixed(1)} ms`)
    assert.equal(writer.queuedBytes, 16 * 64 * KiB)
    await writer.flush()
    await fh.close()
    // The first chunk went alone; the 15 that waited behind it went as one write.
    assert.deepEqual(calls.map((c) => c.pieces), [1, 15])
    assert.equal(readFileSync(path).byteLength, 16 * 64 * KiB)
  })

  it('makes the caller wait once maxQueuedBytes are waiting', async () => {
    const path = join(dir, 'bounded.bin')
    const { fh } = await slowFile(path, { delayMs: 10 })
    const writer = new OrderedFileWriter(fh, { maxQueuedBytes: 128 * KiB })
    const chunk = randomBytes(64 * KiB)
    let most = 0
    for (let i = 0; i < 24; i++) {
      await writer.write([chunk], i * chunk.byteLength)
      most = Math.max(most, writer.queuedBytes)
    }
    assert.ok(most <= 128 * KiB, `${most} bytes waited`)
    await writer.flush()
    await fh.close()
    assert.equal(readFileSync(path).byteLength, 24 * 64 * KiB)
  })

  it('reports a failed write on the next call and writes nothing after it', async () => {
    const path = join(dir, 'full.bin')
    const { fh, calls } = await slowFile(path, { delayMs: 5, failAt: 2 })
    const writer = new OrderedFileWriter(fh, { maxQueuedBytes: 64 * KiB })
    const chunk = randomBytes(64 * KiB)
    // A CotrainError, so a fetch stops instead of retrying what the disk cannot take.
    const diskFull = (err: unknown): boolean => err instanceof CotrainError && /writing at offset 65536: ENOSPC/.test(err.message)
    await assert.rejects(async () => {
      for (let i = 0; i < 10; i++) await writer.write([chunk], i * chunk.byteLength)
    }, diskFull)
    await assert.rejects(writer.flush(), diskFull)
    assert.equal(calls.length, 2)
    assert.equal(writer.queuedBytes, 0)
    await fh.close()
    // The file holds exactly what was written before the failure: still a prefix.
    assert.ok(readFileSync(path).equals(chunk))
  })

  it('treats a short write as a failure, with a hint', async () => {
    const path = join(dir, 'short.bin')
    const { fh } = await slowFile(path, { shortAt: 1 })
    const writer = new OrderedFileWriter(fh)
    await writer.write([randomBytes(10), randomBytes(10)], 0)
    await assert.rejects(writer.flush(), (err: unknown) => err instanceof CotrainError && /wrote 10 of 20 bytes at offset 0/.test(err.message))
    await fh.close()
  })

  it('writes a chunk that does not continue the queued ones after them, at its own offset', async () => {
    const path = join(dir, 'jump.bin')
    const { fh, calls } = await slowFile(path, { delayMs: 5 })
    const writer = new OrderedFileWriter(fh)
    await writer.write([Buffer.from('aaaa')], 0)
    await writer.write([Buffer.from('bbbb')], 4)
    await writer.write([Buffer.from('cccc')], 12)
    await writer.flush()
    await fh.close()
    assert.deepEqual(calls.map((c) => c.offset), [0, 4, 12])
    assert.equal(readFileSync(path).toString('latin1'), 'aaaabbbb\0\0\0\0cccc')
  })

  it('refuses a bound that is not a positive integer', async () => {
    const fh = await open(join(dir, 'x.bin'), 'w')
    try {
      assert.throws(() => new OrderedFileWriter(fh, { maxQueuedBytes: 0 }), /maxQueuedBytes must be a positive integer, got 0/)
    } finally {
      await fh.close()
    }
  })
})
