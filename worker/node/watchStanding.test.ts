import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { keccak256, toHex, type Address } from 'viem'
import { registerContributor, reportFraud, submitContribution } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { ContributionType } from '../../lib/chain/types.ts'
import { describeEvent } from '../commands/start.ts'
import type { WorkerEvent } from './events.ts'
import { watchStanding, type Standing } from './watchStanding.ts'
import { WorkerState } from './WorkerState.ts'

describe('watchStanding on a real chain: the worker is told when it is reported, slashed and made ineligible', function () {
  this.timeout(120_000)
  let local: LocalStaking
  let dir: string
  before(async () => {
    local = await startLocalStaking({ validators: [2, 3, 4] })
    dir = await mkdtemp(path.join(tmpdir(), 'cotrain-standing-'))
  })
  after(async () => {
    await local?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('logs one line for each change, once, and keeps the outcome for worker status', async () => {
    const worker = await local.clientFor(1)
    const address = local.chain.accounts[1].address as Address
    await registerContributor(worker, { address: local.address })
    const dataHash = keccak256(toHex('round 1 commitment'))
    const { id } = await submitContribution(worker, { address: local.address, ctype: ContributionType.ComputePower, dataHash })
    const state = new WorkerState(dir)
    state.put({ round: 1, commitment: dataHash, proofRoot: dataHash, contributionId: id.toString(), status: 'accepted', fault: 'none' })
    const reader = await local.clientFor(0)
    let events: WorkerEvent[] = []
    const look = async (last: Standing | null): Promise<{ standing: Standing, lines: string[] }> => {
      events = []
      const standing = await watchStanding(reader, { contract: local.address, address, state, emit: (e) => events.push(e), last })
      return { standing, lines: events.map(describeEvent) }
    }

    const first = await look(null)
    assert.deepEqual(first.lines, [], 'pending, in good standing: nothing to say')

    await reportFraud(await local.clientFor(2), { address: local.address, id, evidenceHash: keccak256(toHex('segment 9 differs')) })
    const reported = await look(first.standing)
    assert.deepEqual(reported.lines, [`round 1: contribution ${id} was REPORTED for fraud by 1 validator(s); it is slashed if a quorum agrees`])

    // The second report reaches the quorum of 2: half the 1 ETH stake is slashed, leaving less than the minimum.
    const { slashed } = await reportFraud(await local.clientFor(3), { address: local.address, id, evidenceHash: keccak256(toHex('segment 9 differs')) })
    assert.equal(slashed, true)
    const after = await look(reported.standing)
    assert.deepEqual(after.lines, [
      `round 1: contribution ${id} was SLASHED (fraud confirmed by 2 validator(s)); see worker rewards --history`,
      'STAKE SLASHED: lost 0.5 ETH, 0.5 ETH left',
      'not eligible for work: stake 0.5 ETH is under the minimum 1 ETH (top up with worker stake add)'
    ])
    assert.deepEqual(events.map(e => e.event), ['contribution:slashed', 'worker:slashed', 'worker:ineligible'])

    const again = await look(after.standing)
    assert.deepEqual(again.lines, [], 'each change is said once')
    // worker status reads this without a key.
    assert.deepEqual(WorkerState.read(state.file).rounds['1'].chain, { status: 'slashed', reports: 2, scores: 0 })
  })
})
