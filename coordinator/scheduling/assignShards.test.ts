import assert from 'node:assert/strict'
import { InvalidInputError } from '../../lib/errors.ts'
import type { ShardInfo } from '../store/records.ts'
import { assignShards } from './assignShards.ts'
import { reassignShards } from './reassignShards.ts'

const shards = (n: number, samples = 1000): ShardInfo[] => Array.from({ length: n }, (_, i) => ({ id: `shard-${String(i).padStart(3, '0')}`, samples }))

describe('assignShards', () => {
  it('gives a 2x faster worker 2x the samples', () => {
    const plan = assignShards(shards(30), [{ peerId: 'slow', samplesPerSec: 1000 }, { peerId: 'fast', samplesPerSec: 2000 }])
    const by = Object.fromEntries(plan.map(p => [p.peerId, p]))
    assert.equal(by.fast.samples, 20_000)
    assert.equal(by.slow.samples, 10_000)
    assert.equal(by.fast.projectedMs, by.slow.projectedMs, 'both finish at the same time')
  })

  it('gives every worker a shard while shards last, even one 10x slower', () => {
    const plan = assignShards(shards(3), [{ peerId: 'fast', samplesPerSec: 10_000 }, { peerId: 'slow1', samplesPerSec: 1000 }, { peerId: 'slow2', samplesPerSec: 1000 }])
    assert.deepEqual(plan.map(p => [p.peerId, p.shardIds.length]).sort(), [['fast', 1], ['slow1', 1], ['slow2', 1]])
    const two = assignShards(shards(2), [{ peerId: 'a', samplesPerSec: 1000 }, { peerId: 'b', samplesPerSec: 3000 }, { peerId: 'c', samplesPerSec: 2000 }])
    assert.deepEqual(two.map(p => p.peerId).sort(), ['b', 'c'], 'the fastest workers get the shards, the slowest stays idle')
  })

  it('balances uneven shards over uneven speeds to near the same finish time', () => {
    const uneven = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, samples: 200 + ((i * 7919) % 1800) }))
    const workers = [{ peerId: 'a', samplesPerSec: 500 }, { peerId: 'b', samplesPerSec: 1500 }, { peerId: 'c', samplesPerSec: 3000 }, { peerId: 'd', samplesPerSec: 1000 }]
    const plan = assignShards(uneven, workers)
    const times = plan.map(p => p.projectedMs)
    const total = uneven.reduce((s, x) => s + x.samples, 0)
    const ideal = total / 6000 * 1000
    assert.ok(Math.max(...times) <= ideal * 1.1, `makespan ${Math.max(...times)} ms vs ideal ${ideal.toFixed(0)} ms`)
    assert.equal(plan.reduce((s, p) => s + p.shardIds.length, 0), 40, 'every shard assigned once')
    assert.equal(new Set(plan.flatMap(p => p.shardIds)).size, 40)
  })

  it('is deterministic whatever the input order', () => {
    const s = shards(17).map((x, i) => ({ ...x, samples: 100 + (i % 5) * 50 }))
    const w = [{ peerId: 'x', samplesPerSec: 900 }, { peerId: 'y', samplesPerSec: 900 }, { peerId: 'z', samplesPerSec: 1800 }]
    const a = assignShards(s, w)
    const b = assignShards([...s].reverse(), [...w].reverse())
    assert.deepEqual(a, b)
    assert.deepEqual(a.map(p => p.peerId), ['x', 'y', 'z'])
  })

  it('rejects duplicate shards, bad sample counts and bad speeds', () => {
    assert.throws(() => assignShards([{ id: 'a', samples: 1 }, { id: 'a', samples: 1 }], [{ peerId: 'w', samplesPerSec: 1 }]), InvalidInputError)
    assert.throws(() => assignShards([{ id: 'a', samples: 0 }], [{ peerId: 'w', samplesPerSec: 1 }]), InvalidInputError)
    assert.throws(() => assignShards(shards(1), [{ peerId: 'w', samplesPerSec: 0 }]), InvalidInputError)
    assert.throws(() => assignShards(shards(1), []), InvalidInputError)
  })
})

describe('reassignShards', () => {
  it('moves the largest overdue assignment to the fastest idle worker, one each', () => {
    const moves = reassignShards(
      [{ id: 1, samples: 1000 }, { id: 2, samples: 3000 }, { id: 3, samples: 2000 }],
      [{ peerId: 'slow', samplesPerSec: 500 }, { peerId: 'fast', samplesPerSec: 3000 }]
    )
    assert.deepEqual(moves, [
      { fromAssignmentId: 2, peerId: 'fast', projectedMs: 1000 },
      { fromAssignmentId: 3, peerId: 'slow', projectedMs: 4000 }
    ])
  })

  it('moves nothing without candidates', () => {
    assert.deepEqual(reassignShards([{ id: 1, samples: 10 }], []), [])
  })
})
