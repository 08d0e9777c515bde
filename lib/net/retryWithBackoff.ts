/**
 * Retrying a request to a peer that may be busy, restarting or briefly
 * unreachable: exponential back-off with jitter, so a thousand workers whose
 * coordinator restarted do not all come back in the same second (a
 * synchronized stampede is what filled the coordinator's handshake slots and
 * refused most first joins in the 500-worker load test).
 */
import { setTimeout as delay } from 'node:timers/promises'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'

export interface BackoffOptions {
  /** First delay in ms (default 500). */
  baseMs?: number
  /** Ceiling of one delay in ms (default 30 s). */
  maxMs?: number
  /** Uniform random in [0, 1); for tests. */
  random?: () => number
}

/**
 * The delay before retry number `attempt` (1-based): "equal jitter", uniform
 * in [d/2, d] with d = min(maxMs, baseMs * 2^(attempt-1)). Half the delay is
 * kept so a retry never comes at once; the other half spreads the fleet.
 *
 * @example
 * backoffDelay(3) // between 1000 and 2000 ms
 */
export function backoffDelay (attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500
  const max = options.maxMs ?? 30_000
  const d = Math.min(max, base * 2 ** Math.max(0, Math.min(30, attempt - 1)))
  return Math.round(d / 2 + (options.random ?? Math.random)() * d / 2)
}

/**
 * The wait a busy peer asked for (ProtocolError.retryAfterMs), plus up to a
 * quarter more at random so the clients it refused together do not all come
 * back in the same instant; undefined when the error carries no hint.
 *
 * @example
 * hintedDelay(new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy', { remote: true, retryAfterMs: 800 })) // 800 to 1000
 */
export function hintedDelay (err: unknown, options: Pick<BackoffOptions, 'random'> = {}): number | undefined {
  if (!(err instanceof ProtocolError) || !err.remote || err.retryAfterMs === undefined) return undefined
  return Math.round(err.retryAfterMs * (1 + (options.random ?? Math.random)() / 4))
}

/**
 * True for failures worth retrying: the peer could not be reached, timed out
 * or said it is busy. Any other reply from the peer (refused, invalid, stale)
 * is an answer, and retrying would only repeat it.
 */
export function isTransientError (err: unknown): boolean {
  if (err instanceof ProtocolError && err.remote) {
    return err.code === ErrorCode.ERROR_CODE_BUSY || err.code === ErrorCode.ERROR_CODE_TIMEOUT
  }
  return true
}

export interface RetryOptions extends BackoffOptions {
  signal?: AbortSignal
  /** Stop retrying once this long has passed since the first attempt (default: never). */
  giveUpAfterMs?: number
  /** Which errors are retried (default isTransientError); others are thrown at once. */
  retryable?: (err: unknown) => boolean
  /** Told before each wait. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  /** Milliseconds clock; for tests. */
  now?: () => number
}

/**
 * Runs `fn` until it succeeds, retrying transient failures with jittered
 * exponential back-off, or after the wait a busy peer asked for. Throws the last error when it is not retryable, when
 * `giveUpAfterMs` has passed, or the signal's reason when aborted.
 *
 * @example
 * const joined = await retryWithBackoff(() => requestJoin(node, addr, params), { signal, giveUpAfterMs: 600_000 })
 */
export async function retryWithBackoff<T> (fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const now = options.now ?? Date.now
  const retryable = options.retryable ?? isTransientError
  const started = now()
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      return await fn(attempt)
    } catch (err) {
      if (options.signal?.aborted === true) throw options.signal.reason
      if (!retryable(err)) throw err
      const wait = hintedDelay(err, options) ?? backoffDelay(attempt, options)
      if (options.giveUpAfterMs !== undefined && now() + wait - started > options.giveUpAfterMs) throw err
      options.onRetry?.(err, attempt, wait)
      try {
        await delay(wait, undefined, { signal: options.signal })
      } catch (abort) {
        throw options.signal?.reason ?? abort
      }
    }
  }
}
