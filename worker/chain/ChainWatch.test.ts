import assert from 'node:assert/strict'
import { keccak256, numberToHex } from 'viem'
import { ContributionType, registerContributor, reportFraud, submitContribution } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { ChainWatch, RETENTION_MARGIN_SECONDS, type ChainWatchEvent } from './ChainWatch.ts'

describe('ChainWatch: a worker hears at once when it is reported or slashed', function () {
  this.timeout(60_000)
  let local: LocalStaking
  before(async () => { local = await startLocalStaking({ validators: [2, 3] }) })
  after(async () => { await local?.stop() })

  it('reports each fraud report on its contributions and the slash, once each, and reads the challenge window', async () => {
    const [worker, v1, v2, other] = await Promise.all([1, 2, 3, 4].map(async (i) => await local.clientFor(i)))
    for (const c of [worker, other]) await registerContributor(c, { address: local.address })
    const mine = await submitContribution(worker, { address: local.address, ctype: ContributionType.ComputePower, dataHash: keccak256(numberToHex(1, { size: 32 })) })
    const theirs = await submitContribution(other, { address: local.address, ctype: ContributionType.ComputePower, dataHash: keccak256(numberToHex(2, { size: 32 })) })
    const events: ChainWatchEvent[] = []
    const watch = new ChainWatch({ client: worker, contract: local.address, worker: worker.account.address, contributionIds: () => [mine.id.toString()], onEvent: (e) => events.push(e), pollMs: 60_000 })
    await watch.start()
    try {
      assert.equal(watch.challengeWindowSeconds, Number(local.params.pendingTimeout + local.params.rewardLockPeriod) + RETENTION_MARGIN_SECONDS)
      assert.equal(events.length, 0)
      const evidence = keccak256('0x01')
      await reportFraud(v1, { address: local.address, id: theirs.id, evidenceHash: evidence })
      await reportFraud(v1, { address: local.address, id: mine.id, evidenceHash: evidence })
      await watch.poll()
      assert.deepEqual(events.map((e) => [e.event, e.contributionId]), [['contribution:reported', mine.id.toString()]])
      await reportFraud(v2, { address: local.address, id: mine.id, evidenceHash: evidence })
      await watch.poll()
      await watch.poll()
      assert.deepEqual(events.map((e) => e.event), ['contribution:reported', 'contribution:reported', 'contributor:slashed'])
      const slashed = events[2] as Extract<ChainWatchEvent, { event: 'contributor:slashed' }>
      assert.equal(slashed.contributionId, mine.id.toString())
      assert.ok(Number(slashed.stakeSlashed) > 0)
    } finally {
      watch.stop()
    }
  })
})
