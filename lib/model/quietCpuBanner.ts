import * as tf from '@tensorflow/tfjs'

let quieted: unknown = null

/**
 * tfjs's cpu backend prints an "install tfjs-node" banner on its first use in
 * Node. cotrain reports its backend choice itself (selectBackend's reason), so
 * the banner is swallowed: touch the active backend once with console.warn
 * muted. Cheap and idempotent per backend instance.
 */
export function quietCpuBanner (): void {
  const backend = tf.backend()
  if (quieted === backend || tf.getBackend() !== 'cpu') return
  const warn = console.warn
  console.warn = () => {}
  try {
    tf.tensor1d([0]).dispose()
  } finally {
    console.warn = warn
  }
  quieted = backend
}
