import { gptForwardFlops } from './gpt.ts'
import { layersOutputShapes } from './layersTopology.ts'
import { resolveModelConfig, type LayersConfig, type ModelConfig, type ModelConfigInput } from './config.ts'

/**
 * Approximate floating-point operations per sample (for the gpt, one
 * sequence of contextLength tokens; see gptForwardFlops): forward counts 2 flops
 * per multiply-add of dense and conv layers (activations, pooling and the
 * loss are ignored); a training step is taken as 3x forward (forward, input
 * gradient, weight gradient). Used to turn samples/s into GFLOP/s.
 */
export function modelFlops (input: ModelConfigInput | ModelConfig): { forward: number, train: number } {
  const c = resolveModelConfig(input)
  let forward = 0
  if (c.kind === 'gpt') {
    forward = gptForwardFlops(c)
  } else if (c.kind === 'mlp') {
    let width = c.inputShape.reduce((a, b) => a * b, 1)
    for (const h of [...c.hidden, c.numClasses]) { forward += 2 * width * h; width = h }
  } else if (c.kind === 'layers') {
    forward = layersForwardFlops(c)
  } else {
    let [h, w, ch] = c.inputShape
    for (const f of c.filters) {
      forward += 2 * c.kernelSize * c.kernelSize * ch * f * h * w
      ch = f
      h = Math.floor(h / 2)
      w = Math.floor(w / 2)
    }
    let width = h * w * ch
    for (const d of [...c.dense, c.numClasses]) { forward += 2 * width * d; width = d }
  }
  return { forward, train: 3 * forward }
}

/** Dense: 2 x inputs x units per output position; conv2d: 2 x kernel area x input channels x filters per output pixel. */
function layersForwardFlops (c: LayersConfig): number {
  const shapes = layersOutputShapes(c)
  let flops = 0
  c.layers.forEach((l, i) => {
    const input = i === 0 ? c.inputShape : shapes[i - 1]
    const out = shapes[i]
    const positions = out.slice(0, -1).reduce((a, b) => a * b, 1)
    if (l.type === 'dense') flops += 2 * input[input.length - 1] * l.units * positions
    else if (l.type === 'conv2d') flops += 2 * l.kernelSize[0] * l.kernelSize[1] * input[2] * l.filters * positions
  })
  return flops
}
