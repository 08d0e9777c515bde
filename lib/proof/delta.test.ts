import assert from 'node:assert/strict'
import { decodeDelta, dequantizeDelta, encodeDelta, measureDelta, quantizeDelta, type QuantizedDelta } from './delta.ts'

/** The float32 values of an int8 delta as the coordinator built them before the fused path: one division per value to find its scale. */
function referenceDequantize (d: QuantizedDelta): Float32Array {
  const out = new Float32Array(d.q.length)
  for (let i = 0; i < out.length; i++) out[i] = d.q[i] * d.scales[Math.floor(i / d.chunkSize)]
  return out
}

/** The L2 norm the coordinator computed before: of the float32 values, squared and summed in float64 in index order. */
function referenceNorm (values: Float32Array): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i] * values[i]
  return Math.sqrt(s)
}

/** A delta of 2,500 values in chunks of 1,024 (the last one partial) with one all-zero chunk, values spanning several binades. */
function sampleDelta (): Float32Array {
  const d = Float32Array.from({ length: 2500 }, (_, i) => Math.sin(i * 1.7) * 10 ** ((i % 7) - 4))
  d.fill(0, 1024, 2048)
  return d
}

describe('measureDelta', () => {
  it('measures an int8 delta from its values and scales with the bit-identical norm of its float32 copy', () => {
    const q = quantizeDelta(sampleDelta(), 1024)
    const values = referenceDequantize(q)
    assert.deepEqual(dequantizeDelta(q), values, 'dequantizing chunk by chunk gives the same float32 values')
    const m = measureDelta(q)
    assert.equal(m.firstNonFinite, -1)
    assert.equal(m.norm, referenceNorm(values), 'exactly, not within a tolerance')
    // fround matters: the exact float64 products q x scale give another norm in the last bits.
    let exact = 0
    for (let i = 0; i < q.q.length; i++) exact += (q.q[i] * q.scales[Math.floor(i / 1024)]) ** 2
    assert.notEqual(Math.sqrt(exact), m.norm, 'the sample is one where rounding each value to float32 changes the norm')
  })

  it('measures a float32 delta as its L2 norm', () => {
    const d = sampleDelta()
    assert.deepEqual(measureDelta(d), { norm: referenceNorm(d), firstNonFinite: -1 })
  })

  it('finds the first non-finite value of an int8 delta: a NaN or infinite scale, or a finite one that overflows float32', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const q = quantizeDelta(sampleDelta(), 1024)
      q.scales[2] = bad
      const m = measureDelta(q)
      assert.equal(m.firstNonFinite, 2048, `scale ${bad}`)
      assert.equal(Number.isFinite(m.nonFiniteValue), false)
      assert.equal(Number.isFinite(referenceDequantize(q)[2048]), false, 'the float32 copy has it too')
    }
    // 127 x 3e38 is past float32's maximum (3.4e38): a finite scale, an infinite value.
    const q = quantizeDelta(sampleDelta(), 1024)
    q.scales[0] = 3e38
    const first = q.q.findIndex((v) => Math.abs(v) >= 2)
    const m = measureDelta(q)
    assert.equal(m.firstNonFinite, first)
    assert.equal(m.nonFiniteValue, referenceDequantize(q)[first])
    assert.equal(Number.isFinite(referenceDequantize(q)[first - 1]), true, 'values before it (|q| <= 1) stay finite')
  })

  it('finds the first NaN or infinity of a float32 delta', () => {
    const d = sampleDelta()
    d[700] = Number.NEGATIVE_INFINITY
    d[900] = Number.NaN
    assert.deepEqual(measureDelta(d), { norm: Infinity, firstNonFinite: 700, nonFiniteValue: Number.NEGATIVE_INFINITY })
  })
})

describe('decodeDelta', () => {
  it('builds an int8 delta\'s float32 values only when they are read, once', () => {
    const q = quantizeDelta(sampleDelta(), 1024)
    const decoded = decodeDelta(encodeDelta(q), { expectedLength: 2500 })
    assert.deepEqual(decoded.quantized?.q, q.q)
    assert.deepEqual(decoded.quantized?.scales, q.scales)
    assert.deepEqual(decoded.values, referenceDequantize(q))
    assert.equal(decoded.values, decoded.values, 'the same array on every read')
  })
})
