import type { Address } from 'viem'
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
  const c = await readStaking(client, params.address, 'getContribution', [params.id])
  return {
    contributor: c.contributor,
    ctype: c.ctype as ContributionType,
    status: c.status as ContributionStatus,
    dataHash: c.dataHash,
    submittedBlock: c.submittedBlock,
    scoreCount: c.scoreCount,
    medianScore: c.medianScore,
    fraudReportCount: c.fraudReportCount,
    reward: c.reward,
    expiresAt: c.expiresAt,
    lockedUntil: c.lockedUntil,
  }
}
