import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { weightsId } from '../hash/contentId.ts'
import { buildModel, type CotrainModel, type WeightSpec } from './buildModel.ts'
import type { ModelConfig, ModelConfigInput } from './config.ts'

export { weightsId }

/**
 * All trainable weights as one Float32Array, tensors concatenated in canonical
 * order, each row-major. Asynchronous because the webgpu backend cannot read
 * synchronously in Node.
 */
export async function getFlatWeights (model: Pick<CotrainModel, 'variables'>): Promise<Float32Array> {
  return concatFloat32(await Promise.all(model.variables.map(async (v) => await v.data() as Float32Array)))
}

/** One Float32Array holding `parts` one after another. */
export function concatFloat32 (parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0))
  let off = 0
  for (const p of parts) { out.set(p, off); off += p.length }
  return out
}

/** Assigns a flat weight vector (canonical order) to the model's variables. */
export function setFlatWeights (model: Pick<CotrainModel, 'variables' | 'specs' | 'weightCount'>, flat: Float32Array): void {
  if (flat.length !== model.weightCount) throw new InvalidInputError(`weight vector has ${flat.length} values, the model has ${model.weightCount}`)
  const parts = splitFlat(model.specs, flat)
  tf.tidy(() => {
    model.variables.forEach((v, i) => { v.assign(tf.tensor(parts[i], model.specs[i].shape, 'float32')) })
  })
}

/** Views of a flat vector per weight tensor (no copy). */
export function splitFlat (specs: WeightSpec[], flat: Float32Array): Float32Array[] {
  const out: Float32Array[] = []
  let off = 0
  for (const s of specs) { out.push(flat.subarray(off, off + s.size)); off += s.size }
  return out
}

/**
 * Seeded initial weights, identical on every machine (drawn with cotrain's own
 * PRNG, not tfjs's): one stream from SeededRandom('cotrain/init/v1',
 * utf8(seed)) over the tensors in canonical order; kernels Glorot-uniform
 * `(2u - 1) * sqrt(6 / (fanIn + fanOut))` with u = nextFloat(), rounded to
 * float32; biases 0; norm gains 1.
 *
 * @example
 * const w0 = initialWeights({ kind: 'mlp', hidden: [128] }, 'genesis')
 */
export function initialWeights (config: ModelConfigInput | ModelConfig | CotrainModel, seed: string | number): Float32Array {
  const model = 'specs' in config ? config : buildModel(config)
  try {
    const rng = SeededRandom.fromParts('cotrain/init/v1', new TextEncoder().encode(String(seed)))
    const out = new Float32Array(model.weightCount)
    let off = 0
    for (const s of model.specs) {
      if (s.init === 'glorot-uniform') {
        const limit = Math.sqrt(6 / (s.fanIn + s.fanOut))
        for (let i = 0; i < s.size; i++) out[off + i] = (2 * rng.nextFloat() - 1) * limit
      } else if (s.init === 'ones') {
        out.fill(1, off, off + s.size)
      }
      off += s.size
    }
    return out
  } finally {
    if (!('specs' in config)) model.dispose()
  }
}
