import type { TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import type { ShardInfo } from '../store/records.ts'

/**
 * The weight of an accepted update in the average: the training work its
 * proof covers, which the replay plan checks (H steps, each one batch drawn
 * from the assigned shards), not what the worker claimed and not how much
 * data it was handed. Every worker of a round runs the same H steps, so
 * honest updates weigh the same; a worker that claimed a huge speed to be
 * given most of the shards gains no weight by it (it had 62.5 % of the
 * average with 5 of 8 shards when weights were shard samples). Capped at the
 * round's smallest shard so the weight never exceeds any assignment's data.
 *
 * @example
 * verifiedSamples({ steps: 100, batchSize: 64 }, round.shards) // 6000 with 6000-sample shards
 */
export function verifiedSamples (training: Pick<TrainingHyperParams, 'steps' | 'batchSize'>, shards: readonly ShardInfo[]): number {
  const work = training.steps * training.batchSize
  const smallest = shards.reduce((m, s) => Math.min(m, s.samples), Infinity)
  return Math.max(1, Math.floor(Math.min(work, smallest)))
}
