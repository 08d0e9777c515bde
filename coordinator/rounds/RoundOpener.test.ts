import assert from 'node:assert/strict'
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
})
