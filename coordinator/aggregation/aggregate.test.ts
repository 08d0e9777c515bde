import assert from 'node:assert/strict'
import { InvalidInputError } from '../../lib/errors.ts'
import { InvalidDeltaError } from '../errors.ts'
import { aggregate } from './aggregate.ts'
import { applyOuterStep } from './applyOuterStep.ts'
import { AVERAGE_CHUNK, weightedAverage } from './weightedAverage.ts'

function close (actual: Float32Array, expected: number[], tol = 1e-6): void {
  assert.equal(actual.length, expected.length)
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `index ${i}: ${actual[i]} != ${expected[i]}`)
  }
}

describe('aggregation', () => {
  describe('fedavg', () => {
    it('equals the hand-computed average step with equal samples', () => {
      const w = new Float32Array([1, 2, 3])
      const out = aggregate({
        weights: w,
        deltas: [{ values: new Float32Array([0.2, 0.4, -0.6]), samples: 100 }, { values: new Float32Array([0.4, 0, 0.2]), samples: 100 }],
        optimizer: { kind: 'fedavg', lr: 1 }
      })
      close(out.avgDelta, [0.3, 0.2, -0.2])
      close(w, [0.7, 1.8, 3.2])
      assert.equal(out.weights, w, 'in place')
      assert.equal(out.momentum, undefined)
      assert.equal(out.deltaBytes, 24)
    })

    it('weights deltas by samples', () => {
      // 300 and 100 samples: weights 3/4 and 1/4.
      const g = weightedAverage([{ values: new Float32Array([4, 0]), samples: 300 }, { values: new Float32Array([0, 8]), samples: 100 }])
      close(g, [3, 2])
    })

    it('matches a float64 reference across chunk boundaries', () => {
      const n = AVERAGE_CHUNK * 2 + 123
      const deltas = [1, 2, 3].map(k => ({ values: Float32Array.from({ length: n }, (_, i) => Math.sin(i * k) * 1e-2), samples: 100 * k }))
      const g = weightedAverage(deltas)
      for (const i of [0, AVERAGE_CHUNK - 1, AVERAGE_CHUNK, n - 1]) {
        const ref = deltas.reduce((s, d) => s + d.values[i] * d.samples, 0) / 600
        assert.ok(Math.abs(g[i] - ref) < 1e-9, `index ${i}`)
      }
    })
  })

  describe('nesterov', () => {
    it('matches a hand-computed 2-step sequence (lr 0.7, momentum 0.9)', () => {
      const opt = { kind: 'nesterov', lr: 0.7, momentum: 0.9 } as const
      const w = new Float32Array([1, 2])
      const m = new Float32Array(2)
      // step 1: g = [0.1, -0.2]; m = g; w -= 0.7 * (g + 0.9 m) = 0.7 * 1.9 * g
      applyOuterStep(w, new Float32Array([0.1, -0.2]), opt, m)
      close(m, [0.1, -0.2])
      close(w, [0.867, 2.266])
      // step 2: g = [0.2, 0.1]; m = 0.9 [0.1, -0.2] + g = [0.29, -0.08]
      // w -= 0.7 * (g + 0.9 m) = 0.7 * [0.461, 0.028] = [0.3227, 0.0196]
      applyOuterStep(w, new Float32Array([0.2, 0.1]), opt, m)
      close(m, [0.29, -0.08])
      close(w, [0.5443, 2.2464])
    })

    it('starts from zero momentum when none is given', () => {
      const out = aggregate({ weights: new Float32Array([1]), deltas: [{ values: new Float32Array([1]), samples: 1 }], optimizer: { kind: 'nesterov', lr: 0.7, momentum: 0.9 } })
      close(out.momentum!, [1])
      close(out.weights, [1 - 0.7 * 1.9])
    })
  })

  describe('when a delta is bad', () => {
    it('rejects a wrong length before changing anything', () => {
      const w = new Float32Array([1, 2, 3])
      assert.throws(() => aggregate({ weights: w, deltas: [{ values: new Float32Array([1, 2]), samples: 1, label: 'peerX' }], optimizer: { kind: 'fedavg', lr: 1 } }),
        (err: unknown) => err instanceof InvalidDeltaError && /delta of peerX has 2 values, the model has 3/.test(err.message))
      assert.deepEqual(w, new Float32Array([1, 2, 3]))
    })

    it('rejects NaN and Infinity, naming the delta and index', () => {
      const n = AVERAGE_CHUNK + 10
      const good = new Float32Array(n)
      const bad = new Float32Array(n)
      bad[AVERAGE_CHUNK + 3] = Number.NaN
      assert.throws(() => weightedAverage([{ values: good, samples: 1 }, { values: bad, samples: 1, label: 'peerY' }]),
        (err: unknown) => err instanceof InvalidDeltaError && err.index === AVERAGE_CHUNK + 3 && /delta of peerY has a non-finite value \(NaN\)/.test(err.message))
      const inf = new Float32Array([0, Number.POSITIVE_INFINITY])
      assert.throws(() => weightedAverage([{ values: inf, samples: 1 }]), (err: unknown) => err instanceof InvalidDeltaError && err.index === 1)
    })

    it('rejects non-positive sample counts and an empty list', () => {
      assert.throws(() => weightedAverage([{ values: new Float32Array(1), samples: 0 }]), InvalidInputError)
      assert.throws(() => weightedAverage([]), InvalidInputError)
    })
  })
})
