import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link fundRewardPool} takes. */
export type FundRewardPoolParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Wei to add to the reward pool. */
  value: bigint
} & WriteOptions

/**
 * Adds ETH to the reward pool that pays contributions.
 *
 * @example
 * await fundRewardPool(client, { address: staking, value: parseEther('10') })
 */
export async function fundRewardPool (client: WalletChainClient, params: FundRewardPoolParameters): Promise<StakingWriteResult> {
  return await writeStaking(client, { ...params, functionName: 'fundRewardPool', value: params.value })
}
