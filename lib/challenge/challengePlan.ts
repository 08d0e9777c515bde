import { InvalidInputError } from '../errors.ts'
import { segmentsForDetection } from './detection.ts'

/**
 * How many segments a verifier replays per contribution: the first and the
 * last, always (see selectChallengeSegments), plus `random` drawn uniformly
 * from the segments in between (they carry the 1 - (1 - f)^m guarantee).
 */
export type ChallengePlan = { random: number }

/** Detection target the default plan is designed for: 99% against a worker that skipped half the work. */
export const DEFAULT_TARGET_PROBABILITY = 0.99
export const DEFAULT_CHEAT_FRACTION = 0.5

/**
 * 7 random middle segments (P(caught) = 1 - 0.5^7 = 99.2% at f = 0.5) plus
 * the first and the last: 9 replays, 4.5% of the training compute at 200
 * segments per round.
 */
export const defaultChallengePlan: ChallengePlan = Object.freeze({
  random: segmentsForDetection({ targetProbability: DEFAULT_TARGET_PROBABILITY, cheatFraction: DEFAULT_CHEAT_FRACTION })
})

/**
 * A plan for another target: enough random picks for `targetProbability`
 * against a worker that faked `cheatFraction` of the middle segments (the
 * first and the last are replayed anyway).
 *
 * @example
 * challengePlanFor({ targetProbability: 0.999, cheatFraction: 0.25 }) // { random: 25 }
 */
export function challengePlanFor (params: { targetProbability: number, cheatFraction: number, segments?: number }): ChallengePlan {
  const segments = params.segments
  if (segments != null && (!Number.isInteger(segments) || segments < 1)) throw new InvalidInputError(`segments must be a positive integer, got ${segments}`)
  // Random picks come from the segments between the first and the last.
  const middle = segments == null ? undefined : Math.max(1, segments - 2)
  return { random: segmentsForDetection({ ...params, segments: middle }) }
}

/** Segments a plan replays in a round of `segments` segments: first, last and the random ones (capped at all of them). */
export function replayedSegments (plan: ChallengePlan, segments: number): number {
  return Math.min(segments, plan.random + Math.min(2, segments))
}
