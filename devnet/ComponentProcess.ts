import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { CotrainError } from '../lib/errors.ts'
import { isEventRecord, type EventRecord } from '../lib/events/EventRecord.ts'
import { TypedEventTarget } from '../lib/events/TypedEventTarget.ts'
import type { CoordinatorEvent } from '../coordinator/events.ts'
import type { ValidatorEvent } from '../validator/events.ts'
import type { WorkerEvent } from '../worker/node/events.ts'

/** The repository root, where the component CLIs live. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** One JSON event line printed by a component started with --json: an event of the coordinator, a worker or a validator. */
export type ComponentEvent = CoordinatorEvent | WorkerEvent | ValidatorEvent

/** A component CLI that exited before the event it was waited for. */
export class ComponentExitedError extends CotrainError {
  override name = 'ComponentExitedError'
}

/**
 * A cotrain component (`node <component>/cli.ts <args> --json`) running as its
 * own OS process. Its JSON event lines are re-emitted as `event`, typed as the
 * component's event union `E` (worker/node/events.ts, validator/events.ts,
 * coordinator/events.ts: the process is ours, so its lines are taken to be
 * what its --json prints); anything else it prints is kept (last lines) for
 * error reports. Started in its own process group so `stop()` ends everything
 * it started too.
 *
 * @example
 * const coordinator = new ComponentProcess<CoordinatorEvent>('coordinator', 'coordinator/cli.ts', ['start', '--json'])
 * const ready = await coordinator.waitFor((e) => e.event === 'coordinator:ready')
 */
/** What a ComponentProcess dispatches: each event line as `event`, and its exit. */
export interface ComponentProcessEvents<E extends EventRecord> {
  event: E
  'process:exited': { code: number | null, signal: NodeJS.Signals | null }
}

export class ComponentProcess<E extends EventRecord = ComponentEvent> extends TypedEventTarget<ComponentProcessEvents<E>> {
  readonly name: string
  readonly events: E[] = []
  readonly tail: string[] = []
  private readonly child: ChildProcess
  private exited: { code: number | null, signal: NodeJS.Signals | null } | undefined

  /** `nodeFlags` go to node before the entry (the coordinator's heap settings, coordinator/nodeFlags.ts). */
  constructor (name: string, entry: string, args: string[], options: { env?: NodeJS.ProcessEnv, cwd?: string, nodeFlags?: readonly string[] } = {}) {
    super()
    this.name = name
    this.child = spawn(process.execPath, [...(options.nodeFlags ?? []), entry, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    const keep = (line: string): void => {
      this.tail.push(line)
      if (this.tail.length > 40) this.tail.shift()
    }
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) {
        try {
          const ev: unknown = JSON.parse(line)
          if (isEventRecord(ev)) {
            this.events.push(ev as E)
            this.emit('event', ev as E)
            return
          }
        } catch { /* not an event line */ }
      }
      keep(line)
    })
    createInterface({ input: this.child.stderr! }).on('line', keep)
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal }
      this.emit('process:exited', { code, signal })
    })
  }

  get pid (): number | undefined { return this.child.pid }
  get running (): boolean { return this.exited == null }
  get exitCode (): number | null | undefined { return this.exited?.code }

  /** Resolves with the first event (already seen or future) matching `match`; rejects if the process exits first. */
  async waitFor (match: (ev: E) => boolean, options: { signal?: AbortSignal, timeoutMs?: number } = {}): Promise<E> {
    const seen = this.events.find(match)
    if (seen != null) return seen
    return await new Promise((resolve, reject) => {
      const cleanup = (): void => {
        offEvent()
        offExit()
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
      }
      const onEvent = (ev: E): void => { if (match(ev)) { cleanup(); resolve(ev) } }
      const onExit = (code: number | null): void => { cleanup(); reject(new ComponentExitedError(`${this.name} exited (code ${code}) before it was ready: ${this.lastError()}`)) }
      const onAbort = (): void => { cleanup(); reject(options.signal?.reason) }
      const timer = setTimeout(() => { cleanup(); reject(new CotrainError(`${this.name}: timed out waiting for an event`, { details: this.tail.join('\n') })) }, options.timeoutMs ?? 120_000)
      const offEvent = this.on('event', onEvent)
      const offExit = this.on('process:exited', ({ code }) => { onExit(code) })
      options.signal?.addEventListener('abort', onAbort, { once: true })
      if (!this.running) onExit(this.exitCode ?? null)
    })
  }

  /** Resolves when the process exits, with its exit code. */
  async exit (): Promise<number | null> {
    if (this.exited != null) return this.exited.code
    return await new Promise((resolve) => { this.on('process:exited', ({ code }) => { resolve(code) }, { once: true }) })
  }

  /** The last non-event line the process printed (its one-line error, usually). */
  lastError (): string {
    return [...this.tail].reverse().find((l) => /error/i.test(l)) ?? this.tail.at(-1) ?? 'no output'
  }

  /** Sends `signal` to the whole process group and waits for the exit (SIGKILL after `graceMs`). */
  async stop (signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (this.exited != null || this.child.pid == null) return
    const pid = this.child.pid
    const kill = (s: NodeJS.Signals): void => { try { process.kill(-pid, s) } catch { /* already gone */ } }
    kill(signal)
    const timer = setTimeout(() => kill('SIGKILL'), graceMs)
    await this.exit()
    clearTimeout(timer)
  }
}
