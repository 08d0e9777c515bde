/**
 * The one error base of cotrain, shaped like viem's: a short one-line message
 * a CLI can print as is, optional details, an optional hint on how to fix it,
 * and the cause. Every domain subclasses it with a literal `name`.
 *
 * @example
 * throw new CotrainError('shard hash mismatch', { hint: 'fetch the shard again' })
 */
export class CotrainError extends Error {
  override name = 'CotrainError'
  readonly shortMessage: string
  readonly details?: string
  readonly hint?: string

  constructor (shortMessage: string, options: { details?: string, hint?: string, cause?: unknown } = {}) {
    const parts = [shortMessage]
    if (options.hint != null) parts.push(`(${options.hint})`)
    super(parts.join(' '), options.cause === undefined ? undefined : { cause: options.cause })
    this.shortMessage = shortMessage
    this.details = options.details
    this.hint = options.hint
  }
}

/** Input that fails validation: a bad flag, a malformed message, an out-of-range value. */
export class InvalidInputError extends CotrainError {
  override name = 'InvalidInputError'
}

/** A message or payload larger than the limit set for it. */
export class MessageTooLargeError extends CotrainError {
  override name = 'MessageTooLargeError'
  readonly size: number
  readonly limit: number
  constructor (what: string, size: number, limit: number) {
    super(`${what} is ${size} bytes, over the limit of ${limit} bytes`)
    this.size = size
    this.limit = limit
  }
}

/** Content whose hash is not the content id it was asked for by. */
export class HashMismatchError extends CotrainError {
  override name = 'HashMismatchError'
  constructor (what: string, expected: string, actual: string) {
    super(`${what}: expected hash ${expected}, got ${actual}`)
  }
}

/** Turns any thrown value into the one line a CLI prints. */
export function oneLine (err: unknown): string {
  if (err instanceof CotrainError) return err.message
  if (err instanceof Error) return `${err.name === 'Error' ? '' : err.name + ': '}${err.message}`.split('\n')[0]
  // Some libp2p stream paths reject with the DOM Event that ended them (a
  // 'close' or 'abort'); String() would print "[object Event]".
  if (typeof Event !== 'undefined' && err instanceof Event) {
    const inner = (err as Event & { error?: unknown }).error
    return inner != null ? oneLine(inner) : `connection ended (${err.type} event)`
  }
  return String(err)
}
