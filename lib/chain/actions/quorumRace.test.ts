import assert from 'node:assert/strict'
import { keccak256, parseEther, stringToHex, type Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { startLocalStaking, type LocalStaking } from '../testing/localStaking.ts'
import { ContributionStatus, ContributionType } from '../types.ts'
import { distributeRewardsBatch } from './distributeRewardsBatch.ts'
import { fundRewardPool } from './fundRewardPool.ts'
import { getContribution } from './getContribution.ts'
import { registerContributor } from './registerContributor.ts'
import { reportFraud } from './reportFraud.ts'
import { submitContribution } from './submitContribution.ts'

const hashOf = (s: string): Hex => keccak256(stringToHex(s))

/**
 * Independent validators act at the same moment: both estimate gas while
 * neither vote has landed, and the one mined second runs the costlier quorum
 * path (finalize or slash). Without gas headroom that transaction runs out of
 * gas and reverts with no reason, and the contribution never settles.
 */
describe('chain actions when two validators reach quorum at the same time', function () {
  let local: LocalStaking
  let worker: WalletChainClient
  let validators: WalletChainClient[]
  const address = (): `0x${string}` => local.address

  before(async function () {
    local = await startLocalStaking({ params: { quorum: 2 }, validators: [2, 3] })
    const owner = await local.clientFor(0)
    worker = await local.clientFor(1)
    validators = [await local.clientFor(2), await local.clientFor(3)]
    await fundRewardPool(owner, { address: address(), value: parseEther('10') })
    await registerContributor(worker, { address: address(), stake: parseEther('5') })
  })
  after(async function () { await local?.stop() })

  it('both concurrent fraud reports are mined and the second slashes', async function () {
    const { id } = await submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('faked') })
    const results = await Promise.all(validators.map(async (v, i) => await reportFraud(v, { address: address(), id, evidenceHash: hashOf(`evidence ${i}`) })))
    assert.equal(results.filter((r) => r.slashed).length, 1, 'exactly one report reached quorum and slashed')
    assert.equal((await getContribution(worker, { address: address(), id })).status, ContributionStatus.Fraudulent)
  })

  it('both concurrent score batches are mined and the second finalizes', async function () {
    const ids: bigint[] = []
    for (let i = 0; i < 5; i++) ids.push((await submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf(`honest ${i}`) })).id)
    const results = await Promise.all(validators.map(async (v, i) => await distributeRewardsBatch(v, { address: address(), scores: ids.map((id) => ({ id, score: 60 + i * 10 })) })))
    assert.equal(results.reduce((n, r) => n + r.finalized.length, 0), ids.length, 'every contribution finalized once')
    for (const id of ids) assert.equal((await getContribution(worker, { address: address(), id })).status, ContributionStatus.Finalized)
  })
})
