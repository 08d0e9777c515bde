import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { BaseError, ContractFunctionRevertedError, parseEther } from 'viem'
import type { Address, Hex } from 'viem'
import { createStakingEnv, hashOf } from './stakingFixture.ts'

/**
 * Seeded random-operation property test: thousands of operations from many accounts (most valid,
 * some deliberately not), and after EVERY one the contract's balance must equal
 * totalStaked + totalOwedRewards + rewardPool exactly. Every so often the totals are also checked
 * against the sum over all accounts. A revert is fine only if it is one of the contract's own custom
 * errors (a Panic, an unknown revert or a plain string fails the test).
 *
 * STAKING_SEED and STAKING_OPS override the seed and the operation count.
 */
const SEED = Number(process.env.STAKING_SEED ?? 0xC0741)
const OPS = Number(process.env.STAKING_OPS ?? 4000)
const SUM_CHECK_EVERY = 100

const env = await createStakingEnv()
const { networkHelpers } = env

/** mulberry32: small, fast, good enough to drive a property test reproducibly. */
function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('CotrainStaking invariant', function () {
  describe(`when ${OPS} random operations run (seed ${SEED})`, function () {
    it('keeps balance == staked + owed + pool after every step, and totals equal the per-account sums', async function () {
      this.timeout(600_000)
      const f = await env.load()
      const s = f.staking
      const rand = prng(SEED)
      const int = (n: number) => Math.floor(rand() * n)
      const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
      const amount = (maxEth: number) => parseEther((rand() * maxEth).toFixed(6))

      const wallets = f.wallets.map((w) => w.account.address)
      const owner = wallets[0]
      const validators = wallets.slice(1, 5)
      // contributors include one validator (wallets[4]) so own-contribution rules get exercised
      const contributors = [...wallets.slice(5, 17), validators[3]]
      const everyone = [...new Set([...validators, ...contributors])]
      let nextLabel = 0
      let submitted = 0n
      const cheats = new Set<bigint>()
      let paused = false
      let proposed: Awaited<ReturnType<typeof s.read.params>> | undefined
      const registered = new Set<Address>()
      const member = () => registered.size > 0 && rand() < 0.9 ? pick([...registered]) : pick(contributors)
      const done: Record<string, number> = {}
      const refused: Record<string, number> = {}

      async function attempt (name: string, fn: () => Promise<Hex>): Promise<void> {
        try {
          await fn()
          done[name] = (done[name] ?? 0) + 1
        } catch (err) {
          const reverted = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null
          const errorName = reverted instanceof ContractFunctionRevertedError ? reverted.data?.errorName : undefined
          if (errorName == null || errorName === 'Panic' || errorName === 'Error') {
            throw new Error(`op ${name} failed unexpectedly (seed ${SEED}): ${(err as Error).message}`)
          }
          refused[`${name}:${errorName}`] = (refused[`${name}:${errorName}`] ?? 0) + 1
        }
      }

      const recentId = () => {
        if (submitted === 0n) return 1n
        const window = submitted < 40n ? submitted : 40n
        return submitted - BigInt(int(Number(window)))
      }

      const ops: Array<[number, () => Promise<void>]> = [
        [4, async () => {
          const account = pick(contributors)
          await attempt('register', () => s.write.registerContributor({ value: parseEther('1') + amount(3), account }))
          if ((await s.read.getContributor([account])).registered) registered.add(account)
        }],
        [3, () => attempt('addStake', () => s.write.addStake({ value: amount(2) + 1n, account: member() }))],
        [22, async () => {
          const account = member()
          const label = rand() < 0.05 && nextLabel > 0 ? `h-${int(nextLabel)}` : `h-${nextLabel++}`
          const before = await s.read.nextContributionId()
          await attempt('submit', () => s.write.submitContribution([int(3), hashOf(label)], { account }))
          const after = await s.read.nextContributionId()
          if (after > before) {
            submitted = after - 1n
            if (rand() < 0.15) cheats.add(submitted)
          }
        }],
        [30, () => attempt('score', () => s.write.distributeRewards([recentId(), 1 + int(100)], { account: pick(validators) }))],
        [6, async () => {
          const validator = pick(validators)
          const ids: bigint[] = []
          for (let k = 0, n = 2 + int(8); k < n; k++) {
            const id = recentId()
            if (ids.includes(id)) continue
            // keep most batches valid: skip what this validator may not score (sometimes, not always)
            if (rand() < 0.9) {
              const c = await s.read.getContribution([id]).catch(() => undefined)
              if (c == null || c.status !== 0 || c.contributor.toLowerCase() === validator.toLowerCase()) continue
              if (await s.read.hasScored([id, validator])) continue
            }
            ids.push(id)
          }
          await attempt('scoreBatch', () => s.write.distributeRewardsBatch([ids, ids.map(() => 1 + int(100))], { account: validator }))
        }],
        [6, () => {
          const suspects = [...cheats].filter((id) => id + 40n > submitted) // still in their fraud window, mostly
          const id = suspects.length > 0 && rand() < 0.85 ? pick(suspects) : recentId()
          return attempt('reportFraud', () => s.write.reportFraud([id, hashOf(`evidence-${id}`)], { account: pick(validators) }))
        }],
        [5, async () => {
          const account = member()
          const c = await s.read.getContributor([account])
          const value = rand() < 0.8 ? c.stake * BigInt(1 + int(100)) / 100n : amount(3)
          await attempt('requestUnstake', () => s.write.requestUnstake([value], { account }))
        }],
        [4, () => attempt('withdrawStake', () => s.write.withdrawStake({ account: member() }))],
        [8, () => attempt('claimRewards', () => s.write.claimRewards({ account: pick(everyone) }))],
        // mostly hours (work gets scored before its 2-day deadline), sometimes days (deadlines, locks and
        // unbonding pass, proposals become applicable)
        [8, async () => { await networkHelpers.time.increase(int(rand() < 0.95 ? 2 * 3_600 : 4 * 86_400)); done.time = (done.time ?? 0) + 1 }],
        [3, () => attempt('fundRewardPool', () => s.write.fundRewardPool({ value: amount(5) + 1n, account: pick(wallets) }))],
        [1, () => attempt('transfer', () => f.wallets[int(f.wallets.length)].sendTransaction({ to: s.address, value: amount(2) }))],
        [2, async () => {
          const pool = await s.read.rewardPool()
          const value = rand() < 0.8 ? pool * BigInt(int(50)) / 100n : pool + 1n + amount(1)
          await attempt('withdrawRewardPool', () => s.write.withdrawRewardPool([pick(wallets), value], { account: owner }))
        }],
        [2, async () => {
          // mostly within bounds; quorum 2 is a minority of 4 validators, 60 s and 1 hour are the least periods
          proposed = {
            ...(await s.read.params()),
            quorum: rand() < 0.1 ? 2 : 3 + int(2),
            rewardLockPeriod: BigInt(30 + int(3 * 86_400)),
            unbondingPeriod: BigInt(30 + int(5 * 86_400)),
            slashBps: 50 + int(5_100),
            reporterShareBps: int(2_200),
            minimumStake: parseEther('0.5') + amount(1.5),
            baseRewards: [amount(3), amount(3), amount(3)],
            pendingTimeout: BigInt(3_000 + int(3 * 86_400)),
          }
          await attempt('proposeParams', () => s.write.proposeParams([proposed!], { account: owner }))
        }],
        [2, () => proposed == null ? Promise.resolve() : attempt('applyParams', () => s.write.applyParams([proposed!], { account: owner }))],
        [3, () => attempt('expire', () => s.write.expireContributions([[recentId(), recentId(), recentId()]], { account: pick(wallets) }))],
        [1, async () => {
          if (!paused) await attempt('pause', () => s.write.pause({ account: owner }))
          paused = true
        }],
        [1, async () => {
          // ETH forced in without a call (like selfdestruct) shows up as surplus until absorbed
          const forced = amount(1) + 1n
          const balance = await f.publicClient.getBalance({ address: s.address })
          await networkHelpers.setBalance(s.address, balance + forced)
          assert.equal(await s.read.surplus(), forced)
          await attempt('absorbSurplus', () => s.write.absorbSurplus({ account: pick(wallets) }))
        }],
      ]
      const totalWeight = ops.reduce((sum, [w]) => sum + w, 0)

      async function checkSums (step: number): Promise<void> {
        let staked = 0n
        let owed = 0n
        for (const account of everyone) {
          const c = await s.read.getContributor([account])
          staked += c.stake + c.unbondingAmount
          owed += c.lockedRewards + c.claimableRewards
        }
        assert.equal(await s.read.totalStaked(), staked, `step ${step}: totalStaked != sum of stakes`)
        assert.equal(await s.read.totalOwedRewards(), owed, `step ${step}: totalOwedRewards != sum of rewards`)
      }

      for (let step = 0; step < OPS; step++) {
        let r = int(totalWeight)
        const op = ops.find(([w]) => (r -= w) < 0)![1]
        if (paused && rand() < 0.15) {
          await attempt('unpause', () => s.write.unpause({ account: owner }))
          paused = false
        } else {
          await op()
        }
        const [balance, staked, owed, pool] = await Promise.all([
          f.publicClient.getBalance({ address: s.address }),
          s.read.totalStaked(),
          s.read.totalOwedRewards(),
          s.read.rewardPool(),
        ])
        assert.equal(balance, staked + owed + pool,
          `step ${step} (seed ${SEED}): balance ${balance} != staked ${staked} + owed ${owed} + pool ${pool}`)
        if (step % SUM_CHECK_EVERY === SUM_CHECK_EVERY - 1) await checkSums(step)
      }
      await checkSums(OPS)

      // the run must have exercised the interesting paths, not just bounced off reverts
      const slashes = await s.getEvents.ContributorSlashed({}, { fromBlock: 0n })
      const finalized = await s.getEvents.ContributionFinalized({}, { fromBlock: 0n })
      if (process.env.STAKING_VERBOSE != null) {
        console.log({ done, refused, finalized: finalized.length, slashes: slashes.length })
      }
      if (OPS >= 2000) {
        assert.ok(finalized.length > 100, `only ${finalized.length} finalizations`)
        assert.ok(slashes.length > 5, `only ${slashes.length} slashes`)
        assert.ok((done.claimRewards ?? 0) > 20, `only ${done.claimRewards ?? 0} claims`)
        assert.ok((done.withdrawStake ?? 0) > 10, `only ${done.withdrawStake ?? 0} withdrawals`)
      }
    })
  })
})
