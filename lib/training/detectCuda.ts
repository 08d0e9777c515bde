import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

const LIB_DIRS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/cuda/lib64', '/usr/lib/wsl/lib', '/usr/lib/aarch64-linux-gnu']

/**
 * Cheap check for a usable NVIDIA CUDA driver: the kernel driver's
 * /proc/driver/nvidia/version, or libcuda.so.1 in a standard library folder or
 * LD_LIBRARY_PATH. No process is spawned. Returns where it was found, or null.
 */
export function detectCuda (): string | null {
  if (process.platform === 'win32') return process.env.CUDA_PATH ?? null
  if (existsSync('/proc/driver/nvidia/version')) return '/proc/driver/nvidia/version'
  return findLibrary('libcuda.so.1')
}

/** First folder among the standard library folders and LD_LIBRARY_PATH holding `name`, as a full path. */
export function findLibrary (name: string): string | null {
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter((d) => d !== ''), ...LIB_DIRS]
  for (const d of dirs) {
    const p = path.join(d, name)
    if (existsSync(p)) return p
  }
  return null
}

/** True when a folder exists and holds a file matching `re` (used to find native addons). */
export function dirHas (dir: string, re: RegExp): boolean {
  try {
    return readdirSync(dir, { recursive: true }).some((f) => re.test(String(f)))
  } catch {
    return false
  }
}
