import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { parseEther, zeroHash } from 'viem'
import type { Address } from 'viem'
import { ComputePower, Dataset, Expired, Finalized, Fraudulent, Pending, createStakingEnv, hashOf, testParams } from './stakingFixture.ts'
import { attacks, type StakingTarget } from './attacks.ts'

/**
 * The abuses a security review performed against the first contract (issue 14), each performed
 * again here and shown to fail; the test names say what the attacker tries. The same attacks, written
 * once in attacks.ts, also run below against today's contract and, in CotrainStakingV0.abuse.test.ts,
 * against the contract as it was before the fixes (contracts/legacy), where each must succeed.
 */
const env = await createStakingEnv()
const { viem, networkHelpers: { time }, load, assertSolvent, registerAndSubmit, score } = env
const ONE = parseEther('1')
const DAY = 86_400n

async function setup () {
  const f = await load()
  const a = (w: { account: { address: Address } }) => w.account.address
  return { f, s: f.staking, owner: a(f.owner), v1: a(f.v1), v2: a(f.v2), v3: a(f.v3), v4: a(f.v4), c1: a(f.c1), c2: a(f.c2), outsider: a(f.outsider) }
}

describe('CotrainStaking against the abuses of issue 14', function () {
  it('1. hash squatting: a copier who front-runs a submission gets its own contribution, never the victim\'s', async function () {
    const { f, s, v1, v2, v3, c1: victim, c2: squatter } = await setup()
    await s.write.registerContributor({ value: ONE, account: victim })
    await s.write.registerContributor({ value: ONE, account: squatter })
    const h = hashOf('victim\'s commitment')
    // the squatter copies the pending transaction and gets mined first
    await s.write.submitContribution([ComputePower, h], { account: squatter })
    // the victim's own submission (or retry) still succeeds and is the victim's
    await s.write.submitContribution([ComputePower, h], { account: victim })
    const victimId = await s.read.contributionIdByHash([victim, h])
    const squatId = await s.read.contributionIdByHash([squatter, h])
    assert.notEqual(victimId, 0n)
    assert.notEqual(victimId, squatId)
    assert.equal((await s.read.getContribution([victimId])).contributor.toLowerCase(), victim.toLowerCase())
    // validators score the victim's id: the reward is the victim's
    await score(f, victimId, [90, 90, 90])
    assert.ok((await s.read.getContributor([victim])).lockedRewards > 0n)
    assert.equal((await s.read.getContributor([squatter])).lockedRewards, 0n)
    // and the victim's retry after that reverts naming its own contribution
    await viem.assertions.revertWithCustomErrorWithArgs(
      s.write.submitContribution([ComputePower, h], { account: victim }), s, 'ContributionDuplicate', [h, victimId])
    for (const v of [v1, v2, v3]) assert.equal(await s.read.hasScored([squatId, v]), false)
  })

  it('2. the owner cannot take a stake: no instant validator, quorum 1, 100% slash, 50% share, or report of old work', async function () {
    const { f, s, owner, v1, v2, v3, c1: victim } = await setup()
    const [id] = await registerAndSubmit(f, f.c1, ['honest work'], { stake: 10n * ONE })
    await score(f, id, [80, 80, 80])
    // the first step of the review's script: the owner makes itself a validator, at once
    await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([id, zeroHash], { account: owner }), s, 'ValidatorUnauthorized', [owner])
    await s.write.proposeValidator([owner], { account: owner })
    await viem.assertions.revertWithCustomError(s.write.applyValidator([owner], { account: owner }), s, 'ProposalNotReady')
    for (const [name, value, min, max] of [['quorum', 1, 2n, 15n], ['slashBps', 10_000, 100n, 5000n], ['reporterShareBps', 5000, 0n, 2000n]] as const) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.proposeParams([{ ...testParams, [name]: value }], { account: owner }), s, 'ParameterOutOfBounds', [name, BigInt(value), min, max])
    }
    // 30 days later the reward was claimed; nobody, not even a validator quorum, can report that work now
    await time.increase(30n * DAY)
    await s.write.claimRewards({ account: victim })
    await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([id, zeroHash], { account: v1 }), s, 'ContributionFraudWindowClosed', [id])
    // the victim exits in full well within the announced delay
    await s.write.requestUnstake([10n * ONE], { account: victim })
    await time.increase(testParams.unbondingPeriod)
    await s.write.withdrawStake({ account: victim })
    assert.equal((await s.read.getContributor([victim])).totalSlashed, 0n)
    void v2; void v3
    await assertSolvent(f)
  })

  it('3. one incident slashes once, and old contributions cannot be reported one after another', async function () {
    const { f, s, v1, v2, v3, v4, c1 } = await setup()
    const ids = await registerAndSubmit(f, f.c1, ['a', 'b', 'c'], { stake: 8n * ONE })
    for (const id of ids) await score(f, id, [70, 70, 70])
    // a cheat found while the reward is locked slashes once
    for (const v of [v1, v2, v3]) await s.write.reportFraud([ids[0], hashOf('evidence')], { account: v })
    assert.equal((await s.read.getContribution([ids[0]])).status, Fraudulent)
    const after = (await s.read.getContributor([c1])).stake
    assert.equal(after, 4n * ONE)
    await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([ids[0], zeroHash], { account: v4 }), s, 'ContributionAlreadyFraudulent', [ids[0]])
    // the other two are past their lock window: the 8 -> 4 -> 2 -> 1 walk stops here
    await time.increase(testParams.rewardLockPeriod)
    for (const id of ids.slice(1)) {
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([id, zeroHash], { account: v1 }), s, 'ContributionFraudWindowClosed', [id])
    }
    assert.equal((await s.read.getContributor([c1])).stake, after)
  })

  it('4. pending work expires: with too few validators the stake unbinds after the deadline, with no reward', async function () {
    const { f, s, owner, v1, v2, v3, v4, c1 } = await setup()
    const [id] = await registerAndSubmit(f, f.c1, ['stuck'], { stake: ONE })
    for (const v of [v2, v3, v4]) await s.write.removeValidator([v], { account: owner })
    await s.write.distributeRewards([id, 90], { account: v1 })
    await viem.assertions.revertWithCustomError(s.write.requestUnstake([ONE], { account: c1 }), s, 'UnstakeBlockedByPending')
    await s.write.pause({ account: owner }) // a pause does not keep it bound either
    await time.increase(testParams.pendingTimeout)
    assert.equal((await s.read.getContribution([id])).status, Expired)
    await viem.assertions.emitWithArgs(s.write.expireContributions([[id, 999n]], { account: v1 }), s, 'ContributionExpired', [id, c1])
    const c = await s.read.getContribution([id])
    assert.equal(c.status, Expired)
    assert.equal(c.reward, 0n)
    assert.equal((await s.read.getContributor([c1])).pendingContributions, 0)
    await s.write.requestUnstake([ONE], { account: c1 })
    await time.increase(testParams.unbondingPeriod)
    await s.write.withdrawStake({ account: c1 })
    assert.equal((await s.read.getContributor([c1])).lockedRewards, 0n)
    await assertSolvent(f)
  })

  it('5. a pause freezes neither matured rewards nor unbonded stake, and ownership cannot be renounced', async function () {
    const { f, s, owner, c1 } = await setup()
    const [id] = await registerAndSubmit(f, f.c1, ['paid'], { stake: 2n * ONE })
    await score(f, id, [100, 100, 100])
    await s.write.requestUnstake([ONE], { account: c1 })
    await time.increase(testParams.unbondingPeriod)
    await s.write.pause({ account: owner })
    await viem.assertions.revertWithCustomError(s.write.renounceOwnership({ account: owner }), s, 'OwnershipRenounceDisabled')
    await viem.assertions.emit(s.write.claimRewards({ account: c1 }), s, 'RewardsClaimed')
    await viem.assertions.emitWithArgs(s.write.withdrawStake({ account: c1 }), s, 'StakeWithdrawn', [c1, ONE])
    assert.equal((await s.read.owner()).toLowerCase(), owner.toLowerCase())
    await assertSolvent(f)
  })

  it('6. a batch skips ids that are no longer pending (with ScoreSkipped) and keeps the validator\'s other scores', async function () {
    const { f, s, v1, v2, v3, v4 } = await setup()
    const ids = await registerAndSubmit(f, f.c1, ['x', 'y', 'z'], { stake: ONE, ctype: Dataset })
    await score(f, ids[1], [60, 60, 60]) // finalized by others meanwhile
    for (const v of [v1, v2, v3]) await s.write.reportFraud([ids[2], zeroHash], { account: v }) // fraudulent meanwhile
    const tx = s.write.distributeRewardsBatch([ids, [80, 80, 80]], { account: v4 })
    await viem.assertions.emitWithArgs(tx, s, 'ScoreSkipped', [ids[1], v4, Finalized])
    const logs = await s.getEvents.ScoreSkipped({}, { fromBlock: 0n })
    assert.deepEqual(logs.map((l) => [l.args.id, l.args.status]), [[ids[1], Finalized], [ids[2], Fraudulent]])
    assert.equal(await s.read.hasScored([ids[0], v4]), true)
    assert.equal((await s.read.getContribution([ids[0]])).status, Pending)
    // a single call still says why
    await viem.assertions.revertWithCustomErrorWithArgs(s.write.distributeRewards([ids[1], 50], { account: v4 }), s, 'ContributionNotPending', [ids[1], Finalized])
  })
})

describe('CotrainStaking against the attacks shared with the test of the old contract (attacks.ts)', function () {
  /** Today's contract as an attack target: owner changes are proposals, applied at once (which the delay refuses). */
  async function target (): Promise<StakingTarget> {
    const { f, s, owner, v1, v2, v3, v4, c1, c2 } = await setup()
    return {
      contract: 'CotrainStaking',
      staking: s as unknown as StakingTarget['staking'],
      accounts: { owner, v1, v2, v3, v4, c1, c2 },
      increaseTime: async (seconds) => { await time.increase(seconds) },
      ownerAddsValidator: async (who) => {
        await s.write.proposeValidator([who], { account: owner })
        await s.write.applyValidator([who], { account: owner })
      },
      ownerSetsParams: async (changes) => {
        const p = { ...(await s.read.params()), ...changes }
        await s.write.proposeParams([p], { account: owner })
        await s.write.applyParams([p], { account: owner })
      },
      expirePending: async (ids) => {
        await s.write.expireContributions([ids], { account: f.outsider.account.address })
        return undefined
      },
    }
  }

  for (const attack of attacks) {
    it(`${attack.name}: fails${attack.stoppedTodayBy !== undefined ? `, stopped by ${attack.stoppedTodayBy}` : ''}`, async function () {
      const out = await attack.run(await target())
      assert.equal(out.succeeded, false, out.detail)
      assert.equal(out.reverts[0]?.replace(/^.*: /, ''), attack.stoppedTodayBy, out.detail)
    })
  }
})
