import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { concat, encodeFunctionData, keccak256, parseEther, toFunctionSelector, zeroAddress, zeroHash } from 'viem'
import type { Address } from 'viem'
import { deployStaking } from '../../lib/chain/deployStaking.ts'
import { paramsProposalId, upgradeProposalId, validatorProposalId } from '../../lib/chain/proposalId.ts'
import {
  ComputePower, Dataset, Finalized, Fraudulent, POOL, Pending, Validation,
  createStakingEnv, expectedReward, hashOf, nextReputation, testParams,
} from './stakingFixture.ts'

const env = await createStakingEnv()
const { viem, networkHelpers: { time, mine }, load, assertSolvent, registerAndSubmit, score, changeParams } = env
const ONE = parseEther('1')
const DAY = 86_400n

/** Addresses of the fixture's accounts. */
async function setup () {
  const f = await load()
  const a = (w: { account: { address: Address } }) => w.account.address
  return {
    f,
    s: f.staking,
    owner: a(f.owner),
    v1: a(f.v1),
    v2: a(f.v2),
    v3: a(f.v3),
    v4: a(f.v4),
    c1: a(f.c1),
    c2: a(f.c2),
    c3: a(f.c3),
    outsider: a(f.outsider),
  }
}

describe('CotrainStaking', function () {
  describe('when deployed through the proxy', function () {
    it('holds the initial parameters, owner and version', async function () {
      const { s, owner } = await setup()
      const p = await s.read.params()
      assert.equal(p.minimumStake, testParams.minimumStake)
      assert.equal(p.stakePerPending, testParams.stakePerPending)
      assert.deepEqual(p.baseRewards, testParams.baseRewards)
      assert.equal(p.quorum, testParams.quorum)
      assert.equal(p.rewardLockPeriod, testParams.rewardLockPeriod)
      assert.equal(p.unbondingPeriod, testParams.unbondingPeriod)
      assert.equal(p.slashBps, testParams.slashBps)
      assert.equal(p.reporterShareBps, testParams.reporterShareBps)
      assert.equal(p.pendingTimeout, testParams.pendingTimeout)
      assert.equal(await s.read.minimumStake(), testParams.minimumStake)
      assert.equal(await s.read.stakePerPending(), testParams.stakePerPending)
      assert.equal(await s.read.changeDelay(), 2n * DAY + 7n * DAY)
      assert.equal((await s.read.owner()).toLowerCase(), owner.toLowerCase())
      assert.equal(await s.read.version(), '1.0.0')
      assert.equal(await s.read.nextContributionId(), 1n)
      assert.equal(await s.read.rewardPool(), POOL)
      assert.equal(await s.read.validatorCount(), 4n)
    })

    it('cannot be initialized again, nor the implementation at all', async function () {
      const { f, s, owner } = await setup()
      await viem.assertions.revertWithCustomError(s.write.initialize([owner, testParams, []]), s, 'InvalidInitialization')
      const impl = await viem.getContractAt('CotrainStaking', f.implementation)
      await viem.assertions.revertWithCustomError(impl.write.initialize([owner, testParams, []]), s, 'InvalidInitialization')
    })

    it('refuses to deploy with a parameter out of bounds', async function () {
      const { f } = await setup()
      await assert.rejects(
        deployStaking({ walletClient: f.owner, publicClient: f.publicClient, params: { ...testParams, quorum: 0 } }),
        /ParameterOutOfBounds/,
      )
    })
  })

  describe('when registering', function () {
    it('stakes, starts reputation at 100 and emits ContributorRegistered', async function () {
      const { f, s, c1 } = await setup()
      await viem.assertions.emitWithArgs(
        s.write.registerContributor({ value: 2n * ONE, account: c1 }), s, 'ContributorRegistered', [c1, 2n * ONE, 100n])
      const c = await s.read.getContributor([c1])
      assert.equal(c.registered, true)
      assert.equal(c.stake, 2n * ONE)
      assert.equal(c.reputation, 100)
      assert.equal(c.pendingContributions, 0)
      assert.equal(c.maxPendingContributions, 8)
      assert.equal(await s.read.totalStaked(), 2n * ONE)
      await assertSolvent(f)
    })

    it('rejects less than the minimum stake with StakeBelowMinimum', async function () {
      const { s, c1 } = await setup()
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.registerContributor({ value: ONE - 1n, account: c1 }), s, 'StakeBelowMinimum', [ONE - 1n, ONE])
    })

    it('rejects a second registration with ContributorAlreadyRegistered', async function () {
      const { s, c1 } = await setup()
      await s.write.registerContributor({ value: ONE, account: c1 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.registerContributor({ value: ONE, account: c1 }), s, 'ContributorAlreadyRegistered', [c1])
    })
  })

  describe('when adding stake', function () {
    it('adds to the active stake and emits StakeAdded', async function () {
      const { f, s, c1 } = await setup()
      await s.write.registerContributor({ value: ONE, account: c1 })
      await viem.assertions.emitWithArgs(
        s.write.addStake({ value: ONE / 2n, account: c1 }), s, 'StakeAdded', [c1, ONE / 2n, ONE + ONE / 2n])
      assert.equal((await s.read.getContributor([c1])).stake, ONE + ONE / 2n)
      assert.equal(await s.read.totalStaked(), ONE + ONE / 2n)
      await assertSolvent(f)
    })

    it('rejects unregistered callers and zero value', async function () {
      const { s, c1 } = await setup()
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.addStake({ value: ONE, account: c1 }), s, 'ContributorNotRegistered', [c1])
      await s.write.registerContributor({ value: ONE, account: c1 })
      await viem.assertions.revertWithCustomError(s.write.addStake({ value: 0n, account: c1 }), s, 'AmountZero')
    })
  })

  describe('when submitting a contribution', function () {
    it('returns ids from 1, records the block and emits ContributionSubmitted', async function () {
      const { f, s, c1, c2 } = await setup()
      await s.write.registerContributor({ value: ONE, account: c1 })
      const h = hashOf('shard-1')
      const { result } = await s.simulate.submitContribution([Dataset, h], { account: c1 })
      assert.equal(result, 1n)
      const tx = s.write.submitContribution([Dataset, h], { account: c1 })
      const receipt = await f.publicClient.waitForTransactionReceipt({ hash: await tx })
      await viem.assertions.emitWithArgs(tx, s, 'ContributionSubmitted', [1n, c1, Dataset, h, receipt.blockNumber])
      const c = await s.read.getContribution([1n])
      assert.equal(c.contributor.toLowerCase(), c1.toLowerCase())
      assert.equal(c.ctype, Dataset)
      assert.equal(c.status, Pending)
      assert.equal(c.dataHash, h)
      assert.equal(c.submittedBlock, receipt.blockNumber)
      assert.equal(c.scoreCount, 0)
      assert.equal(c.reward, 0n)
      assert.equal(await s.read.contributionIdByHash([c1, h]), 1n)
      assert.equal(await s.read.contributionIdByHash([c1, hashOf('unknown')]), 0n)
      assert.equal(await s.read.contributionIdByHash([c2, h]), 0n, 'the hash is bound to its submitter')
      assert.equal(await s.read.nextContributionId(), 2n)
      assert.equal((await s.read.getContributor([c1])).pendingContributions, 1)
    })

    it('rejects the zero hash, unregistered callers and a contributor\'s duplicate hashes', async function () {
      const { s, c1, c2 } = await setup()
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.submitContribution([ComputePower, hashOf('a')], { account: c1 }), s, 'ContributorNotRegistered', [c1])
      await s.write.registerContributor({ value: ONE, account: c1 })
      await s.write.registerContributor({ value: ONE, account: c2 })
      await viem.assertions.revertWithCustomError(
        s.write.submitContribution([ComputePower, zeroHash], { account: c1 }), s, 'ContributionHashZero')
      await s.write.submitContribution([ComputePower, hashOf('a')], { account: c1 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.submitContribution([Validation, hashOf('a')], { account: c1 }), s, 'ContributionDuplicate', [hashOf('a'), 1n])
      // another contributor's equal hash is its own contribution (a hash binds only its submitter)
      await s.write.submitContribution([Validation, hashOf('a')], { account: c2 })
      assert.equal(await s.read.contributionIdByHash([c2, hashOf('a')]), 2n)
    })

    it('bounds pending contributions by stake / stakePerPending', async function () {
      const { f, s, c1 } = await setup()
      await registerAndSubmit(f, f.c1, ['p1', 'p2', 'p3', 'p4'])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.submitContribution([ComputePower, hashOf('p5')], { account: c1 }),
        s, 'ContributorTooManyPending', [c1, 4n, 4n])
      await s.write.addStake({ value: ONE / 4n, account: c1 })
      await s.write.submitContribution([ComputePower, hashOf('p5')], { account: c1 })
    })

    it('rejects contributors whose active stake fell under the minimum', async function () {
      const { f, s, c1 } = await setup()
      await s.write.registerContributor({ value: ONE, account: c1 })
      await changeParams(f, { minimumStake: 2n * ONE })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.submitContribution([ComputePower, hashOf('x')], { account: c1 }),
        s, 'ContributorStakeTooLow', [c1, ONE, 2n * ONE])
    })

    it('reports unknown ids with ContributionNotFound', async function () {
      const { s } = await setup()
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.getContribution([0n]), s, 'ContributionNotFound', [0n])
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.getContribution([7n]), s, 'ContributionNotFound', [7n])
    })
  })

  describe('when reading the challenge seed', function () {
    it('is not ready until the 4 next blocks exist, then hashes their hashes, then expires after 256 blocks', async function () {
      const { f, s } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['seed'])
      const { submittedBlock } = await s.read.getContribution([id])
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.challengeSeed([id]), s, 'ChallengeSeedNotReady', [id])
      await mine(4)
      // an eth_call runs in the context of the latest block, whose own hash is not yet readable:
      // the last seed block submittedBlock + 4 needs one block on top of it
      assert.equal(await f.publicClient.getBlockNumber(), submittedBlock + 4n)
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.challengeSeed([id]), s, 'ChallengeSeedNotReady', [id])
      await mine(1)
      const hashes = await Promise.all([1n, 2n, 3n, 4n].map(async (i) => (await f.publicClient.getBlock({ blockNumber: submittedBlock + i })).hash))
      const expected = keccak256(concat(hashes))
      assert.equal(await s.read.challengeSeed([id]), expected)
      // readable while block.number - (submittedBlock + 1) <= 256
      await mine(252)
      assert.equal(await s.read.challengeSeed([id]), expected)
      await mine(1)
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.challengeSeed([id]), s, 'ChallengeSeedExpired', [id])
      await viem.assertions.revertWithCustomErrorWithArgs(s.read.challengeSeed([99n]), s, 'ContributionNotFound', [99n])
    })
  })

  describe('when validators score', function () {
    it('finalizes at the quorum with the median, credits a locked reward and moves reputation', async function () {
      const { f, s, v1, v2, v3, c1 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['w1'])
      await viem.assertions.emitWithArgs(
        s.write.distributeRewards([id, 90], { account: v1 }), s, 'ContributionScored', [id, v1, 90, 1])
      await s.write.distributeRewards([id, 10], { account: v2 })
      assert.equal(await s.read.hasScored([id, v1]), true)
      assert.equal(await s.read.hasScored([id, v3]), false)
      let c = await s.read.getContribution([id])
      assert.equal(c.status, Pending)
      assert.equal(c.scoreCount, 2)
      const reward = expectedReward(ONE, 70, 100) // 0.42 ETH
      assert.equal(reward, parseEther('0.42'))
      const tx = s.write.distributeRewards([id, 70], { account: v3 })
      const block = await f.publicClient.getBlock({ blockNumber: (await f.publicClient.waitForTransactionReceipt({ hash: await tx })).blockNumber })
      await viem.assertions.emitWithArgs(tx, s, 'ContributionFinalized',
        [id, c1, 70, reward, BigInt(nextReputation(100, 70)), block.timestamp + DAY])
      c = await s.read.getContribution([id])
      assert.equal(c.status, Finalized)
      assert.equal(c.medianScore, 70)
      assert.equal(c.reward, reward)
      const who = await s.read.getContributor([c1])
      assert.equal(who.reputation, 175)
      assert.equal(who.pendingContributions, 0)
      assert.equal(who.lockedRewards, reward)
      assert.equal(who.totalEarned, reward)
      assert.deepEqual(await s.read.rewardsOf([c1]), [reward, 0n])
      assert.equal(await s.read.rewardPool(), POOL - reward)
      assert.equal(await s.read.totalOwedRewards(), reward)
      await assertSolvent(f)
    })

    it('takes the lower middle as the median of an even count', async function () {
      const { f, s } = await setup()
      await changeParams(f, { quorum: 4 })
      const [id] = await registerAndSubmit(f, f.c1, ['even'], { ctype: Dataset })
      await score(f, id, [10, 90, 30, 70])
      const c = await s.read.getContribution([id])
      assert.equal(c.medianScore, 30)
      assert.equal(c.reward, expectedReward(2n * ONE, 30, 100))
    })

    it('pays a higher-reputation contributor more for the same median', async function () {
      const { f, s, c1, c2 } = await setup()
      const ids = await registerAndSubmit(f, f.c1, ['r1', 'r2', 'r3', 'r4'], { stake: 2n * ONE })
      let reputation = 100
      for (const id of ids) {
        await score(f, id, [100, 100, 100])
        reputation = nextReputation(reputation, 100)
      }
      assert.equal((await s.read.getContributor([c1])).reputation, reputation)
      const [a] = await registerAndSubmit(f, f.c1, ['same-a'])
      const [b] = await registerAndSubmit(f, f.c2, ['same-b'])
      await score(f, a, [50, 50, 50])
      await score(f, b, [50, 50, 50])
      const ra = (await s.read.getContribution([a])).reward
      const rb = (await s.read.getContribution([b])).reward
      assert.equal(ra, expectedReward(ONE, 50, reputation))
      assert.equal(rb, expectedReward(ONE, 50, 100))
      assert.ok(ra > rb)
      assert.equal((await s.read.getContributor([c2])).reputation, nextReputation(100, 50))
    })

    it('lowers reputation after poor scores', async function () {
      const { f, s, c1 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['poor'])
      await score(f, id, [5, 5, 5])
      assert.equal((await s.read.getContributor([c1])).reputation, nextReputation(100, 5))
      assert.ok(nextReputation(100, 5) < 100)
    })

    it('rejects non-validators, out-of-range scores, unknown ids, own work, double scores and finalized work', async function () {
      const { f, s, v1, v2, v3, c2 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['rules'])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([id, 50], { account: c2 }), s, 'ValidatorUnauthorized', [c2])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([id, 0], { account: v1 }), s, 'QualityScoreOutOfRange', [0])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([id, 101], { account: v1 }), s, 'QualityScoreOutOfRange', [101])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([0n, 50], { account: v1 }), s, 'ContributionNotFound', [0n])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([42n, 50], { account: v1 }), s, 'ContributionNotFound', [42n])
      // a validator that also contributes never scores its own work
      const [own] = await registerAndSubmit(f, f.v1, ['own'])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([own, 50], { account: v1 }), s, 'ValidatorOwnContribution', [own, v1])
      await s.write.distributeRewards([id, 50], { account: v1 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([id, 60], { account: v1 }), s, 'ValidatorAlreadyScored', [id, v1])
      await s.write.distributeRewards([id, 50], { account: v2 })
      await s.write.distributeRewards([id, 50], { account: v3 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([id, 50], { account: f.v4.account.address }), s, 'ContributionNotPending', [id, Finalized])
    })

    it('scores in batches, all or nothing', async function () {
      const { f, s, v1, v2, v3 } = await setup()
      const ids = await registerAndSubmit(f, f.c1, ['b1', 'b2', 'b3'])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewardsBatch([ids, [50, 60]], { account: v1 }), s, 'BatchLengthMismatch', [3n, 2n])
      // the third entry is bad: nothing of the batch sticks
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewardsBatch([ids, [50, 60, 0]], { account: v1 }), s, 'QualityScoreOutOfRange', [0])
      assert.equal(await s.read.hasScored([ids[0], v1]), false)
      await viem.assertions.emitWithArgs(
        s.write.distributeRewardsBatch([ids, [50, 60, 70]], { account: v1 }), s, 'ContributionScored', [ids[2], v1, 70, 1])
      await s.write.distributeRewardsBatch([ids, [50, 60, 70]], { account: v2 })
      await s.write.distributeRewardsBatch([ids, [50, 60, 70]], { account: v3 })
      for (const [i, id] of ids.entries()) {
        const c = await s.read.getContribution([id])
        assert.equal(c.status, Finalized)
        assert.equal(c.medianScore, [50, 60, 70][i])
      }
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewardsBatch([[ids[0]], [1]], { account: f.c2.account.address }), s, 'ValidatorUnauthorized', [f.c2.account.address])
      await assertSolvent(f)
    })

    it('settles a validator\'s own work with the other validators when they are fewer than the quorum', async function () {
      const { f, s, owner, v1, v2, v3, v4 } = await setup()
      await s.write.removeValidator([v4], { account: owner })
      // 3 validators, quorum 3: v1's Validation contribution can only ever get 2 scores.
      await s.write.registerContributor({ value: ONE, account: v1 })
      await s.write.submitContribution([Validation, hashOf('v1 batch')], { account: v1 })
      const id = await s.read.contributionIdByHash([v1, hashOf('v1 batch')])
      await s.write.distributeRewards([id, 80], { account: v2 })
      assert.equal((await s.read.getContribution([id])).status, Pending)
      await viem.assertions.emit(s.write.distributeRewards([id, 60], { account: v3 }), s, 'ContributionFinalized')
      const c = await s.read.getContribution([id])
      assert.equal(c.status, Finalized)
      assert.equal(c.medianScore, 60)
      // A non-validator's work still needs the full quorum.
      const [other] = await registerAndSubmit(f, f.c1, ['c1 work'])
      await s.write.distributeRewards([other, 70], { account: v1 })
      await s.write.distributeRewards([other, 70], { account: v2 })
      assert.equal((await s.read.getContribution([other])).status, Pending)
      await assertSolvent(f)
    })
  })

  describe('when the reward pool runs low', function () {
    it('caps the reward at the pool and then credits nothing, never anything unbacked', async function () {
      const { f, s, owner } = await setup()
      await s.write.withdrawRewardPool([owner, POOL - parseEther('0.1')], { account: owner })
      const [a, b] = await registerAndSubmit(f, f.c1, ['cap-a', 'cap-b'])
      await score(f, a, [100, 100, 100])
      assert.equal((await s.read.getContribution([a])).reward, parseEther('0.1'))
      assert.equal(await s.read.rewardPool(), 0n)
      await score(f, b, [100, 100, 100])
      const cb = await s.read.getContribution([b])
      assert.equal(cb.status, Finalized)
      assert.equal(cb.reward, 0n)
      assert.equal(await s.read.totalOwedRewards(), parseEther('0.1'))
      await assertSolvent(f)
    })
  })

  describe('when rewards are locked', function () {
    it('pays nothing before the lock ends and everything after, once', async function () {
      const { f, s, c1 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['lock'])
      await score(f, id, [80, 80, 80])
      const reward = expectedReward(ONE, 80, 100)
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.claimRewards({ account: c1 }), s, 'RewardsNoneClaimable', [c1])
      await time.increase(DAY - 10n)
      assert.deepEqual(await s.read.rewardsOf([c1]), [reward, 0n])
      await time.increase(10n)
      assert.deepEqual(await s.read.rewardsOf([c1]), [0n, reward])
      const tx = s.write.claimRewards({ account: c1 })
      await viem.assertions.balancesHaveChanged(tx, [{ address: c1, amount: reward }, { address: s.address, amount: -reward }])
      await viem.assertions.emitWithArgs(tx, s, 'RewardsClaimed', [c1, reward])
      assert.deepEqual(await s.read.rewardsOf([c1]), [0n, 0n])
      assert.equal(await s.read.totalOwedRewards(), 0n)
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.claimRewards({ account: c1 }), s, 'RewardsNoneClaimable', [c1])
      await assertSolvent(f)
    })

    it('merges rewards close in time and matures them oldest first', async function () {
      const { f, s, c1 } = await setup()
      const ids = await registerAndSubmit(f, f.c1, ['m1', 'm2', 'm3'], { stake: 3n * ONE })
      await score(f, ids[0], [50, 50, 50])
      const r1 = (await s.read.getContribution([ids[0]])).reward
      await time.increase(3600n) // within lock / 8 (3 h): merges, delaying r1 by an hour
      await score(f, ids[1], [50, 50, 50])
      const r2 = (await s.read.getContribution([ids[1]])).reward
      await time.increase(4n * 3600n) // beyond lock / 8: a new entry
      await score(f, ids[2], [50, 50, 50])
      const r3 = (await s.read.getContribution([ids[2]])).reward
      assert.deepEqual(await s.read.rewardsOf([c1]), [r1 + r2 + r3, 0n])
      await time.increase(DAY - 5n * 3600n + 60n) // past r1's own unlock, short of the merged one
      assert.deepEqual(await s.read.rewardsOf([c1]), [r1 + r2 + r3, 0n])
      await time.increase(3600n)
      assert.deepEqual(await s.read.rewardsOf([c1]), [r3, r1 + r2])
      await time.increase(4n * 3600n)
      assert.deepEqual(await s.read.rewardsOf([c1]), [0n, r1 + r2 + r3])
    })

    it('keeps at most 16 lock entries, settling matured ones when full', async function () {
      const { f, s, c1 } = await setup()
      const labels = Array.from({ length: 18 }, (_, i) => `ring-${i}`)
      await f.staking.write.registerContributor({ value: 5n * ONE, account: c1 })
      let total = 0n
      for (const label of labels) {
        const [id] = await registerAndSubmit(f, f.c1, [label])
        await score(f, id, [60, 60, 60])
        total += (await s.read.getContribution([id])).reward
        await time.increase(3n * 3600n + 60n)
      }
      const [locked, claimable] = await s.read.rewardsOf([c1])
      assert.equal(locked + claimable, total)
      assert.ok(claimable > 0n && locked > 0n)
      await s.write.claimRewards({ account: c1 })
      await time.increase(2n * DAY)
      await s.write.claimRewards({ account: c1 })
      assert.equal((await s.read.getContributor([c1])).totalEarned, total)
      assert.deepEqual(await s.read.rewardsOf([c1]), [0n, 0n])
      await assertSolvent(f)
    })
  })

  describe('when validators report fraud', function () {
    it('slashes at the quorum: half the stake, all locked rewards, 10% to the reporters', async function () {
      const { f, s, v1, v2, v3, c1 } = await setup()
      const [done, cheat] = await registerAndSubmit(f, f.c1, ['ok', 'cheat'], { stake: 2n * ONE })
      await score(f, done, [60, 60, 60])
      const locked = (await s.read.getContribution([done])).reward
      const evidence = hashOf('replay mismatch')
      await viem.assertions.emitWithArgs(
        s.write.reportFraud([cheat, evidence], { account: v1 }), s, 'FraudReported', [cheat, v1, evidence, 1])
      await s.write.reportFraud([cheat, evidence], { account: v2 })
      assert.equal((await s.read.getContribution([cheat])).status, Pending)
      assert.equal(await s.read.hasReported([cheat, v1]), true)
      const slashed = ONE + locked
      const share = slashed * 1000n / 10_000n / 3n
      const tx = s.write.reportFraud([cheat, evidence], { account: v3 })
      await viem.assertions.emitWithArgs(tx, s, 'ContributorSlashed', [cheat, c1, ONE, locked, slashed - 3n * share, 3n * share])
      await viem.assertions.emitWithArgs(tx, s, 'ReporterRewarded', [cheat, v3, share])
      const c = await s.read.getContribution([cheat])
      assert.equal(c.status, Fraudulent)
      assert.equal(c.fraudReportCount, 3)
      assert.equal(c.reward, 0n)
      const who = await s.read.getContributor([c1])
      assert.equal(who.stake, ONE)
      assert.equal(who.reputation, 0)
      assert.equal(who.pendingContributions, 0)
      assert.equal(who.lockedRewards, 0n)
      assert.equal(who.totalSlashed, slashed)
      for (const v of [v1, v2, v3]) assert.deepEqual(await s.read.rewardsOf([v]), [0n, share])
      await viem.assertions.balancesHaveChanged(s.write.claimRewards({ account: v2 }), [{ address: v2, amount: share }])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.distributeRewards([cheat, 50], { account: v1 }), s, 'ContributionNotPending', [cheat, Fraudulent])
      await assertSolvent(f)
    })

    it('takes back the reward of a finalized contribution still in its lock, but not matured rewards', async function () {
      const { f, s, v1, v2, v3, c1 } = await setup()
      const [old, recent] = await registerAndSubmit(f, f.c1, ['old', 'recent'], { stake: 2n * ONE })
      await score(f, old, [70, 70, 70])
      const rOld = (await s.read.getContribution([old])).reward
      await time.increase(DAY + 1n)
      await score(f, recent, [70, 70, 70])
      const rRecent = (await s.read.getContribution([recent])).reward
      // scoring a contribution does not stop a validator from reporting it
      for (const v of [v1, v2, v3]) await s.write.reportFraud([recent, hashOf('e')], { account: v })
      assert.equal((await s.read.getContribution([recent])).reward, 0n)
      assert.deepEqual(await s.read.rewardsOf([c1]), [0n, rOld])
      const who = await s.read.getContributor([c1])
      assert.equal(who.totalSlashed, ONE + rRecent)
      await s.write.claimRewards({ account: c1 })
      await assertSolvent(f)
    })

    it('slashes unbonding stake first', async function () {
      const { f, s, v1, v2, v3, c1 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['exit'], { stake: 2n * ONE })
      await score(f, id, [50, 50, 50])
      await s.write.requestUnstake([ONE / 2n], { account: c1 })
      // slash 50% of 2 ETH: the 0.5 unbonding, then 0.5 of the active stake
      for (const v of [v1, v2, v3]) await s.write.reportFraud([id, hashOf('e')], { account: v })
      let who = await s.read.getContributor([c1])
      assert.equal(who.unbondingAmount, 0n)
      assert.equal(who.unbondingReleaseTime, 0n)
      assert.equal(who.stake, ONE)
      assert.equal(await s.read.totalStaked(), ONE)
      // and a smaller slash leaves part of it unbonding
      const [id2] = await registerAndSubmit(f, f.c2, ['exit2'], { stake: 4n * ONE })
      await score(f, id2, [50, 50, 50])
      await s.write.requestUnstake([3n * ONE], { account: f.c2.account.address })
      for (const v of [v1, v2, v3]) await s.write.reportFraud([id2, hashOf('e')], { account: v })
      who = await s.read.getContributor([f.c2.account.address])
      assert.equal(who.unbondingAmount, ONE)
      assert.equal(who.stake, ONE)
      await time.increase(7n * DAY)
      await viem.assertions.balancesHaveChanged(
        s.write.withdrawStake({ account: f.c2.account.address }), [{ address: f.c2.account.address, amount: ONE }])
      await assertSolvent(f)
    })

    it('rejects non-validators, unknown ids, own work, double reports and settled findings', async function () {
      const { f, s, v1, v2, v3, v4, c2 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['fr'])
      const e = hashOf('e')
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([id, e], { account: c2 }), s, 'ValidatorUnauthorized', [c2])
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([5n, e], { account: v1 }), s, 'ContributionNotFound', [5n])
      const [own] = await registerAndSubmit(f, f.v4, ['mine'])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.reportFraud([own, e], { account: v4 }), s, 'ValidatorOwnContribution', [own, v4])
      await s.write.reportFraud([id, e], { account: v1 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.reportFraud([id, e], { account: v1 }), s, 'ValidatorAlreadyReported', [id, v1])
      await s.write.reportFraud([id, e], { account: v2 })
      await s.write.reportFraud([id, e], { account: v3 })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.reportFraud([id, e], { account: v4 }), s, 'ContributionAlreadyFraudulent', [id])
    })
  })

  describe('when unstaking', function () {
    it('moves stake to unbonding, then pays it after the unbonding period', async function () {
      const { f, s, c1 } = await setup()
      await s.write.registerContributor({ value: 3n * ONE, account: c1 })
      const tx = s.write.requestUnstake([ONE], { account: c1 })
      const block = await f.publicClient.getBlock({ blockNumber: (await f.publicClient.waitForTransactionReceipt({ hash: await tx })).blockNumber })
      const release = block.timestamp + 7n * DAY
      await viem.assertions.emitWithArgs(tx, s, 'UnstakeRequested', [c1, ONE, ONE, release])
      let who = await s.read.getContributor([c1])
      assert.equal(who.stake, 2n * ONE)
      assert.equal(who.unbondingAmount, ONE)
      assert.equal(who.unbondingReleaseTime, release)
      assert.equal(await s.read.totalStaked(), 3n * ONE)
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.withdrawStake({ account: c1 }), s, 'UnbondingNotReleased', [c1, release])
      await time.increaseTo(release)
      const w = s.write.withdrawStake({ account: c1 })
      await viem.assertions.balancesHaveChanged(w, [{ address: c1, amount: ONE }])
      await viem.assertions.emitWithArgs(w, s, 'StakeWithdrawn', [c1, ONE])
      who = await s.read.getContributor([c1])
      assert.equal(who.unbondingAmount, 0n)
      assert.equal(await s.read.totalStaked(), 2n * ONE)
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.withdrawStake({ account: c1 }), s, 'UnbondingEmpty', [c1])
      await assertSolvent(f)
    })

    it('restarts the unbonding clock for the whole amount on a new request', async function () {
      const { s, c1 } = await setup()
      await s.write.registerContributor({ value: 3n * ONE, account: c1 })
      await s.write.requestUnstake([ONE], { account: c1 })
      await time.increase(6n * DAY)
      await s.write.requestUnstake([ONE], { account: c1 })
      const who = await s.read.getContributor([c1])
      assert.equal(who.unbondingAmount, 2n * ONE)
      await time.increase(2n * DAY)
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.withdrawStake({ account: c1 }), s, 'UnbondingNotReleased', [c1, who.unbondingReleaseTime])
    })

    it('rejects zero, more than the stake, and unbacking pending work; allows a full exit with none pending', async function () {
      const { f, s, c1, c2 } = await setup()
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.requestUnstake([ONE], { account: c2 }), s, 'ContributorNotRegistered', [c2])
      const [a, b] = await registerAndSubmit(f, f.c1, ['u1', 'u2'], { stake: 2n * ONE })
      await viem.assertions.revertWithCustomError(s.write.requestUnstake([0n], { account: c1 }), s, 'UnstakeAmountZero')
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.requestUnstake([3n * ONE], { account: c1 }), s, 'UnstakeExceedsStake', [3n * ONE, 2n * ONE])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.requestUnstake([ONE + 1n], { account: c1 }), s, 'UnstakeBlockedByPending', [c1, 2n, ONE])
      await s.write.requestUnstake([ONE], { account: c1 })
      await score(f, a, [50, 50, 50])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.requestUnstake([ONE], { account: c1 }), s, 'UnstakeBlockedByPending', [c1, 1n, ONE])
      await score(f, b, [50, 50, 50])
      await s.write.requestUnstake([ONE], { account: c1 })
      const who = await s.read.getContributor([c1])
      assert.equal(who.stake, 0n)
      assert.equal(who.unbondingAmount, 2n * ONE)
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.submitContribution([ComputePower, hashOf('after-exit')], { account: c1 }), s, 'ContributorStakeTooLow', [c1, 0n, ONE])
      await s.write.addStake({ value: ONE, account: c1 })
      await s.write.submitContribution([ComputePower, hashOf('after-exit')], { account: c1 })
    })

    it('requires pending * stakePerPending of stake when that exceeds the minimum', async function () {
      const { f, s, c1 } = await setup()
      await registerAndSubmit(f, f.c1, ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], { stake: 2n * ONE })
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.requestUnstake([ONE / 2n + 1n], { account: c1 }), s, 'UnstakeBlockedByPending', [c1, 6n, 3n * ONE / 2n])
      await s.write.requestUnstake([ONE / 2n], { account: c1 })
    })
  })

  describe('when paused', function () {
    it('stops registering, staking, submitting and scoring, but not claims, exits, reports or funding', async function () {
      const { f, s, owner, v1, v2, v3, c1, c2 } = await setup()
      const [id, other] = await registerAndSubmit(f, f.c1, ['pz', 'pz2'], { stake: 2n * ONE })
      await score(f, other, [50, 50, 50])
      await time.increase(DAY)
      await s.write.registerContributor({ value: ONE, account: c2 })
      await s.write.requestUnstake([ONE / 2n], { account: c2 })
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.pause({ account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emitWithArgs(s.write.pause({ account: owner }), s, 'Paused', [owner])
      assert.equal(await s.read.paused(), true)
      const E = 'EnforcedPause'
      await viem.assertions.revertWithCustomError(s.write.registerContributor({ value: ONE, account: f.c3.account.address }), s, E)
      await viem.assertions.revertWithCustomError(s.write.addStake({ value: ONE, account: c1 }), s, E)
      await viem.assertions.revertWithCustomError(s.write.submitContribution([ComputePower, hashOf('pz3')], { account: c1 }), s, E)
      await viem.assertions.revertWithCustomError(s.write.distributeRewards([id, 50], { account: v1 }), s, E)
      await viem.assertions.revertWithCustomError(s.write.distributeRewardsBatch([[id], [50]], { account: v1 }), s, E)
      // claims, exits, fraud reports and funding keep working
      await viem.assertions.emit(s.write.claimRewards({ account: c1 }), s, 'RewardsClaimed')
      for (const v of [v1, v2, v3]) await s.write.reportFraud([id, hashOf('e')], { account: v })
      assert.equal((await s.read.getContribution([id])).status, Fraudulent)
      await time.increase(7n * DAY)
      await s.write.withdrawStake({ account: c2 })
      await s.write.requestUnstake([ONE / 2n], { account: c2 })
      await s.write.fundRewardPool({ value: ONE })
      await viem.assertions.emitWithArgs(s.write.unpause({ account: owner }), s, 'Unpaused', [owner])
      await assertSolvent(f)
    })
  })

  describe('when the owner manages validators', function () {
    it('adds them only after the change delay, removes them at once, with events; only the owner can', async function () {
      const { s, owner, v1, c1, outsider } = await setup()
      const delay = await s.read.changeDelay()
      const id = validatorProposalId(outsider)
      await viem.assertions.emit(s.write.proposeValidator([outsider], { account: owner }), s, 'ValidatorProposed')
      const eta = await s.read.proposalEta([id])
      assert.equal(eta, BigInt(await time.latest()) + delay)
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.applyValidator([outsider], { account: owner }), s, 'ProposalNotReady', [eta])
      await time.increaseTo(eta)
      await viem.assertions.emitWithArgs(s.write.applyValidator([outsider], { account: owner }), s, 'ValidatorAdded', [outsider])
      assert.equal(await s.read.isValidator([outsider]), true)
      assert.equal(await s.read.validatorCount(), 5n)
      assert.equal(await s.read.proposalEta([id]), 0n)
      await viem.assertions.revertWithCustomError(s.write.applyValidator([outsider], { account: owner }), s, 'ProposalNotFound')
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.proposeValidator([outsider], { account: owner }), s, 'ValidatorAlreadyAdded', [outsider])
      await viem.assertions.revertWithCustomError(s.write.proposeValidator([zeroAddress], { account: owner }), s, 'AddressZero')
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.proposeValidator([c1], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emitWithArgs(s.write.removeValidator([v1], { account: owner }), s, 'ValidatorRemoved', [v1])
      assert.equal(await s.read.isValidator([v1]), false)
      assert.equal(await s.read.validatorCount(), 4n)
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.removeValidator([v1], { account: owner }), s, 'ValidatorNotFound', [v1])
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.removeValidator([v1], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.reportFraud([1n, zeroHash], { account: v1 }), s, 'ValidatorUnauthorized', [v1])
    })

    it('cancels a proposed validator, and refuses one that would make the quorum a minority', async function () {
      const { s, owner, c1, c2, outsider } = await setup()
      await s.write.proposeValidator([outsider], { account: owner })
      const id = validatorProposalId(outsider)
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.cancelProposal([id], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emitWithArgs(s.write.cancelProposal([id], { account: owner }), s, 'ProposalCancelled', [id])
      await time.increase(await s.read.changeDelay())
      await viem.assertions.revertWithCustomError(s.write.applyValidator([outsider], { account: owner }), s, 'ProposalNotFound')
      // 4 validators, quorum 3: a 5th keeps 3 a majority, a 6th would not.
      for (const v of [outsider, c1, c2]) await s.write.proposeValidator([v], { account: owner })
      await time.increase(await s.read.changeDelay())
      await s.write.applyValidator([outsider], { account: owner })
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.applyValidator([c1], { account: owner }), s, 'QuorumBelowMajority', [3n, 6n])
    })

    it('transfers ownership in two steps, and never renounces it', async function () {
      const { s, owner, c1 } = await setup()
      await viem.assertions.revertWithCustomError(s.write.renounceOwnership({ account: owner }), s, 'OwnershipRenounceDisabled')
      await s.write.transferOwnership([c1], { account: owner })
      assert.equal((await s.read.owner()).toLowerCase(), owner.toLowerCase())
      await s.write.acceptOwnership({ account: c1 })
      assert.equal((await s.read.owner()).toLowerCase(), c1.toLowerCase())
    })
  })

  describe('when the owner changes parameters', function () {
    const MAX_PERIOD = 90n * DAY
    const cases = [
      { name: 'minimumStake', low: 10n ** 9n - 1n, min: 10n ** 9n, high: parseEther('1000000') + 1n, max: parseEther('1000000') },
      { name: 'stakePerPending', low: 0n, min: 1n, high: ONE + 1n, max: ONE },
      { name: 'quorum', low: 1, min: 2n, high: 16, max: 15n },
      { name: 'rewardLockPeriod', low: 59n, min: 60n, high: MAX_PERIOD + 1n, max: MAX_PERIOD },
      { name: 'unbondingPeriod', low: 59n, min: 60n, high: MAX_PERIOD + 1n, max: MAX_PERIOD },
      { name: 'slashBps', low: 99, min: 100n, high: 5001, max: 5000n },
      { name: 'reporterShareBps', low: undefined, min: 0n, high: 2001, max: 2000n },
      { name: 'pendingTimeout', low: 3599n, min: 3600n, high: 30n * DAY + 1n, max: 30n * DAY },
    ] as const
    for (const c of cases) {
      it(`refuses ${c.name} outside [${c.min}, ${c.max}]`, async function () {
        const { s, owner } = await setup()
        for (const v of [c.low, c.high]) {
          if (v === undefined) continue
          await viem.assertions.revertWithCustomErrorWithArgs(
            s.write.proposeParams([{ ...testParams, [c.name]: v }], { account: owner }), s, 'ParameterOutOfBounds', [c.name, BigInt(v), c.min, c.max])
        }
      })
    }

    it('refuses a base reward over 10 ETH, and a quorum that is not more than half of the validators', async function () {
      const { s, owner } = await setup()
      const max = parseEther('10')
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.proposeParams([{ ...testParams, baseRewards: [ONE, max + 1n, ONE] }], { account: owner }), s, 'ParameterOutOfBounds', ['baseReward', max + 1n, 0n, max])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.proposeParams([{ ...testParams, quorum: 2 }], { account: owner }), s, 'QuorumBelowMajority', [2n, 4n])
    })

    it('applies them only after the change delay, exactly as proposed, with events; cancels; only the owner can', async function () {
      const { s, owner, c1 } = await setup()
      const next = { ...testParams, quorum: 4, slashBps: 2500, baseRewards: [ONE, ONE, 0n] as const }
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.proposeParams([next], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emit(s.write.proposeParams([next], { account: owner }), s, 'ParamsProposed')
      const eta = BigInt(await time.latest()) + await s.read.changeDelay()
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.applyParams([next], { account: owner }), s, 'ProposalNotReady', [eta])
      await time.increaseTo(eta)
      await viem.assertions.revertWithCustomError(s.write.applyParams([{ ...next, slashBps: 5000 }], { account: owner }), s, 'ProposalNotFound')
      await viem.assertions.revertWithCustomErrorWithArgs(s.write.applyParams([next], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emit(s.write.applyParams([next], { account: owner }), s, 'ParamsApplied')
      const p = await s.read.params()
      assert.equal(p.quorum, 4)
      assert.equal(p.slashBps, 2500)
      assert.deepEqual(p.baseRewards, [ONE, ONE, 0n])
      await viem.assertions.revertWithCustomError(s.write.applyParams([next], { account: owner }), s, 'ProposalNotFound')
      // cancel
      const id = paramsProposalId(testParams)
      await s.write.proposeParams([testParams], { account: owner })
      assert.ok(await s.read.proposalEta([id]) > 0n)
      await viem.assertions.emitWithArgs(s.write.cancelProposal([id], { account: owner }), s, 'ProposalCancelled', [id])
      await time.increase(await s.read.changeDelay())
      await viem.assertions.revertWithCustomError(s.write.applyParams([testParams], { account: owner }), s, 'ProposalNotFound')
      await viem.assertions.revertWithCustomError(s.write.cancelProposal([id], { account: owner }), s, 'ProposalNotFound')
    })
  })

  describe('when the pool is funded and withdrawn', function () {
    it('counts plain transfers and fundRewardPool, and rejects empty funding', async function () {
      const { f, s, c1 } = await setup()
      await viem.assertions.emitWithArgs(s.write.fundRewardPool({ value: ONE, account: c1 }), s, 'RewardPoolFunded', [c1, ONE])
      const hash = await f.c1.sendTransaction({ to: s.address, value: 2n * ONE })
      await viem.assertions.emitWithArgs(Promise.resolve(hash), s, 'RewardPoolFunded', [c1, 2n * ONE])
      assert.equal(await s.read.rewardPool(), POOL + 3n * ONE)
      await viem.assertions.revertWithCustomError(s.write.fundRewardPool({ value: 0n, account: c1 }), s, 'AmountZero')
      await assertSolvent(f)
    })

    it('lets the owner take only the unallocated pool, never stake or owed rewards', async function () {
      const { f, s, owner, c1 } = await setup()
      const [id] = await registerAndSubmit(f, f.c1, ['own-pool'], { stake: 5n * ONE })
      await score(f, id, [100, 100, 100])
      const pool = await s.read.rewardPool()
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.withdrawRewardPool([owner, pool + 1n], { account: owner }), s, 'RewardPoolInsufficient', [pool + 1n, pool])
      await viem.assertions.revertWithCustomError(s.write.withdrawRewardPool([zeroAddress, 1n], { account: owner }), s, 'AddressZero')
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.withdrawRewardPool([c1, 1n], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      const tx = s.write.withdrawRewardPool([f.c3.account.address, pool], { account: owner })
      await viem.assertions.balancesHaveChanged(tx, [{ address: f.c3.account.address, amount: pool }])
      await viem.assertions.emitWithArgs(tx, s, 'RewardPoolWithdrawn', [f.c3.account.address, pool])
      assert.equal(await s.read.rewardPool(), 0n)
      assert.equal(await f.publicClient.getBalance({ address: s.address }), 5n * ONE + (await s.read.totalOwedRewards()))
      await assertSolvent(f)
    })

    it('moves forced ETH into the pool with absorbSurplus', async function () {
      const { f, s, c1 } = await setup()
      const balance = await f.publicClient.getBalance({ address: s.address })
      await env.networkHelpers.setBalance(s.address, balance + ONE)
      assert.equal(await s.read.surplus(), ONE)
      await viem.assertions.emitWithArgs(s.write.absorbSurplus({ account: c1 }), s, 'SurplusAbsorbed', [ONE])
      assert.equal(await s.read.surplus(), 0n)
      assert.equal(await s.read.rewardPool(), POOL + ONE)
      await assertSolvent(f)
    })
  })

  describe('when upgraded', function () {
    it('only the owner upgrades, only to what it proposed a change delay earlier, and all state survives', async function () {
      const { f, s, owner, v1, v2, c1, c2 } = await setup()
      await changeParams(f, { slashBps: 2500 })
      const v2Impl = await viem.deployContract('CotrainStakingV2')
      const init = encodeFunctionData({ abi: v2Impl.abi, functionName: 'initializeV2', args: [42n] })
      await viem.assertions.revertWithCustomError(
        s.write.upgradeToAndCall([v2Impl.address, init], { account: owner }), s, 'ProposalNotFound')
      await viem.assertions.emitWithArgs(s.write.proposeUpgrade([v2Impl.address], { account: owner }), s, 'UpgradeProposed',
        [upgradeProposalId(v2Impl.address), v2Impl.address, BigInt(await time.latest()) + 1n + await s.read.changeDelay()])
      const eta = await s.read.proposalEta([upgradeProposalId(v2Impl.address)])
      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.upgradeToAndCall([v2Impl.address, init], { account: owner }), s, 'ProposalNotReady', [eta])
      await time.increaseTo(eta)
      const [done, pending] = await registerAndSubmit(f, f.c1, ['up-1', 'up-2'], { stake: 2n * ONE })
      await score(f, done, [80, 80, 80])
      await s.write.distributeRewards([pending, 40], { account: v1 })
      await s.write.registerContributor({ value: ONE, account: c2 })
      await s.write.requestUnstake([ONE / 2n], { account: c2 })
      const before = {
        c1: await s.read.getContributor([c1]),
        c2: await s.read.getContributor([c2]),
        done: await s.read.getContribution([done]),
        pending: await s.read.getContribution([pending]),
        params: await s.read.params(),
        totals: [await s.read.totalStaked(), await s.read.totalOwedRewards(), await s.read.rewardPool()],
        next: await s.read.nextContributionId(),
      }

      await viem.assertions.revertWithCustomErrorWithArgs(
        s.write.upgradeToAndCall([v2Impl.address, init], { account: c1 }), s, 'OwnableUnauthorizedAccount', [c1])
      await viem.assertions.emitWithArgs(
        s.write.upgradeToAndCall([v2Impl.address, init], { account: owner }), s, 'Upgraded', [v2Impl.address])

      const up = await viem.getContractAt('CotrainStakingV2', s.address)
      assert.equal(await up.read.version(), '2.0.0-test')
      assert.equal(await up.read.v2Marker(), 42n)
      await viem.assertions.revertWithCustomError(up.write.initializeV2([7n], { account: owner }), up, 'InvalidInitialization')
      assert.deepEqual(await up.read.getContributor([c1]), before.c1)
      assert.deepEqual(await up.read.getContributor([c2]), before.c2)
      assert.deepEqual(await up.read.getContribution([done]), before.done)
      assert.deepEqual(await up.read.getContribution([pending]), before.pending)
      assert.deepEqual(await up.read.params(), before.params)
      assert.deepEqual([await up.read.totalStaked(), await up.read.totalOwedRewards(), await up.read.rewardPool()], before.totals)
      assert.equal(await up.read.nextContributionId(), before.next)
      assert.equal(await up.read.hasScored([pending, v1]), true)
      assert.equal(await up.read.isValidator([v2]), true)
      assert.equal((await up.read.owner()).toLowerCase(), owner.toLowerCase())

      // and it keeps working: the pending contribution finalizes, rewards unlock and pay
      await up.write.distributeRewards([pending, 60], { account: v2 })
      await up.write.distributeRewards([pending, 50], { account: f.v3.account.address })
      assert.equal((await up.read.getContribution([pending])).medianScore, 50)
      await time.increase(DAY)
      await up.write.claimRewards({ account: c1 })
      await assertSolvent(f)
    })
  })

  describe('when a contract tries reentrancy', function () {
    const reentrancySelector = toFunctionSelector('ReentrancyGuardReentrantCall()')

    async function attackerWithReward () {
      const { f, s, v1, v2, v3 } = await setup()
      const attacker = await viem.deployContract('ReentrantReceiver', [s.address])
      await attacker.write.register({ value: 2n * ONE })
      await attacker.write.submit([ComputePower, hashOf('evil')])
      const id = await s.read.contributionIdByHash([attacker.address, hashOf('evil')])
      for (const v of [v1, v2, v3]) await s.write.distributeRewards([id, 100], { account: v })
      const reward = (await s.read.getContribution([id])).reward
      await time.increase(DAY)
      return { f, s, attacker, reward }
    }

    it('claimRewards pays once and the nested claim is refused', async function () {
      const { f, s, attacker, reward } = await attackerWithReward()
      await attacker.write.setReentryCall([encodeFunctionData({ abi: s.abi, functionName: 'claimRewards' })])
      await viem.assertions.balancesHaveChanged(attacker.write.claim(), [{ address: attacker.address, amount: reward }])
      assert.equal(await attacker.read.reentryAttempts(), 1n)
      assert.equal(await attacker.read.lastReentrySucceeded(), false)
      assert.equal(await attacker.read.lastReentryError(), reentrancySelector)
      assert.equal(await attacker.read.received(), reward)
      await assertSolvent(f)
    })

    it('withdrawStake pays once and nested withdraw or claim are refused', async function () {
      const { f, s, attacker, reward } = await attackerWithReward()
      await attacker.write.requestUnstake([ONE])
      await time.increase(7n * DAY)
      await attacker.write.setReentryCall([encodeFunctionData({ abi: s.abi, functionName: 'withdrawStake' })])
      await viem.assertions.balancesHaveChanged(attacker.write.withdraw(), [{ address: attacker.address, amount: ONE }])
      assert.equal(await attacker.read.lastReentrySucceeded(), false)
      assert.equal(await attacker.read.lastReentryError(), reentrancySelector)
      await attacker.write.requestUnstake([ONE / 2n])
      await time.increase(7n * DAY)
      await attacker.write.setReentryCall([encodeFunctionData({ abi: s.abi, functionName: 'claimRewards' })])
      await attacker.write.withdraw()
      assert.equal(await attacker.read.lastReentrySucceeded(), false)
      assert.equal(await attacker.read.lastReentryError(), reentrancySelector)
      assert.deepEqual(await s.read.rewardsOf([attacker.address]), [0n, reward])
      await assertSolvent(f)
    })

    it('a receiver that refuses ETH gets TransferFailed and loses nothing', async function () {
      const { f, s, attacker, reward } = await attackerWithReward()
      await attacker.write.setRejectPayments([true])
      await viem.assertions.revertWithCustomErrorWithArgs(attacker.write.claim(), s, 'TransferFailed', [attacker.address, reward])
      assert.deepEqual(await s.read.rewardsOf([attacker.address]), [0n, reward])
      await attacker.write.setRejectPayments([false])
      await attacker.write.claim()
      await assertSolvent(f)
    })
  })
})
