import assert from 'node:assert/strict'
import { ContributionType, distributeRewardsBatch, readStaking, registerContributor, submitContribution, type WalletChainClient } from '../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../lib/chain/testing/localStaking.ts'
import { keccak256, stringToHex } from 'viem'
import type { ValidatorEvent } from './events.ts'
import { batchAgreement, scoreOtherValidators } from './validationBatchJobs.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import type { ValidatorContext } from './ValidatorContext.ts'
import type { ValidatorState } from './validatorState.ts'

describe('scoring other validators\' Validation batches', function () {
  this.timeout(60_000)
  let local: LocalStaking
  let us: WalletChainClient
  let other: WalletChainClient
  /** The other validator's Validation contribution and the compute contributions its batch scored. */
  let batchId: bigint
  const compute: bigint[] = []

  before(async () => {
    local = await startLocalStaking({ validators: [1, 9] })
    us = await local.clientFor(1)
    other = await local.clientFor(9)
    const worker = await local.clientFor(3)
    await registerContributor(worker, { address: local.address })
    for (const n of [1, 2]) compute.push((await submitContribution(worker, { address: local.address, ctype: ContributionType.ComputePower, dataHash: keccak256(stringToHex(`update ${n}`)) })).id)
    // The other validator checked both updates (before we started), then recorded its batch.
    await registerContributor(other, { address: local.address })
    const scores = [{ id: compute[0], score: 80 }, { id: compute[1], score: 90 }]
    await distributeRewardsBatch(other, { address: local.address, scores })
    batchId = (await submitContribution(other, { address: local.address, ctype: ContributionType.Validation, dataHash: validationBatchHash(other.account.address, scores) })).id
  })

  after(async () => { await local?.stop() })

  /** Our validator's jobs with `handled` as its own scores (only what scoreOtherValidators reads). */
  function context (handled: ValidatorState['handled'], events: ValidatorEvent[]): ValidatorContext {
    const state: ValidatorState = { nextRound: 3, roundsDone: 0, handled, unreachableSince: {}, validationsScored: [], lastValidationBlock: '0' }
    return { options: { wallet: us, contract: local.address }, address: us.account.address, state, save: () => {}, emit: (e: ValidatorEvent) => events.push(e) } as unknown as ValidatorContext
  }

  it('a validator that scored none of the batch\'s contributions (started late) leaves it unscored, says so once, and scores it once it shares an id', async () => {
    const events: ValidatorEvent[] = []
    const ctx = context({ 99: 70 }, events)
    await scoreOtherValidators(ctx)
    await scoreOtherValidators(ctx)
    assert.equal(await readStaking(us, local.address, 'hasScored', [batchId, us.account.address]), false, 'no score on chain from a validator with no evidence')
    assert.deepEqual(events.map((e) => e.event), ['validation:abstained'], JSON.stringify(events))
    assert.deepEqual(ctx.state.validationsScored, [])

    // We now scored the second update ourselves (a later round's check, say): 86 against its 90.
    ctx.state.handled[compute[1].toString()] = 86
    await scoreOtherValidators(ctx)
    const scored = events.find((e) => e.event === 'validation:scored')
    assert.ok(scored?.event === 'validation:scored' && scored.score === 92 && scored.agreement.startsWith('1 common ids'), JSON.stringify(events))
    assert.equal(await readStaking(us, local.address, 'hasScored', [batchId, us.account.address]), true)
    assert.deepEqual([ctx.state.validationsScored, ctx.state.validationsAbstained], [[batchId.toString()], []])
  })

  it('batchAgreement compares only common ids; our 0 (not scored by us) and fraud are no score', () => {
    const batch = [{ id: 1n, score: 80 }, { id: 2n, score: 90 }, { id: 3n, score: 50 }]
    assert.equal(batchAgreement(batch, {}), undefined)
    assert.equal(batchAgreement(batch, { 1: 0, 2: 'fraud' }), undefined)
    assert.deepEqual(batchAgreement(batch, { 1: 80, 2: 80, 4: 1 }), { score: 90, agreement: '2 common ids, mean |difference| 5.0' })
    assert.equal(batchAgreement(batch, { 3: 100 })?.score, 1)
  })
})
