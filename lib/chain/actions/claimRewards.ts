import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link claimRewards} takes. */
export type ClaimRewardsParameters = {
  /** The staking contract (proxy) address. */
  address: Address
} & WriteOptions

/**
 * Pulls the account's claimable rewards (those past their lock window);
 * fails with "... has no claimable rewards" when there are none.
 *
 * @example
 * const { amount } = await claimRewards(client, { address: staking })
 */
export async function claimRewards (client: WalletChainClient, params: ClaimRewardsParameters): Promise<StakingWriteResult & { amount: bigint }> {
  const result = await writeStaking(client, { ...params, functionName: 'claimRewards' })
  const event = result.events.find((e) => e.eventName === 'RewardsClaimed')
  return { ...result, amount: (event?.args.amount as bigint | undefined) ?? 0n }
}
