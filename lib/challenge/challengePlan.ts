import { InvalidInputError } from '../errors.ts'
import { segmentsForDetection } from './detection.ts'

/**
 * How many segments a verifier replays per contribution: `random` drawn
 * uniformly (they carry the 1 - (1 - f)^m guarantee) plus `largest`, the
 * segments with the largest claimed update norms (Proof-of-Learning: a
 * fabricated jump between checkpoints tends to be large, and these are the
 * segments a random draw most likely misses in a long run).
 */
export type ChallengePlan = { random: number, largest: number }

/** Detection target the default plan is designed for: 99% against a worker that skipped half the work. */
export const DEFAULT_TARGET_PROBABILITY = 0.99
export const DEFAULT_CHEAT_FRACTION = 0.5

/**
 * 7 random segments (P(caught) = 1 - 0.5^7 = 99.2% at f = 0.5) plus the 2
 * largest-norm ones: 9 replays, 9% of the training compute with 100 segments.
 */
export const defaultChallengePlan: ChallengePlan = Object.freeze({
  random: segmentsForDetection({ targetProbability: DEFAULT_TARGET_PROBABILITY, cheatFraction: DEFAULT_CHEAT_FRACTION }),
  largest: 2,
})

/**
 * A plan for another target: enough random picks for `targetProbability`
 * against `cheatFraction`, plus `largest` top-norm picks (default 2).
 *
 * @example
 * challengePlanFor({ targetProbability: 0.999, cheatFraction: 0.25 }) // { random: 25, largest: 2 }
 */
export function challengePlanFor (params: { targetProbability: number, cheatFraction: number, largest?: number, segments?: number }): ChallengePlan {
  const largest = params.largest ?? 2
  if (!Number.isInteger(largest) || largest < 0) throw new InvalidInputError(`largest must be a non-negative integer, got ${largest}`)
  return { random: segmentsForDetection(params), largest }
}
