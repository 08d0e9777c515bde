/**
 * Buffers that large requests are joined into, used again once their
 * handler is done. A request that arrives in several pieces (a worker's
 * update: ~100 KB for the MLP, in two or three TCP reads) was joined into a
 * fresh buffer that lived as long as its handler (a blob write and a group
 * commit, both fsynced), long enough for V8 to promote it; a thousand
 * workers' updates left ~100 MB of such buffers for the next full GC, held
 * by malloc meanwhile and kept by glibc after. Joined into a buffer lent
 * here instead, the bytes are back for the next request when the handler
 * settles.
 *
 * Only bytes that have arrived are copied in, so a peer cannot make the pool
 * allocate what it merely claims; the pool holds at most `maxBytes`, and a
 * request it cannot lend for (too large, or every buffer lent) is joined as
 * before.
 */
import type { Uint8ArrayList } from 'uint8arraylist'

/** A request's bytes in a lent buffer, and the call that gives the buffer back. */
export interface LentRequest {
  bytes: Uint8Array
  /** Gives the buffer back; the bytes (and every view of them) must not be read after. */
  release: () => void
}

export interface RequestBufferPoolOptions {
  /** Bytes held at most, lent or free (default 16 MiB). */
  maxBytes?: number
  /** Smaller requests are joined as before (default 16 KiB): cheap at that size, and they would pin a larger buffer. */
  minBytes?: number
}

function isOnePiece (data: Uint8ArrayList): boolean {
  for (const piece of data) return piece.byteLength === data.byteLength
  return true
}

/** Buffers are sized in steps of this, so requests of nearly one size share them. */
const STEP = 64 * 1024

export class RequestBufferPool {
  readonly maxBytes: number
  readonly minBytes: number
  private readonly free: Uint8Array[] = []
  private held = 0
  /** Requests joined into a lent buffer, and requests left to the caller (for tests and metrics). */
  lent = 0
  declined = 0

  constructor (options: RequestBufferPoolOptions = {}) {
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024
    this.minBytes = options.minBytes ?? 16 * 1024
  }

  /** Bytes of the buffers allocated so far (lent or free). */
  get heldBytes (): number {
    return this.held
  }

  /**
   * `data` joined into a lent buffer, or undefined where the pool does not
   * take it (one piece: no copy is needed; too small or too large; no buffer
   * free and no room for another): the caller then joins it itself.
   */
  take (data: Uint8ArrayList): LentRequest | undefined {
    const size = data.byteLength
    if (size < this.minBytes || size > this.maxBytes || isOnePiece(data)) return this.decline()
    const buffer = this.bufferFor(size)
    if (buffer === undefined) return this.decline()
    let at = 0
    for (const piece of data) {
      buffer.set(piece, at)
      at += piece.byteLength
    }
    this.lent++
    let released = false
    return {
      bytes: buffer.subarray(0, size),
      release: () => {
        if (released) return
        released = true
        this.free.push(buffer)
      }
    }
  }

  private decline (): undefined {
    this.declined++
    return undefined
  }

  /** The smallest free buffer that holds `size`, else a new one while the pool has room (dropping smaller free ones to make it). */
  private bufferFor (size: number): Uint8Array | undefined {
    let best = -1
    for (let i = 0; i < this.free.length; i++) {
      if (this.free[i].byteLength >= size && (best < 0 || this.free[i].byteLength < this.free[best].byteLength)) best = i
    }
    if (best >= 0) return this.free.splice(best, 1)[0]
    const capacity = Math.ceil(size / STEP) * STEP
    // Free buffers too small for this request go first: requests of one protocol are of one size, so those belong to an older round's model.
    this.free.sort((a, b) => a.byteLength - b.byteLength)
    while (this.held + capacity > this.maxBytes && this.free.length > 0) this.held -= this.free.shift()!.byteLength
    if (this.held + capacity > this.maxBytes) return undefined
    this.held += capacity
    return new Uint8Array(capacity)
  }
}
