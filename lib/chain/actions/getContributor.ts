import type { Address } from 'viem'
import type { ChainClient } from '../createChainClient.ts'
import { readStaking } from '../stakingCall.ts'
import type { Contributor } from '../types.ts'

/** What {@link getContributor} takes. */
export type GetContributorParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Whose record; default the client's account. */
  account?: Address
}

/**
 * Reads a contributor's record: stake, reputation, pending count, rewards.
 *
 * @example
 * const { registered, stake } = await getContributor(client, { address: staking })
 */
export async function getContributor (client: ChainClient, params: GetContributorParameters): Promise<Contributor> {
  const who = params.account ?? client.account?.address
  if (who == null) throw new TypeError('getContributor needs params.account or a client with an account')
  const c = await readStaking(client, params.address, 'getContributor', [who])
  return {
    registered: c.registered,
    stake: c.stake,
    unbondingAmount: c.unbondingAmount,
    unbondingReleaseTime: c.unbondingReleaseTime,
    reputation: c.reputation,
    pendingContributions: c.pendingContributions,
    maxPendingContributions: c.maxPendingContributions,
    lockedRewards: c.lockedRewards,
    claimableRewards: c.claimableRewards,
    totalEarned: c.totalEarned,
    totalSlashed: c.totalSlashed,
  }
}
