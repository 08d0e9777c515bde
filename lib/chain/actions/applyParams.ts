import type { Address } from 'viem'
import type { WalletChainClient } from '../createChainClient.ts'
import type { StakingParams } from '../deployStaking.ts'
import { ChainError } from '../errors.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'
import { getPendingProposals } from './getPendingProposals.ts'

/** What {@link applyParams} takes; without `params`, the one parameter proposal still pending. */
export type ApplyParamsParameters = { address: Address, params?: StakingParams } & WriteOptions

/**
 * Owner only: applies proposed parameters once their eta passed (`ProposalNotReady` says when).
 *
 * @example
 * await applyParams(owner, { address: staking })
 */
export async function applyParams (client: WalletChainClient, params: ApplyParamsParameters): Promise<StakingWriteResult & { params: StakingParams }> {
  let p = params.params
  if (p == null) {
    const pending = (await getPendingProposals(client, { address: params.address })).filter((x) => x.kind === 'params')
    if (pending.length === 0) throw new ChainError('no parameter proposal is pending', { hint: 'propose first: npm run admin -- params propose --quorum N ...' })
    if (pending.length > 1) throw new ChainError(`${pending.length} parameter proposals are pending`, { hint: 'cancel all but one: npm run admin -- params cancel ID' })
    p = pending[0].params!
  }
  const result = await writeStaking(client, { ...params, functionName: 'applyParams', args: [p] })
  return { ...result, params: p }
}
