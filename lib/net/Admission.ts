import { ErrorCode, ProtocolError } from './ProtocolError.ts'

/** The longest retry hint given without a line: past this the client's own back-off is as good a guess. */
const MAX_HINT_MS = 30_000

export interface AdmissionOptions {
  /** Requests worked on at once. */
  limit: number
  /**
   * Longest a request waits in line for a slot, ms (default 0: refused at
   * once). Keep it well inside the request's timeouts on both sides: a
   * request that has not started by then is refused with a hint, never left
   * to time out.
   */
  maxWaitMs?: number
  /** Most requests waiting in line (default 1,024): what a flood can hold. */
  maxQueued?: number
  /** Expected time of one request before any has been measured, ms (default 50). */
  initialMs?: number
  /** Milliseconds clock; for tests. */
  now?: () => number
}

interface Waiter {
  start: () => void
  refuse: (err: ProtocolError) => void
  timer: ReturnType<typeof setTimeout> | undefined
  done: boolean
}

/**
 * Admission control for requests that cost the server real work (a join: a
 * signature check and a store write). At most `limit` run at once; the next
 * ones wait in line, first come first served, up to `maxQueued` of them and
 * each for at most `maxWaitMs`; the rest are refused at once with BUSY and a
 * retry hint, and a request whose wait runs out is refused then, never left
 * to time out.
 *
 * Nothing refuses a request on a guess of how fast the line will move: the
 * server's pace while a fleet connects (its handshakes competing for the
 * same event loop) is far slower than a moment later, and refusing on it
 * sent half a 500-worker fleet away for 5 s while the line emptied. A wait
 * in line costs the server nothing; a refusal costs it a stream, and the
 * return another.
 *
 * The hint is the line ahead at the measured pace (Little's law: with
 * `limit` in flight, one completes every average duration / limit) plus the
 * request's own place among the refused still expected back, so a crowd
 * refused in one instant comes back spread out. It is never longer than
 * one wait in line: coming back early costs a wait, coming back late leaves
 * the server idle (the old policy, without a line, told some of a
 * 1,000-worker fleet to wait 30 s while the rest joined in 10). Refusals that
 * never come back cost nothing but those places.
 *
 * @example
 * const joins = new Admission('joins', { limit: MAX_JOINS_IN_FLIGHT, maxWaitMs: JOIN_MAX_QUEUE_WAIT_MS })
 * await joins.run(async () => await handle(join), { signal })
 */
export class Admission {
  private readonly what: string
  private readonly limit: number
  private readonly maxWaitMs: number
  private readonly maxQueued: number
  private readonly now: () => number
  private readonly queue: Waiter[] = []
  private inFlight = 0
  private avgMs: number
  /** When the last refused request was told to come back. */
  private nextSlot = 0

  /** `what` names the requests in the refusal ("too many joins at once"). */
  constructor (what: string, options: AdmissionOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`admission limit must be a positive integer, got ${options.limit}`)
    const maxWaitMs = options.maxWaitMs ?? 0
    if (!(maxWaitMs >= 0)) throw new RangeError(`admission maxWaitMs must be >= 0, got ${maxWaitMs}`)
    this.what = what
    this.limit = options.limit
    this.maxWaitMs = maxWaitMs
    this.maxQueued = Math.max(0, Math.floor(options.maxQueued ?? 1024))
    this.avgMs = options.initialMs ?? 50
    this.now = options.now ?? Date.now
  }

  /** Requests being worked on now. */
  get running (): number { return this.inFlight }

  /** Requests waiting in line. */
  get waiting (): number { return this.queue.length }

  /** Estimated ms between completions while every slot is busy. */
  get paceMs (): number { return this.avgMs / this.limit }

  /**
   * Runs `work` when a slot is free, waiting in line for one when the line
   * is short enough; otherwise (or when the wait runs out) throws
   * ProtocolError BUSY with `retryAfterMs`. `signal` takes the request out
   * of the line (the client went away, or the server stops).
   */
  async run<T> (work: () => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    // A slot handed over from the line comes counted already.
    if (this.inFlight >= this.limit) await this.wait(options.signal)
    else this.inFlight++
    const started = this.now()
    try {
      return await work()
    } finally {
      // A moving average: the server's pace changes as the load does.
      this.avgMs += 0.2 * (Math.max(1, this.now() - started) - this.avgMs)
      this.release()
    }
  }

  private release (): void {
    const next = this.queue.shift()
    if (next === undefined) { this.inFlight--; return }
    // The slot passes to the first in line directly, so a request arriving now cannot jump the line.
    next.done = true
    clearTimeout(next.timer)
    next.start()
  }

  /** Waits in line for a slot (resolving with the slot taken), or throws BUSY. */
  private async wait (signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted()
    // Expected wait: the line ahead drains at one per pace.
    if (this.maxWaitMs <= 0 || this.queue.length >= this.maxQueued) throw this.refusal()
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => { signal?.removeEventListener('abort', onAbort); resolve() },
        refuse: (err) => { signal?.removeEventListener('abort', onAbort); reject(err) },
        timer: undefined,
        done: false
      }
      const leave = (err: unknown): void => {
        if (waiter.done) return
        waiter.done = true
        clearTimeout(waiter.timer)
        const i = this.queue.indexOf(waiter)
        if (i >= 0) this.queue.splice(i, 1)
        waiter.refuse(err as ProtocolError)
      }
      const onAbort = (): void => { leave(signal?.reason) }
      // Still in line when the wait runs out: refused now, with a hint, rather than left to time out.
      waiter.timer = setTimeout(() => { leave(this.refusal(this.queue.indexOf(waiter))) }, this.maxWaitMs)
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(waiter)
    })
  }

  /** BUSY with a hint: after the line ahead (`ahead` requests, default all of it), in the next free place among the refused. */
  private refusal (ahead = this.queue.length): ProtocolError {
    const now = this.now()
    const pace = this.paceMs
    const lineClears = now + Math.max(0, ahead) * pace
    // The places promised to earlier refusals reach at most one more full line past the current one.
    const furthest = lineClears + Math.max(this.maxQueued, this.limit) * pace
    this.nextSlot = Math.min(furthest, Math.max(this.nextSlot, lineClears) + pace)
    const hint = Math.max(1, Math.min(this.maxWaitMs > 0 ? this.maxWaitMs : MAX_HINT_MS, Math.ceil(this.nextSlot - now)))
    return new ProtocolError(ErrorCode.ERROR_CODE_BUSY, `too many ${this.what} at once; try again in ${hint} ms`, { retryAfterMs: hint })
  }
}
