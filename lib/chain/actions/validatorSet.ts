import type { Address, Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import { validatorProposalId } from '../proposalId.ts'
import { readStaking, writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/**
 * Owner only: proposes adding `validator`; {@link applyValidator} adds it after the change delay.
 *
 * @example
 * const { eta } = await proposeValidator(owner, { address: staking, validator })
 */
export async function proposeValidator (client: WalletChainClient, params: { address: Address, validator: Address } & WriteOptions): Promise<StakingWriteResult & { id: Hex, eta: bigint }> {
  const result = await writeStaking(client, { ...params, functionName: 'proposeValidator', args: [params.validator] })
  const id = validatorProposalId(params.validator)
  return { ...result, id, eta: await readStaking(client, params.address, 'proposalEta', [id]) }
}

/**
 * Owner only: adds a proposed validator once its eta passed (the quorum must stay a majority).
 *
 * @example
 * await applyValidator(owner, { address: staking, validator })
 */
export async function applyValidator (client: WalletChainClient, params: { address: Address, validator: Address } & WriteOptions): Promise<StakingWriteResult> {
  return await writeStaking(client, { ...params, functionName: 'applyValidator', args: [params.validator] })
}

/**
 * Owner only: removes a validator at once (removal never helps anyone reach a quorum).
 *
 * @example
 * await removeValidator(owner, { address: staking, validator })
 */
export async function removeValidator (client: WalletChainClient, params: { address: Address, validator: Address } & WriteOptions): Promise<StakingWriteResult> {
  return await writeStaking(client, { ...params, functionName: 'removeValidator', args: [params.validator] })
}
