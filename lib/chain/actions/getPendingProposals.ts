import type { Address, Hex } from 'viem'
import { getContractEvents } from 'viem/actions'
import { cotrainStakingAbi } from '../abi/cotrainStakingAbi.ts'
import { rpcUrlOf, type ChainClient } from '../createChainClient.ts'
import type { StakingParams } from '../deployStaking.ts'
import { readStaking } from '../stakingCall.ts'
import { toChainError } from '../toChainError.ts'

/** One announced change not yet applied or cancelled. */
export type PendingProposal = {
  id: Hex
  kind: 'params' | 'validator' | 'upgrade'
  /** Unix seconds from which it may be applied. */
  eta: bigint
  /** The proposed parameters (kind params). */
  params?: StakingParams
  /** The validator to add, or the implementation to upgrade to. */
  target?: Address
}

/**
 * The owner's announced changes still pending, from the proposal events and `proposalEta` (an
 * applied or cancelled proposal has eta 0). What contributors watch to decide whether to exit.
 *
 * @example
 * for (const p of await getPendingProposals(client, { address: staking })) console.log(p.kind, p.eta)
 */
export async function getPendingProposals (client: ChainClient, params: { address: Address, fromBlock?: bigint }): Promise<PendingProposal[]> {
  let logs
  try {
    logs = await getContractEvents(client, { address: params.address, abi: cotrainStakingAbi, fromBlock: params.fromBlock ?? 0n })
  } catch (err) {
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
  const seen = new Map<Hex, PendingProposal>()
  for (const log of logs) {
    if (log.eventName === 'ParamsProposed') seen.set(log.args.id!, { id: log.args.id!, kind: 'params', eta: 0n, params: log.args.params as StakingParams })
    if (log.eventName === 'ValidatorProposed') seen.set(log.args.id!, { id: log.args.id!, kind: 'validator', eta: 0n, target: log.args.validator })
    if (log.eventName === 'UpgradeProposed') seen.set(log.args.id!, { id: log.args.id!, kind: 'upgrade', eta: 0n, target: log.args.implementation })
  }
  const pending: PendingProposal[] = []
  for (const p of seen.values()) {
    const eta = await readStaking(client, params.address, 'proposalEta', [p.id])
    if (eta !== 0n) pending.push({ ...p, eta })
  }
  return pending
}
