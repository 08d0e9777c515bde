import assert from 'node:assert/strict'
import { selectBackend } from '../../lib/training/selectBackend.ts'
import { describeHardware, detectHardware } from './detectHardware.ts'
import { measureCapability } from './measureCapability.ts'

describe('worker: hardware', () => {
  it('detects CPU, SIMD flags, memory and GPUs', async () => {
    const hw = await detectHardware()
    assert.ok(hw.cpu.cores >= 1)
    assert.ok(hw.memory.totalBytes > 0)
    assert.ok(Array.isArray(hw.gpus))
    assert.equal(typeof hw.cpu.simd.avx2, 'boolean')
    assert.equal(hw.cuda.present, hw.cuda.source !== null)
    const lines = describeHardware(hw)
    assert.match(lines[0], /^cpu: /)
    for (const l of lines) console.log(`      ${l}`)
  })

  it('measures matmul GFLOP/s and training samples/s in about a second', async () => {
    await selectBackend({ backend: 'wasm' })
    const cap = await measureCapability({ budgetMs: 800 })
    console.log(`      ${cap.backendClass}: ${cap.matmulGflops.toFixed(1)} GFLOP/s (matmul ${cap.matmulSize}), ${cap.trainSamplesPerSecond.toFixed(0)} MLP samples/s, ${cap.seconds.toFixed(2)} s`)
    assert.ok(cap.matmulGflops > 0.1)
    assert.ok(cap.trainSamplesPerSecond > 50)
    assert.ok(cap.seconds < 4)
  })
})
