import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HashMismatchError } from '../errors.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { contentChunkHeader, fetchContent, fetchContentToFile, parseChunkFrame, startContentService } from './content.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { mutateBytes } from './testing/mutateBytes.ts'
import type { ContentServedDetail, ContentService } from './content.ts'
import { contentIdBytes, contentIdOf } from '../hash/contentId.ts'
import { FrameReader } from './frames.ts'
import { pb } from './messages.ts'
import { CONTENT_PROTOCOL } from './constants.ts'
import { framed, rawRequest } from './testing/rawRequest.ts'

const MiB = 1024 * 1024

describe('content transfer between in-process nodes', function () {
  let server: CotrainNode
  let client: CotrainNode
  let service: ContentService
  const objects = new Map<string, Uint8Array>()
  const served: ContentServedDetail[] = []
  const big = randomBytes(12 * MiB)
  const bigId = contentIdOf(big)
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-content-'))
  const filePath = join(dir, 'served.bin')
  const fileBytes = randomBytes(3 * MiB + 17)
  let maxRead = 0

  before(async () => {
    [server, client] = await Promise.all([createNode(), createNode()])
    writeFileSync(filePath, fileBytes)
    for (const o of [big, new Uint8Array(0), randomBytes(1000)]) objects.set(contentIdOf(o), o)
    service = await startContentService(server, {
      provider: (id) => {
        if (id === contentIdOf(fileBytes)) return { path: filePath }
        if (id === `0x${'ff'.repeat(32)}`) return randomBytes(100) // serves bytes that do not hash to the id
        if (id === `0x${'ee'.repeat(32)}`) {
          // A 256 MiB object read lazily, recording how far the server has read.
          return { size: 256 * MiB, read: (offset: number, length: number) => { maxRead = Math.max(maxRead, offset + length); return new Uint8Array(length) } }
        }
        return objects.get(id)
      }
    })
    service.on('content:served', (d) => served.push(d))
    await client.dial(server.getMultiaddrs()[0])
  })

  after(async () => {
    await Promise.all([server.stop(), client.stop()])
  })

  it('fetches an object in chunks, reports progress, and checks its hash', async () => {
    const progress: number[] = []
    const got = await fetchContent(client, server.peerId, bigId, { onProgress: (n, total) => { assert.equal(total, big.byteLength); progress.push(n) } })
    assert.ok(Buffer.from(got).equals(big))
    assert.ok(progress.length > 10)
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b))
    assert.equal(progress.at(-1), big.byteLength)
  })

  it('fetches empty and small objects, and files from a path provider', async () => {
    for (const [id, bytes] of objects) assert.ok(Buffer.from(await fetchContent(client, server.peerId, id)).equals(bytes))
    assert.ok(Buffer.from(await fetchContent(client, server.peerId, contentIdOf(fileBytes).slice(2))).equals(fileBytes))
  })

  it('refuses content whose bytes do not hash to the id', async () => {
    await assert.rejects(fetchContent(client, server.peerId, 'ff'.repeat(32)), HashMismatchError)
  })

  it('reports NOT_FOUND without retrying, and OUT_OF_RANGE for an offset past the end', async () => {
    const start = Date.now()
    await assert.rejects(fetchContent(client, server.peerId, '00'.repeat(32)), (e: unknown) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_NOT_FOUND)
    assert.ok(Date.now() - start < 1000)
    await assert.rejects(fetchContent(client, server.peerId, bigId, { resumeFrom: new Uint8Array(big.byteLength + 1) }), (e: unknown) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_OUT_OF_RANGE)
  })

  it('frames chunks byte for byte as the generated encoder does', () => {
    for (const [offset, total, length] of [[0, 0, 0], [0, 10, 10], [5, 10, 5], [0x7f, 0x80, 1], [524288, 0xffffffff, 524288], [0xfffffffe, 0xffffffff, 1]]) {
      const data = new Uint8Array(length).fill(9)
      const expected = pb.ContentResponse.encode({ chunk: { offset, totalSize: total, data } }).finish()
      const header = contentChunkHeader(offset, total, length)
      assert.ok(Buffer.concat([header, data]).equals(expected), `offset ${offset} total ${total} length ${length}`)
    }
  })

  it('fuzz: the zero-copy chunk parser agrees with the generated decoder (seeded)', () => {
    const rng = SeededRandom.fromInteger(0xc4a2)
    let fast = 0
    for (let i = 0; i < 3000; i++) {
      const length = rng.uniformInt(40)
      const valid = Buffer.concat([contentChunkHeader(rng.pick([0, 1, 127, 128, 300000, 0xffffffff]), rng.pick([0, 5, 128, 0xffffffff]), length), rng.bytes(length)])
      const frame = i % 3 === 0 ? valid : i % 3 === 1 ? mutateBytes(rng, valid) : rng.bytes(rng.uniformInt(40))
      // Split the frame at random points, as it may arrive.
      const parts: Uint8Array[] = []
      for (let at = 0; at < frame.byteLength;) {
        const n = 1 + rng.uniformInt(frame.byteLength - at)
        parts.push(frame.subarray(at, at + n))
        at += n
      }
      const parsed = parseChunkFrame(parts)
      if (parsed === undefined) continue
      fast++
      const decoded = pb.ContentResponse.decode(frame)
      assert.ok(decoded.chunk != null, `case ${i}`)
      assert.equal(parsed.offset, decoded.chunk.offset ?? 0)
      assert.equal(parsed.totalSize, decoded.chunk.totalSize ?? 0)
      assert.ok(Buffer.concat(parsed.data).equals(Buffer.from(decoded.chunk.data ?? [])), `case ${i}`)
      assert.equal(parsed.length, (decoded.chunk.data ?? []).length)
    }
    assert.ok(fast > 1000, `fast path took ${fast} frames`)
  })

  it('serves a range when asked for one', async () => {
    const req = pb.ContentRequest.encode({ contentId: contentIdBytes(bigId), offset: 10, maxLength: 5 }).finish()
    const reply = await rawRequest(client, server.peerId, CONTENT_PROTOCOL, framed(req))
    const chunk = pb.ContentResponse.decode(reply!).chunk!
    assert.equal(chunk.offset, 10)
    assert.equal(chunk.totalSize, big.byteLength)
    assert.ok(Buffer.from(chunk.data!).equals(big.subarray(10, 15)))
  })

  it('resumes from the received offset after the connection is cut mid-transfer', async () => {
    served.length = 0
    let cut = false
    const retriedFrom: number[] = []
    const got = await fetchContent(client, server.peerId, bigId, {
      retryDelayMs: 20,
      onRetry: (_err, offset) => retriedFrom.push(offset),
      onProgress: (n) => {
        if (!cut && n >= 4 * MiB) {
          cut = true
          for (const c of server.getConnections(client.peerId)) c.abort(new Error('cut by test'))
        }
      }
    })
    assert.ok(cut)
    assert.ok(retriedFrom.length > 0 && retriedFrom[0] >= 4 * MiB)
    assert.ok(Buffer.from(got).equals(big))
    // Only the resumed request completed, and it started where the first broke off.
    assert.equal(served.length, 1)
    assert.ok(served[0].offset >= 4 * MiB, `resumed at ${served[0].offset}`)
    assert.equal(served[0].offset + served[0].bytes, big.byteLength)
  })

  it('continues from bytes already held (resumeFrom)', async () => {
    served.length = 0
    const got = await fetchContent(client, server.peerId, bigId, { resumeFrom: big.subarray(0, 5 * MiB) })
    assert.ok(Buffer.from(got).equals(big))
    assert.equal(served[0].offset, 5 * MiB)
  })

  it('continues a partial file and writes the file only when the hash checks out', async () => {
    served.length = 0
    const target = join(dir, 'fetched.bin')
    writeFileSync(`${target}.partial`, big.subarray(0, 3 * MiB))
    const { size } = await fetchContentToFile(client, server.peerId, bigId, target)
    assert.equal(size, big.byteLength)
    assert.ok(readFileSync(target).equals(big))
    assert.ok(!existsSync(`${target}.partial`))
    assert.equal(served[0].offset, 3 * MiB)

    const bad = join(dir, 'bad.bin')
    writeFileSync(`${bad}.partial`, randomBytes(MiB))
    await assert.rejects(fetchContentToFile(client, server.peerId, bigId, bad), HashMismatchError)
    assert.ok(!existsSync(bad) && !existsSync(`${bad}.partial`))
  })

  it('refuses transfers over maxConcurrent with BUSY; clients back off and get them', async () => {
    const busy = await createNode()
    try {
      const service = await startContentService(busy, { provider: (id) => id === bigId ? big : undefined, maxConcurrent: 1 })
      const refusals: string[] = []
      service.on('request:rejected', (d) => refusals.push(d.codeName))
      await client.dial(busy.getMultiaddrs()[0])
      const got = await Promise.all([1, 2, 3].map(async () => await fetchContent(client, busy.peerId, bigId, { retryDelayMs: 20, maxAttempts: 20 })))
      for (const g of got) assert.ok(Buffer.from(g).equals(big))
      assert.ok(refusals.length > 0 && refusals.every((c) => c === 'BUSY'))
    } finally {
      await busy.stop()
    }
  })

  it('applies backpressure: a reader that stops reading stops the server reading', async () => {
    maxRead = 0
    const stream = await client.dialProtocol(server.peerId, CONTENT_PROTOCOL)
    const frames = new FrameReader(stream, { maxFrameLength: 2 * MiB })
    stream.send(framed(pb.ContentRequest.encode({ contentId: contentIdBytes('ee'.repeat(32)) }).finish()))
    assert.ok((await frames.read()) !== null)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.ok(maxRead > 0 && maxRead < 40 * MiB, `server read ${maxRead / MiB} MiB of 256 while the client read one chunk`)
    // Reading on resumes the flow.
    const before = maxRead
    for (let i = 0; i < 64; i++) assert.ok((await frames.read()) !== null)
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.ok(maxRead > before)
    stream.abort(new Error('done'))
  })
})
