import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link addStake} takes. */
export type AddStakeParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Wei to add to the active stake. */
  value: bigint
} & WriteOptions

/**
 * Adds stake to the client's (registered) account.
 *
 * @example
 * await addStake(client, { address: staking, value: parseEther('1') })
 */
export async function addStake (client: WalletChainClient, params: AddStakeParameters): Promise<StakingWriteResult & { stake: bigint }> {
  const result = await writeStaking(client, { ...params, functionName: 'addStake', value: params.value })
  const event = result.events.find((e) => e.eventName === 'StakeAdded')
  return { ...result, stake: (event?.args.stake as bigint | undefined) ?? 0n }
}
