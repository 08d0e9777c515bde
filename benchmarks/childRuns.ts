import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Independent runs of a benchmark in child processes, one per core: the
 * learning-quality benchmarks measure where training ends, not how fast, so
 * their runs may share the machine. A script calls `runInChild(import.meta.url,
 * run)`; the child (the same script with `--run JSON`) prints its result as
 * the last line of stdout.
 */

/** The run this process was started for (`--run JSON`), or undefined in the parent. */
export function childRunArgument<T> (): T | undefined {
  const i = process.argv.indexOf('--run')
  return i >= 0 ? JSON.parse(process.argv[i + 1]) as T : undefined
}

/**
 * Runs `run` in a child process of `scriptUrl` and reads its JSON result line.
 * With `cacheKey` (everything the result depends on besides `run`), a result
 * is kept in the temp dir and reused, so a long benchmark interrupted on a
 * shared machine resumes where it stopped.
 */
export async function runInChild<R> (scriptUrl: string, run: unknown, options: { cacheKey?: string } = {}): Promise<R> {
  const cached = options.cacheKey === undefined ? undefined : path.join(tmpdir(), 'cotrain-bench-runs', createHash('sha256').update(`${fileURLToPath(scriptUrl)}\0${options.cacheKey}\0${JSON.stringify(run)}`).digest('hex') + '.json')
  if (cached !== undefined && existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as R
  const child = spawn(process.execPath, [fileURLToPath(scriptUrl), '--run', JSON.stringify(run)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`run ${JSON.stringify(run)} exited with ${code}`)
  const line = out.trim().split('\n').at(-1)!
  const result = JSON.parse(line) as R
  if (cached !== undefined) { mkdirSync(path.dirname(cached), { recursive: true }); writeFileSync(cached, line) }
  return result
}

/** Runs every item with at most `limit` at a time, keeping the input order in the output; one failure stops no other run (the first is thrown at the end). */
export async function pool<T, R> (items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  const failures: unknown[] = []
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      try { out[i] = await fn(items[i]) } catch (err) { failures.push(err) }
    }
  }))
  if (failures.length > 0) throw failures[0]
  return out
}
