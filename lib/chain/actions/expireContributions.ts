import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link expireContributions} takes. */
export type ExpireContributionsParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Contribution ids; those not pending past their deadline are skipped. */
  ids: readonly bigint[]
} & WriteOptions

/** Which of the ids were expired by this call. */
export type ExpireContributionsReturnType = StakingWriteResult & { expired: bigint[] }

/**
 * Expires pending contributions past their deadline (anyone may, also while
 * the contract is paused): they earn nothing and stop binding their
 * contributor's stake, so it can be unstaked.
 *
 * @example
 * const { expired } = await expireContributions(client, { address: staking, ids: [7n, 8n] })
 */
export async function expireContributions (client: WalletChainClient, params: ExpireContributionsParameters): Promise<ExpireContributionsReturnType> {
  const result = await writeStaking(client, { ...params, functionName: 'expireContributions', args: [[...params.ids]] })
  const expired: bigint[] = []
  for (const e of result.events) if (e.eventName === 'ContributionExpired') expired.push(e.args.id)
  return { ...result, expired }
}
