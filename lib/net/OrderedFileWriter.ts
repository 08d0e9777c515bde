/**
 * Writes a download into a file behind the receive loop. The loop hands
 * each chunk over and goes on receiving and hashing while the disk catches
 * up; waiting for every write instead left the connection idle for the
 * write's round trip through libuv's thread pool, and made the worker's
 * shard fetch (to disk) run at 0.4x the speed of a fetch into memory.
 * Chunks that arrive while a write is under way are joined into the next
 * writev. Writes land in order, one at a time, so the file is always a
 * prefix of the object: after a crash, a resumed fetch can trust its size.
 */
import type { FileHandle } from 'node:fs/promises'
import { CotrainError } from '../errors.ts'

export interface OrderedFileWriterOptions {
  /** Bytes handed over but not yet written before `write` waits (default 8 MiB). */
  maxQueuedBytes?: number
}

/** Default bound on bytes waiting for the disk: a few chunks, well under the memory a transfer may use. */
export const DEFAULT_MAX_QUEUED_WRITE_BYTES = 8 * 1024 * 1024

/**
 * @example
 * const writer = new OrderedFileWriter(fh)
 * for await (const chunk of chunks) await writer.write(chunk.pieces, chunk.offset)
 * await writer.flush()
 */
export class OrderedFileWriter {
  private readonly fh: FileHandle
  private readonly maxQueuedBytes: number
  /** Pieces not yet given to a write, and the file offset of the first. */
  private pending: Uint8Array[] = []
  private pendingOffset = 0
  private pendingBytes = 0
  /** The write under way, if any; settles after the next one has started. */
  private writing: Promise<void> | undefined
  /** Bytes pending or being written. */
  private queued = 0
  private failure: Error | undefined

  constructor (fh: FileHandle, options: OrderedFileWriterOptions = {}) {
    const max = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_WRITE_BYTES
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxQueuedBytes must be a positive integer, got ${max}`)
    this.fh = fh
    this.maxQueuedBytes = max
  }

  /** Bytes handed over and not yet on the file. */
  get queuedBytes (): number {
    return this.queued
  }

  /**
   * Queues `pieces` to be written at `offset` and returns once no more than
   * maxQueuedBytes wait; the pieces must not change until they are written.
   * Rejects with the error of an earlier write that failed.
   */
  async write (pieces: Uint8Array[], offset: number): Promise<void> {
    this.throwIfFailed()
    let bytes = 0
    for (const p of pieces) bytes += p.byteLength
    if (bytes === 0) return
    // A write that does not continue the pending ones starts a batch of its own.
    if (this.pendingBytes > 0 && offset !== this.pendingOffset + this.pendingBytes) await this.flush()
    if (this.pendingBytes === 0) this.pendingOffset = offset
    for (const p of pieces) if (p.byteLength > 0) this.pending.push(p)
    this.pendingBytes += bytes
    this.queued += bytes
    this.startNext()
    while (this.queued > this.maxQueuedBytes && this.writing !== undefined) await this.writing
    this.throwIfFailed()
  }

  /** Waits until everything handed over is written; rejects if a write failed. */
  async flush (): Promise<void> {
    while (this.writing !== undefined) await this.writing
    this.throwIfFailed()
  }

  private startNext (): void {
    if (this.writing !== undefined || this.pendingBytes === 0 || this.failure !== undefined) return
    const pieces = this.pending
    const offset = this.pendingOffset
    const bytes = this.pendingBytes
    this.pending = []
    this.pendingOffset = offset + bytes
    this.pendingBytes = 0
    this.writing = this.fh.writev(pieces, offset)
      .then(({ bytesWritten }) => {
        if (bytesWritten !== bytes) throw new CotrainError(`wrote ${bytesWritten} of ${bytes} bytes at offset ${offset}`, { hint: 'check free disk space' })
      })
      // A CotrainError: the fetch gives up at once instead of retrying a transfer the disk cannot take.
      .catch((err: unknown) => {
        this.failure ??= err instanceof CotrainError ? err : new CotrainError(`writing at offset ${offset}: ${(err as Error)?.message ?? String(err)}`, { hint: 'check free disk space and permissions', cause: err })
      })
      .finally(() => {
        this.queued -= bytes
        this.writing = undefined
        this.startNext()
      })
  }

  private throwIfFailed (): void {
    if (this.failure === undefined) return
    // Pieces queued after a failed write are dropped: the file ends at the failure.
    this.queued -= this.pendingBytes
    this.pending = []
    this.pendingBytes = 0
    throw this.failure
  }
}
