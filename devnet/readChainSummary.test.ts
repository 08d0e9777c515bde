import assert from 'node:assert/strict'
import { keccak256, toHex, type Address } from 'viem'
import { registerContributor, reportFraud, submitContribution } from '../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../lib/chain/testing/localStaking.ts'
import { ContributionType } from '../lib/chain/types.ts'
import { readChainSummary } from './readChainSummary.ts'

describe('readChainSummary on a real chain: fraud reports and slashes per address', function () {
  this.timeout(120_000)
  let local: LocalStaking
  before(async () => { local = await startLocalStaking({ validators: [2, 3, 4] }) })
  after(async () => { await local?.stop() })

  it('counts the reports against each contributor, the slashes naming it, and the reports each validator filed', async () => {
    const address = (i: number): Address => local.chain.accounts[i].address as Address
    const submit = async (i: number, what: string): Promise<bigint> => {
      const client = await local.clientFor(i)
      await registerContributor(client, { address: local.address })
      return (await submitContribution(client, { address: local.address, ctype: ContributionType.ComputePower, dataHash: keccak256(toHex(what)) })).id
    }
    const report = async (validator: number, id: bigint): Promise<boolean> =>
      (await reportFraud(await local.clientFor(validator), { address: local.address, id, evidenceHash: keccak256(toHex(`evidence ${id}`)) })).slashed
    const cheater = await submit(1, 'cheater round 1')
    const suspect = await submit(5, 'suspect round 1')
    await submit(6, 'honest round 1')
    assert.equal(await report(2, cheater), false)
    assert.equal(await report(3, cheater), true) // the quorum of 2
    assert.equal(await report(4, suspect), false) // one report, under the quorum: nobody slashed

    const summary = await readChainSummary(local.chain.url, local.address, [1, 5, 6, 2, 3, 4].map(address))
    const of = (i: number): { against: number, slashes: number, filed: number, fraudulent: number } => {
      const s = summary.get(address(i))!
      return { against: s.fraudReportsAgainst, slashes: s.slashEvents, filed: s.fraudReportsFiled, fraudulent: s.fraudulent }
    }
    assert.deepEqual(of(1), { against: 2, slashes: 1, filed: 0, fraudulent: 1 })
    assert.deepEqual(of(5), { against: 1, slashes: 0, filed: 0, fraudulent: 0 })
    assert.deepEqual(of(6), { against: 0, slashes: 0, filed: 0, fraudulent: 0 })
    assert.deepEqual([2, 3, 4].map((v) => of(v).filed), [1, 1, 1])
    assert.ok(summary.get(address(1))!.slashedWei > 0n)
  })
})
