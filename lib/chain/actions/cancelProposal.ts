import type { Address, Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/**
 * Owner only: withdraws a pending proposal (parameters, validator or upgrade) by its id.
 *
 * @example
 * await cancelProposal(owner, { address: staking, id })
 */
export async function cancelProposal (client: WalletChainClient, params: { address: Address, id: Hex } & WriteOptions): Promise<StakingWriteResult> {
  return await writeStaking(client, { ...params, functionName: 'cancelProposal', args: [params.id] })
}
