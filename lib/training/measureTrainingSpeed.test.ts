import assert from 'node:assert/strict'
import { splitIntoShards } from '../data/shard.ts'
import { loadTextCorpus } from '../data/loadTextCorpus.ts'
import { initialWeights } from '../model/flatWeights.ts'
import type { GptConfig } from '../model/config.ts'
import { measureTrainingSpeed, modelSpeedFactor, REFERENCE_SPEED_MODEL } from './measureTrainingSpeed.ts'
import { selectBackend } from './selectBackend.ts'
import { trainRound } from './trainRound.ts'
import { ROUND_SEED, WORKER } from './testing/fixture.ts'

describe('training: speed on the round\'s model', function () {
  this.timeout(60_000)
  before(async () => { await selectBackend({ backend: 'wasm' }) })

  it('projects a gpt round\'s speed from the reference speed and the measured model factor; the reference speed alone is many times too fast', async () => {
    // The devnet's gpt: every sample is 32 tokens through 2 blocks of width 64.
    const corpus = await loadTextCorpus({ contextLength: 32, maxChars: 60_000 })
    const gpt: GptConfig = { kind: 'gpt', vocabSize: corpus.tokenizer.symbols.length, contextLength: 32, layers: 2, heads: 4, embedDim: 64 }
    assert.equal(await modelSpeedFactor({ model: REFERENCE_SPEED_MODEL, batchSize: 64 }), 1)
    const factor = await modelSpeedFactor({ model: gpt, batchSize: 16, budgetMs: 300 })
    const reference = (await measureTrainingSpeed({ budgetMs: 300 })).samplesPerSecond
    const [shard] = splitIntoShards(corpus.train, 1)
    const round = async (steps: number): Promise<number> => (await trainRound({ round: 1, roundSeed: ROUND_SEED, workerAddress: WORKER, model: gpt, startWeights: initialWeights(gpt, 'speed'), shards: [shard], hyper: { steps, batchSize: 16, checkpointInterval: steps } })).samplesPerSecond
    await round(1) // warm-up: the first steps of a process compile and allocate
    const actual = await round(6)
    const projected = reference * factor
    // Generous bounds: the machine may be shared, and the round also checkpoints and hashes.
    assert.ok(projected < 4 * actual && projected > actual / 4, `projected ${projected.toFixed(1)} samples/s vs ${actual.toFixed(1)} trained (factor ${factor.toExponential(2)})`)
    assert.ok(reference > 10 * actual, `the reference speed ${reference.toFixed(0)} would project the gpt ${(reference / actual).toFixed(0)}x too fast`)
  })
})
