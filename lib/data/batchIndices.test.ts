import assert from 'node:assert/strict'
import { batchIndices, batchIndicesHash, segmentBatchIndices } from './batchIndices.ts'
import { parseRoundSeed, type RoundSeed } from '../hash/roundSeed.ts'

const base = {
  roundSeed: parseRoundSeed('01'.repeat(32)),
  workerAddress: '0x' + '02'.repeat(20),
  shardIds: ['0x' + '03'.repeat(32), '0x' + '04'.repeat(32)],
  shardSizes: [60, 40],
  batchSize: 16
}

describe('data: batch schedule', () => {
  it('is a pure function of its inputs (pinned vector)', () => {
    const a = batchIndices({ ...base, step: 3 })
    assert.deepEqual(a, batchIndices({ ...base, step: 3 }))
    // Pinned so an accidental change of the schedule definition fails loudly.
    assert.deepEqual([...batchIndices({ ...base, step: 0 }).subarray(0, 8)], PINNED)
  })

  it('changes with every input', () => {
    const ref = batchIndicesHash(batchIndices({ ...base, step: 5 }))
    const variants = [
      { ...base, roundSeed: parseRoundSeed('09'.repeat(32)) },
      { ...base, workerAddress: '0x' + '09'.repeat(20) },
      { ...base, shardIds: [...base.shardIds].reverse() },
      { ...base, shardSizes: [59, 41] }
    ]
    for (const v of variants) assert.notEqual(batchIndicesHash(batchIndices({ ...v, step: 5 })), ref)
    assert.notEqual(batchIndicesHash(batchIndices({ ...base, step: 6 })), ref)
  })

  it('visits every sample exactly once per epoch, and steps can straddle epochs', () => {
    const all = segmentBatchIndices({ ...base, batchSize: 10 }, 0, 20) // 200 = 2 epochs of 100
    const e0 = [...all.subarray(0, 100)].sort((a, b) => a - b)
    const e1 = [...all.subarray(100, 200)].sort((a, b) => a - b)
    assert.deepEqual(e0, Array.from({ length: 100 }, (_, i) => i))
    assert.deepEqual(e1, e0)
    assert.notDeepEqual([...all.subarray(0, 100)], [...all.subarray(100, 200)])
    const straddle = batchIndices({ ...base, batchSize: 16, step: 6 }) // positions 96..111
    assert.deepEqual([...straddle.subarray(0, 4)], [...segmentBatchIndices({ ...base, batchSize: 4 }, 24, 25)])
  })

  it('rejects bad inputs', () => {
    assert.throws(() => batchIndices({ ...base, step: -1 }), /non-negative/)
    assert.throws(() => batchIndices({ ...base, shardSizes: [1], step: 0 }), /2 shard ids but 1 sizes/)
    assert.throws(() => batchIndices({ ...base, roundSeed: '0x1234' as RoundSeed, step: 0 }), /round seed must be 32 bytes/)
  })
})

const PINNED = [35, 7, 67, 73, 5, 23, 89, 96]
