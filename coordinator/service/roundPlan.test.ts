import assert from 'node:assert/strict'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import type { RoundRecord } from '../store/records.ts'
import { roundPlanOf } from './roundPlan.ts'

function round (hyperParams: Record<string, unknown>): RoundRecord {
  return {
    number: 1, state: 'training', modelId: `0x${'ab'.repeat(32)}`, hyperParams, seed: parseRoundSeed('cd'.repeat(32)), shards: [], minUpdates: 1, deadline: 0, extensions: 0, openedAt: 0
  } as unknown as RoundRecord
}

describe('roundPlanOf', () => {
  it('resolves a round record\'s plan once and hands every caller the same frozen plan', () => {
    const r = round({ training: { steps: 10, batchSize: 8 }, model: { kind: 'mlp', hidden: [16] } })
    const plan = roundPlanOf(r)
    assert.equal(plan.training.steps, 10)
    assert.deepEqual(plan.model.kind === 'mlp' ? plan.model.hidden : undefined, [16])
    assert.equal(roundPlanOf(r), plan, 'the same record: the same plan, not resolved again')
    assert.ok(Object.isFrozen(plan) && Object.isFrozen(plan.training) && Object.isFrozen(plan.model))
    assert.throws(() => { (plan.training as { steps: number }).steps = 11 }, TypeError, 'a caller cannot change what the next one reads')
    // A changed row is a new record (the store reads one): resolved from its own hyper-parameters.
    const next = round({ training: { steps: 20, batchSize: 8 }, model: { kind: 'mlp', hidden: [16] } })
    assert.equal(roundPlanOf(next).training.steps, 20)
  })

  it('refuses a corrupted plan every time it is asked, caching nothing', () => {
    const r = round({ training: { steps: 10, bogus: 1 }, model: { kind: 'mlp' } })
    assert.throws(() => roundPlanOf(r), /unknown training hyper-parameter 'bogus'/)
    assert.throws(() => roundPlanOf(r), /unknown training hyper-parameter 'bogus'/)
  })
})
