import type { Address, Hex } from 'viem'
import { ContributionType } from '../lib/chain/types.ts'

/** A ContributionSubmitted event, as the fields that matter here. */
export interface SubmittedLog { id: bigint, contributor: Address, ctype: number, dataHash: Hex, blockNumber: bigint }
/** A ContributionScored event, as the fields that matter here. */
export interface ScoredLog { id: bigint, validator: Address, score: number, blockNumber: bigint }

/** One Validation contribution with the batch of scores it claims to stand for. */
export interface ValidationBatch {
  id: bigint
  contributor: Address
  dataHash: Hex
  /** The validator's scores of compute contributions since its previous Validation contribution, in chain order. */
  batch: Array<{ id: bigint, score: number }>
}

/**
 * Rebuilds what each Validation contribution covers from the chain's events:
 * the contributor's ContributionScored events after its previous Validation
 * contribution, up to this one's block, for compute contributions only. A
 * validator also scores datasets and other validators' batches in between;
 * those are not part of the round batch it hashed (validationBatchHash), so
 * counting them would make an honest batch look forged.
 *
 * @example
 * for (const v of validationBatches(submitted, scored)) validationBatchHash(v.contributor, v.batch) === v.dataHash
 */
export function validationBatches (submitted: readonly SubmittedLog[], scored: readonly ScoredLog[]): ValidationBatch[] {
  const compute = new Set(submitted.filter((s) => s.ctype === ContributionType.ComputePower).map((s) => s.id))
  const lastBlock = new Map<string, bigint>()
  const out: ValidationBatch[] = []
  for (const s of submitted) {
    if (s.ctype !== ContributionType.Validation) continue
    const who = s.contributor.toLowerCase()
    const from = lastBlock.get(who) ?? -1n
    lastBlock.set(who, s.blockNumber)
    const batch = scored
      .filter((l) => l.validator.toLowerCase() === who && l.blockNumber > from && l.blockNumber <= s.blockNumber && compute.has(l.id))
      .map((l) => ({ id: l.id, score: l.score }))
    out.push({ id: s.id, contributor: s.contributor, dataHash: s.dataHash, batch })
  }
  return out
}
