/**
 * Spawns cotrain CLIs as real OS processes for end-to-end tests: each line
 * a `--json` process prints is parsed into an event; tests wait for events,
 * read what came before, and kill processes (SIGKILL to simulate a crash).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EventRecord } from '../../lib/events/EventRecord.ts'

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A parsed `--json` line: the component's event record (worker/node/events.ts, validator/events.ts, coordinator/events.ts). */
export type CliEvent = EventRecord

/** What {@link CliProcess.waitFor} takes besides the event name. */
export interface WaitForOptions<T> {
  /** Only an event for which this holds (e.g. `(e) => e.round === 1`). */
  where?: (e: T) => boolean
  timeoutMs?: number
  /** Skip the first `after` events. */
  after?: number
}

/** A running CLI process and what it has printed so far; `E` is the union of its events. */
export interface CliProcess<E extends EventRecord = EventRecord> {
  readonly child: ChildProcess
  /** Every JSON line printed on stdout, in order. */
  readonly events: E[]
  /** stdout lines that were not JSON, and all of stderr (for failure messages). */
  readonly output: string[]
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  /** Waits for the first event named `name` (already printed or still to come) that `options.where` accepts, typed as that event. */
  waitFor: <K extends E['event']>(name: K, options?: WaitForOptions<Extract<E, { event: K }>>) => Promise<Extract<E, { event: K }>>
  /** Sends a signal (default SIGTERM) and waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>
  /** The last lines of output, for an assertion message. */
  tail: (lines?: number) => string
}

/**
 * Starts `node <script> ...args` in the repository root with `env` added to
 * the environment, under `prefix` when given (e.g. `['ip', 'netns', 'exec', NAME]`).
 *
 * @example
 * const coordinator = spawnCli<CoordinatorEvent>('coordinator/cli.ts', ['start', '--json', ...])
 * const ready = await coordinator.waitFor('coordinator:ready')
 * const done = await coordinator.waitFor('round:done', { where: (e) => e.round === 1 })
 */
export function spawnCli<E extends EventRecord = EventRecord> (script: string, args: string[], options: { env?: Record<string, string>, name?: string, prefix?: string[] } = {}): CliProcess<E> {
  // A prefix that execs its command (`ip netns exec NAME`) keeps the pid, so kill() reaches node itself.
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, script, ...args]
  const child = spawn(command, rest, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const events: E[] = []
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
          try { events.push(JSON.parse(line) as E) } catch { output.push(line) }
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

  const waitFor = async <K extends E['event']>(match: K, waitOptions: WaitForOptions<Extract<E, { event: K }>> = {}): Promise<Extract<E, { event: K }>> => {
    const test = (e: E): e is Extract<E, { event: K }> => e.event === match && (waitOptions.where?.(e as Extract<E, { event: K }>) ?? true)
    const timeoutMs = waitOptions.timeoutMs ?? 60_000
    return await new Promise((resolve, reject) => {
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
