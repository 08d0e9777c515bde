import assert from 'node:assert/strict'
import { getAddress, keccak256, toHex, type Address } from 'viem'
import { registerContributor, reportFraud, submitContribution } from '../../lib/chain/index.ts'
import { startLocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { ContributionType } from '../../lib/chain/types.ts'
import { ChainView } from '../service/ChainView.ts'
import { outerOptimizer } from '../config.ts'
import type { CoordinatorEvent } from '../events.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { FakeClock } from '../testing/FakeClock.ts'
import { tempDir } from '../testing/tempDir.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { RoundManager } from './RoundManager.ts'
import { RoundOpener } from './RoundOpener.ts'

describe('RoundOpener', () => {
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore
  beforeEach(async () => { tmp = tempDir(); store = await CoordinatorStore.open(tmp.dir) })
  afterEach(() => { store.close(); tmp.remove() })

  it('opens one round when its timer fires again while a step is still in progress (no "cannot open a new round")', async () => {
    const clock = new FakeClock(1_700_000_000_000)
    const rounds = new RoundManager({
      store,
      clock: clock.now,
      config: { minUpdates: 2, livenessMs: 3_600_000, aggregation: outerOptimizer('fedavg') },
      randomSeed: () => parseRoundSeed('ab'.repeat(32)),
      evaluate: async () => ({ loss: 1, accuracy: 0.5 }),
      verify: async () => ({ accepted: true, score: 90 })
    })
    await rounds.ensureInitialModel(new Float32Array([1, 2, 3]), { evaluate: false })
    for (const n of [1, 2]) await rounds.joinWorker({ peerId: `peer${n}`, address: '0x' + String(n).padStart(40, '0'), capabilities: { samplesPerSec: 1000 } })
    const events: CoordinatorEvent[] = []
    const opener = new RoundOpener({ store, rounds, maxRounds: 0, minWorkers: 2, minUpdates: 2, shards: () => [{ id: 's1', samples: 100 }, { id: 's2', samples: 100 }], plan: {}, emit: (e) => events.push(e) })
    // Two steps in flight at once, as when a step outlasts the 500 ms timer.
    await Promise.all([opener.step(), opener.step(), opener.step()])
    assert.deepEqual(store.listRounds().map(r => r.number), [1])
    assert.deepEqual(events, [])
  })

  it('with a contract, a worker slashed below the minimum after its round was scheduled is set inactive once its assignment is overdue, so the round does not wait for it', async function () {
    this.timeout(120_000)
    const local = await startLocalStaking({ validators: [4, 5] })
    try {
      const reader = await local.clientFor(0)
      const accounts = [1, 2, 3].map(i => getAddress(local.chain.accounts[i].address) as Address)
      for (const i of [1, 2, 3]) await registerContributor(await local.clientFor(i), { address: local.address })
      const clock = new FakeClock(Date.now())
      const rounds = new RoundManager({
        store,
        clock: clock.now,
        config: { minUpdates: 2, targetWorkers: 3, livenessMs: 3_600_000, trainingTimeoutMs: 600_000, aggregation: outerOptimizer('fedavg') },
        randomSeed: () => parseRoundSeed('ab'.repeat(32)),
        evaluate: async () => ({ loss: 1, accuracy: 0.5 }),
        verify: async () => ({ accepted: true, score: 90 })
      })
      await rounds.ensureInitialModel(new Float32Array([1, 2, 3]), { evaluate: false })
      for (const [n, address] of accounts.entries()) await rounds.joinWorker({ peerId: `peer${n + 1}`, address, capabilities: { samplesPerSec: 1000 } })
      const events: CoordinatorEvent[] = []
      const opener = new RoundOpener({
        store, rounds, maxRounds: 0, minWorkers: 3, minUpdates: 2,
        shards: () => [{ id: 's1', samples: 100 }, { id: 's2', samples: 100 }, { id: 's3', samples: 100 }],
        plan: {},
        chain: { client: reader, contract: local.address, view: new ChainView({ client: reader, contract: local.address }) },
        emit: (e) => events.push(e)
      })
      await opener.step()
      assert.equal(store.listAssignments(1, 'assigned').length, 3, 'all three scheduled while in good standing')

      // Worker 3 is slashed (quorum 2 of 2 validators) after the round was scheduled: 0.5 ETH left, under the 1 ETH minimum.
      const { id } = await submitContribution(await local.clientFor(3), { address: local.address, ctype: ContributionType.ComputePower, dataHash: keccak256(toHex('earlier round')) })
      for (const v of [4, 5]) await reportFraud(await local.clientFor(v), { address: local.address, id, evidenceHash: keccak256(toHex('segment 3 differs')) })

      await opener.step()
      assert.equal(rounds.workers.get('peer3')?.status, 'active', 'not overdue yet: no chain read, nothing changes')
      clock.advance(700_000)
      await opener.step()
      assert.equal(rounds.workers.get('peer3')?.status, 'inactive')
      assert.equal(rounds.workers.get('peer1')?.status, 'active', 'an overdue worker in good standing stays')
      assert.deepEqual(events.filter(e => e.event === 'worker:ineligible').map(e => (e as { peerId: string }).peerId), ['peer3'])
    } finally {
      await local.stop()
    }
  })
  it('with a contract, reads no worker list and no stake while too few workers are live, and sets an unstaked one inactive once a round could open', async function () {
    this.timeout(120_000)
    const local = await startLocalStaking()
    try {
      const reader = await local.clientFor(0)
      const accounts = [1, 2, 3].map(i => getAddress(local.chain.accounts[i].address) as Address)
      // Workers 1 and 2 are staked; worker 3 never registered.
      for (const i of [1, 2]) await registerContributor(await local.clientFor(i), { address: local.address })
      const rounds = new RoundManager({
        store,
        config: { minUpdates: 2, targetWorkers: 3, livenessMs: 3_600_000, aggregation: outerOptimizer('fedavg') },
        randomSeed: () => parseRoundSeed('ab'.repeat(32)),
        evaluate: async () => ({ loss: 1, accuracy: 0.5 }),
        verify: async () => ({ accepted: true, score: 90 })
      })
      await rounds.ensureInitialModel(new Float32Array([1, 2, 3]), { evaluate: false })
      const view = new ChainView({ client: reader, contract: local.address })
      let listed = 0
      let snapshots = 0
      const list = rounds.workers.list.bind(rounds.workers)
      rounds.workers.list = (filter) => { listed++; return list(filter) }
      const snapshot = view.snapshot.bind(view)
      view.snapshot = async (addresses) => { snapshots++; return await snapshot(addresses) }
      const events: CoordinatorEvent[] = []
      const opener = new RoundOpener({
        store, rounds, maxRounds: 0, minWorkers: 3, minUpdates: 2,
        shards: () => [{ id: 's1', samples: 100 }, { id: 's2', samples: 100 }, { id: 's3', samples: 100 }],
        plan: {},
        chain: { client: reader, contract: local.address, view },
        emit: (e) => events.push(e)
      })
      const join = async (n: number): Promise<void> => { await rounds.joinWorker({ peerId: `peer${n}`, address: accounts[n - 1], capabilities: { samplesPerSec: 1000 } }) }

      await join(1)
      await join(2)
      // Ticks while the fleet gathers (two of three live): no pass over the workers, no chain read.
      for (let tick = 0; tick < 10; tick++) await opener.step()
      assert.equal(listed, 0, 'no worker list while too few are live')
      assert.equal(snapshots, 0, 'no stake read while too few are live')

      // The third comes live: now a round could open, so the stakes are read once; the unstaked worker is dropped and nothing opens.
      await join(3)
      await opener.step()
      assert.equal(listed, 1)
      assert.equal(snapshots, 1)
      assert.equal(rounds.workers.get('peer3')?.status, 'inactive')
      assert.deepEqual(events.filter(e => e.event === 'worker:ineligible').map(e => (e as { peerId: string }).peerId), ['peer3'])
      assert.equal(store.listRounds().length, 0, "no round opened")

      // Two live again: quiet ticks again.
      for (let tick = 0; tick < 10; tick++) await opener.step()
      assert.equal(listed, 1, 'no worker list after the drop while too few are live')
      assert.equal(snapshots, 1)
    } finally {
      await local.stop()
    }
  })
})
