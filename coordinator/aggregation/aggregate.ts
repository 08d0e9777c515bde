import type { OuterOptimizerConfig } from '../config.ts'
import { applyOuterStep } from './applyOuterStep.ts'
import type { WeightedDelta } from './weightedAverage.ts'
import { weightedAverage } from './weightedAverage.ts'

/** Inputs of one aggregation: W_r (updated in place), accepted deltas, the outer optimizer and its state. */
export interface AggregateParameters {
  weights: Float32Array
  deltas: readonly WeightedDelta[]
  optimizer: OuterOptimizerConfig
  /** Nesterov momentum from the previous round (updated in place); zeros when absent. */
  momentum?: Float32Array
  /** Reused buffer for the averaged delta (saves an allocation per round). */
  scratch?: Float32Array
}

export interface AggregateReturnType {
  /** W_{r+1}: the same array as `weights`. */
  weights: Float32Array
  /** The averaged delta g. */
  avgDelta: Float32Array
  /** Nesterov momentum after this step; undefined for fedavg. */
  momentum?: Float32Array
  /** Bytes of deltas read (for GB/s). */
  deltaBytes: number
}

/**
 * W_{r+1} = outer step of W_r with the sample-weighted average of the deltas.
 * Deltas are validated (length, NaN/Infinity) before anything is changed.
 *
 * @example
 * const { weights, momentum } = aggregate({ weights: wr, deltas, optimizer: { kind: 'nesterov', lr: 0.7, momentum: 0.9 }, momentum: prev })
 */
export function aggregate (params: AggregateParameters): AggregateReturnType {
  const { weights, deltas, optimizer } = params
  const scratch = params.scratch?.length === weights.length ? params.scratch : new Float32Array(weights.length)
  const avgDelta = weightedAverage(deltas, scratch)
  const momentum = optimizer.kind === 'nesterov' ? (params.momentum ?? new Float32Array(weights.length)) : undefined
  applyOuterStep(weights, avgDelta, optimizer, momentum)
  return { weights, avgDelta, momentum, deltaBytes: deltas.reduce((s, d) => s + d.values.byteLength, 0) }
}
