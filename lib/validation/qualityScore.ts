/**
 * Quality of a verified update: how much it lowers the held-out loss, mapped
 * to the contract's 1..100 score. The formula and its reasoning are in
 * docs/validation.md.
 */
import { InvalidInputError } from '../errors.ts'
import { sliceDataset, type Dataset } from '../data/Dataset.ts'
import { loadMnist } from '../data/loadMnist.ts'
import { sha256 } from '../hash/sha256.ts'
import { evaluate } from '../model/evaluate.ts'
import type { ModelConfig, ModelConfigInput } from '../model/config.ts'
import { decodeDelta } from '../proof/delta.ts'

/** Default held-out slice per validator: 1,000 MNIST test digits (about 30 ms to evaluate an MLP on wasm). */
export const HELD_OUT_SAMPLES = 1000

/**
 * Default score scale as a fraction of the start loss when the round has no
 * median to compare with: an update that cuts the held-out loss by 10% scores
 * 88, by 20% 96, by nothing 50.
 */
export const RELATIVE_SCALE = 0.1

/** Loss of W_r and of W_r - delta on the held-out data. */
export interface Improvement {
  startLoss: number
  endLoss: number
  /** startLoss - endLoss: positive when the update helps. */
  improvement: number
  endAccuracy: number
}

/**
 * Evaluates W_r and W_r - delta on held-out data (lib/model evaluate, current
 * tfjs backend).
 *
 * @example
 * const { improvement } = await measureImprovement({ modelConfig, startWeights, deltaBytes, heldOut })
 */
export async function measureImprovement (params: { modelConfig: ModelConfigInput | ModelConfig, startWeights: Float32Array, deltaBytes: Uint8Array, heldOut: Dataset, startLoss?: number }, options: { signal?: AbortSignal } = {}): Promise<Improvement> {
  const delta = decodeDelta(params.deltaBytes, { expectedLength: params.startWeights.length }).values
  const end = new Float32Array(params.startWeights.length)
  for (let i = 0; i < end.length; i++) end[i] = params.startWeights[i] - delta[i]
  const startLoss = params.startLoss ?? (await evaluate({ config: params.modelConfig, weights: params.startWeights }, params.heldOut, options)).loss
  const e = await evaluate({ config: params.modelConfig, weights: end }, params.heldOut, options)
  return { startLoss, endLoss: e.loss, improvement: startLoss - e.loss, endAccuracy: e.accuracy }
}

/**
 * The score scale: the round's median improvement over verified updates when
 * it is positive (so the typical worker of any round scores about 88, and the
 * score does not shrink as training converges), else RELATIVE_SCALE x the
 * start loss. Never below 1e-6 (a zero scale would make every score 1 or 100).
 */
export function scoreScale (params: { startLoss: number, medianImprovement?: number }): number {
  const m = params.medianImprovement
  const s = m !== undefined && Number.isFinite(m) && m > 0 ? m : RELATIVE_SCALE * Math.abs(params.startLoss)
  return Number.isFinite(s) && s > 1e-6 ? s : 1e-6
}

/**
 * The 1..100 score of a contribution, or null when verification failed (a
 * fraud report, not a score). A non-finite improvement (the update breaks the
 * model) scores 1; otherwise
 * `clamp(round(50 + 50 * tanh(improvement / scale)), 1, 100)`: 50 for an update
 * that changes nothing, above for one that helps, below for one that hurts,
 * monotonic in the improvement and bounded.
 *
 * @example
 * qualityScore({ verified: true, improvement: 0.12, scale: 0.1 }) // 92
 */
export function qualityScore (params: { verified: boolean, improvement: number, scale: number }): number | null {
  if (!params.verified) return null
  if (!(params.scale > 0) || !Number.isFinite(params.scale)) throw new InvalidInputError(`score scale must be a positive number, got ${params.scale}`)
  if (!Number.isFinite(params.improvement)) return 1
  return Math.min(100, Math.max(1, Math.round(50 + 50 * Math.tanh(params.improvement / params.scale))))
}

/** The median of finite values; undefined for none. */
export function median (values: readonly number[]): number | undefined {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (v.length === 0) return undefined
  const h = v.length >> 1
  return v.length % 2 === 1 ? v[h] : (v[h - 1] + v[h]) / 2
}

/**
 * A validator's own held-out slice of the MNIST test set: `count` contiguous
 * digits starting at an offset drawn from `key` (e.g. the validator's
 * address), so different validators measure on different data and no worker
 * can tune its update to one fixed slice.
 */
export async function heldOutSlice (key: string, count = HELD_OUT_SAMPLES, options: { dir?: string } = {}): Promise<Dataset> {
  const test = await loadMnist({ split: 'test', dir: options.dir })
  const n = Math.min(count, test.count)
  const h = sha256(new TextEncoder().encode(`cotrain/held-out/v1\0${key.toLowerCase()}`))
  const offset = new DataView(h.buffer, h.byteOffset, 4).getUint32(0) % (test.count - n + 1)
  return sliceDataset(test, offset, offset + n)
}
