import { loadMnist } from '../../data/loadMnist.ts'
import { loadTextCorpus } from '../../data/loadTextCorpus.ts'
import { splitIntoShards, type Shard } from '../../data/shard.ts'
import type { ModelConfigInput } from '../../model/config.ts'
import { initialWeights } from '../../model/flatWeights.ts'
import { trainRound, type TrainRoundParams, type TrainRoundResult } from '../trainRound.ts'
import { selectBackend } from '../selectBackend.ts'
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
  return fixtureRound(overrides.model ?? { kind: 'mlp', hidden: [64] }, await smallShards(), overrides, { batchSize: 32, learningRate: 2e-3 })
}

/**
 * A small honest round trained on wasm, the backend the verification tests
 * (validation, the replay pool) replay on: its inputs and its result.
 *
 * @example
 * ({ params, honest } = await trainHonestRound({ steps: 20, interval: 5, round: 3 }))
 */
export async function trainHonestRound (overrides: Parameters<typeof smallRound>[0] = {}): Promise<{ params: TrainRoundParams, honest: TrainRoundResult }> {
  await selectBackend({ backend: 'wasm' })
  const params = await smallRound(overrides)
  return { params, honest: await trainRound(params) }
}

function fixtureRound (model: ModelConfigInput, shards: Shard[], o: { steps?: number, interval?: number, shard?: number, round?: number }, h: { batchSize: number, learningRate: number }): TrainRoundParams {
  return {
    round: o.round ?? 7,
    roundSeed: ROUND_SEED,
    workerAddress: WORKER,
    model,
    startWeights: initialWeights(model, 'fixture'),
    shards: [shards[o.shard ?? 0]],
    hyper: { steps: o.steps ?? 40, checkpointInterval: o.interval ?? 10, ...h }
  }
}

/** The small gpt of the language-model benchmarks' detection and proof checks: 2 layers, width 32, 2 heads, context 16. */
export const SMALL_GPT = { kind: 'gpt', contextLength: 16, layers: 2, heads: 2, embedDim: 32 } as const

let textCache: { shards: Shard[], vocabSize: number } | null = null

/** The first 120,000 characters of the Brown corpus as windows of SMALL_GPT's context, in 5 shards, and the tokenizer's size. */
export async function smallTextShards (): Promise<{ shards: Shard[], vocabSize: number }> {
  if (textCache === null) {
    const corpus = await loadTextCorpus({ contextLength: SMALL_GPT.contextLength, maxChars: 120_000 })
    textCache = { shards: splitIntoShards(corpus.train, 5), vocabSize: corpus.tokenizer.symbols.length }
  }
  return textCache
}

/** A short round of SMALL_GPT on text shard 0: `steps` steps of batch 8, checkpoint every `interval`. */
export async function smallGptRound (overrides: { steps?: number, interval?: number, shard?: number, round?: number } = {}): Promise<TrainRoundParams> {
  const { shards, vocabSize } = await smallTextShards()
  return fixtureRound({ ...SMALL_GPT, vocabSize }, shards, overrides, { batchSize: 8, learningRate: 3e-3 })
}
