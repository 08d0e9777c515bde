import { InvalidInputError } from '../../lib/errors.ts'
import type { OuterOptimizerConfig } from '../config.ts'
import { validateOuterOptimizer } from '../config.ts'

/**
 * One outer-optimizer step on the global weights, in place. The averaged
 * delta g = W_r - W_local is a pseudo-gradient, so the step descends along it.
 *
 * - fedavg:   W <- W - lr * g   (lr = 1 gives the plain average of the workers' models)
 * - nesterov: m <- mu * m + g;  W <- W - lr * (g + mu * m)   (DiLoCo; PyTorch SGD nesterov=True)
 *
 * `momentum` is updated in place; it is required for nesterov (zeros before the first step).
 *
 * @example
 * applyOuterStep(weights, avgDelta, { kind: 'nesterov', lr: 0.7, momentum: 0.9 }, momentum)
 */
export function applyOuterStep (weights: Float32Array, avgDelta: Float32Array, optimizer: OuterOptimizerConfig, momentum?: Float32Array): void {
  validateOuterOptimizer(optimizer)
  if (avgDelta.length !== weights.length) throw new InvalidInputError(`averaged delta has ${avgDelta.length} values, the weights ${weights.length}`)
  const lr = optimizer.lr
  const n = weights.length
  if (optimizer.kind === 'fedavg') {
    for (let i = 0; i < n; i++) weights[i] -= lr * avgDelta[i]
    return
  }
  if (momentum == null) throw new InvalidInputError('nesterov needs a momentum buffer', { hint: 'pass new Float32Array(weights.length) before the first step' })
  if (momentum.length !== n) throw new InvalidInputError(`momentum buffer has ${momentum.length} values, the weights ${n}`)
  const mu = optimizer.momentum
  for (let i = 0; i < n; i++) {
    const g = avgDelta[i]
    const m = mu * momentum[i] + g
    momentum[i] = m
    weights[i] -= lr * (g + mu * m)
  }
}
