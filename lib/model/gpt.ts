/**
 * A decoder-only transformer language model written with tf ops, in the
 * layout of nanoGPT's model.py: token and position embeddings, `layers`
 * pre-norm blocks (causal multi-head self-attention, then a 4x GELU MLP,
 * each added to the residual stream), a final layer norm, and logits over
 * the vocabulary. No dropout: training must be a pure function of weights
 * and data so a validator can replay it bit for bit.
 *
 * The file reads top to bottom in build order: weights, then the forward
 * pass, then the batch (token ids in, next-token one-hot targets out).
 *
 * Choices made for tfjs's wasm backend (the deterministic one workers and
 * validators replay on):
 * - The token embedding is a one-hot matmul, not a gather: the gradient of
 *   gather needs UnsortedSegmentSum, which wasm lacks; a [B*T, V] x [V, C]
 *   matmul has a plain matmul gradient and at a character vocabulary costs
 *   less than one attention projection.
 * - The causal mask is added (-1e9 above the diagonal) before the softmax,
 *   so masked positions get an exact 0 probability and no gradient.
 * - The LM head is a separate [C, V] matrix (nanoGPT ties it to the token
 *   embedding); untied keeps each weight's gradient one matmul's.
 * - Every matmul goes through {@link matMul}, whose gradient transposes
 *   explicitly: tfjs's own gradient calls matMul with transposeA/transposeB,
 *   which wasm runs 8-16x slower than a transpose plus a plain matmul
 *   (benchmarks/lm-training.ts measures it), and matmuls were 86% of a step.
 */
import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { sampleSize, type Dataset } from '../data/Dataset.ts'
import type { ModelBuilder, WeightInit, WeightSpec } from './buildModel.ts'
import type { GptConfig } from './config.ts'

/** Layer-norm epsilon, as in nanoGPT (PyTorch's default). */
const LN_EPS = 1e-5
/** What the causal mask adds to the attention scores of future positions. */
const MASKED = -1e9

/** Builds the GPT's variables (zeros; weights come from setFlatWeights) and its forward pass. */
export const buildGpt: ModelBuilder<GptConfig> = (config) => {
  const { vocabSize: V, contextLength: T, layers: L, embedDim: C } = config
  const specs: WeightSpec[] = []
  const variables: tf.Variable[] = []
  const weight = (name: string, shape: number[], init: WeightInit): tf.Variable => {
    const fanIn = shape[0]
    const fanOut = shape[shape.length - 1]
    specs.push({ name, shape, size: shape.reduce((a, b) => a * b, 1), init, fanIn, fanOut })
    const v = tf.variable(tf.zeros(shape, 'float32'), true)
    variables.push(v)
    return v
  }
  const norm = (name: string): Norm => ({ gamma: weight(`${name}/gamma`, [C], 'ones'), beta: weight(`${name}/beta`, [C], 'zeros') })
  const dense = (name: string, inputs: number, outputs: number, bias = true): Dense => ({
    kernel: weight(`${name}/kernel`, [inputs, outputs], 'glorot-uniform'),
    bias: bias ? weight(`${name}/bias`, [outputs], 'zeros') : undefined
  })

  const wte = weight('wte', [V, C], 'glorot-uniform')
  const wpe = weight('wpe', [T, C], 'glorot-uniform')
  const blocks: Block[] = []
  for (let l = 0; l < L; l++) {
    blocks.push({
      ln1: norm(`h${l}/ln1`),
      qkv: dense(`h${l}/attn/qkv`, C, 3 * C),
      proj: dense(`h${l}/attn/proj`, C, C),
      ln2: norm(`h${l}/ln2`),
      fc: dense(`h${l}/mlp/fc`, C, 4 * C),
      out: dense(`h${l}/mlp/proj`, 4 * C, C)
    })
  }
  const lnf = norm('lnf')
  const head = dense('lm_head', C, V, false)

  /** ids [B, t] int32 (t <= contextLength) -> logits [B, t, vocabSize]. */
  const apply = (ids: tf.Tensor, _training: boolean): tf.Tensor => tf.tidy(() => {
    if (ids.rank !== 2) throw new InvalidInputError(`gpt input must be token ids [batch, time], got shape [${ids.shape.join(', ')}]`)
    const [B, t] = ids.shape
    if (t > T) throw new InvalidInputError(`gpt input has ${t} tokens, the context is ${T}`)
    const oneHot = tf.oneHot(tf.reshape(ids, [-1]).toInt(), V).toFloat()
    const pos = tf.slice(wpe, [0, 0], [t, C])
    let x = tf.reshape(tf.add(tf.reshape(matMul(oneHot, wte), [B, t, C]), pos), [B * t, C])
    const mask = causalMask(t)
    for (const b of blocks) {
      x = tf.add(x, attention(layerNorm(x, b.ln1), b, config, B, t, mask))
      x = tf.add(x, linear(gelu(linear(layerNorm(x, b.ln2), b.fc)), b.out))
    }
    return tf.reshape(linear(layerNorm(x, lnf), head), [B, t, V])
  })

  return {
    specs,
    variables,
    apply,
    batch: (dataset, indices) => gptBatch(dataset, indices, config),
    dispose: () => { for (const v of variables) v.dispose() }
  }
}

interface Norm { gamma: tf.Variable, beta: tf.Variable }
interface Dense { kernel: tf.Variable, bias?: tf.Variable }
interface Block { ln1: Norm, qkv: Dense, proj: Dense, ln2: Norm, fc: Dense, out: Dense }

/** a [..., m, k] x b [..., k, n] with a gradient made of plain (untransposed-flag) matmuls. */
export const matMul = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b])
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const g = dy as tf.Tensor
      const [sa, sb] = saved
      return [tf.matMul(g, swapLast(sb)), tf.matMul(swapLast(sa), g)]
    }
  }
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor

/** The tensor with its last two axes swapped. */
function swapLast (t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i)
  perm[t.rank - 2] = t.rank - 1
  perm[t.rank - 1] = t.rank - 2
  return tf.transpose(t, perm)
}

function linear (x: tf.Tensor, d: Dense): tf.Tensor {
  const y = matMul(x, d.kernel)
  return d.bias === undefined ? y : tf.add(y, d.bias)
}

function layerNorm (x: tf.Tensor, n: Norm): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true)
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LN_EPS))), n.gamma), n.beta)
}

/** GELU, tanh approximation (GPT-2's); x^3 as two multiplies, since Pow and its gradient took 10% of a wasm step. */
function gelu (x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI))
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1))
}

/** 0 on and below the diagonal, -1e9 above: row i may attend to positions 0..i. */
function causalMask (t: number): tf.Tensor2D {
  const m = new Float32Array(t * t)
  for (let i = 0; i < t; i++) m.fill(MASKED, i * t + i + 1, (i + 1) * t)
  return tf.tensor2d(m, [t, t])
}

/** Causal multi-head self-attention of x [B*t, C] -> [B*t, C]. */
function attention (x: tf.Tensor, b: Block, config: GptConfig, B: number, t: number, mask: tf.Tensor): tf.Tensor {
  const C = config.embedDim
  const H = config.heads
  const D = C / H
  const [q, k, v] = tf.split(linear(x, b.qkv), 3, -1).map((p) => tf.transpose(tf.reshape(p, [B, t, H, D]), [0, 2, 1, 3]))
  const scores = tf.add(tf.mul(matMul(q, swapLast(k)), 1 / Math.sqrt(D)), mask)
  const y = matMul(tf.softmax(scores), v)
  return linear(tf.reshape(tf.transpose(y, [0, 2, 1, 3]), [B * t, C]), b.proj)
}

/**
 * A text batch: each sample is `contextLength + 1` token ids (uint8); x is
 * its first contextLength ids [B, T] int32, y the one-hot of the next id at
 * every position [B, T, vocabSize]. Indices past the dataset wrap (mod count),
 * as for images.
 */
export function gptBatch (dataset: Dataset, indices: ArrayLike<number>, config: GptConfig): { x: tf.Tensor, y: tf.Tensor } {
  const T = config.contextLength
  const V = config.vocabSize
  const size = sampleSize(dataset)
  if (dataset.sampleShape.length !== 1 || size !== T + 1) throw new InvalidInputError(`dataset samples are [${dataset.sampleShape.join(', ')}], the gpt needs token sequences of contextLength + 1 = ${T + 1}`, { hint: 'pack the text with the same context length as the model' })
  const n = indices.length
  const xs = new Int32Array(n * T)
  const ys = new Float32Array(n * T * V)
  for (let b = 0; b < n; b++) {
    const src = (indices[b] % dataset.count) * size
    for (let p = 0; p < T; p++) {
      const next = dataset.images[src + p + 1]
      if (next >= V) throw new InvalidInputError(`token id ${next} in sample ${indices[b]} is outside the gpt vocabulary of ${V}`, { hint: 'use a model vocabSize at least the dataset tokenizer size' })
      xs[b * T + p] = dataset.images[src + p]
      ys[(b * T + p) * V + next] = 1
    }
    if (dataset.images[src] >= V) throw new InvalidInputError(`token id ${dataset.images[src]} in sample ${indices[b]} is outside the gpt vocabulary of ${V}`)
  }
  return { x: tf.tensor2d(xs, [n, T], 'int32'), y: tf.tensor3d(ys, [n, T, V], 'float32') }
}

/** Forward flops of one sample (T tokens): 2 per multiply-add of every matmul, attention scores and mixing included. */
export function gptForwardFlops (c: GptConfig): number {
  const { vocabSize: V, contextLength: T, layers: L, embedDim: C } = c
  const perTokenBlock = 2 * (3 * C * C + C * C + 4 * C * C + 4 * C * C) + 2 * 2 * T * C
  return T * (L * perTokenBlock + 2 * V * C + 2 * C * V)
}
