import assert from 'node:assert/strict'
import { createCipheriv, randomBytes } from 'node:crypto'
import { TAG_BYTES, chachaPoly, libsodiumChaChaPoly, nodeCryptoChaChaPoly } from './chachaPoly.ts'
import type { ChaChaPoly } from './chachaPoly.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'

/** RFC 8439 through node's one-shot cipher: what every backend must produce. */
function reference (key: Uint8Array, nonce: number, plaintext: Uint8Array): Buffer {
  const iv = Buffer.alloc(12)
  iv.writeBigUInt64LE(BigInt(nonce), 4)
  const c = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 })
  c.setAAD(Buffer.alloc(0), { plaintextLength: plaintext.byteLength })
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()])
}

/** `bytes` cut at the given offsets into separate (copied) pieces. */
function cut (bytes: Uint8Array, at: number[]): Uint8Array[] {
  const bounds = [0, ...at.filter((a) => a > 0 && a < bytes.byteLength).sort((a, b) => a - b), bytes.byteLength]
  const pieces: Uint8Array[] = []
  for (let i = 1; i < bounds.length; i++) pieces.push(Uint8Array.from(bytes.subarray(bounds[i - 1], bounds[i])))
  return pieces
}

const backends: Record<string, ChaChaPoly | undefined> = { node: nodeCryptoChaChaPoly(), libsodium: libsodiumChaChaPoly() }

describe('chachaPoly', () => {
  it('loads libsodium on this platform, and picks it', () => {
    // sodium-native ships prebuilt addons for the platforms cotrain runs on;
    // if this fails, the fast path is gone and the transfer benchmark would show it.
    assert.ok(backends.libsodium !== undefined, 'sodium-native did not load')
    assert.equal(chachaPoly().name, 'libsodium')
  })

  for (const name of ['node', 'libsodium']) {
    describe(`the ${name} backend`, () => {
      const backend = (): ChaChaPoly => {
        const b = backends[name]
        assert.ok(b !== undefined, `${name} backend did not load`)
        assert.equal(b.name, name)
        return b
      }
      const rng = SeededRandom.fromInteger(name === 'node' ? 1 : 2)
      const random = (): number => rng.nextFloat()
      // Lengths around block (64) and Poly1305 (16) edges, and Noise's largest message.
      const lengths = [0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1000, 4096, 65519]

      it('seals exactly as RFC 8439 does, however the plaintext is cut into pieces', () => {
        for (const length of lengths) {
          for (let trial = 0; trial < 4; trial++) {
            const key = randomBytes(32)
            const nonce = trial === 3 ? 2 ** 40 + 7 : Math.floor(random() * 1000)
            const plaintext = randomBytes(length)
            const cuts = Array.from({ length: trial * 3 }, () => Math.floor(random() * (length + 1)))
            const out = new Uint8Array(length + TAG_BYTES)
            backend().seal(key, nonce, cut(plaintext, cuts), out)
            assert.deepEqual(Buffer.from(out), reference(key, nonce, plaintext), `length ${length}, cuts ${cuts.join(',')}`)
          }
        }
      })

      it('opens in place what RFC 8439 sealed, however the ciphertext is cut', () => {
        for (const length of lengths) {
          for (let trial = 0; trial < 4; trial++) {
            const key = randomBytes(32)
            const nonce = Math.floor(random() * 2 ** 33)
            const plaintext = randomBytes(length)
            const sealed = reference(key, nonce, plaintext)
            const pieces = cut(sealed.subarray(0, length), Array.from({ length: 1 + trial * 5 }, () => Math.floor(random() * (length + 1))))
            assert.equal(backend().open(key, nonce, pieces, sealed.subarray(length)), true)
            assert.deepEqual(Buffer.concat(pieces), plaintext, `length ${length}`)
          }
        }
      })

      it('refuses a flipped bit anywhere, a wrong nonce and a wrong key', () => {
        const key = randomBytes(32)
        const plaintext = randomBytes(300)
        const sealed = reference(key, 5, plaintext)
        for (let bit = 0; bit < sealed.byteLength * 8; bit += 37) {
          const bad = Buffer.from(sealed)
          bad[bit >> 3] ^= 1 << (bit & 7)
          assert.equal(backend().open(key, 5, cut(bad.subarray(0, 300), [100]), bad.subarray(300)), false, `bit ${bit}`)
        }
        assert.equal(backend().open(key, 6, [Buffer.from(sealed.subarray(0, 300))], sealed.subarray(300)), false)
        assert.equal(backend().open(randomBytes(32), 5, [Buffer.from(sealed.subarray(0, 300))], sealed.subarray(300)), false)
      })

      // node's decipher decrypts as it goes, so there the contract says "unspecified".
      if (name === 'libsodium') it('leaves the ciphertext as it was when the tag fails (it checks before it decrypts)', () => {
        const key = randomBytes(32)
        const sealed = reference(key, 1, randomBytes(200))
        const body = Buffer.from(sealed.subarray(0, 200))
        const tag = Buffer.from(sealed.subarray(200))
        tag[0] ^= 1
        assert.equal(backend().open(key, 1, [body], tag), false)
        assert.deepEqual(body, sealed.subarray(0, 200))
      })

      it('rejects a nonce that is not a counter and a key of the wrong size, in one line', () => {
        assert.throws(() => { backend().seal(randomBytes(32), -1, [], new Uint8Array(16)) }, /^RangeError: nonce -1 is not a counter/)
        assert.throws(() => { backend().seal(randomBytes(32), 1.5, [], new Uint8Array(16)) }, /nonce 1.5 is not a counter/)
        assert.throws(() => { backend().seal(randomBytes(16), 0, [], new Uint8Array(16)) }, /key of 16 bytes, expected 32/)
        assert.throws(() => { backend().open(randomBytes(16), 0, [], new Uint8Array(16)) }, /key of 16 bytes, expected 32/)
        assert.throws(() => { backend().seal(randomBytes(32), 0, [randomBytes(5)], new Uint8Array(16)) }, /output of 16 bytes for 5 bytes of plaintext/)
      })
    })
  }
})
