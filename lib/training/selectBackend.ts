import * as tf from '@tensorflow/tfjs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CotrainError, InvalidInputError } from '../errors.ts'
import { quietCpuBanner } from '../model/quietCpuBanner.ts'
import { installConv2dGradient } from './conv2dFilterGradient.ts'
import { detectCuda, dirHas, findLibrary } from './detectCuda.ts'

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
}

export class BackendUnavailableError extends CotrainError {
  override name = 'BackendUnavailableError'
}

const require = createRequire(import.meta.url)

/**
 * Picks and activates the fastest TensorFlow.js backend this machine can run:
 * tfjs-node-gpu (only with a CUDA driver), tfjs-node, webgpu (only when the
 * `webgpu` package yields an adapter), wasm with SIMD (wasm files loaded from
 * node_modules, nothing downloaded), then the pure-JS cpu backend. With
 * `backend` set, only that one is tried and failing is an error. Every
 * backend gets cotrain's Conv2D filter gradient where it lacks the kernel.
 *
 * @example
 * const sel = await selectBackend()            // auto
 * console.log(sel.reason)                      // "wasm (SIMD) selected: node-gpu: no CUDA driver; ..."
 * await selectBackend({ backend: 'cpu' })      // override
 */
export async function selectBackend (options: { backend?: BackendName | 'auto', cuda?: boolean } = {}): Promise<BackendSelection> {
  const wanted = options.backend ?? 'auto'
  if (wanted !== 'auto' && !(BACKENDS as readonly string[]).includes(wanted)) {
    throw new InvalidInputError(`unknown backend '${wanted}'`, { hint: `use auto or one of ${BACKENDS.join(', ')}` })
  }
  installConv2dGradient()
  const candidates: BackendName[] = wanted === 'auto' ? [...BACKENDS] : [wanted]
  const tried: BackendSelection['tried'] = []
  for (const name of candidates) {
    try {
      if (name === 'node-gpu' && wanted === 'auto' && !(options.cuda ?? detectCuda() !== null)) throw new Error('no CUDA driver found')
      const tfBackend = await activate(name)
      const skipped = tried.map((t) => `${t.name}: ${t.error}`).join('; ')
      const cls = backendClass()
      const reason = wanted === 'auto'
        ? `${describe(name)} selected${skipped === '' ? '' : ` (${skipped})`}`
        : `${describe(name)} selected by override`
      return { name, tfBackend, reason, tried, backendClass: cls }
    } catch (err) {
      tried.push({ name, error: firstLine(err) })
    }
  }
  throw new BackendUnavailableError(`backend ${wanted} could not be loaded: ${tried.map((t) => `${t.name}: ${t.error}`).join('; ')}`, { hint: wanted === 'auto' ? undefined : 'use --backend auto' })
}

/**
 * The exact-replay class of the active backend: backend name, SIMD mode (wasm)
 * and tfjs-core version, e.g. `wasm-simd/tfjs-4.22.0`. Two runs in the same
 * class on a deterministic backend produce bit-identical training.
 */
export function backendClass (): string {
  const b = tf.getBackend()
  const simd = b === 'wasm' ? (tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? '-simd' : '-nosimd') : ''
  return `${b}${simd}/tfjs-${tf.version_core}`
}

/** Classes whose kernels are single-threaded and deterministic, so replays compare bit for bit. */
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
    if (process.platform === 'linux' && findLibrary('libvulkan.so.1') === null) throw new Error('no Vulkan loader (libvulkan.so.1) for Dawn')
    let mod: { create: (flags: string[]) => GPU, globals: Record<string, unknown> }
    try {
      mod = await import('webgpu') as unknown as typeof mod
    } catch (err) {
      throw new Error(`the webgpu package could not be loaded: ${firstLine(err)}`)
    }
    const gpu = mod.create([])
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' })
    if (adapter === null) throw new Error('webgpu found no GPU adapter')
    Object.assign(globalThis, mod.globals)
    Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true })
    await import('@tensorflow/tfjs-backend-webgpu')
  }
  return await setBackend('webgpu')
}

function firstLine (err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]
}
