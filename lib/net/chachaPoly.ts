/**
 * ChaCha20-Poly1305 (RFC 8439, the AEAD Noise's transport phase uses) over
 * data held in pieces, without allocating: `seal` writes ciphertext and tag
 * into a buffer the caller gives, `open` checks the tag and then decrypts
 * the pieces where they lie. Two backends, the same bytes out:
 * - `libsodium` (sodium-native): the fast one. Node's own cipher costs about
 *   1.4 ms/MB here against libsodium's 0.95, and it returns every output in
 *   fresh memory the GC must then reclaim.
 * - `node` (node:crypto): the fallback where sodium-native's prebuilt
 *   addon does not load.
 *
 * The associated data is always empty: Noise's transport messages have none.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto'
import { sodiumNative } from './sodium.ts'

export const TAG_BYTES = 16
const KEY_BYTES = 32

/** One AEAD backend. A nonce is Noise's: a counter, sent as 4 zero bytes and 8 little-endian ones. */
export interface ChaChaPoly {
  readonly name: 'libsodium' | 'node'
  /** Encrypts the pieces of `plaintext` into `out` (their total length + 16 bytes: ciphertext, then tag). */
  seal: (key: Uint8Array, nonce: number, plaintext: Iterable<Uint8Array>, out: Uint8Array) => void
  /**
   * Checks `tag` over the ciphertext pieces and, when it holds, decrypts
   * them in place and returns true. On false the pieces' contents are
   * unspecified: the caller must drop them.
   */
  open: (key: Uint8Array, nonce: number, ciphertext: Uint8Array[], tag: Uint8Array) => boolean
}

/** The 12-byte nonce for counter `n`, written into `into`. */
function writeNonce (into: Buffer, n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`nonce ${n} is not a counter this cipher can use`)
  into.writeUInt32LE(0, 0)
  into.writeUInt32LE(n % 2 ** 32, 4)
  into.writeUInt32LE(Math.floor(n / 2 ** 32), 8)
  return into
}

function checkKey (key: Uint8Array): void {
  if (key.byteLength !== KEY_BYTES) throw new RangeError(`key of ${key.byteLength} bytes, expected ${KEY_BYTES}`)
}

/** The part of sodium-native this uses. */
interface Sodium {
  crypto_stream_chacha20_ietf: (out: Uint8Array, nonce: Uint8Array, key: Uint8Array) => void
  crypto_stream_chacha20_ietf_xor_ic: (out: Uint8Array, input: Uint8Array, nonce: Uint8Array, counter: number, key: Uint8Array) => void
  crypto_onetimeauth_init: (state: Uint8Array, key: Uint8Array) => void
  crypto_onetimeauth_update: (state: Uint8Array, input: Uint8Array) => void
  crypto_onetimeauth_final: (state: Uint8Array, out: Uint8Array) => void
  crypto_onetimeauth_STATEBYTES: number
  sodium_memcmp: (a: Uint8Array, b: Uint8Array) => boolean
}

/**
 * The AEAD built from libsodium's ChaCha20 stream (with a block counter) and
 * streaming Poly1305, as RFC 8439 defines it, so that the pieces need not be
 * joined first: Poly1305 buffers partial blocks itself, and a piece that
 * starts inside a 64-byte ChaCha block finishes that block from one
 * computed on the side.
 */
function sodiumChaChaPoly (sodium: Sodium): ChaChaPoly {
  // Scratch, reused: every call runs to its end before another can start.
  const nonceBytes = Buffer.alloc(12)
  const polyKey = Buffer.alloc(32)
  const state = Buffer.alloc(sodium.crypto_onetimeauth_STATEBYTES)
  const padding = Buffer.alloc(16)
  const lengths = Buffer.alloc(16)
  const expected = Buffer.alloc(TAG_BYTES)
  const block = Buffer.alloc(64)

  /** Poly1305 of the ciphertext pieces, keyed from block 0 (associated data: none). */
  const mac = (key: Uint8Array, ciphertext: Iterable<Uint8Array>, out: Uint8Array): void => {
    sodium.crypto_stream_chacha20_ietf(polyKey, nonceBytes, key)
    sodium.crypto_onetimeauth_init(state, polyKey)
    let total = 0
    for (const piece of ciphertext) {
      sodium.crypto_onetimeauth_update(state, piece)
      total += piece.byteLength
    }
    if (total % 16 !== 0) sodium.crypto_onetimeauth_update(state, padding.subarray(0, 16 - total % 16))
    lengths.writeUInt32LE(total, 8)
    sodium.crypto_onetimeauth_update(state, lengths)
    sodium.crypto_onetimeauth_final(state, out)
  }

  /** dst = src XOR the keystream from byte `at` of the message on (block 1 is the message's first). */
  const xorAt = (key: Uint8Array, dst: Uint8Array, src: Uint8Array, at: number): void => {
    let done = 0
    const within = at % 64
    if (within !== 0) {
      block.fill(0)
      sodium.crypto_stream_chacha20_ietf_xor_ic(block, block, nonceBytes, 1 + Math.floor(at / 64), key)
      done = Math.min(64 - within, src.byteLength)
      for (let i = 0; i < done; i++) dst[i] = src[i] ^ block[within + i]
    }
    if (done < src.byteLength) {
      sodium.crypto_stream_chacha20_ietf_xor_ic(dst.subarray(done), src.subarray(done), nonceBytes, 1 + (at + done) / 64, key)
    }
  }

  return {
    name: 'libsodium',
    seal: (key, nonce, plaintext, out) => {
      checkKey(key)
      writeNonce(nonceBytes, nonce)
      let at = 0
      for (const piece of plaintext) {
        xorAt(key, out.subarray(at, at + piece.byteLength), piece, at)
        at += piece.byteLength
      }
      if (out.byteLength !== at + TAG_BYTES) throw new RangeError(`output of ${out.byteLength} bytes for ${at} bytes of plaintext`)
      mac(key, [out.subarray(0, at)], out.subarray(at))
    },
    open: (key, nonce, ciphertext, tag) => {
      checkKey(key)
      writeNonce(nonceBytes, nonce)
      mac(key, ciphertext, expected)
      if (!sodium.sodium_memcmp(expected, tag)) return false
      let at = 0
      for (const piece of ciphertext) {
        xorAt(key, piece, piece, at)
        at += piece.byteLength
      }
      return true
    }
  }
}

/** The same AEAD through node:crypto, which allocates each output; used when libsodium is missing. */
function nodeChaChaPoly (): ChaChaPoly {
  const nonceBytes = Buffer.alloc(12)
  const none = Buffer.alloc(0)
  return {
    name: 'node',
    seal: (key, nonce, plaintext, out) => {
      checkKey(key)
      const pieces = [...plaintext]
      const total = pieces.reduce((n, p) => n + p.byteLength, 0)
      if (out.byteLength !== total + TAG_BYTES) throw new RangeError(`output of ${out.byteLength} bytes for ${total} bytes of plaintext`)
      const cipher = createCipheriv('chacha20-poly1305', key, writeNonce(nonceBytes, nonce), { authTagLength: TAG_BYTES })
      cipher.setAAD(none, { plaintextLength: total })
      let at = 0
      for (const piece of pieces) {
        const sealed = cipher.update(piece)
        out.set(sealed, at)
        at += sealed.byteLength
      }
      cipher.final()
      out.set(cipher.getAuthTag(), at)
    },
    open: (key, nonce, ciphertext, tag) => {
      checkKey(key)
      const total = ciphertext.reduce((n, p) => n + p.byteLength, 0)
      const decipher = createDecipheriv('chacha20-poly1305', key, writeNonce(nonceBytes, nonce), { authTagLength: TAG_BYTES })
      decipher.setAAD(none, { plaintextLength: total })
      decipher.setAuthTag(tag)
      for (const piece of ciphertext) piece.set(decipher.update(piece))
      try {
        decipher.final()
        return true
      } catch {
        return false
      }
    }
  }
}

let sodiumBackend: ChaChaPoly | null | undefined

/** The libsodium backend, or undefined where sodium-native does not load on this platform. */
export function libsodiumChaChaPoly (): ChaChaPoly | undefined {
  if (sodiumBackend === undefined) {
    const sodium = sodiumNative<Sodium>()
    sodiumBackend = sodium === undefined ? null : sodiumChaChaPoly(sodium)
  }
  return sodiumBackend ?? undefined
}

const nodeBackend = nodeChaChaPoly()

/** The node:crypto backend (always there). */
export function nodeCryptoChaChaPoly (): ChaChaPoly {
  return nodeBackend
}

/**
 * The fastest backend that loads here.
 *
 * @example
 * const aead = chachaPoly() // aead.name: 'libsodium' on linux/macOS/windows x64 and arm64
 */
export function chachaPoly (): ChaChaPoly {
  return libsodiumChaChaPoly() ?? nodeBackend
}
