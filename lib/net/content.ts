/**
 * /cotrain/content/1.0.0: bytes of content-addressed objects (weights,
 * shards, checkpoints) in chunks, with backpressure; the client verifies
 * sha256 == content id at the end and, after a broken stream or connection,
 * resumes from the offset it already holds.
 */
import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import type { DialTarget, Libp2p, Stream } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { CotrainError, HashMismatchError, InvalidInputError, MessageTooLargeError } from '../errors.ts'
import { CONTENT_CHUNK_BYTES, CONTENT_MAX_ATTEMPTS, MAX_CONTENT_CHUNK_BYTES, CONTENT_PROTOCOL, CONTENT_RETRY_DELAY_MS, LIMITS, MAX_INBOUND_STREAMS, TIMEOUTS } from './constants.ts'
import { checkContentRequest, pb } from './messages.ts'
import type { ContentChunk, ContentRequest, DecodedContentRequest } from './messages.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { ProtocolService, defineProtocol, started } from './protocol.ts'
import type { HandlerContext, ProtocolServiceEvents, ServiceOptions } from './protocol.ts'
import { contentIdBytes, toContentId } from '../hash/contentId.ts'
import { toHex } from '../hash/sha256.ts'
import { FrameReader, StallWatchdog, TruncatedFrameError, concat, sendFrame, varint } from './frames.ts'
import { OrderedFileWriter } from './OrderedFileWriter.ts'
import { FileContentCache } from './FileContentCache.ts'
import type { ContentId } from '../hash/contentId.ts'
import { sleep } from '../async/sleep.ts'

export const contentProtocol = defineProtocol({
  id: CONTENT_PROTOCOL,
  name: 'content',
  limits: { request: LIMITS.contentRequest, response: LIMITS.contentResponse },
  // A transfer may take long; stalls are caught per chunk instead.
  timeoutMs: 6 * 3600_000,
  maxInboundStreams: MAX_INBOUND_STREAMS.content,
  request: pb.ContentRequest,
  checkRequest: checkContentRequest,
  response: pb.ContentResponse,
  okField: 'chunk',
  checkOk: (c: ContentChunk) => {
    const n = c.data?.byteLength ?? 0
    if ((c.offset ?? 0) + n > (c.totalSize ?? 0)) throw new InvalidInputError(`chunk at ${c.offset ?? 0} + ${n} bytes runs past total_size ${c.totalSize ?? 0}`)
  },
  decodedOk: undefined as unknown as cotrain.v1.ContentChunk
})

/** Random access to an object a server holds. */
export interface ContentReader {
  size: number
  read: (offset: number, length: number) => Uint8Array | Promise<Uint8Array>
  close?: () => void | Promise<void>
}

/**
 * What a provider returns for a content id: the bytes, a file, or a reader.
 * A file is held in memory by content id after its first read (see
 * FileContentCache), so it must hold that id's bytes and no others.
 */
export type ContentSource = Uint8Array | { path: string } | ContentReader

/**
 * Looks up a content id (64 lowercase hex); undefined when not held. The
 * server does not re-hash what it serves: the client checks.
 */
export type ContentProvider = (contentId: ContentId, ctx: HandlerContext) => ContentSource | undefined | Promise<ContentSource | undefined>

export interface ContentServiceOptions extends ServiceOptions {
  provider: ContentProvider
  /** Bytes per chunk, at most MAX_CONTENT_CHUNK_BYTES. */
  chunkSize?: number
  /** Give up on a client that reads nothing for this long. */
  stallTimeoutMs?: number
  /** Transfers served at once, over all peers; more are refused with BUSY (clients back off and retry). */
  maxConcurrent?: number
  /**
   * Where `{ path }` sources are held once read, for the next peer that asks
   * (default: a FileContentCache of 128 MiB for this service; false: read
   * the file for every transfer).
   */
  fileCache?: FileContentCache | false
}

export interface ContentServedDetail {
  peer: string
  contentId: ContentId
  offset: number
  bytes: number
}

/**
 * The bytes of `ContentResponse { chunk: { offset, total_size, data } }` that
 * come before `data`'s own bytes, so a chunk goes out without copying its
 * data into an encoder buffer. Equal to protobufjs's encoding (tested).
 */
export function contentChunkHeader (offset: number, totalSize: number, length: number): Uint8Array {
  const fields: number[] = []
  const put = (n: number): void => { for (const b of varint(n)) fields.push(b) }
  if (offset !== 0) { fields.push(0x08); put(offset) }
  if (totalSize !== 0) { fields.push(0x10); put(totalSize) }
  if (length !== 0) { fields.push(0x1a); put(length) }
  const inner = fields.length + length
  const head = [0x0a, ...varint(inner), ...fields]
  return Uint8Array.from(head)
}

function memoryReader (bytes: Uint8Array): ContentReader {
  return { size: bytes.byteLength, read: (offset, length) => bytes.subarray(offset, offset + length) }
}

async function openSource (id: ContentId, source: ContentSource, cache: FileContentCache | undefined): Promise<ContentReader> {
  if (source instanceof Uint8Array) return memoryReader(source)
  if ('path' in source) {
    const held = await cache?.get(id, source.path)
    if (held !== undefined) return memoryReader(held)
    const fh: FileHandle = await open(source.path, 'r')
    const { size } = await fh.stat()
    return {
      size,
      read: async (offset, length) => {
        const buf = Buffer.allocUnsafe(length)
        const { bytesRead } = await fh.read(buf, 0, length, offset)
        return buf.subarray(0, bytesRead)
      },
      close: async () => { await fh.close() }
    }
  }
  return source
}

/**
 * Serves content from `provider` (any node: coordinator for weights and
 * shards, worker for its checkpoints). Emits `content:served`.
 *
 * @example
 * await startContentService(node, { provider: (id) => store.get(id) })
 */
export async function startContentService (node: Libp2p, options: ContentServiceOptions): Promise<ContentService> {
  return await started(new ContentService(node, options))
}

/** Events of a content service: the protocol's, and one per range served. */
export interface ContentServiceEvents extends ProtocolServiceEvents {
  'content:served': ContentServedDetail
}

export class ContentService extends ProtocolService<ContentRequest, DecodedContentRequest, ContentChunk, cotrain.v1.ContentChunk, ContentServiceEvents> {
  constructor (node: Libp2p, options: ContentServiceOptions) {
    const chunkSize = options.chunkSize ?? CONTENT_CHUNK_BYTES
    if (!Number.isInteger(chunkSize) || chunkSize < 1024 || chunkSize > MAX_CONTENT_CHUNK_BYTES) {
      throw new InvalidInputError(`chunk size must be 1 KiB to ${MAX_CONTENT_CHUNK_BYTES} bytes, got ${chunkSize}`)
    }
    const stall = options.stallTimeoutMs ?? TIMEOUTS.contentStall
    const maxConcurrent = options.maxConcurrent ?? 64
    const fileCache = options.fileCache === false ? undefined : options.fileCache ?? new FileContentCache()
    let active = 0
    super(node, contentProtocol, async (req, ctx, _lp, stream) => {
      if (active >= maxConcurrent) throw new ProtocolError(ErrorCode.ERROR_CODE_BUSY, `serving ${active} transfers, try again later`)
      active++
      try {
        await serveChunks(req, ctx, stream)
      } finally {
        active--
      }
    }, options)
    const serveChunks = async (req: DecodedContentRequest, ctx: HandlerContext, stream: Stream): Promise<void> => {
      const id = toContentId(req.contentId)
      const source = await options.provider(id, ctx)
      if (source === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no content ${id}`)
      const reader = await openSource(id, source, fileCache)
      const watchdog = new StallWatchdog(stall, `content ${id} to ${ctx.peer.toString()}`, ctx.signal)
      try {
        const size = reader.size
        if (size > 0xffffffff) throw new ProtocolError(ErrorCode.ERROR_CODE_UNSUPPORTED, 'object over 4 GiB')
        if (req.offset > size) throw new ProtocolError(ErrorCode.ERROR_CODE_OUT_OF_RANGE, `offset ${req.offset} past the end (${size} bytes)`)
        const end = req.maxLength === 0 ? size : Math.min(size, req.offset + req.maxLength)
        let pos = req.offset
        do {
          const length = Math.min(chunkSize, end - pos)
          const data = length === 0 ? new Uint8Array(0) : await reader.read(pos, length)
          if (data.byteLength !== length) throw new CotrainError(`content ${id} gave ${data.byteLength} bytes at ${pos}, expected ${length}`)
          // Waits for the stream to drain: a slow reader slows the reads here.
          await sendFrame(stream, [contentChunkHeader(pos, size, length), data], watchdog.signal)
          watchdog.kick()
          pos += length
        } while (pos < end)
        this.emit('content:served', { peer: ctx.peer.toString(), contentId: id, offset: req.offset, bytes: end - req.offset })
      } finally {
        watchdog.stop()
        await reader.close?.()
      }
    }
  }
}

export interface FetchContentOptions {
  signal?: AbortSignal
  /** Called after every chunk with the bytes held so far and the object's size. */
  onProgress?: (received: number, total: number) => void
  /** Refuse objects larger than this (default LIMITS.contentObject). */
  maxSize?: number
  /** Consecutive failed attempts without progress before giving up. */
  maxAttempts?: number
  /** First back-off between attempts; doubles each time. */
  retryDelayMs?: number
  /** No chunk for this long counts as a broken transfer. */
  stallTimeoutMs?: number
  /** Called before each retry with the error and the offset the retry asks from. */
  onRetry?: (err: unknown, offset: number, attempt: number) => void
}

/** Where fetched bytes go. */
interface ContentSink {
  /** The object's size, once the first chunk told it. */
  begin: (total: number) => void | Promise<void>
  /** The next bytes of the object, from `offset` on, in pieces. */
  write: (pieces: Uint8Array[], offset: number) => void | Promise<void>
}

/** A chunk frame split into its fields; `data` stays in the pieces it arrived in. */
export interface ChunkFrame {
  offset: number
  totalSize: number
  data: Uint8Array[]
  length: number
}

/**
 * Reads a chunk frame laid out exactly as contentChunkHeader writes it
 * without copying the data; undefined for anything else (error replies,
 * other field orders, unknown fields), which then goes through the
 * generated decoder. Agrees with protobufjs on every frame it accepts (fuzzed).
 */
export function parseChunkFrame (parts: Uint8Array[]): ChunkFrame | undefined {
  let part = 0
  let at = 0
  let consumed = 0
  let total = 0
  for (const p of parts) total += p.byteLength
  const byte = (): number => {
    while (part < parts.length && at >= parts[part].byteLength) { part++; at = 0 }
    if (part >= parts.length) return -1
    consumed++
    return parts[part][at++]
  }
  const uvarint = (): number => {
    let n = 0
    let mul = 1
    for (let i = 0; i < 5; i++) {
      const b = byte()
      if (b < 0) return -1
      n += (b & 0x7f) * mul
      if ((b & 0x80) === 0) return n > 0xffffffff ? -1 : n
      mul *= 128
    }
    return -1
  }
  if (byte() !== 0x0a) return undefined
  const inner = uvarint()
  if (inner < 0 || inner !== total - consumed) return undefined
  let offset = 0
  let totalSize = 0
  let length = 0
  let tag = inner === 0 ? -1 : byte()
  if (tag === 0x08) { offset = uvarint(); if (offset < 0) return undefined; tag = consumed === total ? -1 : byte() }
  if (tag === 0x10) { totalSize = uvarint(); if (totalSize < 0) return undefined; tag = consumed === total ? -1 : byte() }
  if (tag === 0x1a) {
    length = uvarint()
    if (length < 0 || length !== total - consumed) return undefined
  } else if (tag !== -1) {
    return undefined
  }
  // What is left of the frame is the data.
  const data: Uint8Array[] = []
  while (part < parts.length) {
    const p = parts[part]
    if (at < p.byteLength) data.push(at === 0 ? p : p.subarray(at))
    part++
    at = 0
  }
  return { offset, totalSize, data, length }
}

function isRetryable (err: unknown): boolean {
  if (err instanceof ProtocolError) {
    return err.remote && (err.code === ErrorCode.ERROR_CODE_BUSY || err.code === ErrorCode.ERROR_CODE_TIMEOUT || err.code === ErrorCode.ERROR_CODE_INTERNAL)
  }
  return !(err instanceof CotrainError)
}

/**
 * Pulls `id` from `peer` into `sink` from byte `received` on, hashing into
 * `hash`; retries broken transfers from where they stopped.
 */
async function pullContent (node: Libp2p, peer: DialTarget, id: ContentId, received: number, hash: Hash, sink: ContentSink, options: FetchContentOptions): Promise<number> {
  const log = node.logger.forComponent('cotrain:net:content:client')
  const stall = options.stallTimeoutMs ?? TIMEOUTS.contentStall
  const maxSize = options.maxSize ?? LIMITS.contentObject
  const maxAttempts = options.maxAttempts ?? CONTENT_MAX_ATTEMPTS
  let total: number | undefined
  let failures = 0

  const attempt = async (): Promise<void> => {
    let stream: Stream | undefined
    const watchdog = new StallWatchdog(stall, `content ${id}`, options.signal)
    try {
      stream = await node.dialProtocol(peer, CONTENT_PROTOCOL, { signal: watchdog.signal, runOnLimitedConnection: true })
      const frames = new FrameReader(stream, { maxFrameLength: LIMITS.contentResponse })
      await sendFrame(stream, [contentProtocol.encodeRequest({ contentId: contentIdBytes(id), offset: received, maxLength: 0 })], watchdog.signal)
      do {
        const parts = await frames.readParts({ signal: watchdog.signal })
        watchdog.kick()
        if (parts === null) throw new TruncatedFrameError(`content ${id}: stream ended at byte ${received}`)
        let chunk = parseChunkFrame(parts)
        if (chunk === undefined) {
          const decoded = contentProtocol.decodeResponse(concat(...parts))
          chunk = { offset: decoded.offset, totalSize: decoded.totalSize, data: [decoded.data], length: decoded.data.byteLength }
        }
        if (total === undefined) {
          if (chunk.totalSize > maxSize) throw new MessageTooLargeError(`content ${id}`, chunk.totalSize, maxSize)
          total = chunk.totalSize
          await sink.begin(total)
        } else if (chunk.totalSize !== total) {
          throw new InvalidInputError(`content ${id}: size changed from ${total} to ${chunk.totalSize}`)
        }
        if (chunk.offset !== received) throw new InvalidInputError(`content ${id}: chunk at ${chunk.offset}, expected ${received}`)
        if (chunk.length === 0 && received < total) throw new InvalidInputError(`content ${id}: empty chunk at ${received}`)
        if (received + chunk.length > total) throw new InvalidInputError(`content ${id}: chunk at ${received} + ${chunk.length} bytes runs past ${total}`)
        for (const piece of chunk.data) hash.update(piece)
        await sink.write(chunk.data, received)
        received += chunk.length
        failures = 0
        options.onProgress?.(received, total)
      } while (received < total)
      await stream.close({ signal: watchdog.signal })
    } catch (err) {
      stream?.abort(err instanceof Error ? err : new Error(String(err)))
      throw err
    } finally {
      watchdog.stop()
    }
  }

  while (true) {
    try {
      await attempt()
      return total ?? 0
    } catch (err) {
      if (options.signal?.aborted === true || !isRetryable(err)) throw err
      failures++
      if (failures >= maxAttempts) {
        throw new CotrainError(`content ${id}: transfer broke ${failures} times in a row at byte ${received}`, { hint: 'check that the serving peer is up', cause: err })
      }
      const delay = (options.retryDelayMs ?? CONTENT_RETRY_DELAY_MS) * 2 ** (failures - 1)
      log('transfer of %s broke at byte %d (%s), retry %d in %d ms', id, received, (err as Error)?.message, failures, delay)
      options.onRetry?.(err, received, failures)
      await sleep(delay, { signal: options.signal })
    }
  }
}

function verify (id: ContentId, hash: Hash): void {
  const actual = toHex(hash.digest())
  if (actual !== id) throw new HashMismatchError(`content ${id}`, id, actual)
}

/**
 * Fetches the object `contentId` from `peer` into memory and checks its
 * sha256. A broken stream or connection is retried with a fresh one, asking
 * only for the bytes not yet held; `resumeFrom` continues a download that an
 * earlier call (or process) got part of.
 *
 * @example
 * const weights = await fetchContent(node, coordinator, announcement.modelId, { onProgress: (n, t) => bar.update('weights', n, t) })
 */
export async function fetchContent (node: Libp2p, peer: DialTarget, contentId: string | Uint8Array, options: FetchContentOptions & { resumeFrom?: Uint8Array } = {}): Promise<Uint8Array> {
  const id = toContentId(contentId)
  const prefix = options.resumeFrom ?? new Uint8Array(0)
  const hash = createHash('sha256').update(prefix)
  let out: Uint8Array = new Uint8Array(0)
  await pullContent(node, peer, id, prefix.byteLength, hash, {
    begin: (total) => {
      out = new Uint8Array(total)
      out.set(prefix.subarray(0, Math.min(total, prefix.byteLength)))
    },
    write: (pieces, offset) => {
      for (const p of pieces) { out.set(p, offset); offset += p.byteLength }
    }
  }, options)
  verify(id, hash)
  return out
}

/**
 * Fetches `contentId` into the file `path`, through `path + '.partial'`: a
 * partial file left by an earlier run is hashed and continued, not started
 * over. The file appears under `path` only once its hash checks out. Disk
 * writes run behind the transfer, up to `maxQueuedWriteBytes` (8 MiB) behind.
 */
export async function fetchContentToFile (node: Libp2p, peer: DialTarget, contentId: string | Uint8Array, path: string, options: FetchContentOptions & { maxQueuedWriteBytes?: number } = {}): Promise<{ path: string, size: number }> {
  const id = toContentId(contentId)
  const partial = `${path}.partial`
  const hash = createHash('sha256')
  let have = 0
  try {
    have = (await stat(partial)).size
    for await (const piece of createReadStream(partial)) hash.update(piece as Buffer)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const fh = await open(partial, have === 0 ? 'w' : 'r+', 0o644)
  // Receiving and hashing go on while earlier chunks are written.
  const writer = new OrderedFileWriter(fh, { maxQueuedBytes: options.maxQueuedWriteBytes })
  let size: number
  try {
    size = await pullContent(node, peer, id, have, hash, {
      begin: () => {},
      write: async (pieces, offset) => { await writer.write(pieces, offset) }
    }, options)
    await writer.flush()
    await fh.sync()
  } catch (err) {
    // What was received stays on file for the next try (a prefix: writes land in order).
    await writer.flush().catch(() => {})
    // A partial file longer than the object is not a prefix of it: start over next time.
    if (err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_OUT_OF_RANGE) await rm(partial, { force: true })
    throw err
  } finally {
    await fh.close()
  }
  try {
    verify(id, hash)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
  await rename(partial, path)
  return { path, size }
}
