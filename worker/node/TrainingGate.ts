import { cpus } from 'node:os'
import { InvalidInputError } from '../../lib/errors.ts'

/** A daily window in local time, `HH:MM-HH:MM`; it may wrap midnight (22:00-07:00). */
export interface DailyWindow {
  startMinute: number
  endMinute: number
  text: string
}

/** Parses `--schedule HH:MM-HH:MM` (local time), or throws a one-line InvalidInputError. */
export function parseSchedule (text: string): DailyWindow {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim())
  const minute = (h: string, mm: string): number => Number(h) * 60 + Number(mm)
  if (m === null || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) {
    throw new InvalidInputError(`--schedule: "${text}" is not HH:MM-HH:MM`, { hint: 'e.g. --schedule 22:00-07:00 (local time; may wrap midnight)' })
  }
  const startMinute = minute(m[1], m[2])
  const endMinute = minute(m[3], m[4])
  if (startMinute === endMinute) throw new InvalidInputError(`--schedule: "${text}" is an empty window`, { hint: 'leave --schedule out to train at any time' })
  return { startMinute, endMinute, text: text.trim() }
}

/** Whether `now` (local time) falls in the window. */
export function inWindow (w: DailyWindow, now: Date): boolean {
  const t = now.getHours() * 60 + now.getMinutes()
  return w.startMinute < w.endMinute ? t >= w.startMinute && t < w.endMinute : t >= w.startMinute || t < w.endMinute
}

/**
 * The fraction of the machine's CPU time (all cores) that other processes
 * used since the previous call: total busy time from the kernel's counters
 * (os.cpus) minus this process's own (process.cpuUsage). This is what
 * "idle" means for --idle-only: the worker's own training does not count, so
 * it keeps training while the owner stays away, and stops when they are back.
 */
export function createCpuSampler (): () => number {
  const read = (): { busy: number, total: number, own: number } => {
    let busy = 0
    let total = 0
    for (const c of cpus()) {
      const t = c.times
      busy += t.user + t.nice + t.sys + t.irq
      total += t.user + t.nice + t.sys + t.irq + t.idle
    }
    const u = process.cpuUsage()
    return { busy, total, own: (u.user + u.system) / 1000 }
  }
  let last = read()
  return () => {
    const now = read()
    const total = now.total - last.total
    const others = (now.busy - last.busy) - (now.own - last.own)
    last = now
    return total > 0 ? Math.max(0, Math.min(1, others / total)) : 0
  }
}

/** When the worker may train (the `worker start` flags). */
export interface TrainingLimits {
  /** Train only after other processes used under `busyFraction` of the CPU for `idleSeconds` in a row. */
  idleOnly?: { idleSeconds: number, busyFraction: number }
  /** The share of one core the training thread may use, 1-100. */
  maxCpuPercent?: number
  schedule?: DailyWindow
}

/** Why training is held, or null when it runs. */
export type GateState = { running: true } | { running: false, reason: string }

/**
 * Holds training between steps: on `pause()` (worker pause), outside the
 * `--schedule` window, while the machine is in use (`--idle-only`), and for
 * the rest of each step's share under `--max-cpu`. trainRound awaits
 * `beforeStep` before every step, so a pause takes effect within one step and
 * nothing done so far is lost.
 */
export class TrainingGate {
  private readonly limits: TrainingLimits
  private readonly now: () => Date
  private readonly sampleBusy: () => number
  private readonly onChange: (s: GateState) => void
  private readonly pollMs: number
  private paused = false
  private idleSince: number | null = null
  private lastState: GateState = { running: true }
  private lastStepStart = 0
  private wake: (() => void) | undefined

  constructor (limits: TrainingLimits = {}, options: { now?: () => Date, sampleBusy?: () => number, onChange?: (s: GateState) => void, pollMs?: number } = {}) {
    this.limits = limits
    this.now = options.now ?? (() => new Date())
    this.sampleBusy = options.sampleBusy ?? createCpuSampler()
    this.onChange = options.onChange ?? (() => {})
    this.pollMs = options.pollMs ?? 1000
  }

  get state (): GateState { return this.lastState }
  get isPaused (): boolean { return this.paused }

  pause (): void {
    this.paused = true
    this.set({ running: false, reason: 'paused (worker resume continues)' })
  }

  resume (): void {
    this.paused = false
    this.wake?.()
  }

  /** What holds training now, if anything (checks the schedule and the machine's load). */
  blocked (): string | null {
    if (this.paused) return 'paused (worker resume continues)'
    const s = this.limits.schedule
    if (s !== undefined && !inWindow(s, this.now())) return `outside the schedule ${s.text}`
    const idle = this.limits.idleOnly
    if (idle !== undefined) {
      const busy = this.sampleBusy()
      const t = this.now().getTime()
      if (busy >= idle.busyFraction) {
        this.idleSince = null
        return `the machine is in use (other processes: ${(busy * 100).toFixed(0)} % CPU)`
      }
      this.idleSince ??= t
      const left = idle.idleSeconds - (t - this.idleSince) / 1000
      if (left > 0) return `waiting for the machine to be idle (${Math.ceil(left)} s more)`
    }
    return null
  }

  /** Awaited before each training step (and before a round starts). */
  readonly beforeStep = async (signal?: AbortSignal): Promise<void> => {
    const max = this.limits.maxCpuPercent
    if (max !== undefined && max < 100 && this.lastStepStart > 0) {
      // Sleep so the step just done was at most max % of the time since the previous one started.
      const busy = performance.now() - this.lastStepStart
      await this.sleep(busy * (100 / max - 1), signal)
    }
    for (;;) {
      if (signal?.aborted === true) return
      const reason = this.blocked()
      if (reason === null) break
      this.set({ running: false, reason })
      await this.sleep(this.pollMs, signal)
    }
    this.set({ running: true })
    this.lastStepStart = performance.now()
  }

  /** Forgets the last step (called when a round's training ends, so the wait between rounds is not taken for a step). */
  endOfWork (): void {
    this.lastStepStart = 0
  }

  private set (s: GateState): void {
    const same = s.running === this.lastState.running && (s.running || (this.lastState as { reason: string }).reason.replace(/\d+/g, '') === s.reason.replace(/\d+/g, ''))
    this.lastState = s
    if (!same) this.onChange(s)
  }

  private async sleep (ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted === true) return
    await new Promise<void>((resolve) => {
      const done = (): void => { clearTimeout(t); signal?.removeEventListener('abort', done); this.wake = undefined; resolve() }
      const t = setTimeout(done, ms)
      signal?.addEventListener('abort', done, { once: true })
      this.wake = done
    })
  }
}
