import assert from 'node:assert/strict'
import * as tf from '@tensorflow/tfjs'
import { loadTextCorpus, type TextCorpus } from '../data/loadTextCorpus.ts'
import { splitIntoShards } from '../data/shard.ts'
import { selectBackend } from '../training/selectBackend.ts'
import { assertTrainsAndReplays } from '../training/testing/assertTrainsAndReplays.ts'
import { buildModel } from './buildModel.ts'
import { resolveModelConfig, type GptConfig } from './config.ts'
import { matMul } from './gpt.ts'
import { initialWeights, setFlatWeights } from './flatWeights.ts'

const TINY = { kind: 'gpt', contextLength: 16, layers: 1, heads: 2, embedDim: 32 } as const

describe('model: gpt', function () {
  let corpus: TextCorpus
  let config: GptConfig

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    corpus = await loadTextCorpus({ contextLength: TINY.contextLength, maxChars: 120_000 })
    config = resolveModelConfig({ ...TINY, vocabSize: corpus.tokenizer.symbols.length }) as GptConfig
  })

  it('validates its config in one line naming the key', () => {
    assert.deepEqual(resolveModelConfig({ kind: 'gpt' }), { kind: 'gpt', vocabSize: 96, contextLength: 64, layers: 2, heads: 4, embedDim: 128 })
    assert.throws(() => resolveModelConfig({ kind: 'gpt', heads: 3 }), /embedDim 128 must be a multiple of heads 3/)
    assert.throws(() => resolveModelConfig({ kind: 'gpt', layers: 0 }), /gpt layers must be an integer in 1\.\.96, got 0/)
    assert.throws(() => resolveModelConfig({ kind: 'gpt', blockSize: 8 } as never), /unknown key 'blockSize' in gpt model config/)
  })

  it('has nanoGPT\'s weights and is causal: a later token never changes an earlier logit', () => {
    const model = buildModel(config)
    const { vocabSize: V, contextLength: T, embedDim: C } = config
    assert.equal(model.weightCount, V * C + T * C + (2 * C + 3 * C * C + 3 * C + C * C + C + 2 * C + 4 * C * C + 4 * C + 4 * C * C + C) + 2 * C + C * V)
    assert.deepEqual(model.specs.slice(0, 4).map((s) => s.name), ['wte', 'wpe', 'h0/ln1/gamma', 'h0/ln1/beta'])
    setFlatWeights(model, initialWeights(model, 'causal'))
    const ids = Array.from({ length: T }, (_, i) => (i * 5) % V)
    const changed = [...ids]
    changed[10] = (changed[10] + 1) % V
    const [a, b] = tf.tidy(() => [model.apply(tf.tensor2d([ids], [1, T], 'int32'), false), model.apply(tf.tensor2d([changed], [1, T], 'int32'), false)].map((t) => t.arraySync() as number[][][]))
    for (let p = 0; p < 10; p++) assert.deepEqual(a[0][p], b[0][p], `position ${p} saw a later token`)
    assert.notDeepEqual(a[0][10], b[0][10])
    model.dispose()
  })

  it('its matmul has the same gradient as tfjs\'s (rank 2 and batched rank 4), made of plain matmuls', () => {
    for (const [sa, sb] of [[[6, 5], [5, 7]], [[2, 3, 4, 5], [2, 3, 5, 4]]]) {
      const a = tf.randomUniform(sa, -1, 1, 'float32', 1)
      const b = tf.randomUniform(sb, -1, 1, 'float32', 2)
      const w = tf.randomUniform([...sa.slice(0, -1), sb[sb.length - 1]], -1, 1, 'float32', 3)
      const ours = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(matMul(x, y), w)))([a, b])
      const stock = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y), w)))([a, b])
      ours.forEach((g, i) => { assert.ok(tf.max(tf.abs(tf.sub(g, stock[i]))).dataSync()[0] < 1e-5, `gradient ${i} of [${sa}] x [${sb}]`) })
    }
  })

  it('trains on text through trainRound (held-out loss falls), replays bit for bit on wasm, and replay catches skipped steps', async () => {
    const shards = splitIntoShards(corpus.train, 2)
    const hyper = { steps: 24, batchSize: 8, checkpointInterval: 8, learningRate: 1e-2 }
    await assertTrainsAndReplays({ model: config, shard: shards[0], hyper, weightsSeed: 'gpt-test' }, corpus.heldOut, { minLossDrop: 1, cheatSegment: 1, evaluateBatchSize: 64 })
  })
})
