import assert from 'node:assert/strict'
import { dequantizeDelta, measureDelta, quantizeDelta } from '../../lib/proof/delta.ts'
import { InvalidDeltaError } from '../errors.ts'
import { RunningSum, clipBound } from './RunningSum.ts'
import { weightedAverage } from './weightedAverage.ts'

describe('RunningSum', () => {
  it('folds deltas one at a time into the same weighted mean as averaging them all at once', () => {
    const deltas = Array.from({ length: 7 }, (_, k) => ({ values: Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * (k + 1)) / (k + 1)), samples: 100 * (k + 1) }))
    const sum = new RunningSum(1000)
    for (const [k, d] of deltas.entries()) sum.fold(k, d.values, d.samples)
    const streamed = sum.mean()
    const batch = weightedAverage(deltas)
    for (let i = 0; i < 1000; i++) assert.ok(Math.abs(streamed[i] - batch[i]) <= 1e-7, `index ${i}`)
    assert.equal(sum.count, 7)
    assert.equal(sum.totalWeight, 2800)
  })

  it('clips a delta over the bound to the bound, keeping its direction and weight', () => {
    const sum = new RunningSum(2)
    sum.fold(1, new Float32Array([0.3, 0.4]), 1, 1) // norm 0.5: kept
    const r = sum.fold(2, new Float32Array([30, 40]), 1, 1) // norm 50: scaled to 1
    assert.deepEqual([r.norm, r.scale], [50, 1 / 50])
    const m = sum.mean()
    assert.ok(Math.abs(m[0] - (0.3 + 0.6) / 2) < 1e-7 && Math.abs(m[1] - (0.4 + 0.8) / 2) < 1e-7)
  })

  it('refuses a wrong length, NaN and a second fold of the same id, changing nothing', () => {
    const sum = new RunningSum(2)
    sum.fold(1, new Float32Array([1, 1]), 1)
    assert.throws(() => sum.fold(2, new Float32Array([1]), 1), InvalidDeltaError)
    assert.throws(() => sum.fold(3, new Float32Array([1, NaN]), 1), InvalidDeltaError)
    assert.throws(() => sum.fold(1, new Float32Array([1, 1]), 1), /already in the sum/)
    assert.deepEqual([...sum.mean()], [1, 1])
  })

  it('folds an int8 delta from its values and scales bit-identically to folding its float32 copy, clipped or not', () => {
    const quantized = Array.from({ length: 5 }, (_, k) => quantizeDelta(Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i * (k + 2)) * (k === 4 ? 40 : 0.01 * (k + 1))), 1024))
    const fromInt8 = new RunningSum(3000)
    const fromFloat = new RunningSum(3000)
    const bound = 2 * measureDelta(dequantizeDelta(quantized[2])).norm // clips the last one (40x), keeps the others
    const results = quantized.map((q, k) => [fromInt8.fold(k, q, 100 + k, bound), fromFloat.fold(k, dequantizeDelta(q), 100 + k, bound)])
    for (const [a, b] of results) assert.deepEqual(a, b)
    assert.ok(results[4][0].scale < 1 && results[0][0].scale === 1, 'one clipped, the others not')
    assert.deepEqual(fromInt8.mean(), fromFloat.mean())
  })

  it('refuses an int8 delta with a non-finite value (NaN scale) or the wrong length, changing nothing', () => {
    const sum = new RunningSum(4)
    sum.fold(1, quantizeDelta(new Float32Array([1, 2, 3, 4]), 2), 1)
    const nan = quantizeDelta(new Float32Array([1, 2, 3, 4]), 2)
    nan.scales[1] = Number.NaN
    assert.throws(() => sum.fold(2, nan, 1), (err: Error) => err instanceof InvalidDeltaError && /non-finite value \(NaN\) at index 2/.test(err.message))
    assert.throws(() => sum.fold(3, quantizeDelta(new Float32Array([1, 2, 3]), 2), 1), /has 3 values, the model has 4/)
    assert.deepEqual([...sum.mean()], [...dequantizeDelta(quantizeDelta(new Float32Array([1, 2, 3, 4]), 2))])
  })

  it('bounds at a multiple of the median norm, which one huge update cannot raise', () => {
    assert.equal(clipBound([1.1, 0.9, 1.0, 250], 2), 2 * 1.05)
    assert.equal(clipBound([1, 2, 3], 2), 4)
    assert.equal(clipBound([], 2), Infinity)
    assert.equal(measureDelta(new Float32Array([3, 4])).norm, 5)
  })
})
