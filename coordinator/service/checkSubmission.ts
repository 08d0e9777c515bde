import type { Address } from 'viem'
import { getAddress } from 'viem'
import { getContribution, getContributionIdByHash, ContributionType, type ChainClient } from '../../lib/chain/index.ts'
import { bytesEqual, normalizeHex, toHex, type Hex } from '../../lib/hash/sha256.ts'
import { ErrorCode, ProtocolError, type DecodedUpdateSubmission } from '../../lib/net/index.ts'
import { computeCommitment } from '../../lib/proof/commitment.ts'
import { deltaHashOf, measureDelta, type DecodedDelta } from '../../lib/proof/delta.ts'
import { decodeWireDelta } from '../../lib/proof/deltaWire.ts'
import { checkpointCount } from '../../lib/training/hyperParams.ts'
import type { AssignmentRecord, RoundRecord } from '../store/records.ts'
import { roundPlanOf } from './roundPlan.ts'

/** Where the on-chain check reads: the staking proxy through a read-only client. */
export interface ChainCheck {
  client: ChainClient
  contract: Address
}

/** A submission that passed every check, ready for RoundManager.submit. */
export interface CheckedSubmission {
  commitment: Hex
  proofRoot: Hex
  /** L2 norm of the float32 values the delta stands for (measured once, here; the clipping bound is a multiple of the round's median). */
  deltaNorm: number
  /** On-chain contribution id, when a contract is configured. */
  contributionId?: string
}

const refuse = (code: ErrorCode, message: string): never => { throw new ProtocolError(code, message) }

/**
 * The coordinator's checks on a submission, in the order a cheap check comes
 * before an expensive one: round and state, the worker's assignment, the base
 * model, the training plan (encoding, leaf count, samples), the delta
 * (decodes, right length, finite), the delta hash and commitment recomputed,
 * and, with a contract, that the commitment is this worker's ComputePower
 * contribution on chain. Each failure is a ProtocolError with the code the
 * worker acts on; nothing is stored here.
 */
export async function checkSubmission (input: {
  submission: DecodedUpdateSubmission
  /** The address the peer bound at join. */
  workerAddress: Address
  round: RoundRecord | undefined
  assignment: AssignmentRecord | undefined
  numParams: number
  chain?: ChainCheck
  signal?: AbortSignal
}): Promise<CheckedSubmission> {
  const m = input.submission
  const round = input.round
  if (round == null || round.number !== m.round) refuse(ErrorCode.ERROR_CODE_STALE, `round ${m.round} is not the current round (current: ${round?.number ?? 'none'})`)
  const a = input.assignment
  if (a?.state === 'submitted') refuse(ErrorCode.ERROR_CODE_DUPLICATE, `already submitted for round ${m.round}`)
  if (round!.state !== 'training' && round!.state !== 'collecting') refuse(ErrorCode.ERROR_CODE_STALE, `round ${m.round} is ${round!.state} and takes no more submissions`)
  if (a == null) refuse(ErrorCode.ERROR_CODE_FORBIDDEN, `no assignment for this worker in round ${m.round}`)
  if (a!.state === 'missed') refuse(ErrorCode.ERROR_CODE_FORBIDDEN, `the assignment in round ${m.round} missed its deadline and was reassigned`)
  if (normalizeHex(toHex(m.baseModelId), 32) !== normalizeHex(round!.modelId, 32)) refuse(ErrorCode.ERROR_CODE_INVALID, 'base_model_id is not the round\'s global model')
  if (m.numParams !== input.numParams) refuse(ErrorCode.ERROR_CODE_INVALID, `num_params is ${m.numParams}, the model has ${input.numParams}`)

  const plan = roundPlanOf(round!).training
  const wantEncoding = plan.deltaEncoding === 'int8' ? 2 : 1
  if (m.encoding !== wantEncoding) refuse(ErrorCode.ERROR_CODE_INVALID, `the round uses ${plan.deltaEncoding} deltas`)
  if (plan.deltaEncoding === 'int8' && m.scaleBlock !== plan.deltaChunk) refuse(ErrorCode.ERROR_CODE_INVALID, `scale_block must be ${plan.deltaChunk}`)
  const leaves = checkpointCount(plan)
  if (m.leafCount !== leaves) refuse(ErrorCode.ERROR_CODE_INVALID, `leaf_count must be ${leaves} (${plan.steps} steps, a checkpoint every ${plan.checkpointInterval})`)
  const samples = plan.steps * plan.batchSize
  if (m.samples !== samples) refuse(ErrorCode.ERROR_CODE_INVALID, `samples must be ${samples} (${plan.steps} steps of ${plan.batchSize})`)

  // The delta as the message carries it (its int8 values a view, not a copy): it is measured and hashed here and dropped.
  let decoded: DecodedDelta
  try {
    decoded = decodeWireDelta(m, { expectedLength: input.numParams })
  } catch (err) {
    return refuse(ErrorCode.ERROR_CODE_INVALID, `delta does not decode: ${(err as Error).message}`)
  }
  // One pass, from the int8 values and scales when it has them: no float32 copy of the delta is built.
  const measured = measureDelta(decoded.quantized ?? decoded.values)
  if (measured.firstNonFinite !== -1) refuse(ErrorCode.ERROR_CODE_INVALID, `delta value ${measured.firstNonFinite} is ${measured.nonFiniteValue}, not finite`)
  const hash = deltaHashOf(decoded.quantized ?? decoded.values)
  if (!bytesEqual(m.deltaHash, Buffer.from(hash.slice(2), 'hex'))) refuse(ErrorCode.ERROR_CODE_INVALID, 'delta_hash does not match the delta')
  const proofRoot = toHex(m.proofRoot)
  const commitment = computeCommitment({ round: m.round, startWeightsId: round!.modelId, deltaHash: hash, proofRoot, workerAddress: input.workerAddress })
  if (commitment !== toHex(m.commitment)) refuse(ErrorCode.ERROR_CODE_INVALID, 'commitment does not match hash(round, model, delta hash, proof root, address)')

  let contributionId: string | undefined = m.contributionId === '' ? undefined : m.contributionId
  if (input.chain != null) {
    const id = await getContributionIdByHash(input.chain.client, { address: input.chain.contract, dataHash: commitment, contributor: getAddress(input.workerAddress) })
    if (id === 0n) refuse(ErrorCode.ERROR_CODE_NOT_FOUND, 'the commitment is not on chain: submitContribution(ComputePower, commitment) first')
    if (contributionId !== undefined && BigInt(contributionId) !== id) refuse(ErrorCode.ERROR_CODE_INVALID, `contribution_id ${contributionId} is not the chain's id ${id} for this commitment`)
    const c = await getContribution(input.chain.client, { address: input.chain.contract, id })
    if (getAddress(c.contributor) !== getAddress(input.workerAddress)) refuse(ErrorCode.ERROR_CODE_FORBIDDEN, `contribution ${id} belongs to ${c.contributor}, not to this worker`)
    if (c.ctype !== ContributionType.ComputePower) refuse(ErrorCode.ERROR_CODE_INVALID, `contribution ${id} is not a ComputePower contribution`)
    contributionId = id.toString()
  }
  return { commitment, proofRoot, deltaNorm: measured.norm, contributionId }
}
