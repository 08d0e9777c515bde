import type { Hex } from 'viem'
import { InvalidInputError } from '../errors.ts'
import { selectSegments } from '../proof/selectSegments.ts'
import { defaultChallengePlan, type ChallengePlan } from './challengePlan.ts'

/** What {@link selectChallengeSegments} takes. */
export type SelectChallengeSegmentsParameters = {
  /** `challengeSeed(id)` from the staking contract: randomness from blocks after the submission's. */
  seed: Hex
  /** The contribution's commitment (its on-chain `dataHash`), so contributions mined in one block draw differently. */
  dataHash: Hex
  /** Leaves (checkpoints) in the proof; segment j runs from checkpoint j to j + 1, so there are leafCount - 1. */
  leafCount: number
  /** How many to pick; default {@link defaultChallengePlan}. */
  plan?: ChallengePlan
}

/**
 * The segment indices (0-based, ascending, distinct) a verifier replays for
 * one contribution: the first and the last always, and `plan.random` more
 * uniformly from those in between, drawn from the challenge seed and the
 * commitment. Deterministic: the worker, the coordinator and every validator
 * compute the same list. Nothing the worker claims steers it (see
 * docs/challenges.md). The selection itself is lib/proof `selectSegments`;
 * this binds it to the chain's seed and the default plan.
 *
 * @example
 * const seed = await getChallengeSeed(client, { address, id })
 * selectChallengeSegments({ seed, dataHash, leafCount: leaves.length })
 */
export function selectChallengeSegments (params: SelectChallengeSegmentsParameters): number[] {
  const { leafCount } = params
  const plan = params.plan ?? defaultChallengePlan
  if (!Number.isInteger(leafCount) || leafCount < 2) throw new InvalidInputError(`leafCount must be an integer >= 2 (one segment needs two checkpoints), got ${leafCount}`)
  if (!Number.isInteger(plan.random) || plan.random < 0) throw new InvalidInputError(`plan.random must be a non-negative integer, got ${String(plan.random)}`)
  return selectSegments({ challenge: params.seed, commitment: params.dataHash, segments: leafCount - 1, random: plan.random })
}
