import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bytesToHex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { accountFromPrivateKey } from '../../lib/chain/index.ts'
import { publishRoundAnnouncement, requestCheckpoint } from '../../lib/net/index.ts'
import { decodeLeaf, leafHash } from '../../lib/proof/leaf.ts'
import { verifyMerkleProof } from '../../lib/proof/merkle.ts'
import { servedCheckpointFromReply } from '../../lib/validation/checkpointOpening.ts'
import { verifySegment, verifyStart } from '../../lib/training/verifySegment.ts'
import type { WorkerEvent } from './events.ts'
import type { WorkerFault } from '../../lib/faults/index.ts'
import { requestControl } from './ControlSocket.ts'
import { TEST_HYPER, TEST_MODEL, TestCoordinator } from './testing/TestCoordinator.ts'
import { WorkerNode } from './WorkerNode.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'

const delay = async (ms: number): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, ms)) }
/** When each event arrived (events carry no time). */
const eventTimes = new WeakMap<WorkerEvent, number>()
/** When the worker reported its update accepted. */
function acceptedAt (events: WorkerEvent[]): number {
  const e = events.find((x) => x.event === 'update:accepted')
  return e === undefined ? 0 : eventTimes.get(e) ?? 0
}

describe('worker: WorkerNode against a coordinator on real libp2p', function () {
  this.timeout(60_000)
  let coord: TestCoordinator
  let root: string
  const honestKey = generatePrivateKey()

  before(async () => {
    coord = new TestCoordinator()
    await coord.start()
    root = await mkdtemp(path.join(tmpdir(), 'cotrain-worker-'))
  })
  after(async () => {
    await coord.stop()
    await rm(root, { recursive: true, force: true })
  })

  async function runWorker (name: string, opts: { key?: `0x${string}`, fault?: WorkerFault, copyFrom?: string, linger?: number, rounds?: number } = {}): Promise<{ worker: WorkerNode, events: WorkerEvent[] }> {
    const events: WorkerEvent[] = []
    const worker = await WorkerNode.start({
      coordinator: `${coord.multiaddr}/p2p/${coord.peerId.toString()}`.replace(/\/p2p\/[^/]+\/p2p\//, '/p2p/'),
      dataDir: path.join(root, name),
      account: accountFromPrivateKey(opts.key ?? generatePrivateKey()),
      backend: 'wasm',
      fault: opts.fault,
      copyFrom: opts.copyFrom,
      rounds: opts.rounds ?? 1,
      lingerSeconds: opts.linger ?? 0,
      benchmarkMs: 200,
      pollMs: 100,
      metricsPort: 0,
      onEvent: (e) => { events.push(e); eventTimes.set(e, Date.now()) }
    })
    return { worker, events }
  }

  it('runs one honest round: the update is accepted and its checkpoints are served with Merkle proofs that verify', async () => {
    const { worker, events } = await runWorker('honest', { key: honestKey, linger: 30 })
    // The worker lingers to serve its checkpoints; wait for the round, then challenge it.
    while (!events.some((e) => e.event === 'round:done')) await new Promise((resolve) => setTimeout(resolve, 100))
    assert.deepEqual(events.map((e) => e.event), ['worker:ready', 'round:assigned', 'round:trained', 'contribution:submitted', 'update:accepted', 'round:done'])
    const sub = coord.submissions.find((s) => bytesToHex(s.workerAddress) === worker.address.toLowerCase())
    assert.ok(sub !== undefined)
    const trained = events.find((e) => e.event === 'round:trained') as Extract<WorkerEvent, { event: 'round:trained' }>
    assert.equal(bytesToHex(sub.commitment), trained.commitment)
    assert.equal(sub.leafCount, 4)
    assert.equal(sub.backendClass, 'wasm-simd/tfjs-4.22.0')

    const root0 = bytesToHex(sub.proofRoot)
    const ctx = { round: 1, roundSeed: parseRoundSeed(coord.seed), workerAddress: worker.address, model: TEST_MODEL, hyper: TEST_HYPER, shards: [{ id: coord.shards[0].id, dataset: coord.shards[0].dataset }], proofRoot: root0 }
    const served = []
    for (let j = 0; j < 4; j++) {
      const got = await requestCheckpoint(coord.node, worker.node.getMultiaddrs()[0], { round: 1, index: j })
      const c = servedCheckpointFromReply(got.reply, got.checkpoint, { hyper: TEST_HYPER, leafCount: 4 })
      assert.ok(verifyMerkleProof(leafHash(decodeLeaf(c.leaf)), c.proof, root0), `checkpoint ${j} proof`)
      served.push(c)
    }
    assert.equal((await verifyStart({ ...ctx, startWeights: coord.startWeights, checkpoint: served[0] })).ok, true)
    const seg = await verifySegment({ ...ctx, index: 1, from: served[1], to: served[2], replay: { backendClass: sub.backendClass, microBatches: sub.microBatches } })
    assert.equal(seg.ok, true, seg.reason)
    const metrics = await (await fetch(`${worker.metricsServer?.url}/metrics`)).text()
    assert.match(metrics, /cotrain_worker_checkpoints_served_total 4/)
    assert.match(metrics, /cotrain_worker_submissions_total\{result="accepted"\} 1/)
    await worker.stop()
  })

  it('copy: submits the honest worker\'s delta under its own address; the served leaves still name the honest worker', async () => {
    const { worker, events } = await runWorker('copier', { fault: 'copy', copyFrom: path.join(root, 'honest'), linger: 30 })
    while (!events.some((e) => e.event === 'round:done')) await new Promise((resolve) => setTimeout(resolve, 100))
    const mine = coord.submissions.find((s) => bytesToHex(s.workerAddress) === worker.address.toLowerCase())
    const honest = coord.submissions.find((s) => bytesToHex(s.workerAddress) !== worker.address.toLowerCase())
    assert.ok(mine !== undefined && honest !== undefined)
    assert.deepEqual(mine.deltaHash, honest.deltaHash)
    assert.deepEqual(mine.proofRoot, honest.proofRoot)
    const got = await requestCheckpoint(coord.node, worker.node.getMultiaddrs()[0], { round: 1, index: 1 })
    assert.notEqual(bytesToHex(got.reply.leaf?.workerAddress as Uint8Array), worker.address.toLowerCase())
    await worker.stop()
  })

  it('resumes a round cut short from its last checkpoint with the same commitment, and does not submit twice', async () => {
    const first = await runWorker('resume', {})
    await first.worker.done
    const before = first.events.find((e) => e.event === 'round:trained') as Extract<WorkerEvent, { event: 'round:trained' }>
    // What a kill after checkpoint 1 leaves: checkpoints 0 and 1, no submission record, no state.
    const dir = path.join(root, 'resume')
    const ck = path.join(dir, 'checkpoints', 'round-1')
    for (const f of await readdir(ck)) if (/^00000[23]\./.test(f)) await unlink(path.join(ck, f))
    await rm(path.join(dir, 'submissions'), { recursive: true })
    await unlink(path.join(dir, 'worker-state.json'))
    const count = coord.submissions.length
    const againEvents: WorkerEvent[] = []
    const again = await WorkerNode.start({ ...first.worker.options, onEvent: (e) => againEvents.push(e) })
    await again.done
    const after = againEvents.find((e) => e.event === 'round:trained') as Extract<WorkerEvent, { event: 'round:trained' }>
    assert.equal(after.resumedFrom, 1)
    assert.equal(after.commitment, before.commitment)
    // The coordinator already had it: DUPLICATE counts as accepted, nothing new stored.
    assert.equal(againEvents.some((e) => e.event === 'update:accepted'), true)
    assert.equal(coord.submissions.length, count)
  })

  it('keeps delivering a committed update while the coordinator answers BUSY, and it is accepted', async () => {
    coord.busySubmits = 2
    const { worker, events } = await runWorker('busy', {})
    await worker.done
    assert.equal(coord.busySubmits, 0)
    assert.equal(events.some((e) => e.event === 'update:accepted'), true)
    assert.equal(worker.state.records().at(-1)?.status, 'accepted')
    assert.ok(coord.submissions.some((s) => bytesToHex(s.workerAddress) === worker.address.toLowerCase()))
  })

  it('worker pause over the control socket holds the round, worker resume finishes it; a second worker on the same data dir is refused', async () => {
    const { worker, events } = await runWorker('paused', {})
    const dir = path.join(root, 'paused')
    const paused = await requestControl(dir, 'pause')
    assert.equal(paused.paused, true)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.equal(events.some((e) => e.event === 'round:done'), false, 'nothing finishes while paused')
    assert.ok(events.some((e) => e.event === 'worker:paused' && /paused \(worker resume continues\)/.test(e.reason)))
    await assert.rejects(WorkerNode.start({ ...worker.options, onEvent: () => {} }), /another worker is running with the data dir/)
    await requestControl(dir, 'resume')
    await worker.done
    assert.ok(events.some((e) => e.event === 'round:done'))
    await assert.rejects(requestControl(dir, 'status'), /no worker is running with the data dir/)
  })

  it('stale-round: the coordinator rejects the update and the worker reports it', async () => {
    coord.round = 2
    const { worker, events } = await runWorker('stale', { fault: 'stale-round' })
    await worker.done
    coord.round = 1
    const rejected = events.find((e) => e.event === 'update:rejected') as Extract<WorkerEvent, { event: 'update:rejected' }>
    assert.equal(rejected?.code, 'STALE')
    assert.equal(rejected.submittedRound, 1)
    assert.equal(worker.state.record(2)?.status, 'rejected')
  })

  it('asks for work no sooner than the join and the ack say (no round to ask about yet; the next round must close first)', async () => {
    coord.joinRetryAfter = 2
    coord.ackRetryAfter = 2
    try {
      const joinedAt = Date.now()
      const { worker, events } = await runWorker('told-to-wait', { rounds: 2 })
      const polls = (): number[] => coord.assignPolls.filter((p) => p.who === worker.address.toLowerCase()).map((p) => p.at)
      for (const deadline = Date.now() + 40_000; polls().length < 2 && Date.now() < deadline;) await delay(50)
      const accepted = events.find((e) => e.event === 'update:accepted')
      assert.ok(accepted !== undefined, 'the first round was delivered')
      const [first, second] = polls()
      // 2 s, jittered by +-25 %, counted from the join: a poll at once would come within a few ms.
      assert.ok(first - joinedAt >= 1_400, `first poll ${first - joinedAt} ms after the join began`)
      assert.ok(second - acceptedAt(events) >= 1_400, `next poll ${second - acceptedAt(events)} ms after the update was accepted`)
      await worker.stop()
    } finally {
      coord.joinRetryAfter = 0
      coord.ackRetryAfter = 0
    }
  })

  it('a round announced on gossip ends the wait the join asked for', async () => {
    coord.joinRetryAfter = 60
    try {
      const { worker } = await runWorker('woken')
      const readyAt = Date.now()
      const polls = (): number[] => coord.assignPolls.filter((p) => p.who === worker.address.toLowerCase()).map((p) => p.at)
      // Published until heard: the worker's subscription reaches the coordinator's gossipsub shortly after it connects.
      for (const deadline = Date.now() + 20_000; polls().length === 0 && Date.now() < deadline;) {
        await publishRoundAnnouncement(coord.node, coord.announcement()).catch(() => undefined)
        await delay(300)
      }
      assert.ok(polls().length > 0 && polls()[0] - readyAt < 20_000, 'polled on the announcement, not after 45-75 s')
      await worker.stop()
    } finally {
      coord.joinRetryAfter = 0
    }
  })
})
