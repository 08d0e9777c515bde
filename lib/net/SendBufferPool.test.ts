import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { streamPair } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { NoiseTransportStream } from './noiseTransport.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { fetchContent, startContentService } from './content.ts'
import { contentIdOf } from '../hash/contentId.ts'
import { SendBufferPool } from './SendBufferPool.ts'
import type { SendBufferBorrower } from './SendBufferPool.ts'
import { seededBlob } from './testing/seededBlob.ts'

const KiB = 1024

/** A connection whose written-out count the test sets. */
function borrower (written = 0): SendBufferBorrower & { written: number } {
  const b = { written, writtenBytes: () => b.written }
  return b
}

describe('SendBufferPool', () => {
  it('lends a buffer until its borrower has written past it, then lends it again', () => {
    const pool = new SendBufferPool({ bufferBytes: 256 * KiB, maxBuffers: 1, minBytes: 64 * KiB })
    const a = borrower()
    const first = pool.take(100 * KiB, a, 100 * KiB)
    assert.equal(first.byteLength, 100 * KiB)
    // Still queued below: the next send (any connection's) gets a fresh buffer.
    a.written = 100 * KiB - 1
    const other = pool.take(100 * KiB, borrower(), 100 * KiB)
    assert.notEqual(other.buffer, first.buffer)
    assert.deepEqual([pool.pooled, pool.fresh], [1, 1])
    // Written out: the same memory comes back.
    a.written = 100 * KiB
    const again = pool.take(200 * KiB, a, 300 * KiB)
    assert.equal(again.buffer, first.buffer)
    assert.equal(again.byteLength, 200 * KiB)
    assert.equal(pool.size, 1)
  })

  it('lends nothing to a connection that cannot tell what it has written, and gets back what a destroyed one held', () => {
    const pool = new SendBufferPool({ bufferBytes: 256 * KiB, maxBuffers: 1 })
    pool.take(100 * KiB, borrower(-1), 100 * KiB)
    assert.deepEqual([pool.pooled, pool.fresh, pool.size], [0, 1, 0])
    const closing = borrower(0)
    const lent = pool.take(100 * KiB, closing, 100 * KiB)
    assert.notEqual(pool.take(100 * KiB, borrower(), 100 * KiB).buffer, lent.buffer)
    closing.written = Infinity
    assert.equal(pool.take(100 * KiB, borrower(), 100 * KiB).buffer, lent.buffer)
  })

  it('gives small and oversized sends fresh buffers, and keeps at most maxBuffers', () => {
    const pool = new SendBufferPool({ bufferBytes: 256 * KiB, maxBuffers: 2, minBytes: 64 * KiB })
    const b = borrower()
    pool.take(1 * KiB, b, 1 * KiB)
    pool.take(257 * KiB, b, 258 * KiB)
    assert.deepEqual([pool.pooled, pool.fresh, pool.size], [0, 2, 0])
    for (let i = 1; i <= 5; i++) pool.take(64 * KiB, b, 258 * KiB + i * 64 * KiB)
    assert.deepEqual([pool.pooled, pool.fresh, pool.size], [2, 5, 2])
  })

  describe('in the Noise transport', () => {
    /** A transport over one end of an in-memory pair, posing as TCP: a socket whose queue length the test sets. */
    async function noiseOver (pool: SendBufferPool, socket?: { writableLength: number, destroyed: boolean }): Promise<{ transport: NoiseTransportStream, sent: Uint8Array[] }> {
      const [below] = await streamPair()
      if (socket !== undefined) Object.assign(below, { socket })
      const sent: Uint8Array[] = []
      const send = below.send.bind(below)
      below.send = (data) => { sent.push(data as Uint8Array); return send(data) }
      return { transport: new NoiseTransportStream(below, { send: randomBytes(32), receive: randomBytes(32) }, undefined, pool), sent }
    }
    /** Sends `bytes` and waits for the end of the tick, when the transport seals what it was given and hands it below. */
    const sendAndFlush = async (transport: NoiseTransportStream, bytes: Uint8Array): Promise<void> => {
      transport.sendData(new Uint8ArrayList(bytes))
      await new Promise((resolve) => process.nextTick(resolve))
    }

    it('never seals into a buffer the socket below still holds, and reuses it once written out', async () => {
      const pool = new SendBufferPool({ maxBuffers: 4 })
      const socket = { writableLength: 0, destroyed: false }
      const { transport, sent } = await noiseOver(pool, socket)
      await sendAndFlush(transport, randomBytes(300 * KiB))
      const first = Buffer.from(sent[0])
      // The socket could not write it yet: all of it is still queued in node.
      socket.writableLength = sent[0].byteLength
      await sendAndFlush(transport, randomBytes(300 * KiB))
      assert.notEqual(sent[1].buffer, sent[0].buffer)
      assert.ok(Buffer.from(sent[0]).equals(first), 'a queued send was overwritten')
      // Both written out: the next send seals into the first buffer again.
      socket.writableLength = 0
      await sendAndFlush(transport, randomBytes(300 * KiB))
      assert.equal(sent[2].buffer, sent[0].buffer)
      assert.equal(pool.size, 2)
    })

    it('uses fresh buffers over a transport that does not say what it has written', async () => {
      const pool = new SendBufferPool()
      const { transport, sent } = await noiseOver(pool)
      for (let i = 0; i < 3; i++) await sendAndFlush(transport, randomBytes(300 * KiB))
      assert.equal(new Set(sent.map((s) => s.buffer)).size, 3)
      assert.deepEqual([pool.pooled, pool.fresh], [0, 3])
    })
  })

  describe('under Noise over TCP', function () {
    this.timeout(60_000)
    let server: CotrainNode
    let client: CotrainNode
    const pool = new SendBufferPool({ maxBuffers: 2 })
    const blob = seededBlob(24 * 1024 * KiB + 7, 'send-pool')
    const id = contentIdOf(blob)

    before(async () => {
      server = await createNode({ sendBuffers: pool })
      client = await createNode()
      await startContentService(server, { provider: (c) => c === id ? blob : undefined })
    })

    after(async () => {
      await client.stop()
      await server.stop()
    })

    it('reuses send buffers while a slow reader keeps the socket backed up, and every byte arrives intact', async () => {
      let chunks = 0
      const got = await fetchContent(client, server.getMultiaddrs()[0], id, {
        // Stall the reader now and then so the server's socket queue fills:
        // a buffer reused before the kernel took it would change bytes, and
        // the hash check would fail.
        onProgress: () => { if (++chunks % 8 === 0) { const until = performance.now() + 200; while (performance.now() < until); } }
      })
      assert.ok(Buffer.from(got).equals(blob))
      assert.ok(pool.pooled > 10, `only ${pool.pooled} sends were pooled (${pool.fresh} fresh): the TCP connection below Noise no longer tells what it has written`)
      assert.ok(pool.size <= 2)
    })
  })
})
