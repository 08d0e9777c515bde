import { InvalidInputError } from '../../lib/errors.ts'
import { measureDelta, type QuantizedDelta } from '../../lib/proof/delta.ts'
import { InvalidDeltaError } from '../errors.ts'

/** What folding one delta did. */
export interface FoldResult {
  /** L2 norm of the delta as sent. */
  norm: number
  /** Factor it was scaled by (1 unless clipped). */
  scale: number
}

/**
 * The weighted sum of a round's accepted deltas, folded in one at a time as
 * each is accepted: memory is one float64 vector of the model's size however
 * many workers there are (loading every delta at once took 203 MB at 500
 * workers), and closing the round costs one pass over the model.
 *
 * Each delta can be clipped to an L2 norm bound known before it is folded
 * (see clipBound), so one update, however large, moves the average by at
 * most weight/total x bound. Accumulation is in float64, so the order of
 * folding changes the result only below float32's precision.
 *
 * @example
 * const sum = new RunningSum(model.length)
 * sum.fold(3, delta, 6000, bound)
 * const avg = sum.mean()
 */
export class RunningSum {
  readonly length: number
  private readonly acc: Float64Array
  private total = 0
  private readonly ids = new Set<number>()

  constructor (length: number) {
    if (!Number.isInteger(length) || length <= 0) throw new InvalidInputError(`a running sum needs a positive length, got ${length}`)
    this.length = length
    this.acc = new Float64Array(length)
  }

  /** Ids folded so far (submission ids). */
  has (id: number): boolean {
    return this.ids.has(id)
  }

  get count (): number {
    return this.ids.size
  }

  get totalWeight (): number {
    return this.total
  }

  /**
   * Adds weight x delta (scaled down to `clipNorm` when its norm is larger).
   * An int8 delta is folded straight from its values and scales, each value
   * taken as `fround(q[i] * scale)` (what dequantizeDelta stores), so the sum
   * is bit-identical to folding its float32 copy, without building one.
   * A wrong length or a NaN/Infinity is an InvalidDeltaError and changes
   * nothing; folding the same id twice is refused.
   */
  fold (id: number, delta: Float32Array | QuantizedDelta, weight: number, clipNorm = Infinity, label = `delta ${id}`): FoldResult {
    if (this.ids.has(id)) throw new InvalidInputError(`${label} is already in the sum`)
    if (!(Number.isFinite(weight) && weight > 0)) throw new InvalidInputError(`${label} has weight ${weight}; it must be > 0`)
    const length = delta instanceof Float32Array ? delta.length : delta.q.length
    if (length !== this.length) throw new InvalidDeltaError(`${label} has ${length} values, the model has ${this.length}`)
    const { norm, firstNonFinite: bad, nonFiniteValue } = measureDelta(delta)
    if (bad !== -1) throw new InvalidDeltaError(`${label} has a non-finite value (${nonFiniteValue}) at index ${bad}`, { index: bad, hint: 'the local training diverged; lower the learning rate' })
    const scale = norm > clipNorm ? clipNorm / norm : 1
    const w = weight * scale
    const acc = this.acc
    if (delta instanceof Float32Array) {
      for (let i = 0; i < delta.length; i++) acc[i] += w * delta[i]
    } else {
      const { q, scales, chunkSize } = delta
      for (let c = 0, start = 0; start < q.length; c++, start += chunkSize) {
        const s = scales[c]
        const end = Math.min(q.length, start + chunkSize)
        for (let i = start; i < end; i++) acc[i] += w * Math.fround(q[i] * s)
      }
    }
    this.total += weight
    this.ids.add(id)
    return { norm, scale }
  }

  /** The weighted mean of what was folded, as float32 (into `out` when given). */
  mean (out = new Float32Array(this.length)): Float32Array {
    if (this.total === 0) throw new InvalidInputError('nothing to average: no deltas')
    for (let i = 0; i < this.length; i++) out[i] = this.acc[i] / this.total
    return out
  }
}

/**
 * The clipping bound of a round: `multiplier` x the median norm of all the
 * round's submissions. It is fixed once submissions close, before any delta
 * is folded (verification starts after), so it works with streaming; a
 * minority of huge (poisoned) updates cannot raise the median, and honest
 * updates of one round (same H, same learning rate) sit well inside twice it.
 * Infinity when there are no norms (nothing to clip against).
 *
 * @example
 * clipBound([1.1, 0.9, 1.0, 250], 2) // 2.1: the 250 is clipped to 2.1
 */
export function clipBound (norms: readonly number[], multiplier: number): number {
  const finite = norms.filter(n => Number.isFinite(n) && n >= 0).sort((a, b) => a - b)
  if (finite.length === 0 || !Number.isFinite(multiplier)) return Infinity
  const mid = finite.length >> 1
  const median = finite.length % 2 === 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2
  return multiplier * median
}
