import * as tf from '@tensorflow/tfjs'
import { CotrainError } from '../errors.ts'

/**
 * Conv2D's filter gradient computed with a forward convolution: for NHWC x
 * [N,H,W,Ci], dy [N,OH,OW,Co], stride s and dilation d,
 * dW[kh,kw,ci,co] = sum_{n,oh,ow} xPadded[n, oh*s + kh*d, ow*s + kw*d, ci] * dy[n,oh,ow,co],
 * which is conv2d(transpose(xPadded) [Ci,Hp,Wp,N], transpose(dy) [OH,OW,N,Co],
 * stride d, dilation s), cropped to [KH,KW] and transposed back. Needed on the
 * wasm backend, which has no Conv2DBackpropFilter kernel.
 */
export function conv2dFilterGradient (
  x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number],
  strides: number | [number, number], pad: 'valid' | 'same' | number | number[][], dilations: number | [number, number] = 1
): tf.Tensor4D {
  return tf.tidy(() => {
    const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides
    const [dh, dw] = typeof dilations === 'number' ? [dilations, dilations] : dilations
    if ((sh > 1 && dh > 1) || (sw > 1 && dw > 1)) throw new CotrainError('conv2d filter gradient: strides > 1 together with dilations > 1 is not supported on this backend')
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, [sh, sw], [dh, dw], pad as 'valid')
    const { top, bottom, left, right } = info.padInfo
    const [kh, kw] = filterShape
    const xp = (top | bottom | left | right) === 0 ? x : tf.pad(x, [[0, 0], [top, bottom], [left, right], [0, 0]])
    const xT = tf.transpose(xp, [3, 1, 2, 0]) as tf.Tensor4D
    const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D
    const r = tf.conv2d(xT, dyT, [dh, dw], 'valid', 'NHWC', [sh, sw])
    const cropped = r.shape[1] === kh && r.shape[2] === kw ? r : tf.slice(r, [0, 0, 0, 0], [-1, kh, kw, -1])
    return tf.transpose(cropped, [1, 2, 0, 3]) as tf.Tensor4D
  })
}

let installed = false

/**
 * Replaces Conv2D's registered gradient with one that uses the backend's
 * Conv2DBackpropFilter kernel when it has one and {@link conv2dFilterGradient}
 * otherwise. The choice depends only on the active backend, so every run on a
 * given backend computes gradients the same way. Idempotent.
 */
export function installConv2dGradient (): void {
  if (installed) return
  const original = tf.getGradient('Conv2D')
  if (original === undefined) throw new CotrainError('tfjs has no registered Conv2D gradient to extend')
  const warn = console.warn
  console.warn = () => {}
  try {
    tf.registerGradient({
      kernelName: 'Conv2D',
      inputsToSave: ['x', 'filter'],
      gradFunc: (dy, saved, attrs) => {
        const grads = original.gradFunc(dy, saved, attrs)
        if (tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) !== undefined) return grads
        const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D]
        const a = attrs as unknown as { strides: [number, number] | number, pad: 'valid' | 'same', dilations: [number, number] | number, dataFormat: string }
        if (a.dataFormat !== 'NHWC') throw new CotrainError(`conv2d filter gradient: data format ${a.dataFormat} is not supported on this backend (only NHWC)`)
        return { x: grads.x, filter: () => conv2dFilterGradient(x, dy as tf.Tensor4D, filter.shape, a.strides, a.pad, a.dilations) }
      }
    })
  } finally {
    console.warn = warn
  }
  installed = true
}
