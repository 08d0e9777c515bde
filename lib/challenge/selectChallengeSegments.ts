import type { Hex } from 'viem'
import { InvalidInputError } from '../errors.ts'
import { selectSegments } from '../proof/selectSegments.ts'
import { defaultChallengePlan, type ChallengePlan } from './challengePlan.ts'

/** What {@link selectChallengeSegments} takes. */
export type SelectChallengeSegmentsParameters = {
  /** `challengeSeed(id)` from the staking contract: the hash of the block after the submission's. */
  seed: Hex
  /** The contribution's commitment (its on-chain `dataHash`), so contributions mined in one block draw differently. */
  dataHash: Hex
  /** Leaves (checkpoints) in the proof; segment j runs from checkpoint j to j + 1, so there are leafCount - 1. */
  leafCount: number
  /**
   * Claimed update norm of every leaf (leaf 0's is 0; leaf j + 1's is segment j's).
   * Without them the plan's `largest` picks are drawn at random instead.
   */
  updateNorms?: readonly number[]
  /** How many to pick; default {@link defaultChallengePlan}. */
  plan?: ChallengePlan
}

/**
 * The segment indices (0-based, ascending, distinct) a verifier replays for
 * one contribution: the plan's `largest` by claimed update norm, then
 * `random` more uniformly from the rest, drawn from the challenge seed and the
 * commitment. Deterministic: the worker, the coordinator and every validator
 * compute the same list. When the plan asks for as many segments as there
 * are, all are returned. The selection itself is lib/proof `selectSegments`;
 * this binds it to the chain's seed and the default plan.
 *
 * @example
 * const seed = await getChallengeSeed(client, { address, id })
 * selectChallengeSegments({ seed, dataHash, leafCount: leaves.length, updateNorms: leaves.map((l) => l.updateNorm) })
 */
export function selectChallengeSegments (params: SelectChallengeSegmentsParameters): number[] {
  const { leafCount, updateNorms } = params
  const plan = params.plan ?? defaultChallengePlan
  if (!Number.isInteger(leafCount) || leafCount < 2) throw new InvalidInputError(`leafCount must be an integer >= 2 (one segment needs two checkpoints), got ${leafCount}`)
  for (const [k, v] of Object.entries(plan)) {
    if (!Number.isInteger(v) || v < 0) throw new InvalidInputError(`plan.${k} must be a non-negative integer, got ${String(v)}`)
  }
  if (updateNorms != null) {
    if (updateNorms.length !== leafCount) throw new InvalidInputError(`updateNorms has ${updateNorms.length} entries for ${leafCount} leaves`)
    return selectSegments({ challenge: params.seed, commitment: params.dataHash, updateNorms, random: plan.random, largest: plan.largest })
  }
  return selectSegments({ challenge: params.seed, commitment: params.dataHash, updateNorms: new Array<number>(leafCount).fill(0), random: plan.random + plan.largest, largest: 0 })
}
