import { renderHelp, resolveOptions, commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { selectBackend, type BackendName } from '../../lib/training/selectBackend.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import { describeHardware, detectHardware } from '../hardware/detectHardware.ts'
import { measureCapability } from '../hardware/measureCapability.ts'
import { printResult } from './workerOptions.ts'

const specs = {
  ...backendOption,
  'budget-ms': { type: 'number', description: 'time for the capability benchmark', default: 1200, env: 'COTRAIN_BENCH_BUDGET_MS' },
  ...commonOptions
} as const satisfies OptionSpecs
const help = renderHelp('worker bench [options]', 'Detects the hardware, picks the backend and measures matmul GFLOP/s and training samples/s (what the worker reports when it joins).', specs, [
  'worker bench',
  'worker bench --backend wasm --json'
])

/** `worker bench`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const hardware = await detectHardware()
  const backend = await selectBackend({ backend: o.backend as BackendName | 'auto', cuda: hardware.cuda.present })
  const capability = await measureCapability({ budgetMs: o['budget-ms'] })
  const rows: Array<[string, string]> = [
    ['backend', `${backend.name} (${backend.backendClass})`],
    ['why', backend.reason],
    ['matmul', `${capability.matmulGflops.toFixed(1)} GFLOP/s (n = ${capability.matmulSize})`],
    ['training', `${capability.trainSamplesPerSecond.toFixed(0)} samples/s (MLP 784-128-10, batch 64)`]
  ]
  printResult(o.json, { hardware, backend: { name: backend.name, tfBackend: backend.tfBackend, backendClass: backend.backendClass, reason: backend.reason, tried: backend.tried }, capability }, [
    ...describeHardware(hardware),
    ...rows.map(([k, v]) => `${k.padEnd(9)} ${v}`)
  ])
}

export const summary = 'hardware, backend and measured training speed'
