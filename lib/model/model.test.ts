import assert from 'node:assert/strict'
import { loadMnist } from '../data/loadMnist.ts'
import { weightsId } from '../hash/contentId.ts'
import { selectBackend } from '../training/selectBackend.ts'
import { buildModel } from './buildModel.ts'
import { modelConfigId, resolveModelConfig } from './config.ts'
import { evaluate } from './evaluate.ts'
import { getFlatWeights, initialWeights, setFlatWeights } from './flatWeights.ts'

describe('model: configs, weights, evaluation', () => {
  before(async () => { await selectBackend({ backend: 'wasm' }) })

  it('resolves configs with defaults and rejects unknown kinds and keys', () => {
    assert.deepEqual(resolveModelConfig({ kind: 'mlp' }), { kind: 'mlp', inputShape: [28, 28], hidden: [128], activation: 'relu', numClasses: 10 })
    assert.throws(() => resolveModelConfig({ kind: 'rnn' } as never), /unknown model kind 'rnn'/)
    assert.throws(() => resolveModelConfig({ kind: 'mlp', hiden: [3] } as never), /unknown key 'hiden' in mlp model config/)
    assert.throws(() => resolveModelConfig({ kind: 'cnn', inputShape: [28, 28] }), /\[height, width, channels\]/)
    assert.equal(modelConfigId({ kind: 'mlp' }), modelConfigId({ kind: 'mlp', hidden: [128] }))
    assert.notEqual(modelConfigId({ kind: 'mlp' }), modelConfigId({ kind: 'mlp', hidden: [64] }))
  })

  it('builds the MLP and CNN with canonical weight order', () => {
    const mlp = buildModel({ kind: 'mlp', hidden: [128] })
    assert.equal(mlp.weightCount, 784 * 128 + 128 + 128 * 10 + 10)
    assert.deepEqual(mlp.specs.map((s) => s.name), ['0/kernel', '1/bias', '2/kernel', '3/bias'])
    assert.deepEqual(mlp.specs[0].shape, [784, 128])
    mlp.dispose()
    const cnn = buildModel({ kind: 'cnn' })
    assert.equal(cnn.weightCount, (9 * 8 + 8) + (9 * 8 * 16 + 16) + (7 * 7 * 16 * 64 + 64) + (64 * 10 + 10))
    cnn.dispose()
  })

  it('seeded initial weights are identical everywhere (pinned id) and round-trip through the model', async () => {
    const w = initialWeights({ kind: 'mlp' }, 'genesis')
    assert.equal(weightsId(w), weightsId(initialWeights({ kind: 'mlp' }, 'genesis')))
    assert.notEqual(weightsId(w), weightsId(initialWeights({ kind: 'mlp' }, 'other')))
    assert.equal(weightsId(w), PINNED_MLP_ID)
    const limit = Math.sqrt(6 / (784 + 128))
    assert.ok(w.subarray(0, 784 * 128).every((x) => Math.abs(x) <= limit))
    assert.ok(w.subarray(784 * 128, 784 * 128 + 128).every((x) => x === 0))
    const model = buildModel({ kind: 'mlp' })
    setFlatWeights(model, w)
    assert.equal(weightsId(await getFlatWeights(model)), weightsId(w))
    assert.throws(() => setFlatWeights(model, w.subarray(1)), /101769 values, the model has 101770/)
    model.dispose()
  })

  it('evaluates loss and accuracy of weights on a dataset', async () => {
    const test = await loadMnist({ split: 'test', limit: 2000 })
    const r = await evaluate({ config: { kind: 'mlp' }, weights: initialWeights({ kind: 'mlp' }, 'genesis') }, test)
    assert.equal(r.count, 2000)
    assert.ok(r.accuracy > 0.02 && r.accuracy < 0.3, `untrained accuracy ${r.accuracy}`)
    assert.ok(r.loss > 1.8 && r.loss < 3.5, `untrained loss ${r.loss}`)
    assert.equal(r.perClass, undefined)
  })

  it('per-class accuracy: a model that always answers 3 is right on every 3 and on nothing else', async () => {
    const test = await loadMnist({ split: 'test', limit: 2000 })
    const w = new Float32Array(initialWeights({ kind: 'mlp' }, 'genesis').length)
    w[w.length - 10 + 3] = 10 // the output bias of class 3 (the last 10 weights), every other weight 0
    const r = await evaluate({ config: { kind: 'mlp' }, weights: w }, test, { perClass: true, batchSize: 300 })
    const labels = new Array<number>(10).fill(0)
    for (let i = 0; i < test.count; i++) labels[test.labels[i]]++
    assert.deepEqual(r.perClass?.map((c) => c.label), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert.deepEqual(r.perClass?.map((c) => c.count), labels)
    assert.deepEqual(r.perClass?.map((c) => c.accuracy), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    assert.equal(r.accuracy, labels[3] / test.count)
  })
})

const PINNED_MLP_ID = '0x0a16171a21c67c2dfe46f75b254ad7041b63e4aa3a6209dc08dad6ed22e4307a'
