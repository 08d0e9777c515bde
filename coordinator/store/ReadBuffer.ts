/**
 * One buffer that a sequence of blob reads goes into, grown to the largest
 * of them. Closing a round reads every accepted delta back to fold it in,
 * one after another: a thousand fresh ~100 KB buffers in a second or two,
 * more than V8 frees young, so malloc held them until a full GC and glibc
 * kept the space after. Read here instead, each delta goes where the last
 * one was.
 *
 * @example
 * const reads = new ReadBuffer()
 * await reads.use(async (alloc) => { const bytes = await blobs.get(id, alloc); fold(bytes) })
 */
export class ReadBuffer {
  private buffer = new Uint8Array(0)
  private busy = false

  /**
   * Runs `work` with an allocator for its one read: a view of this buffer,
   * or, while another `use` holds it, fresh memory. What the allocator gave
   * must not be read after `work` settles.
   */
  async use<T> (work: (alloc: (size: number) => Uint8Array) => Promise<T>): Promise<T> {
    if (this.busy) return await work((size) => new Uint8Array(size))
    this.busy = true
    try {
      return await work((size) => {
        if (this.buffer.byteLength < size) this.buffer = new Uint8Array(size)
        return this.buffer.subarray(0, size)
      })
    } finally {
      this.busy = false
    }
  }

  /** Bytes held (the largest read so far). */
  get heldBytes (): number {
    return this.buffer.byteLength
  }
}
