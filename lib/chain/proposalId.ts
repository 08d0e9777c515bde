import { encodeAbiParameters, getAbiItem, keccak256, type Address, type Hex } from 'viem'
import { cotrainStakingAbi } from './abi/cotrainStakingAbi.ts'
import type { StakingParams } from './deployStaking.ts'

/** The contract's proposal kinds: the first word of what a proposal id hashes. */
export const ProposalKind = { Params: 0, Validator: 1, Upgrade: 2 } as const

const paramsTuple = getAbiItem({ abi: cotrainStakingAbi, name: 'proposeParams' }).inputs[0]

/**
 * The id the contract gives a proposal: keccak256(abi.encode(kind, what)), as
 * `proposalEta(id)` and `cancelProposal(id)` take it.
 *
 * @example
 * await readStaking(client, staking, 'proposalEta', [validatorProposalId(newValidator)])
 */
export function paramsProposalId (p: StakingParams): Hex {
  return keccak256(encodeAbiParameters([{ type: 'uint8' }, paramsTuple], [ProposalKind.Params, p]))
}

/** The id of a proposal to add `validator`. */
export function validatorProposalId (validator: Address): Hex {
  return keccak256(encodeAbiParameters([{ type: 'uint8' }, { type: 'address' }], [ProposalKind.Validator, validator]))
}

/** The id of a proposal to upgrade to `implementation`. */
export function upgradeProposalId (implementation: Address): Hex {
  return keccak256(encodeAbiParameters([{ type: 'uint8' }, { type: 'address' }], [ProposalKind.Upgrade, implementation]))
}
