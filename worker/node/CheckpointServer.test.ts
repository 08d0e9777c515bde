import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkpointProtocol, createNode, fetchContent, sendRequest, toContentId, type CotrainNode } from '../../lib/net/index.ts'
import { LIMITS } from '../../lib/net/constants.ts'
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
