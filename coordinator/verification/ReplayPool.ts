import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { CotrainError } from '../../lib/errors.ts'
import type { verifySegment, VerifyResult } from '../../lib/training/verifySegment.ts'

/** What one segment replay takes (lib/training verifySegment). */
export type SegmentReplay = Parameters<typeof verifySegment>[0]

/** When one replay ran and on which thread (the last MAX_SPANS are kept, for tests and status). */
export interface ReplaySpan { thread: number, start: number, end: number }

/** A replay thread failed (crashed, or threw): a local error, never evidence against the worker. */
export class ReplayThreadError extends CotrainError {
  override name = 'ReplayThreadError'
}

const MAX_SPANS = 1000

/** Replay threads by default: one per core the process may use (the event loop mostly waits while they replay). */
export function defaultReplayThreads (): number {
  return Math.max(1, availableParallelism())
}

interface Job { params: SegmentReplay, resolve: (r: VerifyResult) => void, reject: (e: unknown) => void, signal?: AbortSignal, onAbort?: () => void }
interface Slot { index: number, worker: Worker, job?: Job, jobId: number, start: number }

/**
 * Segment replays of the coordinator's verification in worker threads, at
 * most `size` at once, each thread with its own TensorFlow.js wasm backend,
 * so verifying N submissions takes about N / size replay times instead of N.
 * A replay that is aborted (the round's verification deadline) ends its
 * thread, which is replaced; a thread that crashes fails its replay with
 * ReplayThreadError (the submission stays pending and is retried) and is
 * replaced too.
 *
 * @example
 * const pool = new ReplayPool({ size: 2 })
 * const r = await pool.replay({ ...ctx, index: 3, from, to }, { signal })
 * await pool.stop()
 */
export class ReplayPool {
  readonly size: number
  /** Recent replays, oldest first. */
  readonly spans: ReplaySpan[] = []
  private readonly threadUrl: URL
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextJobId = 1
  private stopped = false

  constructor (options: { size?: number, threadUrl?: URL } = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultReplayThreads()))
    this.threadUrl = options.threadUrl ?? new URL('./replayThread.ts', import.meta.url)
  }

  /** Replays one segment on a free thread (queued until one is); rejects with the signal's reason when it aborts. */
  async replay (params: SegmentReplay, options: { signal?: AbortSignal } = {}): Promise<VerifyResult> {
    if (this.stopped) throw new ReplayThreadError('the replay pool is stopped')
    options.signal?.throwIfAborted()
    return await new Promise<VerifyResult>((resolve, reject) => {
      const job: Job = { params, resolve, reject, signal: options.signal }
      if (options.signal != null) {
        job.onAbort = () => { this.abort(job) }
        options.signal.addEventListener('abort', job.onAbort, { once: true })
      }
      this.queue.push(job)
      this.dispatch()
    })
  }

  /** Ends every thread; queued and running replays reject. */
  async stop (): Promise<void> {
    this.stopped = true
    for (const job of this.queue.splice(0)) this.settle(job, new ReplayThreadError('the replay pool stopped'))
    const slots = this.slots.splice(0)
    for (const s of slots) if (s.job != null) this.settle(s.job, new ReplayThreadError('the replay pool stopped'))
    await Promise.all(slots.map(async (s) => await s.worker.terminate()))
  }

  private dispatch (): void {
    while (this.queue.length > 0 && !this.stopped) {
      let slot = this.slots.find((s) => s.job == null)
      if (slot == null && this.slots.length < this.size) slot = this.spawn(this.freeIndex())
      if (slot == null) return
      const job = this.queue.shift()!
      slot.job = job
      slot.jobId = this.nextJobId++
      slot.start = performance.now()
      // Referenced while it replays (a pending replay keeps the process up), unreferenced while idle.
      slot.worker.ref()
      slot.worker.postMessage({ id: slot.jobId, params: job.params })
    }
  }

  private freeIndex (): number {
    for (let i = 0; ; i++) if (!this.slots.some((s) => s.index === i)) return i
  }

  private spawn (index: number): Slot {
    const worker = new Worker(this.threadUrl)
    const slot: Slot = { index, worker, jobId: 0, start: 0 }
    worker.unref()
    worker.on('message', (m: { id: number, result?: VerifyResult, error?: string }) => {
      if (slot.job == null || m.id !== slot.jobId) return
      const job = slot.job
      this.record(slot)
      slot.job = undefined
      worker.unref()
      if (m.error !== undefined) this.settle(job, new ReplayThreadError(`replay thread ${index} failed: ${m.error}`))
      else this.settle(job, m.result!)
      this.dispatch()
    })
    const lost = (why: string): void => {
      const i = this.slots.indexOf(slot)
      if (i < 0) return
      this.slots.splice(i, 1)
      if (slot.job != null) {
        this.record(slot)
        this.settle(slot.job, new ReplayThreadError(`replay thread ${index} ${why}`, { hint: 'a local fault of the coordinator: the submission stays pending and is verified again' }))
      }
      this.dispatch()
    }
    worker.on('error', (err) => { lost(`crashed: ${err.message}`) })
    worker.on('exit', (code) => { lost(`exited with code ${code}`) })
    this.slots.push(slot)
    return slot
  }

  /** An aborted job: dropped from the queue, or its thread ended (a replay cannot be interrupted) and replaced. */
  private abort (job: Job): void {
    const reason: unknown = job.signal?.reason ?? new Error('aborted')
    const queued = this.queue.indexOf(job)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      this.settle(job, reason)
      return
    }
    const slot = this.slots.find((s) => s.job === job)
    if (slot == null) return
    this.slots.splice(this.slots.indexOf(slot), 1)
    this.record(slot)
    slot.job = undefined
    this.settle(job, reason)
    slot.worker.terminate().catch(() => undefined)
    this.dispatch()
  }

  private record (slot: Slot): void {
    this.spans.push({ thread: slot.index, start: slot.start, end: performance.now() })
    if (this.spans.length > MAX_SPANS) this.spans.splice(0, this.spans.length - MAX_SPANS)
  }

  private settle (job: Job, outcome: VerifyResult | unknown): void {
    if (job.onAbort != null) job.signal?.removeEventListener('abort', job.onAbort)
    if (outcome instanceof Error || !(typeof outcome === 'object' && outcome !== null && 'ok' in outcome)) job.reject(outcome)
    else job.resolve(outcome as VerifyResult)
  }
}
