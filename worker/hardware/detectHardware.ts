import si from 'systeminformation'
import { detectCuda } from '../../lib/training/detectCuda.ts'

/** One GPU as systeminformation reports it. */
export interface GpuInfo {
  vendor: string
  model: string
  /** Video memory in MiB, when known. */
  vramMiB: number | null
  driver: string | null
}

/** What the worker runs on. */
export interface HardwareInfo {
  platform: string
  cpu: {
    manufacturer: string
    brand: string
    /** Logical cores (what worker_threads can use). */
    cores: number
    physicalCores: number
    speedGHz: number
    simd: { sse4_1: boolean, sse4_2: boolean, avx: boolean, avx2: boolean, fma: boolean, avx512f: boolean, neon: boolean }
  }
  memory: { totalBytes: number, availableBytes: number }
  gpus: GpuInfo[]
  /** Whether an NVIDIA CUDA driver is present (tfjs-node-gpu can only run then), and where it was seen. */
  cuda: { present: boolean, source: string | null }
  /** Sub-probes that failed or timed out (the rest is still filled in). */
  warnings: string[]
}

/**
 * Detects CPU (model, cores, SIMD flags), memory, GPUs (vendor, model, VRAM,
 * driver) and a CUDA driver, with systeminformation. Each probe is bounded by
 * `timeoutMs`; a failed probe leaves defaults and a warning rather than
 * failing the worker.
 *
 * @example
 * const hw = await detectHardware()
 * console.log(hw.cpu.brand, hw.cpu.simd.avx2, hw.gpus.length)
 */
export async function detectHardware (options: { timeoutMs?: number, signal?: AbortSignal } = {}): Promise<HardwareInfo> {
  const timeoutMs = options.timeoutMs ?? 5000
  const warnings: string[] = []
  const probe = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    options.signal?.throwIfAborted()
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        fn(),
        new Promise<never>((_resolve, reject) => { timer = setTimeout(() => { reject(new Error(`timed out after ${timeoutMs} ms`)) }, timeoutMs) })
      ])
    } catch (err) {
      warnings.push(`${name}: ${err instanceof Error ? err.message : String(err)}`)
      return fallback
    } finally {
      clearTimeout(timer)
    }
  }
  const [cpu, flags, mem, graphics] = await Promise.all([
    probe('cpu', async () => await si.cpu(), null),
    probe('cpu flags', async () => await si.cpuFlags(), ''),
    probe('memory', async () => await si.mem(), null),
    probe('graphics', async () => await si.graphics(), null)
  ])
  const flagSet = new Set(flags.toLowerCase().split(/\s+/))
  const cuda = detectCuda()
  const gpus: GpuInfo[] = (graphics?.controllers ?? []).map((c) => ({
    vendor: c.vendor,
    model: c.model !== '' ? c.model : c.name ?? '',
    vramMiB: c.vram ?? c.memoryTotal ?? null,
    driver: c.driverVersion ?? null
  }))
  return {
    platform: `${process.platform}-${process.arch}`,
    cpu: {
      manufacturer: cpu?.manufacturer ?? '',
      brand: cpu?.brand ?? '',
      cores: cpu?.cores ?? 1,
      physicalCores: cpu?.physicalCores ?? 1,
      speedGHz: cpu?.speed ?? 0,
      simd: {
        sse4_1: flagSet.has('sse4_1'),
        sse4_2: flagSet.has('sse4_2'),
        avx: flagSet.has('avx'),
        avx2: flagSet.has('avx2'),
        fma: flagSet.has('fma'),
        avx512f: flagSet.has('avx512f'),
        neon: flagSet.has('neon') || flagSet.has('asimd') || process.arch === 'arm64'
      }
    },
    memory: { totalBytes: mem?.total ?? 0, availableBytes: mem?.available ?? 0 },
    gpus,
    cuda: { present: cuda !== null, source: cuda },
    warnings
  }
}

/** One printable line per part, for `worker start` and logs. */
export function describeHardware (hw: HardwareInfo): string[] {
  const simd = Object.entries(hw.cpu.simd).filter(([, v]) => v).map(([k]) => k).join(' ')
  const lines = [
    `cpu: ${hw.cpu.manufacturer} ${hw.cpu.brand}, ${hw.cpu.cores} logical / ${hw.cpu.physicalCores} physical cores${simd !== '' ? `, ${simd}` : ''}`,
    `memory: ${(hw.memory.totalBytes / 2 ** 30).toFixed(1)} GiB (${(hw.memory.availableBytes / 2 ** 30).toFixed(1)} GiB available)`,
    hw.gpus.length === 0 ? 'gpu: none found' : `gpu: ${hw.gpus.map((g) => `${g.vendor} ${g.model}${g.vramMiB !== null ? ` ${g.vramMiB} MiB` : ''}${g.driver !== null ? ` driver ${g.driver}` : ''}`).join('; ')}`,
    `cuda: ${hw.cuda.present ? `present (${hw.cuda.source})` : 'not found'}`
  ]
  return [...lines, ...hw.warnings.map((w) => `warning: ${w}`)]
}
