import { renderHelp, resolveOptions, commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { BACKENDS, selectBackend, type BackendName, type BackendSelection } from '../../lib/training/selectBackend.ts'
import { describeAdapter, type AdapterInfo } from '../../lib/training/webgpuAdapter.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import { describeHardware, detectHardware } from '../hardware/detectHardware.ts'
import { measureCapability, type Capability } from '../hardware/measureCapability.ts'
import { printResult } from './workerOptions.ts'

const specs = {
  ...backendOption,
  'budget-ms': { type: 'number', description: 'time for the capability benchmark of each backend', default: 1200, env: 'COTRAIN_BENCH_BUDGET_MS' },
  ...commonOptions
} as const satisfies OptionSpecs
const help = renderHelp('worker bench [options]', 'Detects the hardware and the GPU adapter, measures matmul GFLOP/s and training samples/s on every backend that loads (or only --backend), and says which one auto picks (what the worker reports when it joins).', specs, [
  'worker bench',
  'worker bench --backend webgpu',
  'worker bench --backend wasm --json'
])

/** One backend's row: measured, or why it did not load. */
interface BackendRow {
  name: BackendName
  backendClass: string | null
  adapter: AdapterInfo | null
  capability: Capability | null
  error: string | null
}

/** `worker bench`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const hardware = await detectHardware()
  const wanted = o.backend as BackendName | 'auto'
  const rows: BackendRow[] = []
  let backend: BackendSelection
  if (wanted === 'auto') {
    for (const name of BACKENDS) {
      try {
        const sel = await selectBackend({ backend: name })
        rows.push({ name, backendClass: sel.backendClass, adapter: sel.adapter ?? null, capability: await measureCapability({ budgetMs: o['budget-ms'] }), error: null })
      } catch (err) {
        rows.push({ name, backendClass: null, adapter: null, capability: null, error: (err as Error).message.replace(/^backend \S+ could not be loaded: \S+: /, '') })
      }
    }
    backend = await selectBackend({ backend: 'auto', cuda: hardware.cuda.present })
  } else {
    // Fails with a one-line error and a hint on how to get the backend.
    backend = await selectBackend({ backend: wanted, cuda: hardware.cuda.present })
    rows.push({ name: wanted, backendClass: backend.backendClass, adapter: backend.adapter ?? null, capability: await measureCapability({ budgetMs: o['budget-ms'] }), error: null })
  }
  const capability = rows.find((r) => r.name === backend.name)?.capability ?? await measureCapability({ budgetMs: o['budget-ms'] })
  const adapter = rows.find((r) => r.adapter !== null)?.adapter ?? backend.adapter ?? null
  const lines = [
    ...describeHardware(hardware),
    `adapter   ${adapter !== null ? describeAdapter(adapter) : 'none (webgpu not loaded)'}`,
    ...rows.map((r) => r.capability !== null
      ? `${r.name.padEnd(9)} ${r.capability.trainSamplesPerSecond.toFixed(0).padStart(6)} samples/s  ${r.capability.matmulGflops.toFixed(1).padStart(6)} GFLOP/s (matmul ${r.capability.matmulSize})  ${r.backendClass ?? ''}`
      : `${r.name.padEnd(9)} not available: ${r.error ?? ''}`),
    `backend   ${backend.name} (${backend.backendClass})`,
    `why       ${backend.reason}`
  ]
  printResult(o.json, {
    hardware,
    adapter,
    backends: rows,
    backend: { name: backend.name, tfBackend: backend.tfBackend, backendClass: backend.backendClass, reason: backend.reason, tried: backend.tried },
    capability
  }, lines)
}

export const summary = 'hardware, GPU adapter and measured training speed of each backend'
