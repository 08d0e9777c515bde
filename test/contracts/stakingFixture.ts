import assert from 'node:assert/strict'
import { network } from 'hardhat'
import { keccak256, parseEther, toHex } from 'viem'
import type { Address, Hex } from 'viem'
import { deployStaking } from '../../lib/chain/deployStaking.ts'
import type { StakingParams } from '../../lib/chain/deployStaking.ts'

/** Parameters the contract tests run with: quorum 3, 1-day lock, 7-day unbonding, 50% slash, 2-day deadline. */
export const testParams: StakingParams = {
  minimumStake: parseEther('1'),
  stakePerPending: parseEther('0.25'),
  baseRewards: [parseEther('1'), parseEther('2'), parseEther('0.5')],
  quorum: 3,
  rewardLockPeriod: 86_400n,
  unbondingPeriod: 7n * 86_400n,
  slashBps: 5000,
  reporterShareBps: 1000,
  pendingTimeout: 2n * 86_400n,
}

export const POOL = parseEther('100')

/** ContributionType and ContributionStatus as the ABI numbers them. */
export const ComputePower = 0
export const Dataset = 1
export const Validation = 2
export const Pending = 0
export const Finalized = 1
export const Fraudulent = 2
export const Expired = 3

/** A distinct 32-byte data hash per label. */
export function hashOf (label: string): Hex {
  return keccak256(toHex(label))
}

/** The reward formula of contracts/README.md, in bigint. */
export function expectedReward (base: bigint, median: number, reputation: number): bigint {
  return base * BigInt(median) * (5000n + BigInt(reputation) * 10n) / 1_000_000n
}

/** The reputation rule of contracts/README.md. */
export function nextReputation (reputation: number, median: number): number {
  return Math.floor((reputation * 7 + median * 10) / 8)
}

/**
 * One in-process Hardhat network per test file, with a fixture that deploys CotrainStaking behind
 * its proxy (through lib/chain/deployStaking.ts, the same path the devnet uses) with four
 * validators, and funds the pool with 100 ETH.
 */
export async function createStakingEnv (params: StakingParams = testParams) {
  const connection = await network.create()
  const { viem, networkHelpers } = connection

  async function deployFixture () {
    const publicClient = await viem.getPublicClient()
    const wallets = await viem.getWalletClients()
    const [owner, v1, v2, v3, v4, c1, c2, c3, outsider] = wallets
    const validators = [v1, v2, v3, v4].map((v) => v.account.address)
    const { address, implementation } = await deployStaking({ walletClient: owner, publicClient, params, validators })
    const staking = await viem.getContractAt('CotrainStaking', address)
    await staking.write.fundRewardPool({ value: POOL })
    return { publicClient, wallets, owner, v1, v2, v3, v4, c1, c2, c3, outsider, staking, implementation }
  }

  type Fixture = Awaited<ReturnType<typeof deployFixture>>

  /** balance == totalStaked + totalOwedRewards + rewardPool, exactly. */
  async function assertSolvent (f: Fixture): Promise<void> {
    const [balance, staked, owed, pool] = await Promise.all([
      f.publicClient.getBalance({ address: f.staking.address }),
      f.staking.read.totalStaked(),
      f.staking.read.totalOwedRewards(),
      f.staking.read.rewardPool(),
    ])
    assert.equal(balance, staked + owed + pool, `balance ${balance} != staked ${staked} + owed ${owed} + pool ${pool}`)
  }

  /** Registers `who` with `stake` and submits one contribution per label; returns the ids. */
  async function registerAndSubmit (
    f: Fixture,
    who: { account: { address: Address } },
    labels: string[],
    { stake = parseEther('1'), ctype = ComputePower }: { stake?: bigint, ctype?: number } = {},
  ): Promise<bigint[]> {
    const account = who.account.address
    const c = await f.staking.read.getContributor([account])
    if (!c.registered) await f.staking.write.registerContributor({ value: stake, account })
    const ids: bigint[] = []
    for (const label of labels) {
      ids.push(await f.staking.read.nextContributionId())
      await f.staking.write.submitContribution([ctype, hashOf(label)], { account })
    }
    return ids
  }

  /** Scores `id` with the given scores, one validator each (v1, v2, v3, v4 in order). */
  async function score (f: Fixture, id: bigint, scores: number[]): Promise<void> {
    const validators = [f.v1, f.v2, f.v3, f.v4]
    for (let i = 0; i < scores.length; i++) {
      await f.staking.write.distributeRewards([id, scores[i]], { account: validators[i].account.address })
    }
  }

  /**
   * The owner proposes `changes` on top of the current parameters, waits out the change delay and
   * applies them (anything pending meanwhile expires: that is what the delay is for).
   */
  async function changeParams (f: Fixture, changes: Partial<StakingParams>): Promise<void> {
    const p = { ...(await f.staking.read.params()), ...changes }
    await f.staking.write.proposeParams([p], { account: f.owner.account.address })
    await networkHelpers.time.increase(await f.staking.read.changeDelay())
    await f.staking.write.applyParams([p], { account: f.owner.account.address })
  }

  return {
    connection,
    changeParams,
    viem,
    networkHelpers,
    load: () => networkHelpers.loadFixture(deployFixture),
    assertSolvent,
    registerAndSubmit,
    score,
  }
}
