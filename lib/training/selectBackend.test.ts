import assert from 'node:assert/strict'
import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { conv2dFilterGradient } from './conv2dFilterGradient.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { backendClass, isDeterministicClass, nativeAddonProblem, selectBackend, webgpuAdapter } from './selectBackend.ts'
import { adapterInfo, adapterSlug } from './webgpuAdapter.ts'

function randomTensor (shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform(shape, -1, 1, 'float32', seed)
}

function maxRelDiff (a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync()
  const y = b.dataSync()
  let num = 0
  let den = 1e-12
  for (let i = 0; i < x.length; i++) { num = Math.max(num, Math.abs(x[i] - y[i])); den = Math.max(den, Math.abs(y[i])) }
  return num / den
}

const CASES: Array<{ x: number[], f: number[], strides: number, pad: 'same' | 'valid', dilations: number }> = [
  { x: [4, 9, 9, 3], f: [3, 3, 3, 5], strides: 1, pad: 'same', dilations: 1 },
  { x: [2, 10, 8, 2], f: [3, 2, 2, 4], strides: 1, pad: 'valid', dilations: 1 },
  { x: [3, 11, 11, 2], f: [3, 3, 2, 3], strides: 2, pad: 'same', dilations: 1 },
  { x: [2, 12, 12, 3], f: [5, 5, 3, 2], strides: 3, pad: 'valid', dilations: 1 }
]

describe('training: backend selection', () => {
  it('auto picks the fastest loadable backend and says why the others were skipped', async () => {
    const sel = await selectBackend()
    assert.ok(['node-gpu', 'node', 'webgpu', 'wasm'].includes(sel.name), sel.reason)
    assert.equal(sel.reason.includes('\n'), false)
    assert.match(sel.reason, /selected/)
    for (const t of sel.tried) assert.ok(t.error.length > 0 && sel.reason.includes(t.name))
    console.log(`      ${sel.reason}`)
  })

  it('honours an override and rejects unknown names', async () => {
    const sel = await selectBackend({ backend: 'cpu' })
    assert.equal(sel.name, 'cpu')
    assert.equal(tf.getBackend(), 'cpu')
    assert.equal(sel.backendClass, `cpu/tfjs-${tf.version_core}`)
    await assert.rejects(selectBackend({ backend: 'tpu' as never }), InvalidInputError)
    const wasm = await selectBackend({ backend: 'wasm' })
    assert.match(wasm.backendClass, /^wasm-(no)?simd\/tfjs-/)
    assert.equal(backendClass(), wasm.backendClass)
  })

  it('a missing native package is skipped with a reason, not a crash', async function () {
    const sel = await selectBackend({ backend: 'wasm' })
    assert.equal(sel.name, 'wasm')
    try {
      await selectBackend({ backend: 'node' })
      this.skip() // tfjs-node with its addon is installed here; nothing to check
    } catch (err) {
      assert.match((err as Error).message, /node: .*(not installed|native addon)/)
      assert.equal(tf.getBackend(), 'wasm', 'the failed attempt leaves the previous backend active')
    }
  })

  it('tells software adapters (SwiftShader, llvmpipe, fallback) from GPUs, and keeps webgpu out of exact replay', () => {
    assert.equal(adapterInfo({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' }).software, true)
    assert.equal(adapterInfo({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }).software, true)
    assert.equal(adapterInfo({ vendor: 'x', isFallbackAdapter: true }).software, true)
    const nvidia = adapterInfo({ vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA: 550.54.14 550.54.14.0' })
    assert.equal(nvidia.software, false)
    assert.equal(adapterSlug(nvidia), 'nvidia-hopper-nvidia-550.54.14-550.54.14.0')
    assert.equal(isDeterministicClass(`webgpu-${adapterSlug(nvidia)}/tfjs-4.22.0`), false)
    assert.equal(isDeterministicClass('wasm-simd/tfjs-4.22.0'), true)
  })

  it('auto never picks a software adapter: not by rule, and not when it races one either', async function () {
    this.timeout(120_000)
    try {
      await selectBackend({ backend: 'webgpu' })
    } catch (err) {
      console.log(`      skipped: no webgpu adapter here (${(err as Error).message.split('\n')[0]})`)
      this.skip()
    }
    const adapter = webgpuAdapter()
    if (adapter?.software !== true) {
      console.log(`      skipped: the adapter is a GPU (${adapter?.description ?? '?'}), not a software one`)
      this.skip()
    }
    const byRule = await selectBackend()
    assert.notEqual(byRule.name, 'webgpu')
    assert.match(byRule.tried.find((t) => t.name === 'webgpu')?.error ?? '', /software adapter: slower than wasm/)
    const raced = await selectBackend({ raceSoftwareAdapter: true, raceMs: 300 })
    console.log(`      ${raced.reason}`)
    assert.equal(raced.name, 'wasm')
    assert.ok(raced.speeds?.wasm !== undefined && raced.speeds.webgpu !== undefined && raced.speeds.wasm > raced.speeds.webgpu, JSON.stringify(raced.speeds))
    assert.match(raced.reason, /measured faster: webgpu on google swiftshader .* samples\/s vs wasm \(SIMD\) \d+ samples\/s/)
  })

  it('recognises a tfjs-node package installed without its addon', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cotrain-addon-'))
    try {
      const pkgDir = path.join(root, 'node_modules', '@tensorflow', 'tfjs-node')
      await mkdir(path.join(pkgDir, 'lib'), { recursive: true })
      await writeFile(path.join(pkgDir, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', main: 'index.js' }))
      const from = pathToFileURL(path.join(root, 'x.js')).href
      assert.match(nativeAddonProblem('@tensorflow/tfjs-node', from) ?? '', /without its native addon/)
      await mkdir(path.join(pkgDir, 'lib', 'napi-v8'), { recursive: true })
      await writeFile(path.join(pkgDir, 'lib', 'napi-v8', 'tfjs_binding.node'), '')
      assert.equal(nativeAddonProblem('@tensorflow/tfjs-node', from), null)
      assert.match(nativeAddonProblem('@tensorflow/tfjs-nope', from) ?? '', /not installed/)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('computes Conv2D filter gradients with a forward conv that matches the cpu kernel', async () => {
    await selectBackend({ backend: 'cpu' })
    const inputs = CASES.map((c, i) => ({ ...c, xv: randomTensor(c.x, 10 + i).arraySync(), dyShape: tf.conv2d(randomTensor(c.x, 1) as tf.Tensor4D, randomTensor(c.f, 2) as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations).shape }))
    const reference = inputs.map((c, i) => {
      const x = tf.tensor(c.xv) as tf.Tensor4D
      const dy = randomTensor(c.dyShape, 20 + i) as tf.Tensor4D
      const ref = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.f }) as tf.Tensor
      const mine = conv2dFilterGradient(x, dy, c.f as [number, number, number, number], c.strides, c.pad, c.dilations)
      assert.ok(maxRelDiff(mine, ref) < 1e-5, `cpu case ${i}: ${maxRelDiff(mine, ref)}`)
      return { x: x.arraySync(), dy: dy.arraySync(), ref: ref.arraySync() }
    })
    await selectBackend({ backend: 'wasm' })
    assert.equal(tf.getKernel('Conv2DBackpropFilter', 'wasm'), undefined, 'wasm still lacks the kernel (else this override is moot)')
    inputs.forEach((c, i) => {
      const x = tf.tensor(reference[i].x) as tf.Tensor4D
      const dy = tf.tensor(reference[i].dy) as tf.Tensor4D
      // Through the registered gradient, as training uses it.
      const g = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations), dy)))(tf.zeros(c.f))
      assert.ok(maxRelDiff(g, tf.tensor(reference[i].ref)) < 1e-5, `wasm case ${i}: ${maxRelDiff(g, tf.tensor(reference[i].ref))}`)
    })
  })
})
