import { loadMnist } from '../lib/data/loadMnist.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import type { TrainRoundParams } from '../lib/training/trainRound.ts'

/** One row of benchmarks/verification.ts: a model, the steps of its round and the steps per segment. */
export interface BenchPlan { name?: string, model: ModelConfigInput, steps: number, k: number }

/** The round a plan trains (shard 0 of 12,000 MNIST digits split in 2, batch 64): the same in the benchmark and in its serving process. */
export async function benchRound (plan: BenchPlan): Promise<TrainRoundParams> {
  const shards = splitIntoShards(await loadMnist({ split: 'train', limit: 12000 }), 2)
  return {
    round: 9, roundSeed: parseRoundSeed('77'.repeat(32)), workerAddress: '0x' + '88'.repeat(20), model: plan.model,
    startWeights: initialWeights(plan.model, 'bench'), shards: [shards[0]], hyper: { steps: plan.steps, batchSize: 64, checkpointInterval: plan.k }
  }
}
