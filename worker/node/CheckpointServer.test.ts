import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkpointProtocol, createNode, fetchContent, requestCheckpoint, sendRequest, toContentId, type CotrainNode } from '../../lib/net/index.ts'
import { LIMITS } from '../../lib/net/constants.ts'
import { pb } from '../../lib/net/messages.ts'
import { roundCheckpointDir } from '../../lib/training/CheckpointStore.ts'
import { selectBackend } from '../../lib/training/selectBackend.ts'
import { smallRound } from '../../lib/training/testing/fixture.ts'
import { trainRound } from '../../lib/training/trainRound.ts'
import { servedCheckpointFromReply } from '../../lib/validation/checkpointOpening.ts'
import { CheckpointServer } from './CheckpointServer.ts'

describe('CheckpointServer: every committed checkpoint, from disk, to any number of verifiers', function () {
  this.timeout(120_000)
  let root: string
  let worker: CotrainNode
  let verifiers: CotrainNode[]
  let server: CheckpointServer
  const ROUND = 3
  const COUNT = 17 // more than the 16 openings the old in-memory FIFO held

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    root = mkdtempSync(path.join(tmpdir(), 'cotrain-ckserver-'))
    // MLP 784-128-10: 101,770 weights, a 1.2 MB checkpoint, over the inline limit, so it travels by content id.
    const p = await smallRound({ steps: COUNT - 1, interval: 1, round: ROUND, model: { kind: 'mlp', hidden: [128] } })
    await trainRound({ ...p, hyper: { ...p.hyper, batchSize: 8 } }, { checkpointDir: roundCheckpointDir(root, ROUND) })
    ;[worker, ...verifiers] = await Promise.all([createNode(), createNode(), createNode(), createNode(), createNode()])
    server = new CheckpointServer(worker, root)
    await server.start()
    server.serve(ROUND)
  })
  after(async () => {
    await server?.stop()
    await Promise.all([worker, ...(verifiers ?? [])].map(async (n) => await n?.stop()))
    rmSync(root, { recursive: true, force: true })
  })

  it('4 verifiers open 17 checkpoints between them, then all fetch them by content id, at once', async () => {
    const addrs = worker.getMultiaddrs()
    const hyper = { steps: COUNT - 1, batchSize: 8, checkpointInterval: 1 }
    const mine = (v: number): number[] => Array.from({ length: COUNT }, (_, j) => j).filter((j) => j % verifiers.length === v)
    // First every reply (as verifiers that plan their fetches), then every blob: what evicted data from the old FIFO.
    const replies = await Promise.all(verifiers.map(async (v, i) => {
      const out = []
      for (const j of mine(i)) out.push(await sendRequest(v, addrs, checkpointProtocol, { round: ROUND, index: j }))
      return out
    }))
    assert.ok(replies.flat().every((r) => r.checkpoint.byteLength === 0 && r.checkpointSize > LIMITS.inlineCheckpoint), 'large checkpoints travel by content id')
    const fetched = await Promise.all(verifiers.map(async (v, i) => {
      let n = 0
      for (const r of replies[i]) {
        const blob = await fetchContent(v, addrs, toContentId(r.checkpointId), { maxSize: r.checkpointSize })
        servedCheckpointFromReply(r, blob, { hyper, leafCount: COUNT })
        n++
      }
      return n
    }))
    assert.deepEqual(fetched, [5, 4, 4, 4])
  })

  it('stops serving a round once it is dropped, and deletes it', async () => {
    const r = await sendRequest(verifiers[0], worker.getMultiaddrs(), checkpointProtocol, { round: ROUND, index: 0 })
    await server.drop(ROUND)
    await assert.rejects(fetchContent(verifiers[0], worker.getMultiaddrs(), toContentId(r.checkpointId), { maxSize: r.checkpointSize }), /not|NOT_FOUND/i)
    await assert.rejects(sendRequest(verifiers[0], worker.getMultiaddrs(), checkpointProtocol, { round: ROUND, index: 0 }), /no submitted round 3/)
  })
})

describe('CheckpointServer: an opening-only challenge gets no checkpoint bytes, even ones small enough to go inline', function () {
  this.timeout(120_000)
  let root: string
  let worker: CotrainNode
  let verifier: CotrainNode
  let server: CheckpointServer
  let contentBytes = 0
  const ROUND = 2
  const COUNT = 3

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    root = mkdtempSync(path.join(tmpdir(), 'cotrain-ckopening-'))
    // MLP 784-16-10: 12,730 weights, a 153 kB checkpoint, under the inline limit, so a full reply carries it.
    const p = await smallRound({ steps: COUNT - 1, interval: 1, round: ROUND, model: { kind: 'mlp', hidden: [16] } })
    await trainRound({ ...p, hyper: { ...p.hyper, batchSize: 8 } }, { checkpointDir: roundCheckpointDir(root, ROUND) })
    ;[worker, verifier] = await Promise.all([createNode(), createNode()])
    server = new CheckpointServer(worker, root, { onContentServed: (b) => { contentBytes += b } })
    await server.start()
    server.serve(ROUND)
  })
  after(async () => {
    await server?.stop()
    await Promise.all([worker, verifier].map(async (n) => await n?.stop()))
    rmSync(root, { recursive: true, force: true })
  })

  it('receives the leaf and proof alone (under 1 kB), with the same content id and size as the full reply', async () => {
    const addrs = worker.getMultiaddrs()
    // What crossed the wire: the decoded reply re-encodes to the same bytes (every field is proto3 canonical).
    const wireBytes = (reply: Parameters<typeof pb.CheckpointReply.encode>[0]): number => pb.CheckpointResponse.encode({ reply }).finish().byteLength
    const full = await requestCheckpoint(verifier, addrs, { round: ROUND, index: 1 })
    assert.ok(full.reply.checkpointSize > 100_000 && full.reply.checkpointSize <= LIMITS.inlineCheckpoint, `a full reply carries ${full.reply.checkpointSize} bytes inline`)
    assert.equal(full.reply.checkpoint.byteLength, full.reply.checkpointSize)
    const opening = await requestCheckpoint(verifier, addrs, { round: ROUND, index: 1 }, { openingOnly: true })
    const received = wireBytes(opening.reply) + contentBytes
    assert.ok(received < 1_000, `an opening-only reply is ${received} bytes received`)
    assert.equal(opening.checkpoint.byteLength, 0)
    // Everything but the bytes is the full reply's; the content id, hashed without building the blob, is the blob's.
    assert.deepEqual(pb.CheckpointReply.encode(opening.reply).finish(), pb.CheckpointReply.encode({ ...full.reply, checkpoint: new Uint8Array(0) }).finish())
  })
})
