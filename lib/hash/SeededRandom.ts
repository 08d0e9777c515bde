import { InvalidInputError } from '../errors.ts'
import { taggedHash } from './sha256.ts'

/**
 * A portable seeded PRNG (xoshiro128**, 32-bit state words) seeded from a
 * domain-tagged sha256 of the caller's inputs. Only 32-bit integer arithmetic
 * (`Math.imul`, shifts), so every JS engine on every machine draws the same
 * sequence; batch schedules and initial weights depend on that.
 *
 * Seeding: the 4 state words are the first 16 bytes of
 * `taggedHash(tag, ...parts)` read as little-endian uint32 (an all-zero state,
 * probability 2^-128, is replaced by a fixed constant).
 *
 * @example
 * const rng = SeededRandom.fromParts('cotrain/init/v1', seedBytes)
 * rng.nextUint32(); rng.uniformInt(10); rng.nextFloat()
 */
export class SeededRandom {
  private s0: number
  private s1: number
  private s2: number
  private s3: number

  constructor (seed: Uint8Array) {
    if (seed.byteLength < 16) throw new InvalidInputError(`SeededRandom needs 16 seed bytes, got ${seed.byteLength}`)
    const v = new DataView(seed.buffer, seed.byteOffset, 16)
    this.s0 = v.getUint32(0, true)
    this.s1 = v.getUint32(4, true)
    this.s2 = v.getUint32(8, true)
    this.s3 = v.getUint32(12, true)
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9
  }

  /** Seeds from `taggedHash(tag, ...parts)`. */
  static fromParts (tag: string, ...parts: Uint8Array[]): SeededRandom {
    return new SeededRandom(taggedHash(tag, ...parts))
  }

  /**
   * Seeds from a small integer, for tests and fuzzing that replay a case
   * from the number printed with it.
   *
   * @example
   * const rng = SeededRandom.fromInteger(0x5eed)
   */
  static fromInteger (seed: number): SeededRandom {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setFloat64(0, seed, true)
    return SeededRandom.fromParts('cotrain/seeded-random/integer/v1', bytes)
  }

  /** Next uint32 (xoshiro128**). */
  nextUint32 (): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0
    const t = this.s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result
  }

  /**
   * Unbiased integer in [0, n) by rejection: draws r until
   * r < floor(2^32 / n) * n, returns r mod n. n must be in [1, 2^32].
   */
  uniformInt (n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000) throw new InvalidInputError(`uniformInt bound must be an integer in [1, 2^32], got ${n}`)
    const limit = Math.floor(0x100000000 / n) * n
    for (;;) {
      const r = this.nextUint32()
      if (r < limit) return r % n
    }
  }

  /** Float in [0, 1) with 24 random bits (exactly representable as float32). */
  nextFloat (): number {
    return (this.nextUint32() >>> 8) / 16777216
  }

  /** `n` random bytes. */
  bytes (n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = this.nextUint32() & 0xff
    return out
  }

  /** One of `items`, uniformly. */
  pick<T> (items: readonly T[]): T {
    return items[this.uniformInt(items.length)]
  }

  /** Fisher-Yates permutation of 0..n-1 (i from n-1 down to 1, j = uniformInt(i + 1)). */
  permutation (n: number): Uint32Array {
    const out = new Uint32Array(n)
    for (let i = 0; i < n; i++) out[i] = i
    for (let i = n - 1; i > 0; i--) {
      const j = this.uniformInt(i + 1)
      const tmp = out[i]
      out[i] = out[j]
      out[j] = tmp
    }
    return out
  }
}

function rotl (x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
