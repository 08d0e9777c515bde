import type { Address, Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link reportFraud} takes. */
export type ReportFraudParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** The contribution found fraudulent. */
  id: bigint
  /** Hash of the evidence (e.g. the failed segment's verification record). */
  evidenceHash: Hex
} & WriteOptions

/**
 * Reports a contribution as fraudulent (validator only); the quorum-th
 * distinct report slashes the contributor, which `slashed` tells.
 *
 * @example
 * const { slashed } = await reportFraud(client, { address: staking, id, evidenceHash })
 */
export async function reportFraud (client: WalletChainClient, params: ReportFraudParameters): Promise<StakingWriteResult & { slashed: boolean }> {
  const result = await writeStaking(client, { ...params, functionName: 'reportFraud', args: [params.id, params.evidenceHash] })
  return { ...result, slashed: result.events.some((e) => e.eventName === 'ContributorSlashed') }
}
