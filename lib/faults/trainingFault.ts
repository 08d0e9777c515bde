import type { Dataset } from '../data/Dataset.ts'

/**
 * Deliberate cheating by the real trainer, for the cheat tests and
 * benchmarks. Each fake is internally consistent (hashes, Merkle proofs, update
 * norms and step counters all match the bytes written), so only replay can
 * catch it. `segments` lists checkpoint indices j >= 1 whose segment
 * (j-1 -> j) is faked; default: every segment.
 *
 * - 'skip-steps': runs only the first `keep` fraction (default 0.5, at least
 *   one step fewer than claimed) of each faked segment's steps but records the
 *   checkpoint as if all ran (step counter set to the claimed step).
 * - 'other-data': runs the faked segments' steps on `data` (default: the
 *   assigned data rotated by half its length, i.e. the wrong samples) instead
 *   of the scheduled samples; the leaf still claims the schedule.
 * - 'random-checkpoint': writes random weights as checkpoint `index`
 *   (default: the middle one) and keeps training from the real state.
 * - 'poison-last': trains honestly, then rewrites only the last checkpoint
 *   (weight `index`, default the output bias of class 0 in the MLP and CNN,
 *   i.e. the 10th value from the end, lowered by `shift`, default 60) so the
 *   delta carries the poison, and its leaf claims the honest update norm (an
 *   adaptive poisoner hiding from norm-based selection). Only a replay of the
 *   last segment catches it.
 *
 * Delta-level cheats (random, scaled, lazy, NaN deltas) are applied on top of
 * the result with `withDelta`.
 */
export type TrainingFault =
  | { mode: 'skip-steps', segments?: number[], keep?: number }
  | { mode: 'other-data', data?: Dataset, segments?: number[] }
  | { mode: 'random-checkpoint', index?: number }
  | { mode: 'poison-last', index?: number, shift?: number }

export type FaultMode = TrainingFault['mode']
