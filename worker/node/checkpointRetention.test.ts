import assert from 'node:assert/strict'
import { roundsToDrop } from './checkpointRetention.ts'
import type { RoundRecord } from './WorkerState.ts'

const rec = (round: number, committedAt: number, onChain = true): RoundRecord =>
  ({ round, commitment: '0x' + String(round).padStart(64, '0'), proofRoot: '0x', status: 'accepted', fault: 'none', updatedAt: committedAt + 5, committedAt, ...(onChain ? { contributionId: String(round) } : {}) })

describe('checkpointRetention: never delete what can still be challenged', function () {
  const now = 100_000
  const window = 900

  it('keeps every on-chain round inside the challenge window, however many newer rounds there are', function () {
    const records = Array.from({ length: 12 }, (_, i) => rec(i + 1, now - 60 * (12 - i)))
    const onDisk = records.map((r) => r.round)
    assert.deepEqual(roundsToDrop({ onDisk, records, now, challengeWindowSeconds: window }), [])
  })

  it('drops a round once its window has passed, but always keeps the newest keepRounds', function () {
    const records = [rec(1, now - 2000), rec(2, now - 1000), rec(3, now - 800), rec(4, now - 10), rec(5, now - 5), rec(6, now - 1)]
    assert.deepEqual(roundsToDrop({ onDisk: [1, 2, 3, 4, 5, 6], records, now, challengeWindowSeconds: window }), [1, 2])
    assert.deepEqual(roundsToDrop({ onDisk: [1, 2], records: [rec(1, 0), rec(2, 0)], now, challengeWindowSeconds: window }), [])
  })

  it('without a chain (nothing to challenge) keeps only the newest keepRounds; a round with no record goes', function () {
    const records = [1, 2, 3, 4, 5].map((r) => rec(r, now - r, false))
    assert.deepEqual(roundsToDrop({ onDisk: [1, 2, 3, 4, 5, 9], records, now, challengeWindowSeconds: 0, keepRounds: 2 }), [1, 2, 3, 4])
  })
})
