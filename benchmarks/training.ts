// Training throughput: samples/s and GFLOP/s for the MLP and the CNN on the
// cpu backend, wasm, wasm data-parallel over 2 worker threads, and webgpu
// where an adapter loads (marked "software adapter" on SwiftShader/llvmpipe,
// where the slowest cases are left out).
// Usage: node benchmarks/training.ts [secondsPerCase=3]
import { loadavg } from 'node:os'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { resolveModelConfig, type ModelConfig } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { modelFlops } from '../lib/model/modelFlops.ts'
import { resolveHyperParams } from '../lib/training/hyperParams.ts'
import { initialOptimizerState } from '../lib/training/optimizerState.ts'
import { backendClass, selectBackend, webgpuAdapter, type BackendName } from '../lib/training/selectBackend.ts'
import { describeAdapter } from '../lib/training/webgpuAdapter.ts'
import { LocalStepRunner, type StepRunner } from '../lib/training/StepRunner.ts'
import { ThreadedStepRunner } from '../lib/training/ThreadedStepRunner.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'
import type { Dataset } from '../lib/data/Dataset.ts'

const seconds = Number(process.argv[2] ?? 3)
const data = await loadMnist({ split: 'train', limit: 12000 })
const models: ModelConfig[] = [resolveModelConfig({ kind: 'mlp', hidden: [128] }), resolveModelConfig({ kind: 'cnn' })]
const cases: Array<{ backend: BackendName, threads: number }> = [{ backend: 'cpu', threads: 1 }, { backend: 'wasm', threads: 1 }, { backend: 'wasm', threads: 2 }]
const adapter = await selectBackend({ backend: 'webgpu' }).then(() => webgpuAdapter(), (err: Error) => { console.error(`webgpu rows skipped: ${err.message}`); return null })
if (adapter !== null) cases.push({ backend: 'webgpu', threads: 1 })
const software = adapter?.software === true
const before = loadavg()
const rows: Array<Record<string, string | number>> = []

for (const model of models) {
  for (const batchSize of [64, 256]) {
    for (const c of cases) {
      if (c.backend === 'cpu' && model.kind === 'cnn' && batchSize > 64) continue // about 30 samples/s: a minute per case
      if (c.backend === 'webgpu' && software && model.kind === 'cnn' && batchSize > 64) continue // SwiftShader: minutes per step
      await selectBackend({ backend: c.backend })
      const hyper = resolveHyperParams({ batchSize })
      const runner: StepRunner = c.threads > 1
        ? await ThreadedStepRunner.start({ config: model, hyper, threads: c.threads, backend: c.backend, data: { assigned: data } })
        : new LocalStepRunner(model, hyper, { assigned: data })
      const sps = await measure(runner, model, data, batchSize, c.backend === 'cpu' || (c.backend === 'webgpu' && software) ? seconds / 2 : seconds)
      await runner.dispose()
      rows.push({
        model: model.kind === 'mlp' ? 'MLP 784-128-10' : 'CNN 8-16-64',
        batch: batchSize,
        backend: c.threads > 1 ? `${backendClass().split('/')[0]} x${c.threads} threads` : c.backend === 'webgpu' ? `webgpu${software ? ' (software adapter)' : ''}` : backendClass().split('/')[0],
        'samples/s': Math.round(sps),
        'GFLOP/s': sps * modelFlops(model).train / 1e9,
        'x2 speed-up': c.threads > 1 ? sps / Number(rows.at(-1)?.['samples/s'] ?? NaN) : ''
      })
      console.error(`measured ${JSON.stringify(rows.at(-1))}`)
    }
  }
}
const after = loadavg()
if (adapter !== null) console.log(`webgpu adapter: ${describeAdapter(adapter)}`)
printTable(rows)
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult('training', { env: environment(), webgpuAdapter: adapter, loadBefore: before, loadAfter: after, secondsPerCase: seconds, rows })}`)

async function measure (runner: StepRunner, model: ModelConfig, d: Dataset, batchSize: number, secs: number): Promise<number> {
  const w = initialWeights(model, 'bench')
  await runner.setState({ weights: w, ...initialOptimizerState(w.length) })
  let step = 0
  const next = (): Uint32Array => { const idx = new Uint32Array(batchSize).map((_, i) => (step * batchSize + i) % d.count); step++; return idx }
  for (let i = 0; i < (secs < 2 ? 1 : 3); i++) await runner.step('assigned', next())
  await runner.getState()
  step = 0
  const t0 = performance.now()
  while (performance.now() - t0 < secs * 1000 || step < 2) await runner.step('assigned', next())
  await runner.getState()
  return step * batchSize / ((performance.now() - t0) / 1000)
}
