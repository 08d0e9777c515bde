import { SeededRandom } from '../hash/SeededRandom.ts'
import { withDelta, type TrainRoundResult } from '../training/trainRound.ts'
import type { WorkerFault } from './faultModes.ts'

/** The delta-level part of a fault mode: the result with its delta replaced (hash and commitment recomputed by withDelta); unchanged for modes without one. */
export function applyDeltaFault (result: TrainRoundResult, fault: WorkerFault): TrainRoundResult {
  const d = result.delta
  switch (fault) {
    case 'random-delta': {
      let s = 0
      for (let i = 0; i < d.length; i++) s += d[i] * d[i]
      const amp = Math.sqrt(3 * s / Math.max(1, d.length)) || 1e-3
      const rng = SeededRandom.fromParts('cotrain/fault/random-delta', new TextEncoder().encode(result.commitment))
      return withDelta(result, Float32Array.from(d, () => (2 * rng.nextFloat() - 1) * amp))
    }
    case 'scaled-delta': return withDelta(result, Float32Array.from(d, (x) => x * 10))
    case 'lazy': return withDelta(result, new Float32Array(d.length))
    case 'nan-delta': {
      const out = Float32Array.from(d)
      for (let i = 0; i < out.length; i += 97) out[i] = Number.NaN
      return withDelta(result, out)
    }
    default: return result
  }
}
