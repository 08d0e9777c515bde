import { InvalidInputError } from '../../lib/errors.ts'
import { InvalidDeltaError } from '../errors.ts'
import { firstNonFinite, validateDelta } from './validateDelta.ts'

/** A delta and the number of samples it was trained on (its weight). */
export interface WeightedDelta {
  values: Float32Array
  samples: number
  /** Names the delta in errors, e.g. the worker's peer id. */
  label?: string
}

/**
 * Floats per chunk: 4096 float64 accumulators (32 KiB) stay in L1/L2 while
 * every delta is streamed over them, so the output is written once.
 */
export const AVERAGE_CHUNK = 4096

/**
 * Sample-weighted mean of deltas: sum_i (n_i / N) * delta_i with N = sum_i n_i.
 * Accumulates in float64 chunk by chunk and writes float32 into `out` (reused
 * when given). A wrong length or any NaN/Infinity is an InvalidDeltaError
 * naming the delta and the index.
 *
 * @example
 * const g = weightedAverage([{ values: a, samples: 600 }, { values: b, samples: 300 }])
 */
export function weightedAverage (deltas: readonly WeightedDelta[], out?: Float32Array): Float32Array {
  if (deltas.length === 0) throw new InvalidInputError('nothing to average: no deltas')
  const length = out?.length ?? deltas[0].values.length
  let total = 0
  for (const [i, d] of deltas.entries()) {
    if (!(Number.isFinite(d.samples) && d.samples > 0)) throw new InvalidInputError(`${label(d, i)} has sample count ${d.samples}; it must be > 0`)
    if (d.values.length !== length) validateDelta(d.values, length, label(d, i))
    total += d.samples
  }
  const weights = deltas.map(d => d.samples / total)
  const result = out ?? new Float32Array(length)
  const acc = new Float64Array(AVERAGE_CHUNK)

  for (let start = 0; start < length; start += AVERAGE_CHUNK) {
    const n = Math.min(AVERAGE_CHUNK, length - start)
    acc.fill(0, 0, n)
    // Four deltas per sweep: a quarter of the accumulator traffic.
    let k = 0
    for (; k + 4 <= deltas.length; k += 4) {
      const a = deltas[k].values
      const b = deltas[k + 1].values
      const c = deltas[k + 2].values
      const d = deltas[k + 3].values
      const wa = weights[k]
      const wb = weights[k + 1]
      const wc = weights[k + 2]
      const wd = weights[k + 3]
      for (let i = 0, j = start; i < n; i++, j++) acc[i] += wa * a[j] + wb * b[j] + wc * c[j] + wd * d[j]
    }
    for (; k < deltas.length; k++) {
      const a = deltas[k].values
      const wa = weights[k]
      for (let i = 0, j = start; i < n; i++, j++) acc[i] += wa * a[j]
    }
    // A convex combination of finite float32 values is finite, so a
    // non-finite sum means some input was NaN/Infinity: find and name it.
    let bad = false
    for (let i = 0; i < n; i++) {
      const v = acc[i]
      if (v - v !== 0) bad = true
      result[start + i] = v
    }
    if (bad) throw nonFiniteError(deltas, start, n)
  }
  return result
}

function nonFiniteError (deltas: readonly WeightedDelta[], start: number, n: number): Error {
  for (const [k, d] of deltas.entries()) {
    const idx = firstNonFinite(d.values.subarray(start, start + n))
    if (idx !== -1) {
      const index = start + idx
      return new InvalidDeltaError(`${label(d, k)} has a non-finite value (${d.values[index]}) at index ${index}`, { index, hint: 'the local training diverged; lower the learning rate' })
    }
  }
  return new InvalidDeltaError('weighted average is not finite')
}

function label (d: WeightedDelta, i: number): string {
  return d.label == null ? `delta ${i}` : `delta of ${d.label}`
}
