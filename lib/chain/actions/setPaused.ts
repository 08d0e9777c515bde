import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/**
 * Owner only: pauses (registering, staking, submitting, scoring stop; claims, exits and fraud
 * reports go on) or unpauses the contract.
 *
 * @example
 * await setPaused(owner, { address: staking, paused: true })
 */
export async function setPaused (client: WalletChainClient, params: { address: Address, paused: boolean } & WriteOptions): Promise<StakingWriteResult> {
  return await writeStaking(client, { ...params, functionName: params.paused ? 'pause' : 'unpause' })
}
