import type { Address, Hash } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { readStaking, writeStaking, type WriteOptions } from '../stakingCall.ts'
import { getContributor } from './getContributor.ts'

/** What {@link registerContributor} takes. */
export type RegisterContributorParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** Stake sent with the registration, wei; default the contract's `minimumStake`. */
  stake?: bigint
} & WriteOptions

/** What {@link registerContributor} did. */
export type RegisterContributorReturnType =
  | { alreadyRegistered: true, hash?: undefined, blockNumber?: undefined, stake: bigint }
  | { alreadyRegistered: false, hash: Hash, blockNumber: bigint, stake: bigint }

/**
 * Registers the client's account as a contributor with `stake` (at least the
 * minimum); does nothing when it is already registered.
 *
 * @example
 * await registerContributor(client, { address: staking, stake: parseEther('2') })
 */
export async function registerContributor (client: WalletChainClient, params: RegisterContributorParameters): Promise<RegisterContributorReturnType> {
  const current = await getContributor(client, { address: params.address })
  if (current.registered) return { alreadyRegistered: true, stake: current.stake }
  const stake = params.stake ?? await readStaking(client, params.address, 'minimumStake')
  const { hash, blockNumber } = await writeStaking(client, { ...params, functionName: 'registerContributor', value: stake })
  return { alreadyRegistered: false, hash, blockNumber, stake }
}
