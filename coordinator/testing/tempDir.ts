import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh temporary folder and a function that removes it. */
export function tempDir (prefix = 'cotrain-coordinator-'): { dir: string, remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A 0x-prefixed 32-byte hex value derived from `n` (commitments, proof roots in tests). */
export function hex32 (n: number | string): string {
  return '0x' + Buffer.from(String(n)).toString('hex').padStart(64, '0').slice(-64)
}
