import * as tf from '@tensorflow/tfjs'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CotrainError, InvalidInputError } from '../errors.ts'
import { quietCpuBanner } from '../model/quietCpuBanner.ts'
import { installConv2dGradient } from './conv2dFilterGradient.ts'
import { detectCuda, dirHas, findLibrary } from './detectCuda.ts'
import { measureTrainingSpeed } from './measureTrainingSpeed.ts'
import { adapterInfo, adapterSlug, describeAdapter, type AdapterInfo } from './webgpuAdapter.ts'

/** Backends cotrain can train on, fastest first. */
export const BACKENDS = ['node-gpu', 'node', 'webgpu', 'wasm', 'cpu'] as const
export type BackendName = (typeof BACKENDS)[number]

/** The outcome: the backend in use, why, and what was tried before it. */
export interface BackendSelection {
  name: BackendName
  /** tfjs's own backend name ('tensorflow', 'webgpu', 'wasm', 'cpu'). */
  tfBackend: string
  /** One printable line, e.g. "wasm (SIMD): tfjs-node is not installed; ...". */
  reason: string
  tried: Array<{ name: BackendName, error: string }>
  /** Exact-replay class (see backendClass). */
  backendClass: string
  /** The GPU adapter, when the webgpu backend was loaded (selected or raced). */
  adapter?: AdapterInfo
  /** Training samples/s measured when auto raced a GPU adapter against a CPU backend. */
  speeds?: Partial<Record<BackendName, number>>
}

export class BackendUnavailableError extends CotrainError {
  override name = 'BackendUnavailableError'
}

const require = createRequire(import.meta.url)

/**
 * Picks and activates the fastest TensorFlow.js backend this machine can run.
 * Auto tries tfjs-node-gpu (only with a CUDA driver) and takes it when it
 * loads. Otherwise a webgpu adapter, if the `webgpu` package yields a hardware
 * one, is raced against the first CPU backend that loads (tfjs-node, wasm with
 * SIMD, then pure-JS cpu) on cotrain's reference training step, and the faster
 * wins; a software adapter (SwiftShader, llvmpipe) is never chosen by auto.
 * With `backend` set, only that one is tried and failing is an error with a
 * hint on how to get it. Every backend gets cotrain's Conv2D filter gradient
 * where it lacks the kernel. `raceMs` is each contender's timing budget;
 * `raceSoftwareAdapter` races a software adapter too (tests: the race itself
 * must then pick wasm).
 *
 * @example
 * const sel = await selectBackend()            // auto
 * console.log(sel.reason)                      // "wasm (SIMD) selected (node-gpu: no CUDA driver found; webgpu: software adapter ...)"
 * await selectBackend({ backend: 'cpu' })      // override
 */
export async function selectBackend (options: { backend?: BackendName | 'auto', cuda?: boolean, raceMs?: number, raceSoftwareAdapter?: boolean } = {}): Promise<BackendSelection> {
  const wanted = options.backend ?? 'auto'
  if (wanted !== 'auto' && !(BACKENDS as readonly string[]).includes(wanted)) {
    throw new InvalidInputError(`unknown backend '${wanted}'`, { hint: `use auto or one of ${BACKENDS.join(', ')}` })
  }
  installConv2dGradient()
  const tried: BackendSelection['tried'] = []
  const skipped = (): string => tried.length === 0 ? '' : ` (${tried.map((t) => `${t.name}: ${t.error}`).join('; ')})`
  const make = (name: BackendName, tfBackend: string, reason: string, extra: Partial<BackendSelection> = {}): BackendSelection =>
    ({ name, tfBackend, reason, tried, backendClass: backendClass(), ...(name === 'webgpu' && loadedAdapter !== null ? { adapter: loadedAdapter } : {}), ...extra })
  if (wanted !== 'auto') {
    try {
      return make(wanted, await activate(wanted), `${describe(wanted)} selected by override`)
    } catch (err) {
      tried.push({ name: wanted, error: firstLine(err) })
      throw new BackendUnavailableError(`backend ${wanted} could not be loaded: ${wanted}: ${tried[0].error}`, { hint: installHint(wanted) })
    }
  }
  // The GPU contender, once loaded on a hardware adapter and timed.
  let gpu: { adapter: AdapterInfo, samplesPerSecond: number } | null = null
  for (const name of ['node-gpu', 'webgpu', 'node', 'wasm', 'cpu'] as const) {
    try {
      if (name === 'node-gpu' && !(options.cuda ?? detectCuda() !== null)) throw new Error('no CUDA driver found')
      const tfBackend = await activate(name)
      if (name === 'webgpu') {
        const adapter = loadedAdapter as AdapterInfo
        if (adapter.software && options.raceSoftwareAdapter !== true) throw new Error(`${describeAdapter(adapter)}: slower than wasm, used only with --backend webgpu`)
        gpu = { adapter, samplesPerSecond: (await measureTrainingSpeed({ budgetMs: options.raceMs })).samplesPerSecond }
        continue
      }
      if (gpu === null || name === 'node-gpu') return make(name, tfBackend, `${describe(name)} selected${skipped()}`)
      const cpuSpeed = (await measureTrainingSpeed({ budgetMs: options.raceMs })).samplesPerSecond
      const speeds = { webgpu: gpu.samplesPerSecond, [name]: cpuSpeed }
      const race = `webgpu on ${describeAdapter(gpu.adapter)} ${gpu.samplesPerSecond.toFixed(0)} samples/s vs ${describe(name)} ${cpuSpeed.toFixed(0)} samples/s`
      if (cpuSpeed >= gpu.samplesPerSecond) return make(name, tfBackend, `${describe(name)} selected, measured faster: ${race}${skipped()}`, { speeds, adapter: gpu.adapter })
      return make('webgpu', await activate('webgpu'), `webgpu selected, measured faster: ${race}${skipped()}`, { speeds })
    } catch (err) {
      tried.push({ name, error: firstLine(err) })
    }
  }
  if (gpu !== null) return make('webgpu', await activate('webgpu'), `webgpu selected (no CPU backend loaded)${skipped()}`)
  throw new BackendUnavailableError(`no backend could be loaded: ${tried.map((t) => `${t.name}: ${t.error}`).join('; ')}`)
}

/**
 * How to get a backend that did not load: the package to install and what it
 * needs, one line for an error's hint.
 */
export function installHint (name: BackendName): string {
  switch (name) {
    case 'node-gpu': return 'tfjs-node-gpu needs Linux x86-64, an NVIDIA driver, CUDA 11.2 and cuDNN 8; install it with `npm install @tensorflow/tfjs-node-gpu@4.22.0` on a machine with internet access (its install downloads libtensorflow), or use --backend webgpu, which needs only a Vulkan driver'
    case 'node': return 'install it with `npm install @tensorflow/tfjs-node@4.22.0` on a machine with internet access (its install downloads libtensorflow)'
    case 'webgpu': return 'webgpu needs the `webgpu` npm package and a Vulkan (Linux), Metal (macOS) or D3D12 (Windows) driver for the GPU: on Linux the vendor driver plus the Vulkan loader (Debian/Ubuntu: libvulkan1); `worker bench` shows the adapter it finds'
    case 'wasm': return 'reinstall dependencies (npm ci): @tensorflow/tfjs-backend-wasm ships its wasm files'
    case 'cpu': return 'the cpu backend is part of @tensorflow/tfjs; reinstall dependencies (npm ci)'
  }
}

/** The adapter the webgpu backend runs on, or null when webgpu has not been loaded in this process. */
export function webgpuAdapter (): AdapterInfo | null {
  return loadedAdapter
}

let loadedAdapter: AdapterInfo | null = null

/**
 * The exact-replay class of the active backend: backend name, SIMD mode (wasm)
 * and tfjs-core version, e.g. `wasm-simd/tfjs-4.22.0`. Two runs in the same
 * class on a deterministic backend produce bit-identical training.
 */
export function backendClass (): string {
  const b = tf.getBackend()
  const variant = b === 'wasm'
    ? (tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? '-simd' : '-nosimd')
    : b === 'webgpu' && loadedAdapter !== null ? `-${adapterSlug(loadedAdapter)}` : ''
  return `${b}${variant}/tfjs-${tf.version_core}`
}

/**
 * Classes whose kernels are single-threaded and deterministic, so replays
 * compare bit for bit. webgpu is not among them even though SwiftShader
 * replays bit-identically run to run: GPU drivers promise no fixed reduction
 * order, and an honest worker must never be slashed for a driver's choice, so
 * webgpu claims are always compared within the calibrated tolerance
 * (docs/proof-of-training.md, "Replay rule").
 */
export function isDeterministicClass (cls: string): boolean {
  return /^(cpu|wasm-simd|wasm-nosimd)\//.test(cls)
}

function describe (name: BackendName): string {
  if (name === 'wasm') return `wasm (${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD'})`
  return { 'node-gpu': 'tfjs-node-gpu (CUDA)', node: 'tfjs-node (native TensorFlow)', webgpu: 'webgpu', cpu: 'cpu (pure JS)' }[name]
}

async function activate (name: BackendName): Promise<string> {
  switch (name) {
    case 'node-gpu': return await activateNative('@tensorflow/tfjs-node-gpu')
    case 'node': return await activateNative('@tensorflow/tfjs-node')
    case 'webgpu': return await activateWebgpu()
    case 'wasm': return await activateWasm()
    case 'cpu': return await activateCpu()
  }
}

async function activateCpu (): Promise<string> {
  const name = await setBackend('cpu')
  quietCpuBanner()
  return name
}

async function setBackend (tfName: string): Promise<string> {
  if (!(await tf.setBackend(tfName))) throw new Error(`tf.setBackend('${tfName}') failed`)
  await tf.ready()
  return tfName
}

async function activateWasm (): Promise<string> {
  if (tf.findBackend('wasm') == null) {
    const wasm = await import('@tensorflow/tfjs-backend-wasm')
    wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep)
  }
  return await setBackend('wasm')
}

/**
 * tfjs-node(-gpu) is an optional dependency whose install downloads
 * libtensorflow; when that failed, the JS is present but the addon is not, and
 * importing it throws after registering kernels. So look for the addon file
 * first and only import when it is there.
 */
async function activateNative (pkg: string): Promise<string> {
  if (tf.findBackendFactory('tensorflow') == null) {
    const problem = nativeAddonProblem(pkg)
    if (problem !== null) throw new Error(problem)
    // TensorFlow uses TF32 for matmuls and convolutions on Ampere and newer
    // GPUs, which makes replays on other backends drift far more than float32
    // rounding does; keep full float32 unless the operator chose otherwise.
    if (pkg.endsWith('-gpu')) process.env.NVIDIA_TF32_OVERRIDE ??= '0'
    await import(pkg)
    if (tf.findBackendFactory('tensorflow') == null) throw new Error(`${pkg} loaded but registered no 'tensorflow' backend in this copy of tfjs-core (version mismatch?)`)
  }
  return await setBackend('tensorflow')
}

/**
 * Why a tfjs-node package cannot be loaded, or null when it can be tried:
 * not installed, or installed without its native addon `tfjs_binding.node`.
 * `from` is the folder module resolution starts in (tests point it elsewhere).
 */
export function nativeAddonProblem (pkg: string, from: string = import.meta.url): string | null {
  let dir: string
  try {
    dir = path.dirname(createRequire(from).resolve(`${pkg}/package.json`))
  } catch {
    return `${pkg} is not installed`
  }
  if (!dirHas(path.join(dir, 'lib'), /tfjs_binding\.node$/)) return `${pkg} is installed without its native addon (its install script could not download libtensorflow)`
  return null
}

async function activateWebgpu (): Promise<string> {
  if (tf.findBackendFactory('webgpu') == null) {
    if (process.platform === 'linux') {
      if (findLibrary('libvulkan.so.1') === null) throw new Error('no Vulkan loader (libvulkan.so.1) for Dawn')
      // Without a driver Dawn only prints Vulkan warnings and finds nothing; say why instead.
      if (vulkanDrivers().length === 0) throw new Error(`no Vulkan driver (no ICD file in ${VULKAN_ICD_DIRS.join(', ')}, VK_ICD_FILENAMES unset)`)
    }
    let mod: { create: (flags: string[]) => GPU, globals: Record<string, unknown> }
    try {
      mod = await import('webgpu') as unknown as typeof mod
    } catch (err) {
      throw new Error(`the webgpu package could not be loaded: ${firstLine(err)}`)
    }
    const gpu = mod.create([])
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' })
    if (adapter === null) throw new Error('webgpu found no GPU adapter (no Vulkan driver for a GPU?)')
    loadedAdapter = adapterInfo(adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean })
    Object.assign(globalThis, mod.globals)
    Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true })
    await import('@tensorflow/tfjs-backend-webgpu')
  }
  return await setBackend('webgpu')
}

const VULKAN_ICD_DIRS = ['/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d', '/usr/share/vulkan/icd.d']

/**
 * Vulkan driver manifests the loader would read: the files named by
 * VK_ICD_FILENAMES / VK_DRIVER_FILES / VK_ADD_DRIVER_FILES, plus the ICD
 * folders (system, XDG_DATA_DIRS), unless an override replaces them.
 */
export function vulkanDrivers (env: NodeJS.ProcessEnv = process.env): string[] {
  const named = (v: string | undefined): string[] => (v ?? '').split(':').filter((f) => f !== '' && existsSync(f))
  const override = env.VK_DRIVER_FILES ?? env.VK_ICD_FILENAMES
  if (override !== undefined) return named(override)
  const dirs = [...VULKAN_ICD_DIRS, ...(env.XDG_DATA_DIRS ?? '').split(':').filter((d) => d !== '').map((d) => path.join(d, 'vulkan', 'icd.d'))]
  return [...named(env.VK_ADD_DRIVER_FILES), ...dirs.flatMap((d) => { try { return readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)) } catch { return [] } })]
}

function firstLine (err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]
}
