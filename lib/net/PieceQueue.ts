/**
 * Received bytes kept as the pieces they arrived in: appended at the back,
 * read and taken from the front as views, never copied. Both the Noise
 * transport and the frame reader wait on it for a whole message.
 */
export class PieceQueue {
  private readonly pieces: Uint8Array[] = []
  /** Bytes of pieces[0] already taken. */
  private head = 0
  /** Bytes held. */
  length = 0

  /** Appends a piece (a Uint8Array) or each piece of a list of them (e.g. a Uint8ArrayList). */
  push (data: Uint8Array | Iterable<Uint8Array>): void {
    if (data instanceof Uint8Array) {
      this.pushPiece(data)
    } else {
      for (const piece of data) this.pushPiece(piece)
    }
  }

  private pushPiece (piece: Uint8Array): void {
    if (piece.byteLength === 0) return
    this.pieces.push(piece)
    this.length += piece.byteLength
  }

  /** Byte `i` from the front, or -1 past the end. */
  byteAt (i: number): number {
    let at = this.head + i
    for (const p of this.pieces) {
      if (at < p.byteLength) return p[at]
      at -= p.byteLength
    }
    return -1
  }

  /** Removes the first `n` bytes (at most `length`) and returns them as views. */
  take (n: number): Uint8Array[] {
    const out: Uint8Array[] = []
    let left = Math.min(n, this.length)
    this.length -= left
    while (left > 0) {
      const p = this.pieces[0]
      const k = Math.min(left, p.byteLength - this.head)
      out.push(this.head === 0 && k === p.byteLength ? p : p.subarray(this.head, this.head + k))
      left -= k
      this.head += k
      if (this.head === p.byteLength) { this.pieces.shift(); this.head = 0 }
    }
    return out
  }
}
