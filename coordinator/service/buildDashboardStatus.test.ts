import assert from 'node:assert/strict'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import type { ModelConfig } from '../../lib/model/config.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { hex32, tempDir } from '../testing/tempDir.ts'
import { buildDashboardStatus } from './buildDashboardStatus.ts'
import type { ChainSnapshot } from './ChainView.ts'
import type { Contributor } from '../../lib/chain/index.ts'

const T0 = 1_700_000_000_000
const HONEST = '0x' + 'a1'.repeat(20)
const CHEATER = '0x' + 'c4'.repeat(20)
const VALIDATOR = '0x' + 'e5'.repeat(20)

describe('buildDashboardStatus', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore
  beforeEach(async () => {
    tmp = tempDir()
    store = await CoordinatorStore.open(tmp.dir)
  })
  afterEach(() => { store.close(); tmp.remove() })

  it('gives the current round\'s progress and deadline, the validators\' activity, earnings by round, and the recorded reason on fraud rows', async () => {
    const model = await store.putModel(new Float32Array([1, 2, 3]), { round: 0, createdAt: T0 })
    store.insertRound({ number: 1, modelId: model.id, hyperParams: {}, seed: parseRoundSeed('ab'.repeat(32)), shards: [{ id: 's1', samples: 10 }, { id: 's2', samples: 10 }, { id: 's3', samples: 10 }], minUpdates: 2, deadline: T0 + 90_000, openedAt: T0 })
    const workers = [HONEST, CHEATER, '0x' + 'b2'.repeat(20)]
    workers.forEach((address, i) => {
      store.upsertWorker({ peerId: `peer${i}`, address, capabilities: {}, samplesPerSec: 100, at: T0 })
      store.insertAssignment({ round: 1, worker: `peer${i}`, shardIds: [`s${i + 1}`], samples: 10, deadline: T0 + 90_000, createdAt: T0 })
    })
    const honest = store.insertSubmission({ round: 1, worker: 'peer0', assignmentId: 1, commitment: hex32('h'), deltaId: 'd0', proofRoot: hex32('r0'), leafCount: 10, samples: 10, contributionId: '7', receivedAt: T0 + 1000 })
    const cheat = store.insertSubmission({ round: 1, worker: 'peer1', assignmentId: 2, commitment: hex32('c'), deltaId: 'd1', proofRoot: hex32('r1'), leafCount: 10, samples: 10, contributionId: '8', receivedAt: T0 + 2000 })
    store.setSubmissionStatus(honest.id, 'accepted', { at: T0 + 3000 })
    store.setSubmissionStatus(cheat.id, 'rejected', { at: T0 + 3000, reason: 'segment 9: replay differs from checkpoint 9' })
    const chain: ChainSnapshot = {
      contributors: new Map([[CHEATER, { registered: true, stake: 5n * 10n ** 17n, totalSlashed: 5n * 10n ** 17n, totalEarned: 0n, reputation: 10 } as unknown as Contributor]]),
      events: [
        { kind: 'scored', contributionId: 7, account: VALIDATOR, score: 80, block: 10, at: T0 + 5000 },
        { kind: 'fraud', contributionId: 8, account: VALIDATOR, block: 11, at: T0 + 6000 },
        { kind: 'finalized', contributionId: 7, account: HONEST, amountWei: '800000000000000000', score: 80, block: 12, at: T0 + 7000 }
      ]
    }
    const s = buildDashboardStatus({ store, info: { peerId: 'p', multiaddrs: [] }, model: { kind: 'mlp' } as unknown as ModelConfig, aggregator: 'fedavg', startedAt: T0, contract: '0x' + '5f'.repeat(20), chain, now: () => T0 + 30_000 })
    assert.equal(s.now, T0 + 30_000)
    assert.deepEqual(s.current, { number: 1, state: 'open', deadline: T0 + 90_000, openedAt: T0, assigned: 3, submitted: 2, accepted: 1, rejected: 1 })
    assert.deepEqual(s.validators, [{ address: VALIDATOR, scores: 1, fraudReports: 1, lastActiveAt: T0 + 6000, averageScore: 80 }])
    assert.deepEqual(s.earnings, [{ address: HONEST, round: 1, amountWei: '800000000000000000' }])
    assert.equal(s.workers[0].lastScore, 80, 'the finalized median score on chain, though the coordinator recorded no score of its own')
    // Every worker was last heard from at T0, 30 s before now: not idle yet.
    assert.deepEqual(s.workers.map(w => w.statusReason), [undefined, 'slashed 0.5 ETH for fraud', undefined])
    const later = buildDashboardStatus({ store, info: { peerId: 'p', multiaddrs: [] }, model: { kind: 'mlp' } as unknown as ModelConfig, aggregator: 'fedavg', startedAt: T0, now: () => T0 + 150_000 })
    assert.equal(later.workers[0].statusReason, 'idle: last heard from 2m 30s ago')
    const fraud = s.chain.events.find(e => e.kind === 'fraud')
    assert.equal(fraud?.round, 1)
    assert.equal(fraud?.reason, 'segment 9: replay differs from checkpoint 9')
    assert.equal(s.chain.events.find(e => e.kind === 'scored')?.reason, undefined, 'only fraud and slash rows carry a reason')
  })
})
