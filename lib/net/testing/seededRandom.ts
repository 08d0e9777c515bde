/** A small seeded PRNG (mulberry32) so fuzz cases replay exactly from their seed. */
export class SeededRandom {
  private state: number

  constructor (seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next (): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [0, n). */
  int (n: number): number {
    return Math.floor(this.next() * n)
  }

  bytes (n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = this.int(256)
    return out
  }

  pick<T> (items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** One random edit of `data`: bit flip, byte set, truncate, extend, insert, delete, splice. */
  mutate (data: Uint8Array): Uint8Array {
    const out = Array.from(data)
    const edits = 1 + this.int(3)
    for (let e = 0; e < edits; e++) {
      const at = out.length === 0 ? 0 : this.int(out.length)
      switch (this.int(7)) {
        case 0: if (out.length > 0) out[at] ^= 1 << this.int(8); break
        case 1: if (out.length > 0) out[at] = this.pick([0x00, 0x7f, 0x80, 0xff, 0x08, 0x12, 0x1a]); break
        case 2: out.length = this.int(out.length + 1); break
        case 3: out.push(...this.bytes(1 + this.int(16))); break
        case 4: out.splice(at, 0, ...this.bytes(1 + this.int(4))); break
        case 5: out.splice(at, 1 + this.int(4)); break
        default: out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f); break // a huge varint
      }
    }
    return Uint8Array.from(out)
  }
}
