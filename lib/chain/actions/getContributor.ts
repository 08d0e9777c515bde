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
  const c = await readStaking<Record<string, unknown>>(client, params.address, 'getContributor', [who])
  return {
    registered: c.registered as boolean,
    stake: c.stake as bigint,
    unbondingAmount: c.unbondingAmount as bigint,
    unbondingReleaseTime: BigInt(c.unbondingReleaseTime as bigint),
    reputation: Number(c.reputation),
    pendingContributions: Number(c.pendingContributions),
    maxPendingContributions: Number(c.maxPendingContributions),
    lockedRewards: c.lockedRewards as bigint,
    claimableRewards: c.claimableRewards as bigint,
    totalEarned: c.totalEarned as bigint,
    totalSlashed: c.totalSlashed as bigint,
  }
}
