import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { loadMnist } from '../data/loadMnist.ts'
import type { Dataset } from '../data/Dataset.ts'
import { splitIntoShards } from '../data/shard.ts'
import { selectBackend } from '../training/selectBackend.ts'
import { assertTrainsAndReplays } from '../training/testing/assertTrainsAndReplays.ts'
import { checkDatasetFits } from './batchTensors.ts'
import { buildModel } from './buildModel.ts'
import { modelConfigId, resolveModelConfig, type LayersConfig, type ModelConfigInput } from './config.ts'
import { modelFlops } from './modelFlops.ts'
import { parseLayersTopology, readLayersTopology } from './layersTopology.ts'

/** What a user writes: a Keras-style MNIST classifier, saved as model.toJSON() (a JSON string). */
function userModelJson (extra: tf.layers.Layer[] = [], inputShape = [28, 28]): string {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape }),
      tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: 'heNormal' }),
      ...extra,
      tf.layers.dense({ units: 10, activation: 'softmax' })
    ]
  })
  const json = model.toJSON() as string
  model.dispose()
  return json
}

describe('model: bring your own (layers topology)', function () {
  let mnist: Dataset
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-byo-'))

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    mnist = await loadMnist({ split: 'train', limit: 512 })
  })

  it('reads model.toJSON() and a model.json into a small whitelisted config; the final softmax is the loss\'s', () => {
    const file = join(dir, 'model.json')
    writeFileSync(file, JSON.stringify({ format: 'layers-model', modelTopology: JSON.parse(userModelJson()), weightsManifest: [] }))
    const config = readLayersTopology(file)
    assert.deepEqual(config, {
      kind: 'layers',
      inputShape: [28, 28],
      numClasses: 10,
      layers: [{ type: 'flatten' }, { type: 'dense', units: 32, activation: 'relu', useBias: true }, { type: 'dense', units: 10, activation: 'linear', useBias: true }]
    })
    assert.deepEqual(parseLayersTopology(userModelJson()), config)
    assert.equal(buildModel(config).weightCount, 784 * 32 + 32 + 32 * 10 + 10)
    assert.equal(modelFlops(config).forward, 2 * (784 * 32 + 32 * 10))
    // A Keras converter export nests the topology one level deeper and may start with an InputLayer.
    const keras = { modelTopology: { keras_version: '2.15.0', model_config: { class_name: 'Sequential', config: { name: 's', layers: [
      { class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, name: 'input_1' } },
      { class_name: 'Conv2D', config: { name: 'c', filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true, kernel_initializer: { class_name: 'GlorotUniform', config: {} }, kernel_regularizer: null } },
      { class_name: 'MaxPooling2D', config: { name: 'p', pool_size: [2, 2], strides: [2, 2], padding: 'valid' } },
      { class_name: 'Flatten', config: { name: 'f' } },
      { class_name: 'Dense', config: { name: 'd', units: 10, activation: 'softmax', use_bias: true } }
    ] } } } }
    const conv = parseLayersTopology(keras)
    assert.deepEqual(conv.inputShape, [28, 28, 1])
    assert.equal(buildModel(conv).weightCount, (9 * 4 + 4) + (13 * 13 * 4 * 10 + 10))
    checkDatasetFits(mnist, conv)
  })

  it('a user\'s Dense model travels as its config, trains a round on MNIST and replays bit for bit on wasm', async () => {
    const config = parseLayersTopology(userModelJson())
    // What a worker gets: the round announcement's model config JSON, validated again on arrival.
    const received = resolveModelConfig(JSON.parse(JSON.stringify(config)) as ModelConfigInput) as LayersConfig
    assert.equal(modelConfigId(received), modelConfigId(config))
    const shards = splitIntoShards(mnist, 2)
    const hyper = { steps: 30, batchSize: 16, checkpointInterval: 10, learningRate: 1e-2 }
    await assertTrainsAndReplays({ model: received, shard: shards[0], hyper, weightsSeed: 'byo-test' }, shards[1].dataset, { minLossDrop: 0.5, cheatSegment: 2 })
  })

  it('an unsupported layer, option or activation is a one-line error naming it', () => {
    const oneLine = (fn: () => unknown, re: RegExp): void => {
      assert.throws(fn, (err: Error) => { assert.match(err.message, re); assert.ok(!err.message.includes('\n'), err.message); return true })
    }
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.dropout({ rate: 0.2 })])), /layer 2 'dropout[^']*' \(Dropout\) is not supported: it draws random masks/)
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.batchNormalization()])), /\(BatchNormalization\) is not supported/)
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.reshape({ targetShape: [4, 8] }), tf.layers.lstm({ units: 4 })])), /layer 3 'lstm[^']*' \(LSTM\) is not a supported layer/)
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.dense({ units: 8, kernelRegularizer: 'l1l2' })])), /\(Dense\): option 'kernel_regularizer' is not supported/)
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.dense({ units: 8, activation: 'selu' })])), /activation "selu" is not supported/)
    oneLine(() => parseLayersTopology(userModelJson([tf.layers.softmax()])), /softmax is only supported as the model's last activation/)
    oneLine(() => parseLayersTopology({ class_name: 'Model', config: {} }), /only Sequential models are supported/)
    // A coordinator cannot send workers anything outside the whitelist either.
    oneLine(() => resolveModelConfig({ kind: 'layers', inputShape: [784], numClasses: 10, layers: [{ type: 'lstm', units: 10 }] } as never), /layer 0 \(lstm\) is not a supported layer/)
    const wide = { type: 'dense', units: 60_000, activation: 'relu', useBias: true } as const
    oneLine(() => resolveModelConfig({ kind: 'layers', inputShape: [784], numClasses: 10, layers: [wide, wide, { ...wide, units: 10 }] }), /the model has \d+ weights, at most 50000000/)
  })

  it('a model whose input or output does not fit the dataset is a one-line error naming both shapes', () => {
    assert.throws(() => checkDatasetFits(mnist, parseLayersTopology(userModelJson([], [32, 32]))), /^InvalidInputError: dataset samples have 784 values \(\[28, 28\]\), the model expects 1024 \(\[32, 32\]\)$/m)
    const three = parseLayersTopology(JSON.stringify({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 3, batch_input_shape: [null, 784] } }] } }))
    assert.throws(() => checkDatasetFits(mnist, three), /dataset has 10 classes, the model only 3/)
    assert.throws(() => parseLayersTopology({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 10 } }] } }), /the model declares no input shape/)
    assert.throws(() => parseLayersTopology(JSON.parse(userModelJson([tf.layers.reshape({ targetShape: [5, 7] })]))), /layer 2 \(reshape\) on input \[32\]: cannot reshape 32 values to \[5, 7\]/)
  })
})
