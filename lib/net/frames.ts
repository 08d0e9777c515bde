/**
 * Length-prefixed frames (unsigned varint length, then the bytes) on a
 * libp2p stream, for the content transfer's hot path: a reader with real
 * backpressure, a writer that sends header and payload without copying, and
 * a stall watchdog cheaper than a fresh AbortSignal per frame.
 */
import type { Stream } from '@libp2p/interface'
import { CotrainError } from '../errors.ts'
import { PieceQueue } from './PieceQueue.ts'

/** The unsigned varint encoding of `n`. */
export function varint (n: number): Uint8Array {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  out.push(n)
  return Uint8Array.from(out)
}

/** Resolves on the stream's next 'drain'; rejects when it closes or `signal` aborts. */
export async function drained (stream: Stream, signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const done = (err?: unknown): void => {
      stream.removeEventListener('drain', onDrain)
      stream.removeEventListener('close', onClose)
      signal?.removeEventListener('abort', onAbort)
      if (err === undefined) resolve(); else reject(err)
    }
    const onDrain = (): void => { done() }
    const onClose = (): void => { done(new TruncatedFrameError('stream closed while sending')) }
    const onAbort = (): void => { done(signal?.reason) }
    if (signal?.aborted === true) { onAbort(); return }
    stream.addEventListener('drain', onDrain)
    stream.addEventListener('close', onClose)
    signal?.addEventListener('abort', onAbort)
  })
}

/**
 * Sends one frame made of `parts` (e.g. a small header and a large payload)
 * without concatenating them, and waits for the stream to drain when its
 * buffer is full: the muxer's flow control then paces the caller.
 */
export async function sendFrame (stream: Stream, parts: Uint8Array[], signal?: AbortSignal): Promise<void> {
  let length = 0
  for (const p of parts) length += p.byteLength
  const prefix = varint(length)
  let ok = stream.send(parts.length > 0 && parts[0].byteLength < 256 ? concat(prefix, parts[0]) : prefix)
  for (let i = parts.length > 0 && parts[0].byteLength < 256 ? 1 : 0; i < parts.length; i++) {
    if (parts[i].byteLength > 0) ok = stream.send(parts[i])
  }
  if (!ok) await drained(stream, signal)
}

/** One array holding `parts` in order. */
export function concat (...parts: Uint8Array[]): Uint8Array {
  let n = 0
  for (const p of parts) n += p.byteLength
  const out = new Uint8Array(n)
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.byteLength }
  return out
}

/**
 * Aborts its signal when `kick()` has not been called for `ms`, or when
 * `parent` aborts. One timer, refreshed per frame.
 */
export class StallWatchdog {
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private readonly parent: AbortSignal | undefined
  private readonly onParentAbort = (): void => { this.controller.abort(this.parent?.reason) }
  readonly signal: AbortSignal

  constructor (ms: number, what: string, parent?: AbortSignal) {
    this.signal = this.controller.signal
    this.parent = parent
    this.timer = setTimeout(() => { this.controller.abort(new DOMException(`${what}: stalled for ${ms} ms`, 'TimeoutError')) }, ms)
    if (parent?.aborted === true) this.onParentAbort()
    else parent?.addEventListener('abort', this.onParentAbort, { once: true })
  }

  kick (): void {
    this.timer.refresh()
  }

  stop (): void {
    clearTimeout(this.timer)
    this.parent?.removeEventListener('abort', this.onParentAbort)
  }
}

/** A frame's length prefix announced more than the limit. */
export class FrameTooLargeError extends CotrainError {
  override name = 'FrameTooLargeError'
}

/** The stream ended inside a frame (a broken transfer: worth a retry). */
export class TruncatedFrameError extends Error {
  override name = 'UnexpectedEOFError'
}

/**
 * Reads length-prefixed frames from a stream with real backpressure: when
 * more than `highWaterMark` bytes wait unread it pauses the stream, so the
 * muxer stops granting window and the sender's writes wait; it resumes once
 * the reader has caught up. (`lpStream` buffers whatever arrives and aborts
 * the stream on overflow instead.) A node should let a paused stream hold a
 * full muxer window: createNode sets yamux's maxReadBufferLength for that.
 */
export class FrameReader {
  private readonly stream: Stream
  private readonly maxFrameLength: number
  private readonly highWaterMark: number
  private readonly queue = new PieceQueue()
  private ended = false
  private failure: Error | undefined
  private wake: (() => void) | undefined

  constructor (stream: Stream, options: { maxFrameLength: number, highWaterMark?: number }) {
    this.stream = stream
    this.maxFrameLength = options.maxFrameLength
    this.highWaterMark = options.highWaterMark ?? 4 * options.maxFrameLength
    stream.addEventListener('message', this.onMessage)
    stream.addEventListener('remoteCloseWrite', this.onEnd)
    stream.addEventListener('close', this.onClose)
  }

  private readonly onMessage = (evt: { data: Uint8Array | Iterable<Uint8Array> }): void => {
    // A Uint8ArrayList holds the pieces the muxer received; keeping them
    // (instead of .subarray(), which concatenates) saves a copy per frame.
    this.queue.push(evt.data)
    if (this.queue.length > this.highWaterMark && this.stream.readStatus === 'readable') this.stream.pause()
    this.wake?.()
  }

  private readonly onEnd = (): void => {
    this.ended = true
    this.wake?.()
  }

  private readonly onClose = (evt: Event): void => {
    const error = (evt as Event & { error?: Error }).error
    if (error != null) this.failure = error
    this.ended = true
    this.wake?.()
  }

  /** The next frame, or null when the stream ended cleanly between frames. */
  async read (options: { signal?: AbortSignal } = {}): Promise<Uint8Array | null> {
    const parts = await this.readParts(options)
    return parts === null ? null : parts.length === 1 ? parts[0] : concat(...parts)
  }

  /**
   * The next frame as the pieces it arrived in (views, no copy), or null
   * when the stream ended cleanly between frames.
   */
  async readParts (options: { signal?: AbortSignal } = {}): Promise<Uint8Array[] | null> {
    while (true) {
      options.signal?.throwIfAborted()
      const frame = this.tryFrame()
      if (frame !== undefined) {
        if (this.stream.readStatus === 'paused' && this.queue.length <= this.highWaterMark / 2) this.stream.resume()
        return frame
      }
      if (this.failure != null) throw this.failure
      if (this.ended) {
        if (this.queue.length === 0) return null
        throw new TruncatedFrameError(`stream ended inside a frame (${this.queue.length} bytes left)`)
      }
      // Need more bytes than are buffered: never stay paused while waiting.
      if (this.stream.readStatus === 'paused') this.stream.resume()
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => { reject(options.signal?.reason) }
        this.wake = () => {
          this.wake = undefined
          options.signal?.removeEventListener('abort', onAbort)
          resolve()
        }
        options.signal?.addEventListener('abort', onAbort, { once: true })
      })
    }
  }

  private tryFrame (): Uint8Array[] | undefined {
    let length = 0
    let shift = 1
    for (let i = 0; ; i++) {
      if (i >= 8) throw new FrameTooLargeError(`frame length prefix longer than 8 bytes`)
      const b = this.queue.byteAt(i)
      if (b < 0) return undefined
      length += (b & 0x7f) * shift
      shift *= 128
      if ((b & 0x80) === 0) {
        if (length > this.maxFrameLength) throw new FrameTooLargeError(`frame of ${length} bytes, over the limit of ${this.maxFrameLength}`)
        if (this.queue.length < i + 1 + length) return undefined
        this.queue.take(i + 1)
        return this.queue.take(length)
      }
    }
  }

  /** Stops listening to the stream. */
  release (): void {
    this.stream.removeEventListener('message', this.onMessage as never)
    this.stream.removeEventListener('remoteCloseWrite', this.onEnd)
    this.stream.removeEventListener('close', this.onClose)
  }
}
