import { ErrorCode, ProtocolError } from './ProtocolError.ts'

/** The longest retry hint given: past this the client's own back-off is as good a guess. */
const MAX_HINT_MS = 30_000

export interface AdmissionOptions {
  /** Requests worked on at once; the rest are refused. */
  limit: number
  /** Expected time of one request before any has been measured, ms (default 50). */
  initialMs?: number
  /** Milliseconds clock; for tests. */
  now?: () => number
}

/**
 * Admission control for requests that cost the server real work (a join: a
 * signature check and a store write). At most `limit` run at once; the rest
 * are refused at once with BUSY and a retry hint, instead of all waiting on
 * one event loop until their requests time out. Each refusal gets its own
 * future slot at the rate requests complete (`limit` per average duration),
 * so a crowd refused in one instant comes back spread over the time the
 * server needs for it.
 *
 * @example
 * const joins = new Admission('joins', { limit: MAX_JOINS_IN_FLIGHT })
 * await joins.run(async () => await handle(join))
 */
export class Admission {
  private readonly what: string
  private readonly limit: number
  private readonly now: () => number
  private inFlight = 0
  private avgMs: number
  private nextSlot = 0

  /** `what` names the requests in the refusal ("too many joins at once"). */
  constructor (what: string, options: AdmissionOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`admission limit must be a positive integer, got ${options.limit}`)
    this.what = what
    this.limit = options.limit
    this.avgMs = options.initialMs ?? 50
    this.now = options.now ?? Date.now
  }

  /** Requests being worked on now. */
  get running (): number { return this.inFlight }

  /** Runs `work` when a slot is free; otherwise throws ProtocolError BUSY with `retryAfterMs`. */
  async run<T> (work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.limit) throw this.refusal()
    this.inFlight++
    const started = this.now()
    try {
      return await work()
    } finally {
      this.inFlight--
      // A moving average: the server's pace changes as the load does.
      this.avgMs += 0.2 * (Math.max(1, this.now() - started) - this.avgMs)
    }
  }

  private refusal (): ProtocolError {
    const now = this.now()
    this.nextSlot = Math.min(now + MAX_HINT_MS, Math.max(this.nextSlot, now + this.avgMs) + this.avgMs / this.limit)
    const hint = Math.ceil(this.nextSlot - now)
    return new ProtocolError(ErrorCode.ERROR_CODE_BUSY, `too many ${this.what} at once; try again in ${hint} ms`, { retryAfterMs: hint })
  }
}
