import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link withdrawStake} takes. */
export type WithdrawStakeParameters = {
  /** The staking contract (proxy) address. */
  address: Address
} & WriteOptions

/**
 * Pays out the account's unbonded stake once its unbonding period has ended
 * (UnbondingNotReleased before, UnbondingEmpty with nothing unbonding).
 *
 * @example
 * const { amount } = await withdrawStake(client, { address: staking })
 */
export async function withdrawStake (client: WalletChainClient, params: WithdrawStakeParameters): Promise<StakingWriteResult & { amount: bigint }> {
  const result = await writeStaking(client, { ...params, functionName: 'withdrawStake' })
  const event = result.events.find((e) => e.eventName === 'StakeWithdrawn')
  return { ...result, amount: (event?.args.amount as bigint | undefined) ?? 0n }
}
