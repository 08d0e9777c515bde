import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { network } from 'hardhat'
import { encodeFunctionData } from 'viem'
import { POOL, testParams } from './stakingFixture.ts'
import { attacks, type StakingTarget } from './attacks.ts'

/**
 * The attacks of attacks.ts against the staking contract as it was before the fixes of issue 14
 * (contracts/legacy/CotrainStakingV0.sol, git 844ca6a), deployed the same way (UUPS behind
 * CotrainProxy) with the same parameters as today's tests: every attack must succeed here. Together
 * with CotrainStaking.abuse.test.ts, where the same code must fail, this makes it a checked fact that
 * each fix is what stops its attack, not a test that would pass either way.
 *
 * Expressed differently on this contract (its ABI had no proposals and no deadlines):
 * - the owner's validator and parameter changes are the instant setters addValidator, setQuorum,
 *   setSlashBps and setReporterShareBps (today: proposeValidator/proposeParams, applied after a delay);
 * - attack 4 cannot record the expiry: expireContributions did not exist (nothing ever expired).
 */
const { viem, networkHelpers } = await network.create()

async function deployV0 () {
  const [owner, v1, v2, v3, v4, c1, c2] = (await viem.getWalletClients()).map((w) => w.account.address)
  const implementation = await viem.deployContract('CotrainStakingV0')
  const { pendingTimeout: _, ...params } = testParams // V0 had no pending deadline
  const init = encodeFunctionData({ abi: implementation.abi, functionName: 'initialize', args: [owner, params] })
  const proxy = await viem.deployContract('CotrainProxy', [implementation.address, init])
  const staking = await viem.getContractAt('CotrainStakingV0', proxy.address)
  for (const v of [v1, v2, v3, v4]) await staking.write.addValidator([v], { account: owner })
  await staking.write.fundRewardPool({ value: POOL })
  return { staking, accounts: { owner, v1, v2, v3, v4, c1, c2 } }
}

async function target (): Promise<StakingTarget> {
  const { staking: s, accounts } = await networkHelpers.loadFixture(deployV0)
  const owner = accounts.owner
  return {
    contract: 'CotrainStakingV0',
    staking: s as unknown as StakingTarget['staking'],
    accounts,
    increaseTime: async (seconds) => { await networkHelpers.time.increase(seconds) },
    ownerAddsValidator: async (who) => { await s.write.addValidator([who], { account: owner }) },
    ownerSetsParams: async (changes) => {
      if (changes.quorum !== undefined) await s.write.setQuorum([changes.quorum], { account: owner })
      if (changes.slashBps !== undefined) await s.write.setSlashBps([changes.slashBps], { account: owner })
      if (changes.reporterShareBps !== undefined) await s.write.setReporterShareBps([changes.reporterShareBps], { account: owner })
    },
    expirePending: async () => 'not expressible on the old contract: expireContributions did not exist',
  }
}

describe('CotrainStakingV0 (the contract before issue 14\'s fixes) against the same attacks', function () {
  for (const attack of attacks) {
    it(`${attack.name}: succeeds`, async function () {
      const out = await attack.run(await target())
      assert.equal(out.succeeded, true, out.detail)
    })
  }
})
