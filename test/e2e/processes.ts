/**
 * Spawns cotrain CLIs as real OS processes for end-to-end tests: each line
 * a `--json` process prints is parsed into an event; tests wait for events,
 * read what came before, and kill processes (SIGKILL to simulate a crash).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A parsed `--json` line. */
export type CliEvent = { event?: string, [key: string]: unknown }

/** A running CLI process and what it has printed so far. */
export interface CliProcess {
  readonly child: ChildProcess
  /** Every JSON line printed on stdout, in order. */
  readonly events: CliEvent[]
  /** stdout lines that were not JSON, and all of stderr (for failure messages). */
  readonly output: string[]
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  /** Waits for the first event (already printed or still to come) that matches. */
  waitFor: (match: string | ((e: CliEvent) => boolean), options?: { timeoutMs?: number, after?: number }) => Promise<CliEvent>
  /** Sends a signal (default SIGTERM) and waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>
  /** The last lines of output, for an assertion message. */
  tail: (lines?: number) => string
}

/**
 * Starts `node <script> ...args` in the repository root with `env` added to
 * the environment.
 *
 * @example
 * const coordinator = spawnCli('coordinator/cli.ts', ['start', '--json', ...])
 * const ready = await coordinator.waitFor('coordinator:ready')
 */
export function spawnCli (script: string, args: string[], options: { env?: Record<string, string>, name?: string } = {}): CliProcess {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const events: CliEvent[] = []
  const output: string[] = []
  const waiters = new Set<() => void>()
  const notify = (): void => { for (const w of [...waiters]) w() }
  const lines = (stream: NodeJS.ReadableStream, json: boolean): void => {
    let buffered = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      buffered += chunk
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        if (json && line.startsWith('{')) {
          try { events.push(JSON.parse(line) as CliEvent) } catch { output.push(line) }
        } else if (line !== '') {
          output.push(`${options.name ?? script}: ${line}`)
        }
      }
      notify()
    })
  }
  lines(child.stdout!, true)
  lines(child.stderr!, false)
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => { resolve({ code, signal }); notify() })
  })
  let done = false
  void exited.then(() => { done = true })

  const waitFor: CliProcess['waitFor'] = async (match, waitOptions = {}) => {
    const test = typeof match === 'string' ? (e: CliEvent) => e.event === match : match
    const timeoutMs = waitOptions.timeoutMs ?? 60_000
    return await new Promise<CliEvent>((resolve, reject) => {
      const check = (): void => {
        const found = events.slice(waitOptions.after ?? 0).find(test)
        if (found !== undefined) { finish(); resolve(found); return }
        if (done) { finish(); reject(new Error(`${options.name ?? script} exited before ${String(match)}:\n${tail()}`)) }
      }
      const timer = setTimeout(() => { finish(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(match)} from ${options.name ?? script}:\n${tail()}`)) }, timeoutMs)
      const finish = (): void => { clearTimeout(timer); waiters.delete(check) }
      waiters.add(check)
      check()
    })
  }
  const tail = (n = 30): string => [...output, ...events.map(e => JSON.stringify(e))].slice(-n).join('\n')
  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (!done) child.kill(signal)
    await exited
  }
  return { child, events, output, exited, waitFor, kill, tail }
}
