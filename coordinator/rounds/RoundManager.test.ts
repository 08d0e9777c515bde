import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import type { CoordinatorConfig } from '../config.ts'
import { outerOptimizer } from '../config.ts'
import { AssignmentError, DuplicateSubmissionError, RoundStateError, StaleRoundError } from '../errors.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { SubmissionRecord } from '../store/records.ts'
import { FakeClock } from '../testing/FakeClock.ts'
import { floatSubmission } from '../testing/floatSubmission.ts'
import { hex32, tempDir } from '../testing/tempDir.ts'
import type { VerificationResult } from './RoundManager.ts'
import { RoundManager } from './RoundManager.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { parseRoundSeed, type RoundSeed } from '../../lib/hash/roundSeed.ts'
import { checkRoundAnnouncement } from '../../lib/net/messages.ts'
import { roundAnnouncement } from '../service/roundPlan.ts'

const ADDR = (n: number): string => '0x' + n.toString(16).padStart(40, '0')
const SHARDS = [{ id: 's1', samples: 100 }, { id: 's2', samples: 100 }, { id: 's3', samples: 100 }, { id: 's4', samples: 100 }]
const BASE: Partial<CoordinatorConfig> = { minUpdates: 2, livenessMs: 3_600_000, aggregation: outerOptimizer('fedavg') }

interface Harness {
  store: CoordinatorStore
  rounds: RoundManager
  verified: string[]
}

/**
 * Opens the store in `dir` and a RoundManager on it; `reject` lists workers
 * whose submissions fail verification, `unreachable` those whose verifier
 * throws (a worker that cannot be reached: the submission stays pending).
 */
async function harness (dir: string, clock: FakeClock, config: Partial<CoordinatorConfig> = {}, reject: string[] = [], unreachable: string[] = []): Promise<Harness> {
  const store = await CoordinatorStore.open(dir)
  const verified: string[] = []
  const rounds = new RoundManager({
    store,
    clock: clock.now,
    config: { ...BASE, ...config },
    randomSeed: () => parseRoundSeed('ab'.repeat(32)),
    evaluate: async (w) => ({ loss: w.reduce((s, x) => s + x * x, 0), accuracy: 0.5 }),
    verify: async (s: SubmissionRecord): Promise<VerificationResult> => {
      if (unreachable.includes(s.worker)) throw new Error(`${s.worker} unreachable`)
      verified.push(s.worker)
      return reject.includes(s.worker) ? { accepted: false, reason: 'replay mismatch', score: 1, fraud: true, evidence: 'seg 3' } : { accepted: true, score: 90 }
    }
  })
  return { store, rounds, verified }
}

async function submit (rounds: RoundManager, round: number, peerId: string, delta: number[], samples = rounds.assignmentFor(peerId, round)!.samples): Promise<SubmissionRecord> {
  return await rounds.submit({ round, peerId, commitment: hex32(`${round}-${peerId}`), proofRoot: hex32(`root-${peerId}`), leafCount: 4, samples, ...floatSubmission(Float32Array.from(delta)) })
}

async function join (rounds: RoundManager, n: number, samplesPerSec = 1000): Promise<void> {
  await rounds.joinWorker({ peerId: `peer${n}`, address: ADDR(n), capabilities: { samplesPerSec, backend: 'wasm' } })
}

function assertClose (actual: Float32Array, expected: number[], tol = 1e-6): void {
  assert.equal(actual.length, expected.length)
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) <= tol, `index ${i}: ${actual[i]} != ${e}`))
}

describe('RoundManager', () => {
  let tmp: ReturnType<typeof tempDir>
  let clock: FakeClock
  const open: CoordinatorStore[] = []
  beforeEach(() => { tmp = tempDir(); clock = new FakeClock() })
  afterEach(() => { for (const s of open.splice(0)) s.close(); tmp.remove() })
  const start = async (config: Partial<CoordinatorConfig> = {}, reject: string[] = [], unreachable: string[] = []): Promise<Harness> => {
    const h = await harness(tmp.dir, clock, config, reject, unreachable)
    open.push(h.store)
    return h
  }

  it('runs a round from open to done (happy path)', async () => {
    // Claimed speeds earn nothing: untimed workers are scheduled as equally fast (the default speed).
    const { store, rounds, verified } = await start({ defaultSamplesPerSec: 2000 })
    const genesis = await rounds.ensureInitialModel(new Float32Array([1, 2, 3]))
    assert.equal(genesis.round, 0)
    assert.equal(genesis.loss, 14)
    await join(rounds, 1, 1000)
    await join(rounds, 2, 2000)
    await join(rounds, 3, 1000)
    const events: string[] = []
    rounds.on('round:transitioned', e => events.push(e.round.state))

    const round = rounds.openRound({ shards: SHARDS, hyperParams: { innerSteps: 50, batchSize: 32 } })
    assert.equal(round.number, 1)
    assert.equal(round.modelId, genesis.id)
    assert.equal((await rounds.tick())?.state, 'open', 'waits for the join window')
    clock.advance(30_000)
    assert.equal((await rounds.tick())?.state, 'training')
    const plan = Object.fromEntries(store.listAssignments(1).map(a => [a.worker, a.samples]))
    assert.deepEqual(plan, { peer1: 200, peer2: 100, peer3: 100 }, 'one shard each, the fourth to the lowest peer id: peer2\'s claim of 2x does not count')

    clock.advance(1000)
    await submit(rounds, 1, 'peer1', [0.4, 0, 0])
    await submit(rounds, 1, 'peer2', [0, 0.2, 0])
    assert.equal((await rounds.tick())?.state, 'training', 'one assignment still out')
    await submit(rounds, 1, 'peer3', [0, 0, 0.8])
    const done = await rounds.tick()
    assert.equal(done?.state, 'done')
    assert.deepEqual(verified, ['peer1', 'peer2', 'peer3'])
    assert.deepEqual(events, ['training', 'verifying', 'aggregating', 'done'])

    // avg = (200 [0.4,0,0] + 100 [0,0.2,0] + 100 [0,0,0.8]) / 400 = [0.2, 0.05, 0.2]
    const model = store.getLatestModel()!
    assert.equal(model.id, done.resultModelId)
    assert.equal(model.round, 1)
    assertClose(await store.readModelWeights(model.id), [0.8, 1.95, 2.8])
    assert.ok(Math.abs(done.loss! - (0.64 + 3.8025 + 7.84)) < 1e-5)
    assert.deepEqual(store.getMetricHistory().map(m => [m.round, m.state, m.acceptedUpdates, m.accuracy]), [[1, 'done', 3, 0.5]])
    assert.deepEqual(store.listTransitions(1).map(t => t.to), ['open', 'training', 'verifying', 'aggregating', 'done'])
    assert.equal(store.listScores(store.listSubmissions(1)[0].id)[0].score, 90)

    const next = rounds.openRound({ shards: SHARDS, hyperParams: {} })
    assert.equal(next.number, 2)
    assert.equal(next.modelId, model.id)
  })

  it('records a verification pass\'s verdicts in one group commit', async () => {
    const { store, rounds } = await start()
    await rounds.ensureInitialModel(new Float32Array([1, 2, 3]))
    for (const n of [1, 2, 3]) await join(rounds, n)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    clock.advance(30_000)
    assert.equal((await rounds.tick())?.state, 'training')
    for (const [n, peer] of ['peer1', 'peer2', 'peer3'].entries()) await submit(rounds, 1, peer, [n, 0, 0])
    // Which top-level transaction (commit) each verdict is written in.
    let commits = 0
    let depth = 0
    const transaction = store.transaction.bind(store)
    store.transaction = <T>(fn: () => T): T => {
      if (depth++ === 0) commits++
      try { return transaction(fn) } finally { depth-- }
    }
    const verdictCommits: number[] = []
    const setStatus = store.setSubmissionStatus.bind(store)
    store.setSubmissionStatus = (id, status, input) => {
      if (status !== 'pending') verdictCommits.push(commits)
      return setStatus(id, status, input)
    }
    assert.equal((await rounds.tick())?.state, 'done')
    assert.equal(verdictCommits.length, 3)
    assert.equal(new Set(verdictCommits).size, 1, `verdicts in commits ${verdictCommits.join(', ')}`)
  })

  it('refuses a round seed that is not exactly 32 bytes before storing it; a stored seed announces and checks on the wire', async () => {
    const { store, rounds } = await start()
    await rounds.ensureInitialModel(new Float32Array([1, 2, 3]))
    // A 16-byte seed used to be stored, then every announcement of the round failed.
    for (const bad of ['0x' + 'ab'.repeat(16), 'ab'.repeat(33), '0x', 'zz'.repeat(32)]) {
      assert.throws(() => rounds.openRound({ shards: SHARDS, hyperParams: {}, seed: bad as RoundSeed }), (e: unknown) => e instanceof InvalidInputError && /round seed/.test(e.message) && !e.message.includes('\n'), bad)
    }
    assert.equal(store.getLatestRound(), undefined, 'nothing was stored')
    const round = rounds.openRound({ shards: SHARDS, hyperParams: { training: {}, model: { kind: 'mlp' } }, seed: parseRoundSeed('CD'.repeat(32)) })
    assert.equal(store.getRound(round.number)?.seed, '0x' + 'cd'.repeat(32))
    const announcement = roundAnnouncement(store.getRound(round.number)!, { trainingTimeoutMs: 1000, collectTimeoutMs: 1000, openTimeoutMs: 1000 })
    checkRoundAnnouncement(announcement)
    assert.deepEqual(announcement.roundSeed, new Uint8Array(32).fill(0xcd))
    assert.throws(() => checkRoundAnnouncement({ ...announcement, roundSeed: new Uint8Array(16) }), /expected 32 bytes, got 16: announcement.round_seed/)
  })

  describe('when submissions are bad', () => {
    it('rejects duplicates and stale rounds, keeping what was accepted (the delta itself is checked once, before: checkSubmission)', async () => {
      const { store, rounds } = await start()
      await rounds.ensureInitialModel(new Float32Array([1, 2, 3]))
      await join(rounds, 1)
      await join(rounds, 2)
      rounds.openRound({ shards: SHARDS, hyperParams: {} })
      rounds.startTraining()
      const first = await submit(rounds, 1, 'peer1', [0.1, 0.1, 0.1])
      await assert.rejects(submit(rounds, 1, 'peer1', [0.2, 0.2, 0.2]), DuplicateSubmissionError)
      await assert.rejects(rounds.submit({ round: 1, peerId: 'peer2', commitment: first.commitment, proofRoot: hex32(1), leafCount: 1, samples: 1, ...floatSubmission(new Float32Array(3)) }),
        (err: unknown) => err instanceof DuplicateSubmissionError && err.conflict === 'commitment')
      await assert.rejects(submit(rounds, 2, 'peer2', [0, 0, 0], 100), StaleRoundError)
      assert.deepEqual(store.listSubmissions(1), [first])
      assert.equal(store.getAssignmentFor(1, 'peer2')?.state, 'assigned')
    })
  })

  describe('when deadlines pass', () => {
    it('goes to collecting, extends once, then verifies with what arrived and shuts out the late worker', async () => {
      const { store, rounds } = await start()
      await rounds.ensureInitialModel(new Float32Array([0, 0]))
      for (const n of [1, 2, 3]) await join(rounds, n)
      rounds.openRound({ shards: SHARDS.slice(0, 3), hyperParams: {} })
      rounds.startTraining()
      await submit(rounds, 1, 'peer1', [1, 1])
      clock.advance(10 * 60_000)
      assert.equal((await rounds.tick())?.state, 'collecting')
      clock.advance(60_000)
      const extended = await rounds.tick()
      assert.equal(extended?.state, 'collecting')
      assert.equal(extended?.extensions, 1)
      assert.ok(extended!.deadline > clock.now())
      await submit(rounds, 1, 'peer2', [3, 3])
      assert.equal((await rounds.tick())?.state, 'collecting', 'waits for peer3 until the extended deadline')
      clock.advance(extended!.deadline - clock.now())
      assert.equal((await rounds.tick())?.state, 'done')
      assert.equal(store.getAssignmentFor(1, 'peer3')?.state, 'missed')
      await assert.rejects(submit(rounds, 1, 'peer3', [0, 0]), StaleRoundError)
      assertClose(await store.readModelWeights(store.getLatestModel()!.id), [-2, -2])
    })

    it('fails the round when the extension passes without enough updates; the next round reuses the model', async () => {
      const { store, rounds } = await start()
      const genesis = await rounds.ensureInitialModel(new Float32Array([0, 0]))
      await join(rounds, 1)
      await join(rounds, 2)
      rounds.openRound({ shards: SHARDS, hyperParams: {} })
      rounds.startTraining()
      await submit(rounds, 1, 'peer1', [1, 1])
      clock.advance(10 * 60_000)
      await rounds.tick()
      clock.advance(60_000)
      await rounds.tick()
      clock.advance(60_000)
      const failed = await rounds.tick()
      assert.equal(failed?.state, 'failed')
      assert.equal(failed?.failureReason, '1 submissions of 2 needed')
      assert.equal(store.listSubmissions(1).length, 1, 'the submission is kept')
      assert.equal(rounds.openRound({ shards: SHARDS, hyperParams: {} }).modelId, genesis.id)
    })

    it('fails an open round with too few workers after one extension', async () => {
      const { rounds } = await start()
      await rounds.ensureInitialModel(new Float32Array([0]))
      await join(rounds, 1)
      rounds.openRound({ shards: SHARDS, hyperParams: {} })
      clock.advance(30_000)
      assert.equal((await rounds.tick())?.extensions, 1)
      clock.advance(30_000)
      const r = await rounds.tick()
      assert.equal(r?.state, 'failed')
      assert.match(r!.failureReason!, /1 live workers of 2 needed/)
    })

    it('closes submissions once the only work still out is overdue and its worker is gone, with enough in', async () => {
      const { store, rounds } = await start({ assignmentSlack: 1, assignmentGraceMs: 1000, livenessMs: 60_000 })
      await rounds.ensureInitialModel(new Float32Array([0, 0]))
      for (const n of [1, 2, 3]) await join(rounds, n)
      rounds.openRound({ shards: SHARDS.slice(0, 3), hyperParams: {} })
      rounds.startTraining()
      await submit(rounds, 1, 'peer1', [1, 1])
      await submit(rounds, 1, 'peer2', [3, 3])
      // peer3 is overdue but was seen within the liveness window: a late worker is waited for.
      clock.advance(5_000)
      assert.equal((await rounds.tick())?.state, 'training')
      // Not seen for the whole window (a slashed cheater that exited, say): nobody is left to wait for.
      clock.advance(60_000)
      assert.equal((await rounds.tick())?.state, 'done')
      assert.equal(store.getAssignmentFor(1, 'peer3')?.state, 'missed')
      assertClose(await store.readModelWeights(store.getLatestModel()!.id), [-2, -2])
    })

    it('reassigns the shards of a worker that missed its deadline to an idle live worker', async () => {
      const { store, rounds } = await start({ assignmentSlack: 1, assignmentGraceMs: 1000, defaultSamplesPerSec: 100 })
      await rounds.ensureInitialModel(new Float32Array([0, 0]))
      await join(rounds, 1) // untimed, so 100/s (the default): 200 samples due 2 s + 1 s grace after assignment
      await join(rounds, 2)
      rounds.openRound({ shards: SHARDS, hyperParams: {} })
      rounds.startTraining()
      const late = store.getAssignmentFor(1, 'peer1')!
      assert.equal(late.deadline, clock.now() + 3000)
      await join(rounds, 3, 400) // joins mid-round, idle
      await submit(rounds, 1, 'peer2', [1, 1])
      clock.advance(3000)
      await rounds.tick()
      assert.equal(store.getAssignmentFor(1, 'peer1')?.state, 'missed')
      const taken = store.getAssignmentFor(1, 'peer3')!
      assert.deepEqual([taken.shardIds, taken.samples, taken.reassignedFrom], [late.shardIds, 200, late.id])
      await assert.rejects(submit(rounds, 1, 'peer1', [5, 5], 200), AssignmentError)
      await submit(rounds, 1, 'peer3', [3, 3])
      assert.equal((await rounds.tick())?.state, 'done')
      assertClose(await store.readModelWeights(store.getLatestModel()!.id), [-2, -2])
    })
  })

  it('schedules by measured speed: a worker claiming 1e9 samples/s gets no more shards than an honest one until a round times it', async () => {
    const { store, rounds } = await start({ minUpdates: 2 })
    await rounds.ensureInitialModel(new Float32Array([0, 0]))
    await join(rounds, 1, 1e9) // the liar
    await join(rounds, 2, 1000)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    assert.deepEqual(store.listAssignments(1).map(a => a.shardIds.length), [2, 2], 'the claim is believed only up to the default speed')
    // The honest worker takes 1 s for its 200 samples, the liar 10 s: measured speeds (200/s, 20/s) replace the claims.
    clock.advance(1000)
    await submit(rounds, 1, 'peer2', [1, 1])
    clock.advance(9000)
    await submit(rounds, 1, 'peer1', [1, 1])
    assert.equal((await rounds.tick())?.state, 'done')
    assert.equal(rounds.workers.get('peer1')?.samplesPerSec, 20)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    assert.deepEqual(store.listAssignments(2).map(a => [a.worker, a.shardIds.length]), [['peer1', 1], ['peer2', 3]])
  })

  it('splits round 1 evenly between untimed workers whatever they claim: a liar claiming 1e9 samples/s gets no more than honest workers who claim less than the default', async () => {
    // The adversary devnet's numbers: honest workers on a loaded machine claimed 732 and 1,258 samples/s (default 1,000);
    // believing claims up to the default gave the liar 500 samples against 300 and 400.
    const shards = Array.from({ length: 12 }, (_, i) => ({ id: `s${String(i + 1).padStart(2, '0')}`, samples: 100 }))
    const { store, rounds } = await start({ minUpdates: 3 })
    await rounds.ensureInitialModel(new Float32Array([0, 0]))
    await join(rounds, 1, 732)
    await join(rounds, 2, 1e9) // the liar
    await join(rounds, 3, 1258)
    await join(rounds, 2, 5e9) // joining again with another claim changes nothing either
    rounds.openRound({ shards, hyperParams: {} })
    rounds.startTraining()
    assert.deepEqual(store.listAssignments(1).map(a => [a.worker, a.samples]), [['peer1', 400], ['peer2', 400], ['peer3', 400]])
    // Measured speeds decide from round 2: 400 samples in 2 s (peer2, peer3: 200/s) and in 4 s (peer1: 100/s).
    clock.advance(2000)
    for (const peer of ['peer2', 'peer3']) await submit(rounds, 1, peer, [1, 1])
    clock.advance(2000)
    await submit(rounds, 1, 'peer1', [1, 1])
    assert.equal((await rounds.tick())?.state, 'done')
    await join(rounds, 1, 1e9) // a claim after a timed round does not replace the measurement
    assert.equal(rounds.workers.get('peer1')?.samplesPerSec, 100)
    rounds.openRound({ shards, hyperParams: {} })
    rounds.startTraining()
    assert.deepEqual(store.listAssignments(2).map(a => [a.worker, a.samples]), [['peer1', 200], ['peer2', 500], ['peer3', 500]])
  })

  it('clips a poisoned update that passes verification to twice the median norm, so it moves the model at most bound / N', async () => {
    const { store, rounds } = await start({ minUpdates: 3 })
    await rounds.ensureInitialModel(new Float32Array([0, 0]))
    for (const n of [1, 2, 3]) await join(rounds, n)
    rounds.openRound({ shards: SHARDS.slice(0, 3), hyperParams: {} })
    rounds.startTraining()
    const clipped: Array<{ worker: string, norm: number, bound: number }> = []
    rounds.on('update:clipped', (e) => clipped.push(e))
    await submit(rounds, 1, 'peer1', [0.3, 0.4]) // norm 0.5
    await submit(rounds, 1, 'peer2', [0.6, 0.8]) // norm 1
    await submit(rounds, 1, 'peer3', [-300, 400]) // norm 500: the poisoner
    assert.equal((await rounds.tick())?.state, 'done')
    assert.deepEqual(clipped.map(c => [c.worker, c.norm, Number(c.bound.toFixed(6))]), [['peer3', 500, 2]])
    // avg = ([0.3, 0.4] + [0.6, 0.8] + [-300, 400] x 2/500) / 3 = [-0.1, 0.9333]; fedavg lr 1: W = -avg
    assertClose(await store.readModelWeights(store.getLatestModel()!.id), [0.1, -(0.4 + 0.8 + 1.6) / 3])
  })

  it('fails the round when verification rejects too many, recording the scores', async () => {
    const { store, rounds } = await start({}, ['peer2'])
    await rounds.ensureInitialModel(new Float32Array([0]))
    await join(rounds, 1)
    await join(rounds, 2)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    await submit(rounds, 1, 'peer1', [1])
    await submit(rounds, 1, 'peer2', [1])
    const r = await rounds.tick()
    assert.equal(r?.state, 'failed')
    assert.equal(r?.failureReason, '1 updates accepted of 2 needed')
    const bad = store.findSubmissionFor(1, 'peer2')!
    assert.deepEqual([bad.status, bad.statusReason], ['rejected', 'replay mismatch'])
    assert.deepEqual(store.listScores(bad.id).map(s => [s.score, s.fraud, s.evidence]), [[1, true, 'seg 3']])
  })

  it('verifies up to verifyConcurrency submissions at once, and the result is the same model', async () => {
    const store = await CoordinatorStore.open(tmp.dir)
    open.push(store)
    let inFlight = 0
    let most = 0
    const rounds = new RoundManager({
      store,
      clock: clock.now,
      // No clipping: the expected model is the plain mean step.
      config: { ...BASE, minUpdates: 3, clipNormMultiplier: 0 },
      verifyConcurrency: 2,
      evaluate: async () => ({ loss: 1, accuracy: 0.5 }),
      verify: async () => {
        most = Math.max(most, ++inFlight)
        await new Promise((resolve) => setTimeout(resolve, 20))
        inFlight--
        return { accepted: true }
      }
    })
    await rounds.ensureInitialModel(new Float32Array([0, 0]))
    for (const n of [1, 2, 3, 4]) await join(rounds, n)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    for (const [n, d] of [[1, [1, 0]], [2, [0, 1]], [3, [1, 1]], [4, [3, 3]]] as const) await submit(rounds, 1, `peer${n}`, [...d])
    const r = await rounds.tick()
    assert.equal(r?.state, 'done')
    assert.equal(most, 2, 'two verifications overlapped, never more')
    assertClose(await store.readModelWeights(r!.resultModelId!), [-1.25, -1.25])
  })

  describe('after a restart', () => {
    it('resumes the same round with every submission and finishes it', async () => {
      const a = await start()
      await a.rounds.ensureInitialModel(new Float32Array([1, 1]))
      for (const n of [1, 2, 3]) await join(a.rounds, n)
      a.rounds.openRound({ shards: SHARDS.slice(0, 3), hyperParams: { innerSteps: 10 } })
      clock.advance(30_000)
      await a.rounds.tick()
      const s1 = await submit(a.rounds, 1, 'peer1', [0.3, 0])
      const s2 = await submit(a.rounds, 1, 'peer2', [0, 0.3])
      a.store.close() // the coordinator is killed

      const b = await start()
      const current = b.rounds.currentRound()
      assert.deepEqual([current?.number, current?.state, current?.hyperParams], [1, 'training', { innerSteps: 10 }])
      assert.deepEqual(b.store.listSubmissions(1), [s1, s2])
      assert.equal(b.rounds.assignmentFor('peer3')?.state, 'assigned')
      await assert.rejects(submit(b.rounds, 1, 'peer1', [9, 9]), DuplicateSubmissionError)
      await submit(b.rounds, 1, 'peer3', [0.3, 0.3])
      assert.equal((await b.rounds.tick())?.state, 'done')
      assertClose(await b.store.readModelWeights(b.store.getLatestModel()!.id), [0.8, 0.8])
    })

    it('keeps accepted verdicts and verifies only what was still pending', async () => {
      const a = await start()
      await a.rounds.ensureInitialModel(new Float32Array([0]))
      for (const n of [1, 2]) await join(a.rounds, n)
      a.rounds.openRound({ shards: SHARDS, hyperParams: {} })
      a.rounds.startTraining()
      const s1 = await submit(a.rounds, 1, 'peer1', [1])
      await submit(a.rounds, 1, 'peer2', [3])
      a.rounds.recordVerification(s1.id, { accepted: true, score: 70, validator: 'v1' })
      a.store.close()

      const b = await start()
      assert.equal(b.store.requireSubmission(s1.id).status, 'accepted')
      assert.equal((await b.rounds.tick())?.state, 'done')
      assert.deepEqual(b.verified, ['peer2'])
      assertClose(await b.store.readModelWeights(b.store.getLatestModel()!.id), [-2])
    })

    /**
     * Round 1 with peer1 verified and peer2's verification failing (its worker
     * unreachable), then the coordinator killed and down for longer than the
     * whole verification window; returns the restarted one and peer2's row.
     */
    const downWhileVerifying = async (config: Partial<CoordinatorConfig>): Promise<{ b: Harness, s2: SubmissionRecord }> => {
      const a = await start(config, [], ['peer2'])
      await a.rounds.ensureInitialModel(new Float32Array([0]))
      for (const n of [1, 2]) await join(a.rounds, n)
      a.rounds.openRound({ shards: SHARDS, hyperParams: {} })
      a.rounds.startTraining()
      await submit(a.rounds, 1, 'peer1', [1])
      const s2 = await submit(a.rounds, 1, 'peer2', [3])
      assert.equal((await a.rounds.tick())?.state, 'verifying', 'peer2 could not be verified yet')
      assert.equal(a.store.requireSubmission(s2.id).status, 'pending')
      a.store.close()
      clock.advance(2 * (config.verifyTimeoutMs ?? 0))
      return { b: await start(config), s2 }
    }

    it('gives a round still verifying a fresh deadline, so downtime does not reject its pending submissions', async () => {
      const { b, s2 } = await downWhileVerifying({ verifyTimeoutMs: 60_000 })
      const resumed = b.rounds.resumeVerification()
      assert.equal(resumed?.state, 'verifying')
      assert.equal(resumed?.deadline, clock.now() + 60_000)
      assert.equal(b.store.listTransitions(1).at(-1)?.reason, 'resumed after a coordinator restart')
      const done = await b.rounds.tick()
      assert.equal(done?.state, 'done')
      assert.equal(b.store.requireSubmission(s2.id).status, 'accepted', 'verified after the restart, not expired')
      assert.equal(b.store.listSubmissions(1, 'accepted').length, 2)
      assert.equal(b.rounds.resumeVerification(), undefined, 'nothing to resume once the round is done')
    })

    it('without the fresh deadline the same downtime rejects the pending submission', async () => {
      const { b, s2 } = await downWhileVerifying({ verifyTimeoutMs: 60_000, minUpdates: 1 })
      await b.rounds.tick()
      assert.equal(b.store.requireSubmission(s2.id).status, 'rejected')
    })

    it('continues Nesterov momentum from the stored buffer', async () => {
      const config = { minUpdates: 1, aggregation: outerOptimizer('nesterov', { lr: 0.7, momentum: 0.9 }) }
      const a = await start(config)
      await a.rounds.ensureInitialModel(new Float32Array([1, 2]))
      await join(a.rounds, 1)
      a.rounds.openRound({ shards: SHARDS, hyperParams: {} })
      a.rounds.startTraining()
      await submit(a.rounds, 1, 'peer1', [0.1, -0.2])
      assert.equal((await a.rounds.tick())?.state, 'done')
      assertClose(await a.store.readModelWeights(a.store.getLatestModel()!.id), [0.867, 2.266])
      a.store.close()

      const b = await start(config)
      b.rounds.heartbeat('peer1')
      b.rounds.openRound({ shards: SHARDS, hyperParams: {} })
      b.rounds.startTraining()
      await submit(b.rounds, 2, 'peer1', [0.2, 0.1])
      const r2 = await b.rounds.tick()
      assert.equal(r2?.state, 'done')
      // Same as the hand-computed 2-step sequence: momentum [0.29, -0.08] carried over.
      assertClose(await b.store.readModelWeights(r2!.resultModelId!), [0.5443, 2.2464])
      assertClose(await b.store.blobs.getFloats(r2!.momentumId!), [0.29, -0.08])
    })
  })

  it('finishes the round without metrics when evaluation fails, and says so', async () => {
    const store = await CoordinatorStore.open(tmp.dir)
    open.push(store)
    const rounds = new RoundManager({
      store, clock: clock.now, config: { ...BASE, minUpdates: 1 },
      evaluate: async () => { throw new Error('backend lost') },
      verify: async () => ({ accepted: true })
    })
    const failures: string[] = []
    rounds.on('evaluation:failed', e => failures.push(`${e.round}: ${e.error.message}`))
    await rounds.ensureInitialModel(new Float32Array([1]))
    await join(rounds, 1)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    await submit(rounds, 1, 'peer1', [0.5])
    const r = await rounds.tick()
    assert.deepEqual([r?.state, r?.loss, r?.accuracy], ['done', undefined, undefined])
    assert.deepEqual(failures, ['0: backend lost', '1: backend lost'])
    assert.match(store.listTransitions(1).at(-1)!.reason, /evaluation failed/)
  })

  it('fails the round with a clear reason when a stored delta is corrupted', async () => {
    const { store, rounds } = await start({ minUpdates: 1 })
    await rounds.ensureInitialModel(new Float32Array([1]))
    await join(rounds, 1)
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    rounds.startTraining()
    const s = await submit(rounds, 1, 'peer1', [0.5])
    writeFileSync(store.blobs.pathOf(s.deltaId), Buffer.from(new Float32Array([0.25]).buffer))
    const r = await rounds.tick()
    assert.equal(r?.state, 'failed')
    assert.match(r!.failureReason!, /aggregation failed: .*expected hash/)
  })

  it('refuses unknown config keys', async () => {
    const store = await CoordinatorStore.open(tmp.dir)
    open.push(store)
    assert.throws(() => new RoundManager({ store, evaluate: async () => ({ loss: 0, accuracy: 0 }), verify: async () => ({ accepted: true }), config: { minUpdate: 2 } as never }),
      /unknown coordinator config key "minUpdate"/)
  })

  it('refuses to open a second round while one runs', async () => {
    const { rounds } = await start()
    await rounds.ensureInitialModel(new Float32Array([0]))
    rounds.openRound({ shards: SHARDS, hyperParams: {} })
    assert.throws(() => rounds.openRound({ shards: SHARDS, hyperParams: {} }), RoundStateError)
  })
})
