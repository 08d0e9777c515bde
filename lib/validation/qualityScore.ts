/**
 * Quality of a verified update: how much it lowers the held-out loss, mapped
 * to the contract's 1..100 score. The formula and its reasoning are in
 * docs/validation.md.
 */
import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { concatDatasets, sliceDataset, type Dataset } from '../data/Dataset.ts'
import { manifestFromCanonicalJson } from '../data/datasetManifest.ts'
import { decodeShard } from '../data/shard.ts'
import { contentIdOf } from '../hash/contentId.ts'
import { loadMnist } from '../data/loadMnist.ts'
import { loadTextCorpus } from '../data/loadTextCorpus.ts'
import { sha256 } from '../hash/sha256.ts'
import { evaluate } from '../model/evaluate.ts'
import { buildModel } from '../model/buildModel.ts'
import { resolveModelConfig, type GptConfig, type ModelConfig, type ModelConfigInput } from '../model/config.ts'
import { setFlatWeights } from '../model/flatWeights.ts'
import { decodeDelta } from '../proof/delta.ts'

/** Default held-out slice per validator: 1,000 MNIST test digits (about 30 ms to evaluate an MLP on wasm). */
export const HELD_OUT_SAMPLES = 1000

/**
 * Default score scale as a fraction of the start loss when the round has no
 * median to compare with: an update that cuts the held-out loss by 10% scores
 * 88, by 20% 96, by nothing 50.
 */
export const RELATIVE_SCALE = 0.1

/** How an update moves the held-out loss from W_r. */
export interface Improvement {
  /** Held-out loss of W_r. */
  startLoss: number
  /**
   * The first-order loss decrease along the update, grad L(W_r) . delta:
   * positive when the update points downhill on data the worker never saw.
   * This is what is scored.
   */
  improvement: number
  /** Held-out loss of W_r - delta, the worker's own end model (reported, not scored). */
  endLoss: number
  endAccuracy: number
}

/** W_r's held-out loss and its gradient, shared by every update of a round. */
export interface HeldOutReference {
  loss: number
  /** d loss / d weights at W_r, flat in canonical weight order (the delta's order). */
  gradient: Float32Array
}

/**
 * The mean held-out loss at `weights` and its gradient (current tfjs
 * backend), in batches so a large slice or model stays within memory.
 */
export async function heldOutReference (params: { modelConfig: ModelConfigInput | ModelConfig, weights: Float32Array, heldOut: Dataset, batchSize?: number }, options: { signal?: AbortSignal } = {}): Promise<HeldOutReference> {
  const model = buildModel(params.modelConfig)
  try {
    setFlatWeights(model, params.weights)
    const gradient = new Float32Array(params.weights.length)
    const batchSize = params.batchSize ?? 500
    const count = params.heldOut.count
    let loss = 0
    for (let start = 0; start < count; start += batchSize) {
      options.signal?.throwIfAborted()
      const n = Math.min(batchSize, count - start)
      const idx = new Uint32Array(n).map((_, i) => start + i)
      const { value, parts } = tf.tidy(() => {
        const { x, y } = model.batch(params.heldOut, idx)
        const g = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, false)) as tf.Scalar, model.variables)
        return { value: g.value, parts: model.variables.map((v) => g.grads[v.name]) }
      })
      // Each batch's mean loss and gradient, weighted by its share of the slice.
      const w = n / count
      loss += (await value.data())[0] * w
      let at = 0
      for (const p of parts) {
        const d = await p.data()
        for (let i = 0; i < d.length; i++) gradient[at + i] += d[i] * w
        at += d.length
      }
      tf.dispose([value, ...parts])
    }
    return { loss, gradient }
  } finally {
    model.dispose()
  }
}

/**
 * Scores an update by where it points, not by where it lands: the
 * improvement is grad L(W_r) . delta on held-out data. Applying a single
 * worker's whole delta (its own end model) measures the wrong thing in
 * DiLoCo rounds: once training is under way each worker's local model is
 * worse than the averaged, momentum-driven W_r even though its delta points
 * the right way, and the round's average of deltas is what gets applied.
 * Measured (benchmarks/quality-scores.ts, 3 honest workers x 8 rounds): the
 * whole-delta loss change scored them as low as 1 from round 4 on (14 of 24
 * scores below 50), the first-order improvement never below 75.
 *
 * @example
 * const ref = await heldOutReference({ modelConfig, weights: startWeights, heldOut })
 * const { improvement } = await measureImprovement({ modelConfig, startWeights, deltaBytes, heldOut, reference: ref })
 */
export async function measureImprovement (params: { modelConfig: ModelConfigInput | ModelConfig, startWeights: Float32Array, deltaBytes: Uint8Array, heldOut: Dataset, reference?: HeldOutReference }, options: { signal?: AbortSignal } = {}): Promise<Improvement> {
  const delta = decodeDelta(params.deltaBytes, { expectedLength: params.startWeights.length }).values
  const reference = params.reference ?? await heldOutReference({ modelConfig: params.modelConfig, weights: params.startWeights, heldOut: params.heldOut }, options)
  let improvement = 0
  for (let i = 0; i < delta.length; i++) improvement += reference.gradient[i] * delta[i]
  const end = new Float32Array(params.startWeights.length)
  for (let i = 0; i < end.length; i++) end[i] = params.startWeights[i] - delta[i]
  const e = await evaluate({ config: params.modelConfig, weights: end }, params.heldOut, options)
  return { startLoss: reference.loss, improvement, endLoss: e.loss, endAccuracy: e.accuracy }
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
  return sliceByKey(await loadMnist({ split: 'test', dir: options.dir }), key, count)
}

/** Default held-out text windows for a gpt (64 x 64 tokens: a few seconds for the loss and its gradient on one wasm core). */
export const HELD_OUT_TEXT_WINDOWS = 64

/**
 * The held-out slice for a model: MNIST digits for the classifiers; for the
 * gpt, windows of the default text corpus's held-out split (every 20th
 * window of the Brown corpus, lib/data/textDataset.ts), the same split the
 * coordinator evaluates on, so no worker trained on it.
 */
export async function heldOutSliceFor (model: ModelConfigInput | ModelConfig, key: string, count?: number, dataset?: TextDatasetSource): Promise<Dataset> {
  if (model.kind !== 'gpt') return await heldOutSlice(key, count)
  const gpt = resolveModelConfig(model) as GptConfig
  if (dataset !== undefined) return await textHeldOutSlice({ ...dataset, model: gpt, key, count })
  const { heldOut } = await loadTextCorpus({ contextLength: gpt.contextLength })
  return sliceByKey(heldOut, key, count ?? HELD_OUT_TEXT_WINDOWS)
}

/** Where a round's text comes from: the dataset id its announcement names and a way to fetch content by id (the coordinator's content protocol). */
export interface TextDatasetSource {
  datasetId: string
  content: (id: string) => Promise<Uint8Array>
}

/**
 * A validator's held-out slice of the text a coordinator trains on (its
 * `--text` files): the dataset manifest the round announcement names, fetched
 * by content id and checked (hash, canonical form, held-out shards listed,
 * tokenizer within the model's vocabulary, windows of contextLength + 1),
 * then its held-out shards, each checked against its id, and `count` windows
 * from an offset drawn from `key`, as for the default corpus.
 */
export async function textHeldOutSlice (params: TextDatasetSource & { model: GptConfig, key: string, count?: number }): Promise<Dataset> {
  const bytes = await params.content(params.datasetId)
  const id = params.datasetId.toLowerCase()
  if (contentIdOf(bytes) !== id) throw new InvalidInputError(`dataset manifest ${id} does not hash to its id`)
  const manifest = manifestFromCanonicalJson(new TextDecoder().decode(bytes))
  if (manifest.tokenizer === undefined || manifest.heldOut === undefined) throw new InvalidInputError(`dataset ${id} lists no held-out text windows`, { hint: 'the coordinator must publish its held-out split (coordinator --model gpt does)' })
  const { vocabSize, contextLength } = params.model
  if (manifest.tokenizer.symbols.length > vocabSize) throw new InvalidInputError(`dataset ${id} has ${manifest.tokenizer.symbols.length} tokens, the gpt's vocabulary is ${vocabSize}`)
  if (manifest.sampleShape[0] !== contextLength + 1) throw new InvalidInputError(`dataset ${id} has windows of ${manifest.sampleShape[0]} tokens, the gpt needs contextLength + 1 = ${contextLength + 1}`)
  // Only the shards under this validator's slice are fetched.
  const total = manifest.heldOut.reduce((a, e) => a + e.samples, 0)
  const { offset, n } = keySlice(params.key, total, params.count ?? HELD_OUT_TEXT_WINDOWS)
  const parts: Dataset[] = []
  let first = 0
  let start = 0
  for (const entry of manifest.heldOut) {
    const end = start + entry.samples
    if (end > offset && start < offset + n) {
      if (parts.length === 0) first = start
      const shard = decodeShard(await params.content(entry.id), { expectedId: entry.id })
      if (shard.dataset.count !== entry.samples || shard.dataset.sampleShape[0] !== contextLength + 1) throw new InvalidInputError(`held-out shard ${entry.id} does not match dataset ${id}'s manifest`)
      parts.push(shard.dataset)
    }
    start = end
  }
  return sliceDataset(concatDatasets(parts), offset - first, offset - first + n)
}

function sliceByKey (data: Dataset, key: string, count: number): Dataset {
  const { offset, n } = keySlice(key, data.count, count)
  return sliceDataset(data, offset, offset + n)
}

/** `count` (at most `total`) contiguous samples from an offset drawn from `key`. */
function keySlice (key: string, total: number, count: number): { offset: number, n: number } {
  const n = Math.min(count, total)
  const h = sha256(new TextEncoder().encode(`cotrain/held-out/v1\0${key.toLowerCase()}`))
  return { offset: new DataView(h.buffer, h.byteOffset, 4).getUint32(0) % (total - n + 1), n }
}
