import type { Address, Hex } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import type { StakingParams } from '../deployStaking.ts'
import { paramsProposalId } from '../proposalId.ts'
import { readStaking, writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link proposeParams} takes: changes on top of the contract's current parameters. */
export type ProposeParamsParameters = { address: Address, changes: Partial<StakingParams> } & WriteOptions

/** The proposal: its id, the full parameter set, and when it may be applied (unix seconds). */
export type ProposeParamsReturnType = StakingWriteResult & { id: Hex, params: StakingParams, eta: bigint }

/**
 * Owner only: proposes new parameters (the current ones with `changes`), checked against their
 * bounds now and applicable with {@link applyParams} after the contract's change delay.
 *
 * @example
 * const { eta } = await proposeParams(owner, { address: staking, changes: { quorum: 3 } })
 */
export async function proposeParams (client: WalletChainClient, params: ProposeParamsParameters): Promise<ProposeParamsReturnType> {
  const next: StakingParams = { ...(await readStaking(client, params.address, 'params')), ...params.changes }
  const result = await writeStaking(client, { ...params, functionName: 'proposeParams', args: [next] })
  const id = paramsProposalId(next)
  return { ...result, id, params: next, eta: await readStaking(client, params.address, 'proposalEta', [id]) }
}
