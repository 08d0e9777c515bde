import * as tf from '@tensorflow/tfjs'
import { sha256Hex, type Hex } from '../../hash/sha256.ts'
import { loadTextCorpus } from '../../data/loadTextCorpus.ts'
import { resolveModelConfig } from '../../model/config.ts'
import { trainingFingerprint } from '../trainingFingerprint.ts'

/**
 * What the active backend computes for fixed inputs, hashed: a 384 x 384
 * matmul (many output tiles, so a threaded pool splits it) and 3 training
 * steps of a small gpt (width 64, context 32, batch 16). Equal hashes from
 * two processes mean bit-identical results (lib/training/wasmThreads.test.ts
 * compares threaded wasm with single-threaded wasm this way).
 */
export async function wasmProbe (): Promise<{ matmul: Hex, training: Hex }> {
  const n = 384
  const values = (phase: number): Float32Array => Float32Array.from({ length: n * n }, (_, i) => Math.sin(i * 0.37 + phase))
  const product = tf.tidy(() => tf.matMul(tf.tensor2d(values(0), [n, n]), tf.tensor2d(values(1), [n, n])))
  const out = await product.data() as Float32Array
  product.dispose()
  const config = resolveModelConfig({ kind: 'gpt', layers: 1, heads: 2, embedDim: 64, contextLength: 32 })
  const { train } = await loadTextCorpus({ contextLength: 32, maxChars: 30_000 })
  return {
    matmul: sha256Hex(new Uint8Array(out.buffer, out.byteOffset, out.byteLength)),
    training: await trainingFingerprint(config, train, { steps: 3, batchSize: 16, seed: 'wasm-probe' })
  }
}
