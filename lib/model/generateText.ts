import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { decodeTokens, encodeText, type CharTokenizer } from '../data/charTokenizer.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { buildModel, type CotrainModel } from './buildModel.ts'
import type { GptConfig } from './config.ts'
import { setFlatWeights } from './flatWeights.ts'

/** How a continuation is drawn. */
export interface GenerateOptions {
  /** Tokens to generate. */
  tokens: number
  /** Seed of the draw: the same weights, prompt and seed give the same text. */
  seed: string
  /** Softmax temperature (default 0.8; lower is more conservative). */
  temperature?: number
  /** Draw only ids below this (a tokenizer smaller than the model's vocabulary); default all. */
  usableIds?: number
  signal?: AbortSignal
}

/** Default length of the per-round sample and of `coordinator sample`. */
export const DEFAULT_SAMPLE_TOKENS = 160
export const DEFAULT_TEMPERATURE = 0.8

/**
 * Continues `prompt` (token ids) with a GPT: each step runs the model on the
 * last contextLength tokens and draws the next from the softmax of the last
 * position's logits / temperature, with cotrain's SeededRandom
 * ('cotrain/sample/v1', seed) so a sample is reproducible on one backend.
 * Returns only the generated ids.
 */
export async function generateTokens (model: CotrainModel, prompt: ArrayLike<number>, options: GenerateOptions): Promise<number[]> {
  const config = model.config
  if (config.kind !== 'gpt') throw new InvalidInputError(`only a gpt model generates text, this one is ${config.kind}`)
  const temperature = options.temperature ?? DEFAULT_TEMPERATURE
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new InvalidInputError(`temperature must be a positive number, got ${temperature}`)
  if (!Number.isInteger(options.tokens) || options.tokens < 0 || options.tokens > 100_000) throw new InvalidInputError(`tokens to generate must be an integer in 0..100000, got ${options.tokens}`)
  const rng = SeededRandom.fromParts('cotrain/sample/v1', new TextEncoder().encode(options.seed))
  const ids = Array.from(prompt)
  if (ids.length === 0) ids.push(0)
  const out: number[] = []
  for (let n = 0; n < options.tokens; n++) {
    options.signal?.throwIfAborted()
    const window = ids.slice(-config.contextLength)
    const logits = tf.tidy(() => {
      const all = model.apply(tf.tensor2d([window], [1, window.length], 'int32'), false)
      return tf.slice(all, [0, window.length - 1, 0], [1, 1, config.vocabSize]).reshape([-1])
    })
    const all = await logits.data()
    logits.dispose()
    const values = options.usableIds === undefined ? all : all.subarray(0, options.usableIds)
    const next = drawFromLogits(values, temperature, rng.nextFloat())
    ids.push(next)
    out.push(next)
  }
  return out
}

/** The index drawn by u in [0, 1) from softmax(logits / temperature), computed in float64. */
export function drawFromLogits (logits: ArrayLike<number>, temperature: number, u: number): number {
  let max = -Infinity
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i])
  const p = new Float64Array(logits.length)
  let sum = 0
  for (let i = 0; i < logits.length; i++) { p[i] = Math.exp((logits[i] - max) / temperature); sum += p[i] }
  let acc = 0
  for (let i = 0; i < p.length; i++) {
    acc += p[i] / sum
    if (u < acc) return i
  }
  return p.length - 1
}

/**
 * Text continuing `prompt`, from a GPT config and flat weights, with the
 * dataset's tokenizer (characters of the prompt outside it are an error).
 *
 * @example
 * const text = await sampleText({ config, weights, tokenizer, prompt: 'The jury', tokens: 200, seed: 'round-3' })
 */
export async function sampleText (params: { config: GptConfig, weights: Float32Array, tokenizer: CharTokenizer, prompt: string } & GenerateOptions): Promise<string> {
  if (params.tokenizer.symbols.length > params.config.vocabSize) throw new InvalidInputError(`the tokenizer has ${params.tokenizer.symbols.length} symbols, the model's vocabulary only ${params.config.vocabSize}`)
  const model = buildModel(params.config)
  try {
    setFlatWeights(model, params.weights)
    // An empty prompt starts from a newline (the start of a line of text), or token 0 when the text has none.
    const prompt = params.prompt === '' ? [Math.max(0, params.tokenizer.symbols.indexOf('\n'))] : encodeText(params.tokenizer, params.prompt)
    return decodeTokens(params.tokenizer, await generateTokens(model, prompt, { ...params, usableIds: params.tokenizer.symbols.length }))
  } finally {
    model.dispose()
  }
}
