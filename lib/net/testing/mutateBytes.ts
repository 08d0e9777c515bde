import type { SeededRandom } from '../../hash/SeededRandom.ts'

/**
 * One to three random edits of `data` for fuzzing decoders: bit flip, byte
 * set to a boundary value, truncate, extend, insert, delete, or a huge varint.
 */
export function mutateBytes (rng: SeededRandom, data: Uint8Array): Uint8Array {
  const out = Array.from(data)
  const edits = 1 + rng.uniformInt(3)
  for (let e = 0; e < edits; e++) {
    const at = out.length === 0 ? 0 : rng.uniformInt(out.length)
    switch (rng.uniformInt(7)) {
      case 0: if (out.length > 0) out[at] ^= 1 << rng.uniformInt(8); break
      case 1: if (out.length > 0) out[at] = rng.pick([0x00, 0x7f, 0x80, 0xff, 0x08, 0x12, 0x1a]); break
      case 2: out.length = rng.uniformInt(out.length + 1); break
      case 3: out.push(...rng.bytes(1 + rng.uniformInt(16))); break
      case 4: out.splice(at, 0, ...rng.bytes(1 + rng.uniformInt(4))); break
      case 5: out.splice(at, 1 + rng.uniformInt(4)); break
      default: out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f); break // a huge varint
    }
  }
  return Uint8Array.from(out)
}
