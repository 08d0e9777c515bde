import { CotrainError, HashMismatchError, InvalidInputError, MessageTooLargeError } from '../errors.ts'
import { cotrain } from '../proto/cotrain.js'
import { LIMITS } from './constants.ts'

/** The longest retry hint taken from a peer: a wrong or hostile one cannot park a client for longer. */
const MAX_RETRY_AFTER_MS = 60_000

/**
 * A `retry_after` a peer sent (seconds: JoinAccepted, Assignment,
 * SubmissionAck) as the wait to take, in ms: at most MAX_RETRY_AFTER_MS, as
 * for an error's hint, so a wrong or hostile coordinator cannot park a worker
 * for up to 2^32 s. Missing or 0: 0.
 */
export function peerWaitMs (seconds: number | null | undefined): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, seconds ?? 0) * 1000)
}

/** The wire's error codes (`cotrain.v1.ErrorCode`). */
export const ErrorCode = cotrain.v1.ErrorCode
export type ErrorCode = cotrain.v1.ErrorCode

/** `ERROR_CODE_NOT_FOUND` -> `NOT_FOUND`; unknown numbers -> `UNKNOWN(n)`. */
export function errorCodeName (code: number): string {
  const name = (ErrorCode as unknown as Record<number, string | undefined>)[code]
  return name === undefined ? `UNKNOWN(${code})` : name.replace(/^ERROR_CODE_/, '')
}

/**
 * A request refused with an Error reply. A handler throws it to send that
 * code and message; a client gets it when the remote replied with one.
 *
 * @example
 * throw new ProtocolError(ErrorCode.ERROR_CODE_STALE, `round ${r} is closed`)
 */
export class ProtocolError extends CotrainError {
  override name = 'ProtocolError'
  readonly code: ErrorCode
  /** True when the error came back from the remote peer. */
  readonly remote: boolean
  /** The message without the code, as it travels on the wire. */
  readonly reason: string
  /** With BUSY: when the peer asks to be tried again, in ms (retryWithBackoff waits this long instead of backing off blind). */
  readonly retryAfterMs: number | undefined

  constructor (code: ErrorCode, message: string, options: { remote?: boolean, protocol?: string, cause?: unknown, retryAfterMs?: number } = {}) {
    const where = options.remote === true ? `peer refused${options.protocol === undefined ? '' : ' ' + options.protocol}: ` : ''
    super(`${where}${errorCodeName(code)}: ${message}`, { cause: options.cause })
    this.code = code
    this.remote = options.remote === true
    this.reason = message
    this.retryAfterMs = options.retryAfterMs !== undefined && options.retryAfterMs > 0 ? Math.min(MAX_RETRY_AFTER_MS, Math.round(options.retryAfterMs)) : undefined
  }

  /** The message sent on the wire: one line, cut to the limit. */
  get wireMessage (): string {
    const text = this.reason.replace(/\s+/g, ' ')
    return text.length > LIMITS.errorMessage ? text.slice(0, LIMITS.errorMessage - 1) + '…' : text
  }
}

/**
 * What a server replies for an error thrown while handling a request. Known
 * input errors keep their message; anything else becomes INTERNAL without
 * details, so internals and secrets never reach the wire.
 */
export function toProtocolError (err: unknown): ProtocolError {
  if (err instanceof ProtocolError) return err
  if (err instanceof MessageTooLargeError) return new ProtocolError(ErrorCode.ERROR_CODE_TOO_LARGE, err.shortMessage, { cause: err })
  if (err instanceof HashMismatchError) return new ProtocolError(ErrorCode.ERROR_CODE_INVALID, err.shortMessage, { cause: err })
  if (err instanceof InvalidInputError) return new ProtocolError(ErrorCode.ERROR_CODE_INVALID, err.shortMessage, { cause: err })
  return new ProtocolError(ErrorCode.ERROR_CODE_INTERNAL, 'internal error', { cause: err })
}
