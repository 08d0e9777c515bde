import assert from 'node:assert/strict'
import type { CoordinatorEvent } from '../events.ts'
import { describeEvent } from './start.ts'

describe('coordinator start: one line for people per event', () => {
  it('says deadlines in local time with the time left, never epoch ms, and no raw JSON for any event', () => {
    const deadline = Date.now() + 150_000
    const line = describeEvent({ event: 'round:training', round: 3, deadline })
    assert.match(line, /^round 3: training until \S.* \(in 2m (29|30)s\)$/)
    assert.ok(!line.includes(String(deadline)))
    const events: CoordinatorEvent[] = [
      { event: 'worker:ineligible', peerId: 'p', address: '0xabc', reason: 'stake 0.5 ETH is under the minimum 1 ETH' },
      { event: 'worker:refused', peerId: 'p', address: '0xabc', reason: 'not staked' },
      { event: 'update:clipped', round: 1, peerId: 'p', norm: 9.5, bound: 3 },
      { event: 'evaluation:failed', round: 1, error: 'out of memory' },
      { event: 'dataset:received', datasetId: 'ab'.repeat(32), contributor: '0xabc' },
      { event: 'tick:failed', error: 'rpc unreachable' },
      { event: 'coordinator:lingering', seconds: 60 },
      { event: 'provider:dropped', peerId: 'p', contentId: '0x' + 'ab'.repeat(32), fault: 'wrong-bytes', reporter: 'q' }
    ]
    const lines = events.map(describeEvent)
    for (const l of lines) assert.doesNotMatch(l, /[{}]/, l)
    assert.deepEqual(lines, [
      'worker 0xabc set inactive: stake 0.5 ETH is under the minimum 1 ETH',
      'worker 0xabc refused: not staked',
      'round 1: update from p clipped (norm 9.500 over the bound 3.000)',
      'WARNING round 1: evaluating the new model failed: out of memory',
      `dataset ${'ab'.repeat(6)}... received from 0xabc`,
      'WARNING: rpc unreachable',
      'serving validators for up to 1m 00s more (Ctrl-C stops)',
      'worker p no longer named as a provider of 0xababababab... (sent bytes that failed the hash check; reported by q)'
    ])
  })
})
