import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link requestUnstake} takes. */
export type RequestUnstakeParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Wei to move from the active stake into unbonding. */
  amount: bigint
} & WriteOptions

/**
 * Starts unbonding `amount` of the account's stake: it stays slashable until
 * the unbonding period ends, then withdrawStake pays it out. Refused while
 * pending contributions need the stake (UnstakeBlockedByPending).
 *
 * @example
 * const { releaseTime } = await requestUnstake(client, { address: staking, amount: parseEther('0.5') })
 */
export async function requestUnstake (client: WalletChainClient, params: RequestUnstakeParameters): Promise<StakingWriteResult & { unbonding: bigint, releaseTime: bigint }> {
  const result = await writeStaking(client, { ...params, functionName: 'requestUnstake', args: [params.amount] })
  const event = result.events.find((e) => e.eventName === 'UnstakeRequested')
  return { ...result, unbonding: (event?.args.unbondingAmount as bigint | undefined) ?? 0n, releaseTime: (event?.args.releaseTime as bigint | undefined) ?? 0n }
}
