/**
 * One request, one reply (or a stream of reply frames) over a libp2p stream,
 * each message length-prefixed protobuf with an explicit size limit. The
 * server side answers every bad request with an Error reply and closes the
 * stream; the client side turns an Error reply into a ProtocolError.
 */
import { lpStream } from '@libp2p/utils'
import type { Uint8ArrayList } from 'uint8arraylist'
import type { Connection, DialTarget, Libp2p, Logger, PeerId, Stream } from '@libp2p/interface'
import type { LengthPrefixedStream } from '@libp2p/utils'
import { CotrainError, InvalidInputError, MessageTooLargeError } from '../errors.ts'
import { ErrorCode, ProtocolError, errorCodeName, toProtocolError } from './ProtocolError.ts'
import { checkError, decodeWith } from './messages.ts'
import { TIMEOUTS } from './constants.ts'
import { TypedEventTarget } from '../events/TypedEventTarget.ts'
import type { LentRequest, RequestBufferPool } from './RequestBufferPool.ts'

/** A generated protobuf class, as far as this file needs it. */
export interface PbType<P, D> {
  encode(message: P): { finish(): Uint8Array }
  decode(data: Uint8Array): D
}

/** Everything the generic client and server need to know about one protocol. */
export interface ProtocolDefinition<Req, DReq, Ok, DOk> {
  id: string
  /** Short name for logs and errors: 'join', 'content'. */
  name: string
  limits: { request: number, response: number }
  timeoutMs: number
  maxInboundStreams: number
  encodeRequest: (req: Req) => Uint8Array
  decodeRequest: (data: Uint8Array) => DReq
  encodeOk: (ok: Ok) => Uint8Array
  /** Returns the success value or throws the remote's ProtocolError / InvalidInputError. */
  decodeResponse: (data: Uint8Array) => DOk
  encodeError: (err: ProtocolError) => Uint8Array
}

export interface DefineProtocolInit<Req, DReq, Ok, DOk> {
  id: string
  name: string
  limits: { request: number, response: number }
  timeoutMs: number
  maxInboundStreams: number
  request: PbType<Req, DReq>
  checkRequest: (m: Req) => void
  /** The XxxResponse type: a oneof of `okField` and `error`. */
  response: PbType<any, any>
  okField: string
  checkOk: (m: Ok) => void
  /** Only to carry the decoded type. */
  decodedOk?: DOk
}

function checked<T> (what: string, check: (m: T) => void, m: T): void {
  try {
    check(m)
  } catch (err) {
    if (err instanceof InvalidInputError) throw new InvalidInputError(`${what}: ${err.shortMessage}`, { cause: err })
    throw err
  }
}

/** Strips control characters from remote text before it reaches a log line. */
export function printable (text: string, max = 256): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean
}

/** Builds a ProtocolDefinition from generated classes and schema checks. */
export function defineProtocol<Req, DReq extends Req, Ok, DOk extends Ok> (init: DefineProtocolInit<Req, DReq, Ok, DOk>): ProtocolDefinition<Req, DReq, Ok, DOk> {
  const reqName = `${init.name} request`
  const resName = `${init.name} response`
  return {
    id: init.id,
    name: init.name,
    limits: init.limits,
    timeoutMs: init.timeoutMs,
    maxInboundStreams: init.maxInboundStreams,
    encodeRequest: (req) => {
      checked(reqName, init.checkRequest, req)
      return init.request.encode(req).finish()
    },
    decodeRequest: (data) => {
      const m = decodeWith(init.request, data, reqName)
      checked(reqName, init.checkRequest, m)
      return m
    },
    encodeOk: (ok) => {
      checked(resName, init.checkOk, ok)
      const data = init.response.encode({ [init.okField]: ok }).finish()
      if (data.byteLength > init.limits.response) throw new MessageTooLargeError(resName, data.byteLength, init.limits.response)
      return data
    },
    decodeResponse: (data) => {
      const res = decodeWith(init.response, data, resName) as Record<string, unknown>
      const error = res.error as { code?: number, message?: string, retryAfterMs?: number } | null | undefined
      if (error != null) {
        checked(`${resName} error`, checkError, error)
        throw new ProtocolError(error.code as ErrorCode, printable(error.message ?? ''), { remote: true, protocol: init.id, retryAfterMs: error.retryAfterMs })
      }
      const ok = res[init.okField] as DOk | null | undefined
      if (ok == null) throw new InvalidInputError(`${resName}: neither a result nor an error`)
      checked(resName, init.checkOk, ok)
      return ok
    },
    encodeError: (err) => init.response.encode({ error: { code: err.code, message: err.wireMessage, retryAfterMs: err.retryAfterMs ?? 0 } }).finish()
  }
}

/** What a handler learns about the request besides its body. */
export interface HandlerContext {
  /** The remote peer, authenticated by Noise. */
  peer: PeerId
  connection: Connection
  /** Aborted when the service stops or the request times out. */
  signal: AbortSignal
  log: Logger
}

/** Options every service takes. */
export interface ServiceOptions {
  /**
   * Called before the request is read; false refuses the peer with
   * UNAUTHENTICATED (e.g. a coordinator's "has this peer joined?").
   */
  authorize?: (peer: PeerId) => boolean | Promise<boolean>
  /** Overrides the protocol's default; see MAX_INBOUND_STREAMS. */
  maxInboundStreams?: number
  /** Longest the handler may take, from the request's arrival. */
  timeoutMs?: number
  /** How long the server waits for the whole request once the stream is open (default TIMEOUTS.readRequest). */
  readTimeoutMs?: number
  /**
   * Joins requests that arrive in pieces into buffers lent from here (see
   * RequestBufferPool), given back when the handler settles: only for a
   * handler that keeps no view of the request's bytes past its promise.
   */
  requestBuffers?: RequestBufferPool
}

/** Writes the replies of one request; `lp` is the stream's framed writer, `stream` the stream under it. */
export type Responder<DReq> = (req: DReq, ctx: HandlerContext, lp: LengthPrefixedStream<Stream>, stream: Stream) => Promise<void>

export interface RequestEventDetail {
  peer: PeerId
  protocol: string
}
export interface RejectedEventDetail extends RequestEventDetail {
  code: ErrorCode
  codeName: string
  message: string
}

/** The read side needs room for one whole message plus a little. */
function bufferFor (limit: number): number {
  return Math.max(limit + 64 * 1024, 4 * 1024 * 1024)
}

/** Waits for `work`, or throws TIMEOUT / the stop reason when `signal` aborts first. */
async function untilAborted<T> (work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      const reason = signal.reason as Error | undefined
      reject(reason?.name === 'TimeoutError' ? new ProtocolError(ErrorCode.ERROR_CODE_TIMEOUT, 'handler took too long', { cause: reason }) : reason)
    }
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  work.catch(() => {})
  try {
    return await Promise.race([work, aborted])
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort)
  }
}

/** Aborts `controller` after `ms` with the reason AbortSignal.timeout gives; the timer does not keep the process alive. */
function abortAfter (controller: AbortController, ms: number): NodeJS.Timeout {
  return setTimeout(() => { controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')) }, ms).unref()
}

/** The error a failed read of a request turns into, if one should be replied. */
function readError (err: unknown, limit: number): ProtocolError {
  const name = (err as Error)?.name
  if (name === 'InvalidDataLengthError' || name === 'InvalidDataLengthLengthError' || name === 'StreamBufferError') {
    return new ProtocolError(ErrorCode.ERROR_CODE_TOO_LARGE, `request over the limit of ${limit} bytes`, { cause: err })
  }
  if (name === 'InvalidMessageLengthError') return new ProtocolError(ErrorCode.ERROR_CODE_MALFORMED, 'bad length prefix', { cause: err })
  if (name === 'UnexpectedEOFError') return new ProtocolError(ErrorCode.ERROR_CODE_MALFORMED, 'stream ended inside the request', { cause: err })
  if (name === 'TimeoutError') return new ProtocolError(ErrorCode.ERROR_CODE_TIMEOUT, 'no complete request in time', { cause: err })
  return toProtocolError(err)
}

/**
 * A protocol handler with a lifecycle: `start()` registers it on the node,
 * `stop()` removes it and aborts requests in flight. Emits
 * `request:served` and `request:rejected` (detail: RejectedEventDetail).
 */
/** Events every protocol service emits. */
export interface ProtocolServiceEvents {
  'request:served': RequestEventDetail
  'request:rejected': RejectedEventDetail
}

export class ProtocolService<Req, DReq, Ok, DOk, E extends ProtocolServiceEvents = ProtocolServiceEvents> extends TypedEventTarget<E> {
  readonly protocol: ProtocolDefinition<Req, DReq, Ok, DOk>
  // The events of the base map, whatever a subclass adds to E.
  private readonly asService = (): TypedEventTarget<ProtocolServiceEvents> => this as TypedEventTarget<ProtocolServiceEvents>
  private readonly node: Libp2p
  private readonly respond: Responder<DReq>
  private readonly options: ServiceOptions
  private readonly log: Logger
  /** Requests being served, aborted when the service stops. */
  private readonly inFlight = new Set<AbortController>()
  private started = false

  constructor (node: Libp2p, protocol: ProtocolDefinition<Req, DReq, Ok, DOk>, respond: Responder<DReq>, options: ServiceOptions = {}) {
    super()
    this.node = node
    this.protocol = protocol
    this.respond = respond
    this.options = options
    this.log = node.logger.forComponent(`cotrain:net:${protocol.name}`)
  }

  async start (): Promise<void> {
    if (this.started) return
    await this.node.handle(this.protocol.id, async (stream, connection) => { await this.serve(stream, connection) }, {
      maxInboundStreams: this.options.maxInboundStreams ?? this.protocol.maxInboundStreams,
      // Verifiers reach a worker behind NAT over a relayed connection, which is limited (bytes, time): serve there too.
      runOnLimitedConnection: true
    })
    this.started = true
  }

  async stop (): Promise<void> {
    if (!this.started) return
    this.started = false
    await this.node.unhandle(this.protocol.id)
    const stopped = new CotrainError(`${this.protocol.name} service stopped`)
    for (const request of this.inFlight) request.abort(stopped)
  }

  private async serve (stream: Stream, connection: Connection): Promise<void> {
    const def = this.protocol
    const peer = connection.remotePeer
    const lp = lpStream(stream, { maxDataLength: def.limits.request, maxBufferSize: bufferFor(def.limits.request) })
    // One controller and plain timers per request: AbortSignal.any and
    // AbortSignal.timeout (two of each per request before) cost several
    // times more per stream, in weak references for the GC to clear and a
    // listener on a signal that lives as long as the service.
    const request = new AbortController()
    const signal = request.signal
    const deadline = abortAfter(request, this.options.timeoutMs ?? def.timeoutMs)
    this.inFlight.add(request)
    const ctx: HandlerContext = { peer, connection, signal, log: this.log }
    let lent: LentRequest | undefined
    try {
      if (this.options.authorize != null && !(await this.options.authorize(peer))) {
        throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, 'peer has not joined')
      }
      let data: Uint8ArrayList | undefined
      const readDeadline = abortAfter(request, this.options.readTimeoutMs ?? TIMEOUTS.readRequest)
      try {
        data = await lp.read({ signal })
      } catch (err) {
        throw readError(err, def.limits.request)
      } finally {
        clearTimeout(readDeadline)
      }
      let req: DReq
      lent = this.options.requestBuffers?.take(data)
      try {
        req = def.decodeRequest(lent?.bytes ?? data.subarray())
      } catch (err) {
        throw new ProtocolError(ErrorCode.ERROR_CODE_MALFORMED, (err as CotrainError).shortMessage ?? 'malformed request', { cause: err })
      }
      // Joined into a lent buffer, the pieces (TCP read buffers) are garbage now: held by this frame through the
      // handler (fsyncs, a group commit), they lived long enough for V8 to promote them and wait for a full GC.
      data = undefined
      // Nothing more may come on this stream; drop whatever does.
      await stream.closeRead()
      const work = this.respond(req, ctx, lp, stream)
      // The lent bytes go back when the handler itself is done, not when a timeout gives up on it: it may still read them.
      if (lent !== undefined) {
        const { release } = lent
        lent = undefined
        work.then(release, release)
      }
      await untilAborted(work, signal)
      await stream.close({ signal })
      this.asService().emit('request:served', { peer, protocol: def.id })
    } catch (err) {
      await this.reject(stream, lp, peer, err)
    } finally {
      // Lent and never handed to the handler (a request that did not decode, or a refusal before the handler ran).
      lent?.release()
      clearTimeout(deadline)
      this.inFlight.delete(request)
    }
  }

  private async reject (stream: Stream, lp: LengthPrefixedStream<Stream>, peer: PeerId, err: unknown): Promise<void> {
    const def = this.protocol
    const perr = toProtocolError(err)
    const detail: RejectedEventDetail = { peer, protocol: def.id, code: perr.code, codeName: errorCodeName(perr.code), message: perr.wireMessage }
    if (perr.code === ErrorCode.ERROR_CODE_INTERNAL) this.log.error('%s from %p failed - %e', def.name, peer, perr.cause ?? err)
    else this.log('%s from %p refused: %s %s', def.name, peer, detail.codeName, detail.message)
    this.asService().emit('request:rejected', detail)
    if (stream.writeStatus !== 'writable') {
      stream.abort(err instanceof Error ? err : perr)
      return
    }
    try {
      const signal = AbortSignal.timeout(2_000)
      await lp.write(def.encodeError(perr), { signal })
      await stream.closeRead()
      await stream.close({ signal })
    } catch (writeErr) {
      stream.abort(writeErr instanceof Error ? writeErr : perr)
    }
  }
}

/**
 * Starts a service that answers each request with one ok reply, `answer`'s
 * result (throw a ProtocolError to refuse): the shape of assign, submit,
 * checkpoint and submissions.
 *
 * @example
 * await startAnsweringService(node, checkpointProtocol, (req, ctx) => prover.opening(req.round, req.index), options)
 */
export async function startAnsweringService<Req, DReq, Ok, DOk> (node: Libp2p, protocol: ProtocolDefinition<Req, DReq, Ok, DOk>, answer: (req: DReq, ctx: HandlerContext) => Ok | Promise<Ok>, options: ServiceOptions = {}): Promise<ProtocolService<Req, DReq, Ok, DOk>> {
  const service = new ProtocolService(node, protocol, async (req, ctx, lp) => {
    const ok = await answer(req, ctx)
    await lp.write(protocol.encodeOk(ok), { signal: ctx.signal })
  }, options)
  return await started(service)
}

/** Starts `service` and returns it: what every startXService does once it has built its service. */
export async function started<S extends { start: () => Promise<void> }> (service: S): Promise<S> {
  await service.start()
  return service
}

/** Options of every client call. */
export interface RequestOptions {
  signal?: AbortSignal
  /** Overrides the protocol's default timeout (dial, send, reply). */
  timeoutMs?: number
}

/**
 * A timeout signal joined with the caller's, and the error to throw when the
 * timeout (not the caller) aborted.
 */
export function deadline (what: string, timeoutMs: number, signal?: AbortSignal): { signal: AbortSignal, timedOut: (err: unknown) => unknown } {
  const timeout = AbortSignal.timeout(timeoutMs)
  const joined = signal == null ? timeout : AbortSignal.any([signal, timeout])
  return {
    signal: joined,
    timedOut: (err) => (timeout.aborted && signal?.aborted !== true)
      ? new CotrainError(`${what}: no reply within ${timeoutMs} ms`, { hint: 'check that the peer is up and reachable', cause: err })
      : err
  }
}

/**
 * Opens a stream for `protocol` to `peer`, sends `req`, reads one reply.
 * Throws ProtocolError when the peer replied with an Error, InvalidInputError
 * when the reply breaks the schema, MessageTooLargeError before sending an
 * oversized request.
 */
export async function sendRequest<Req, DReq, Ok, DOk> (node: Libp2p, peer: DialTarget, protocol: ProtocolDefinition<Req, DReq, Ok, DOk>, req: Req, options: RequestOptions = {}): Promise<DOk> {
  const data = protocol.encodeRequest(req)
  if (data.byteLength > protocol.limits.request) throw new MessageTooLargeError(`${protocol.name} request`, data.byteLength, protocol.limits.request)
  const { signal, timedOut } = deadline(`${protocol.name} request`, options.timeoutMs ?? protocol.timeoutMs, options.signal)
  let stream: Stream | undefined
  try {
    stream = await node.dialProtocol(peer, protocol.id, { signal, runOnLimitedConnection: true })
    const lp = lpStream(stream, { maxDataLength: protocol.limits.response, maxBufferSize: bufferFor(protocol.limits.response) })
    await lp.write(data, { signal })
    const reply = await lp.read({ signal })
    const ok = protocol.decodeResponse(reply.subarray())
    await stream.close({ signal })
    return ok
  } catch (err) {
    stream?.abort(err instanceof Error ? err : new Error(String(err)))
    if ((err as Error)?.name === 'InvalidDataLengthError') throw new InvalidInputError(`${protocol.name} reply is over the limit of ${protocol.limits.response} bytes`, { cause: err })
    throw timedOut(err)
  }
}
