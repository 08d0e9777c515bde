/**
 * Buffers that the Noise transport seals large sends into, used again once
 * the connection below has handed their bytes to the kernel. A sender that
 * allocates a fresh ~520 KiB buffer for every content chunk pays for new
 * pages on every send (page faults, then the GC's work to free them): on
 * the project's VM that was about 40 % of the serving process's CPU per MB
 * (npm run bench:transfer, "CPU ms/MB send"). A coordinator serving shards
 * to many workers is that sender.
 *
 * A buffer is lent to one connection until that connection reports that
 * everything it sent up to the end of the buffer has been written out.
 * Connections write in order, so one count per connection tells it.
 */

/** A connection that can say how much of what it sent has left the process. */
export interface SendBufferBorrower {
  /**
   * Bytes handed to the transport below so far that it has written out (a
   * lower bound), or Infinity once it will read no more of them (destroyed),
   * or -1 when it cannot tell, in which case nothing lent to it comes back.
   */
  writtenBytes: () => number
}

interface Slot {
  buffer: Buffer
  borrower: SendBufferBorrower | undefined
  /** The borrower's writtenBytes() at which this buffer is free again. */
  until: number
}

export interface SendBufferPoolOptions {
  /** Size of each pooled buffer; larger sends get a fresh buffer. */
  bufferBytes?: number
  /** Buffers kept at most (over all connections); when all are lent, sends get fresh ones. */
  maxBuffers?: number
  /** Sends smaller than this get a fresh buffer (cheap at that size) and leave the pool to large ones. */
  minBytes?: number
}

export class SendBufferPool {
  readonly bufferBytes: number
  readonly maxBuffers: number
  readonly minBytes: number
  private readonly slots: Slot[] = []
  /** Sends given a pooled buffer, and a fresh one (for tests and metrics). */
  pooled = 0
  fresh = 0

  constructor (options: SendBufferPoolOptions = {}) {
    this.bufferBytes = options.bufferBytes ?? 1024 * 1024 + 32 * 1024
    this.maxBuffers = options.maxBuffers ?? 16
    this.minBytes = options.minBytes ?? 64 * 1024
  }

  /**
   * A buffer of exactly `size` bytes for `borrower` to fill and send right
   * away; `endsAt` is the borrower's count of bytes handed below once this
   * one is sent. Its contents are garbage.
   */
  take (size: number, borrower: SendBufferBorrower, endsAt: number): Buffer {
    // A borrower that cannot tell would keep the buffer for good.
    if (size >= this.minBytes && size <= this.bufferBytes && borrower.writtenBytes() >= 0) {
      const slot = this.freeSlot()
      if (slot !== undefined) {
        slot.borrower = borrower
        slot.until = endsAt
        this.pooled++
        return slot.buffer.subarray(0, size)
      }
    }
    this.fresh++
    return Buffer.allocUnsafe(size)
  }

  private freeSlot (): Slot | undefined {
    for (const slot of this.slots) {
      if (slot.borrower === undefined) return slot
      if (slot.borrower.writtenBytes() >= slot.until) {
        slot.borrower = undefined
        return slot
      }
    }
    if (this.slots.length >= this.maxBuffers) return undefined
    const slot: Slot = { buffer: Buffer.allocUnsafeSlow(this.bufferBytes), borrower: undefined, until: 0 }
    this.slots.push(slot)
    return slot
  }

  /** Buffers allocated so far. */
  get size (): number {
    return this.slots.length
  }
}

/** The pool every Noise transport in this process shares. */
export const sendBufferPool = new SendBufferPool()
