import type { Address, Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { ChainError } from '../errors.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'
import type { ContributionType } from '../types.ts'

/** What {@link submitContribution} takes. */
export type SubmitContributionParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** ComputePower (0), Dataset (1) or Validation (2). */
  ctype: ContributionType
  /** The contribution's commitment (bytes32, never reused). */
  dataHash: Hex
} & WriteOptions

/** A submitted contribution: its id and where it was mined. */
export type SubmitContributionReturnType = StakingWriteResult & { id: bigint }

/**
 * Submits a contribution and returns its id, read from the receipt's
 * `ContributionSubmitted` event. A reused hash fails with one line
 * ("data hash 0x.. was already submitted (contribution #n)"). For
 * crash-safe, exactly-once submission use the worker's Outbox.
 *
 * @example
 * const { id, blockNumber } = await submitContribution(client, { address: staking, ctype: ContributionType.ComputePower, dataHash })
 */
export async function submitContribution (client: WalletChainClient, params: SubmitContributionParameters): Promise<SubmitContributionReturnType> {
  const result = await writeStaking(client, { ...params, functionName: 'submitContribution', args: [params.ctype, params.dataHash] })
  return { ...result, id: contributionIdFrom(result, params.dataHash) }
}

/** The id in a receipt's `ContributionSubmitted` event for `dataHash`. */
export function contributionIdFrom (result: Pick<StakingWriteResult, 'events' | 'hash'>, dataHash: Hex): bigint {
  for (const e of result.events) {
    if (e.eventName === 'ContributionSubmitted' && e.args.dataHash.toLowerCase() === dataHash.toLowerCase()) return e.args.id
  }
  throw new ChainError(`transaction ${result.hash} has no ContributionSubmitted event for ${dataHash}`, { hint: 'is the address the CotrainStaking proxy?' })
}
