import { formatEther, type Address } from 'viem'
import { getContribution, getContributor, readStaking, type ChainClient } from '../../lib/chain/index.ts'
import { ContributionStatus } from '../../lib/chain/types.ts'
import type { WorkerEvent } from './events.ts'
import type { ChainOutcome, WorkerState } from './WorkerState.ts'

/** What the last look at the chain saw, to tell what changed since. */
export interface Standing {
  totalSlashed: bigint
  ineligible: string | null
}

/**
 * Reads the worker's standing on chain and reports what changed since the
 * last look, the moment the worker sees it: a contribution reported for fraud,
 * slashed or finalized (with its score and reward), stake slashed, or the
 * account no longer eligible for work. Each round's outcome is kept in
 * worker-state.json, so `worker status` shows it without a key.
 */
export async function watchStanding (client: ChainClient, params: { contract: Address, address: Address, state: WorkerState, emit: (e: WorkerEvent) => void, last: Standing | null }): Promise<Standing> {
  const { contract, address, state, emit } = params
  for (const rec of state.records()) {
    if (rec.contributionId === undefined || rec.chain?.status === 'finalized' || rec.chain?.status === 'slashed') continue
    const c = await getContribution(client, { address: contract, id: BigInt(rec.contributionId) })
    let outcome: ChainOutcome
    if (c.status === ContributionStatus.Fraudulent) outcome = { status: 'slashed', reports: c.fraudReportCount, scores: c.scoreCount }
    else if (c.status === ContributionStatus.Finalized) outcome = { status: 'finalized', score: c.medianScore, reward: c.reward.toString(), scores: c.scoreCount, reports: c.fraudReportCount }
    else if (c.fraudReportCount > 0) outcome = { status: 'reported', reports: c.fraudReportCount, scores: c.scoreCount }
    else outcome = { status: 'pending', scores: c.scoreCount, reports: 0 }
    if (rec.chain?.status === outcome.status && rec.chain.scores === outcome.scores) continue
    state.put({ ...rec, chain: outcome })
    const id = rec.contributionId
    if (outcome.status === 'reported') emit({ event: 'contribution:reported', round: rec.round, contributionId: id, reports: c.fraudReportCount })
    if (outcome.status === 'slashed') emit({ event: 'contribution:slashed', round: rec.round, contributionId: id, reports: c.fraudReportCount })
    if (outcome.status === 'finalized') emit({ event: 'contribution:finalized', round: rec.round, contributionId: id, score: c.medianScore, rewardWei: c.reward.toString() })
  }
  const [me, minimum] = await Promise.all([getContributor(client, { address: contract, account: address }), readStaking(client, contract, 'minimumStake')])
  if (params.last !== null && me.totalSlashed > params.last.totalSlashed) {
    emit({ event: 'worker:slashed', amountWei: (me.totalSlashed - params.last.totalSlashed).toString(), stakeWei: me.stake.toString() })
  }
  const ineligible = !me.registered ? 'not registered on the staking contract' : me.stake < minimum ? `stake ${formatEther(me.stake)} ETH is under the minimum ${formatEther(minimum)} ETH (top up with worker stake add)` : null
  if (ineligible !== null && ineligible !== params.last?.ineligible) emit({ event: 'worker:ineligible', reason: ineligible })
  return { totalSlashed: me.totalSlashed, ineligible }
}
