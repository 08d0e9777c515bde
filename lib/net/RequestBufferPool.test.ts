import assert from 'node:assert/strict'
import { Uint8ArrayList } from 'uint8arraylist'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { RequestBufferPool } from './RequestBufferPool.ts'
import { startSubmitService, submitUpdate } from './submit.ts'
import type { SubmitService } from './submit.ts'
import type { DecodedUpdateSubmission } from './messages.ts'
import { sampleSubmission } from './testing/sampleMessages.ts'
import { framed, rawRequest } from './testing/rawRequest.ts'
import { SUBMIT_PROTOCOL } from './constants.ts'
import { pb } from './messages.ts'

const KiB = 1024

/** `size` bytes (byte i = i mod 251) in pieces of `piece` bytes. */
function pieces (size: number, piece: number): Uint8ArrayList {
  const list = new Uint8ArrayList()
  for (let at = 0; at < size; at += piece) list.append(Uint8Array.from({ length: Math.min(piece, size - at) }, (_, i) => (at + i) % 251))
  return list
}

describe('RequestBufferPool', () => {
  it('joins a request that came in pieces into a lent buffer, and lends that buffer again once it is given back', () => {
    const pool = new RequestBufferPool()
    const data = pieces(100 * KiB, 30 * KiB)
    const first = pool.take(data)!
    assert.deepEqual(first.bytes, data.subarray())
    assert.equal(pool.take(pieces(100 * KiB, 30 * KiB))!.bytes.buffer === first.bytes.buffer, false, 'a lent buffer is not lent twice')
    first.release()
    first.release()
    const again = pool.take(pieces(90 * KiB, 40 * KiB))!
    assert.equal(again.bytes.buffer, first.bytes.buffer, 'given back, it serves the next request')
    assert.equal(again.bytes.byteLength, 90 * KiB)
    assert.equal(pool.take(pieces(90 * KiB, 40 * KiB))!.bytes.buffer === first.bytes.buffer, false, 'a double release did not put it in twice')
  })

  it('leaves to the caller what needs no copy or does not fit: one piece, a small request, more than the pool may hold', () => {
    const pool = new RequestBufferPool({ maxBytes: 256 * KiB })
    assert.equal(pool.take(pieces(100 * KiB, 100 * KiB)), undefined, 'one piece is read where it lies')
    assert.equal(pool.take(pieces(8 * KiB, 1 * KiB)), undefined, 'under minBytes')
    assert.equal(pool.take(pieces(300 * KiB, 64 * KiB)), undefined, 'over maxBytes')
    assert.notEqual(pool.take(pieces(100 * KiB, 64 * KiB)), undefined)
    assert.notEqual(pool.take(pieces(100 * KiB, 64 * KiB)), undefined)
    assert.equal(pool.take(pieces(100 * KiB, 64 * KiB)), undefined, 'two 128 KiB buffers lent: no room for a third')
    assert.equal(pool.heldBytes, 256 * KiB)
    assert.equal(pool.declined, 4)
  })

  it('drops free buffers too small for a larger request to make room for it', () => {
    const pool = new RequestBufferPool({ maxBytes: 256 * KiB })
    pool.take(pieces(60 * KiB, 30 * KiB))!.release()
    pool.take(pieces(60 * KiB, 30 * KiB))!.release()
    const large = pool.take(pieces(200 * KiB, 64 * KiB))
    assert.notEqual(large, undefined)
    assert.equal(pool.heldBytes, 192 * KiB + 64 * KiB, 'one 64 KiB buffer went, one stays')
  })
})

describe('a service that joins requests into lent buffers', function () {
  let server: CotrainNode
  let client: CotrainNode
  let service: SubmitService
  const pool = new RequestBufferPool()
  let onSubmit: (m: DecodedUpdateSubmission) => Promise<void> = async () => {}

  before(async () => {
    [server, client] = await Promise.all([createNode(), createNode()])
    service = await startSubmitService(server, {
      timeoutMs: 300,
      requestBuffers: pool,
      onSubmit: async (m) => {
        await onSubmit(m)
        return { round: m.round, commitment: m.commitment, receivedAt: 1 }
      }
    })
    await client.dial(server.getMultiaddrs()[0])
  })

  after(async () => {
    await service.stop()
    await Promise.all([server.stop(), client.stop()])
  })

  it('hands the handler the update in a lent buffer, which goes back only when the handler has settled, even after a timeout', async () => {
    // Large enough to come in several pieces (Noise messages are at most 64 KiB).
    const sent = sampleSubmission(150_000)
    sent.delta!.forEach((_, i, d) => { d[i] = i % 127 })
    let seen: Uint8Array | undefined
    let finish = (): void => {}
    onSubmit = async (m) => {
      seen = m.delta
      await new Promise<void>((resolve) => { finish = resolve })
    }
    const lentBefore = pool.lent
    await assert.rejects(submitUpdate(client, server.peerId, sent), (e) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_TIMEOUT)
    assert.equal(pool.lent, lentBefore + 1)
    assert.ok(seen !== undefined && Buffer.from(seen).equals(sent.delta!), 'the bytes the client sent')
    const lentBuffer = seen!.buffer
    const held = pool.take(pieces(200 * KiB, 64 * KiB))
    assert.ok(held !== undefined && held.bytes.buffer !== lentBuffer, 'timed out but still running: its buffer is not lent again')
    held?.release()
    finish()
    await new Promise((resolve) => setTimeout(resolve, 10))
    const next = [pool.take(pieces(150 * KiB, 64 * KiB)), pool.take(pieces(150 * KiB, 64 * KiB))]
    assert.ok(next.some((n) => n?.bytes.buffer === lentBuffer), 'settled: its buffer is back')
    for (const n of next) n?.release()

    onSubmit = async () => {}
    const ack = await submitUpdate(client, server.peerId, sent)
    assert.equal(Buffer.from(ack.commitment!).toString('hex'), Buffer.from(sent.commitment!).toString('hex'), 'the ack, encoded before the buffer went back, still carries the commitment')
  })

  it('gives the buffer back when the request it was lent for does not decode (the handler never runs)', async () => {
    const take = pool.take.bind(pool)
    let lentBuffer: ArrayBufferLike | undefined
    pool.take = (data) => {
      const lent = take(data)
      lentBuffer = lent?.bytes.buffer
      return lent
    }
    let handled = false
    onSubmit = async () => { handled = true }
    try {
      // 150 KB that no UpdateSubmission decodes from (0xff...: a varint that never ends), in several pieces.
      const reply = await rawRequest(client, server.peerId, SUBMIT_PROTOCOL, framed(new Uint8Array(150_000).fill(0xff)))
      assert.equal(pb.SubmitResponse.decode(reply!).error?.code, ErrorCode.ERROR_CODE_MALFORMED)
    } finally {
      pool.take = take
      onSubmit = async () => {}
    }
    assert.equal(handled, false)
    assert.ok(lentBuffer !== undefined, 'the request was joined into a lent buffer')
    await new Promise((resolve) => setTimeout(resolve, 10))
    // Every free buffer that holds such a request, and one more at most: the one lent for it is among them.
    const free: Array<ReturnType<RequestBufferPool['take']>> = []
    for (;;) {
      const held = pool.heldBytes
      const next = pool.take(pieces(150 * KiB, 64 * KiB))
      if (next === undefined) break
      free.push(next)
      if (pool.heldBytes !== held) break
    }
    for (const f of free) f?.release()
    assert.ok(free.some((f) => f?.bytes.buffer === lentBuffer), 'the buffer is back in the pool')
  })
})
