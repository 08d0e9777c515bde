import type { Address } from 'viem'
import type { ChainClient } from '../createChainClient.ts'
import { readStaking } from '../stakingCall.ts'
import { getContributor } from './getContributor.ts'

/** What {@link getRewards} takes. */
export type GetRewardsParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Whose rewards; default the client's account. */
  account?: Address
}

/** An account's rewards, in wei. */
export type GetRewardsReturnType = {
  /** Credited, still in the challenge window (a fraud finding can take them). */
  locked: bigint
  /** Past the window: what `claimRewards` pays now. */
  claimable: bigint
  /** Everything ever credited (contributions and reporter shares), claimed or not. */
  earned: bigint
}

/**
 * Reads locked, claimable and total earned rewards.
 *
 * @example
 * const { claimable } = await getRewards(client, { address: staking })
 */
export async function getRewards (client: ChainClient, params: GetRewardsParameters): Promise<GetRewardsReturnType> {
  const who = params.account ?? client.account?.address
  if (who == null) throw new TypeError('getRewards needs params.account or a client with an account')
  const [[locked, claimable], contributor] = await Promise.all([
    readStaking(client, params.address, 'rewardsOf', [who]),
    getContributor(client, { address: params.address, account: who }),
  ])
  return { locked, claimable, earned: contributor.totalEarned }
}
