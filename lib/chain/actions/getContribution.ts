import type { Address, Hex } from 'viem'
import type { ChainClient } from '../createChainClient.ts'
import { readStaking } from '../stakingCall.ts'
import type { Contribution, ContributionStatus, ContributionType } from '../types.ts'

/** What {@link getContribution} takes. */
export type GetContributionParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Contribution id (ids start at 1). */
  id: bigint
}

/**
 * Reads one contribution (reverts `ContributionNotFound` for an unknown id).
 *
 * @example
 * const { status, medianScore } = await getContribution(client, { address: staking, id: 1n })
 */
export async function getContribution (client: ChainClient, params: GetContributionParameters): Promise<Contribution> {
  const c = await readStaking<Record<string, unknown>>(client, params.address, 'getContribution', [params.id])
  return {
    contributor: c.contributor as Address,
    ctype: Number(c.ctype) as ContributionType,
    status: Number(c.status) as ContributionStatus,
    dataHash: c.dataHash as Hex,
    submittedBlock: BigInt(c.submittedBlock as bigint),
    scoreCount: Number(c.scoreCount),
    medianScore: Number(c.medianScore),
    fraudReportCount: Number(c.fraudReportCount),
    reward: c.reward as bigint,
  }
}
