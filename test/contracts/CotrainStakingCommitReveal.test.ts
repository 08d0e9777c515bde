import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { network } from 'hardhat'
import { encodeFunctionData, keccak256, parseEther, toHex } from 'viem'
import { hashOf, testParams } from './stakingFixture.ts'

/**
 * The commit-reveal variant that `npm run bench:gas` measures (contracts/bench; not deployed by
 * cotrain): checked here to do what contracts/README.md says it would, so the measured figures are
 * those of a scheme that works. It is over the EIP-170 size limit, hence the oversized-code chain.
 */
const { viem, networkHelpers } = await network.create({ override: { allowUnlimitedContractSize: true } })

async function deploy () {
  const [owner, v1, v2, v3, v4, c1] = (await viem.getWalletClients()).map((w) => w.account.address)
  const implementation = await viem.deployContract('CotrainStakingCommitReveal')
  const init = encodeFunctionData({ abi: implementation.abi, functionName: 'initialize', args: [owner, testParams, [v1, v2, v3, v4]] })
  const proxy = await viem.deployContract('CotrainProxy', [implementation.address, init])
  const s = await viem.getContractAt('CotrainStakingCommitReveal', proxy.address)
  await s.write.fundRewardPool({ value: parseEther('10') })
  await s.write.registerContributor({ value: parseEther('1'), account: c1 })
  const id = await s.read.nextContributionId()
  await s.write.submitContribution([0, hashOf('work')], { account: c1 })
  return { s, id, v: [v1, v2, v3, v4] }
}

describe('CotrainStakingCommitReveal (benchmark variant)', function () {
  it('reveals only committed scores, only after the commit window, from commitments made inside it, once', async function () {
    const { s, id, v: [v1, v2, v3, v4] } = await networkHelpers.loadFixture(deploy)
    const salt = keccak256(toHex('salt'))
    const window = await s.read.COMMIT_BLOCKS()
    for (const [v, score] of [[v1, 80], [v2, 60], [v3, 70]] as const) {
      await s.write.commitScores([await s.read.scoresCommitment([v, [id], [score], salt])], { account: v })
    }
    await viem.assertions.revertWithCustomError(s.write.revealScores([[id], [80], salt], { account: v1 }), s, 'RevealTooEarly')
    await networkHelpers.mine(Number(window))
    // a commitment made after the window counts for nothing: nobody can wait for reveals, then commit
    await s.write.commitScores([await s.read.scoresCommitment([v4, [id], [90], salt])], { account: v4 })
    await viem.assertions.revertWithCustomError(s.write.revealScores([[id], [90], salt], { account: v4 }), s, 'CommitmentTooLate')
    await s.write.revealScores([[id], [80], salt], { account: v1 })
    await s.write.revealScores([[id], [60], salt], { account: v2 })
    // having seen 80 and 60, v3 cannot reveal anything but what it committed
    await viem.assertions.revertWithCustomError(s.write.revealScores([[id], [100], salt], { account: v3 }), s, 'CommitmentUnknown')
    await s.write.revealScores([[id], [70], salt], { account: v3 })
    const c = await s.read.getContribution([id])
    assert.equal(c.medianScore, 70)
    await viem.assertions.revertWithCustomError(s.write.revealScores([[id], [80], salt], { account: v1 }), s, 'CommitmentUnknown')
  })
})
