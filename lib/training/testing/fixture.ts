import { loadMnist } from '../../data/loadMnist.ts'
import { splitIntoShards, type Shard } from '../../data/shard.ts'
import type { ModelConfigInput } from '../../model/config.ts'
import { initialWeights } from '../../model/flatWeights.ts'
import type { TrainRoundParams } from '../trainRound.ts'
import { parseRoundSeed } from '../../hash/roundSeed.ts'

/** Small, fast training inputs shared by the training tests and the kill/resume child process. */
export const ROUND_SEED = parseRoundSeed('5e'.repeat(32))
export const WORKER = '0x' + 'a1'.repeat(20)

let shardsCache: Shard[] | null = null

/** The first 6,000 MNIST training digits as 5 shards of 1,200. */
export async function smallShards (): Promise<Shard[]> {
  shardsCache ??= splitIntoShards(await loadMnist({ split: 'train', limit: 6000 }), 5)
  return shardsCache
}

/** A short MLP round on shard 0: `steps` steps of batch 32, checkpoint every `interval`. */
export async function smallRound (overrides: { steps?: number, interval?: number, model?: ModelConfigInput, shard?: number, round?: number } = {}): Promise<TrainRoundParams> {
  const shards = await smallShards()
  const model = overrides.model ?? { kind: 'mlp', hidden: [64] }
  return {
    round: overrides.round ?? 7,
    roundSeed: ROUND_SEED,
    workerAddress: WORKER,
    model,
    startWeights: initialWeights(model, 'fixture'),
    shards: [shards[overrides.shard ?? 0]],
    hyper: { steps: overrides.steps ?? 40, batchSize: 32, checkpointInterval: overrides.interval ?? 10, learningRate: 2e-3 }
  }
}
