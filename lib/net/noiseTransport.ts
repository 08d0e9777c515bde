/**
 * Noise (libp2p's Noise_XX_25519_ChaChaPoly_SHA256) with a leaner transport
 * phase. The handshake is @chainsafe/libp2p-noise's own; only what happens
 * after it differs. The stock EncryptedMessageStream joins every ciphertext
 * that spans two TCP reads into one fresh buffer, decrypts it into another
 * with node's cipher, and hands the muxer one event per 64 KiB message. Here
 * a message is checked and decrypted where it arrived, in the TCP read
 * buffers (libsodium, see chachaPoly.ts), all messages of one read reach the
 * muxer as one event, and what the muxer sends in one tick is sealed
 * together, straight into the one buffer that goes to the socket (one
 * socket write where the stock one makes one per muxer frame). On the wire
 * nothing changes: same 2-byte
 * length prefix, same 65,535-byte messages, same nonces, so a node using
 * this talks to any libp2p Noise peer (tested against the stock one).
 *
 * It calls two methods the Noise class keeps private (the handshake and the
 * early muxer choice), and learns the two transport keys the handshake ends
 * with through the crypto interface Noise lets its user supply (see
 * transportKeysOf); package.json pins @chainsafe/libp2p-noise to the exact
 * version this was written against.
 */
import { hkdfSync } from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import type { ICryptoInterface, NoiseComponents, NoiseExtensions, NoiseInit } from '@chainsafe/libp2p-noise'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { publicKeyFromProtobuf } from '@libp2p/crypto/keys'
import { serviceCapabilities } from '@libp2p/interface'
import type { AbortOptions, ConnectionEncrypter, MessageStream, PublicKey, SecureConnectionOptions, SecuredConnection, StreamMuxerFactory } from '@libp2p/interface'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { AbstractMessageStream, lpStream } from '@libp2p/utils'
import type { SendResult } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { InvalidInputError } from '../errors.ts'
import { importedOnce } from './importedKey.ts'
import { sodiumNative } from './sodium.ts'
import { TAG_BYTES, chachaPoly } from './chachaPoly.ts'
import type { ChaChaPoly } from './chachaPoly.ts'
import { PieceQueue } from './PieceQueue.ts'
import { sendBufferPool } from './SendBufferPool.ts'
import type { SendBufferBorrower, SendBufferPool } from './SendBufferPool.ts'

/** Largest Noise transport message, tag included (the spec's limit). */
const MAX_MESSAGE = 65535
const MAX_PLAINTEXT = MAX_MESSAGE - TAG_BYTES
/**
 * Plaintext held for the end of the tick at most: more is sealed and sent
 * at once, so one sealed send still fits a pooled buffer (SendBufferPool's
 * 1 MiB + 32 KiB) and a bulk transfer meets the socket's backpressure as
 * soon as it did before.
 */
export const COALESCE_BYTES = 1024 * 1024

type Bytes = Uint8Array | Uint8ArrayList

/** What @chainsafe/libp2p-noise's handshake returns: its transport CipherStates behind two closures. */
interface NoiseHandshakeResult {
  payload: { identityKey: Uint8Array, extensions?: NoiseExtensions & { streamMuxers?: string[] } }
  encrypt: (plaintext: Bytes) => Bytes
  decrypt: (ciphertext: Bytes, dst?: Uint8Array) => Bytes
}

/** The private parts of the Noise class this wrapper uses. */
interface NoiseInternals extends ConnectionEncrypter<NoiseExtensions> {
  performHandshakeInitiator: (connection: unknown, privateKey: unknown, log: unknown, remoteIdentityKey?: PublicKey, options?: SecureConnectionOptions) => Promise<NoiseHandshakeResult>
  performHandshakeResponder: (connection: unknown, privateKey: unknown, log: unknown, remoteIdentityKey?: PublicKey, options?: SecureConnectionOptions) => Promise<NoiseHandshakeResult>
  getStreamMuxer: (protocols?: string[]) => StreamMuxerFactory | undefined
}

/** The keys of one connection's transport phase; both nonces start at 0. */
export interface TransportKeys {
  send: Uint8Array
  receive: Uint8Array
}

/**
 * A marker passed through a CipherState: Noise's CipherState calls its
 * crypto with its key and current nonce, and the crypto below answers this
 * one by noting them instead of encrypting. A call is synchronous, so the
 * note is read back before anything else can run.
 */
const PROBE = new Uint8Array(0)
let probed: { key: Uint8Array, nonce: number } | undefined

function probing (base: ICryptoInterface): ICryptoInterface {
  const note = (nonce: Uint8Array, key: Uint8Array): Uint8Array => {
    const view = new DataView(nonce.buffer, nonce.byteOffset, nonce.byteLength)
    probed = { key: Uint8Array.from(key), nonce: view.getUint32(4, true) + view.getUint32(8, true) * 2 ** 32 }
    return PROBE
  }
  return {
    ...base,
    chaCha20Poly1305Encrypt: (plaintext, nonce, ad, k) => plaintext === PROBE ? note(nonce, k) : base.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k),
    chaCha20Poly1305Decrypt: (ciphertext, nonce, ad, k, dst) => ciphertext === PROBE ? note(nonce, k) : base.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst)
  }
}

const NO_INFO = new Uint8Array(0)

/** The part of sodium-native X25519 takes. */
interface SodiumX25519 {
  randombytes_buf: (out: Uint8Array) => void
  crypto_scalarmult_base: (publicKey: Uint8Array, secretKey: Uint8Array) => void
  crypto_scalarmult: (shared: Uint8Array, secretKey: Uint8Array, publicKey: Uint8Array) => void
}

/**
 * X25519 in libsodium on raw 32-byte keys, as the handshake keeps them. The
 * default wraps every key in DER and imports it into OpenSSL for each
 * Diffie-Hellman: 510 us for a key pair and one exchange against 155 us
 * here (load 9), and a responder makes a key pair and three exchanges per
 * handshake. libsodium refuses (throws on) an all-zero shared secret, as
 * OpenSSL does.
 */
function sodiumX25519 (sodium: SodiumX25519): Pick<ICryptoInterface, 'generateX25519KeyPair' | 'generateX25519KeyPairFromSeed' | 'generateX25519SharedKey'> {
  const fromSecret = (privateKey: Uint8Array): { publicKey: Uint8Array, privateKey: Uint8Array } => {
    const publicKey = new Uint8Array(32)
    sodium.crypto_scalarmult_base(publicKey, privateKey)
    return { publicKey, privateKey }
  }
  return {
    generateX25519KeyPair: () => {
      const privateKey = new Uint8Array(32)
      sodium.randombytes_buf(privateKey)
      return fromSecret(privateKey)
    },
    generateX25519KeyPairFromSeed: (seed) => fromSecret(Uint8Array.from(seed)),
    generateX25519SharedKey: (privateKey, publicKey) => {
      const shared = new Uint8Array(32)
      sodium.crypto_scalarmult(shared, privateKey.subarray(), publicKey.subarray())
      return shared
    }
  }
}

const sodium = sodiumNative<SodiumX25519>()

/**
 * The handshake's crypto: @chainsafe/libp2p-noise's, but HKDF in one call
 * to node's (OpenSSL) instead of @noble/hashes' SHA-256 in JavaScript,
 * about 3x faster per call and four calls per handshake (Noise's HKDF is
 * RFC 5869's with the chaining key as salt and no info, tested equal), and
 * X25519 in libsodium where it loads (see sodiumX25519).
 */
export const handshakeCrypto: ICryptoInterface = {
  ...defaultCrypto,
  ...(sodium === undefined ? {} : sodiumX25519(sodium)),
  getHKDF: (ck, ikm) => {
    const okm = new Uint8Array(hkdfSync('sha256', ikm, ck, NO_INFO, 96))
    return [okm.subarray(0, 32), okm.subarray(32, 64), okm.subarray(64, 96)]
  }
}

/** The keys behind a finished handshake's closures (whose CipherStates are not used after this). */
function transportKeysOf (handshake: NoiseHandshakeResult): TransportKeys {
  const probe = (through: (bytes: Uint8Array) => unknown): Uint8Array => {
    probed = undefined
    through(PROBE)
    const got = probed as { key: Uint8Array, nonce: number } | undefined
    probed = undefined
    // Anything else means the handshake did not go through our crypto, or sent with its CipherState.
    if (got?.nonce !== 0) throw new TypeError('noise handshake did not hand over fresh transport keys: check the pinned @chainsafe/libp2p-noise version')
    return got.key
  }
  return { send: probe(handshake.encrypt), receive: probe(handshake.decrypt) }
}

export interface NoiseTransportInit extends Omit<NoiseInit, 'crypto'> {
  /** The AEAD backend for the transport phase (default: the fastest that loads, see chachaPoly). */
  cipher?: ChaChaPoly
  /** Where large sends are sealed into (default: the process's shared pool). */
  sendBuffers?: SendBufferPool
}

type LengthPrefixOptions = NonNullable<Parameters<typeof lpStream>[1]>
const uint16 = {
  encode: Object.assign((value: number): Uint8Array => Uint8Array.of(value >> 8, value & 0xff), { bytes: 2 }) as unknown as NonNullable<LengthPrefixOptions['lengthEncoder']>,
  decode: Object.assign((data: Bytes): number => data instanceof Uint8Array ? (data[0] << 8) | data[1] : data.getUint16(0), { bytes: 2 }) as unknown as NonNullable<LengthPrefixOptions['lengthDecoder']>
}

/**
 * A connection encrypter for libp2p's `connectionEncrypters`, in place of
 * `noise()`; takes the same options but `crypto` (the handshake uses
 * node's), and the transport phase's `cipher`.
 *
 * @example
 * createLibp2p({ connectionEncrypters: [noiseTransport()], ... })
 */
export function noiseTransport (init: NoiseTransportInit = {}): (components: NoiseComponents) => ConnectionEncrypter<NoiseExtensions> {
  const { cipher, sendBuffers, ...noiseInit } = init
  const transportCipher = cipher ?? chachaPoly()
  const stock = noise({ ...noiseInit, crypto: probing(handshakeCrypto) })
  return (components) => {
    const inner = stock(components) as unknown as NoiseInternals
    const identity = importedOnce(components.privateKey)
    if (typeof inner.performHandshakeInitiator !== 'function' || typeof inner.performHandshakeResponder !== 'function' || typeof inner.getStreamMuxer !== 'function') {
      throw new TypeError('@chainsafe/libp2p-noise no longer has the handshake methods noiseTransport uses: check the pinned version')
    }
    const secure = async (connection: MessageStream, initiator: boolean, options?: SecureConnectionOptions): Promise<SecuredConnection<NoiseExtensions>> => {
      // The connection's own logger: a new scope is a new debug logger per connection, a measurable cost with a thousand workers.
      const log = connection.log
      const wrapped = lpStream(connection, { lengthEncoder: uint16.encode, lengthDecoder: uint16.decode, maxDataLength: MAX_MESSAGE })
      const handshake = initiator
        ? await inner.performHandshakeInitiator(wrapped, identity, log, options?.remotePeer?.publicKey, options)
        : await inner.performHandshakeResponder(wrapped, identity, log, options?.remotePeer?.publicKey, options)
      const publicKey = publicKeyFromProtobuf(handshake.payload.identityKey)
      return {
        connection: new NoiseTransportStream(wrapped.unwrap(), transportKeysOf(handshake), transportCipher, sendBuffers),
        remoteExtensions: handshake.payload.extensions,
        remotePeer: peerIdFromPublicKey(publicKey),
        streamMuxer: options?.skipStreamMuxerNegotiation === true ? undefined : inner.getStreamMuxer(handshake.payload.extensions?.streamMuxers)
      }
    }
    return {
      protocol: inner.protocol,
      [Symbol.toStringTag]: '@cotrain/noise-transport',
      [serviceCapabilities]: ['@libp2p/connection-encryption', '@chainsafe/libp2p-noise'],
      secureOutbound: async (connection, options) => await secure(connection, true, options),
      secureInbound: async (connection, options) => await secure(connection, false, options)
    }
  }
}

/**
 * Noise transport messages over `stream`: 2-byte big-endian length, then
 * ciphertext and tag. Received bytes wait in `pending` (views, no copies)
 * until a whole message is there, and are then decrypted in place: once
 * the transport below hands over a buffer (node's TCP read buffers), it is
 * this stream's.
 */
export class NoiseTransportStream extends AbstractMessageStream implements SendBufferBorrower {
  private readonly stream: MessageStream
  private readonly keys: TransportKeys
  private readonly cipher: ChaChaPoly
  private readonly pending = new PieceQueue()
  private readonly sendBuffers: SendBufferPool
  private sendNonce = 0
  private receiveNonce = 0
  /** Bytes handed to `stream.send` so far. */
  private handed = 0
  /** Plaintext accepted by sendData and not yet sealed: it goes out at the end of the tick (see sendData). */
  private queued = new Uint8ArrayList()
  private flushScheduled = false
  /** The stream below refused more on the last send and has not drained since. */
  private belowFull = false
  /** Writes to the stream below (one socket write each over TCP), for tests and metrics. */
  sends = 0

  constructor (stream: MessageStream, keys: TransportKeys, cipher: ChaChaPoly = chachaPoly(), sendBuffers: SendBufferPool = sendBufferPool) {
    super({
      log: stream.log,
      inactivityTimeout: stream.inactivityTimeout,
      maxReadBufferLength: stream.maxReadBufferLength,
      direction: stream.direction
    })
    this.stream = stream
    this.keys = keys
    this.cipher = cipher
    this.sendBuffers = sendBuffers
    stream.addEventListener('message', (evt) => {
      try {
        this.receive(evt.data)
      } catch (err) {
        this.abort(err instanceof Error ? err : new Error(String(err)))
      }
    })
    stream.addEventListener('close', (evt) => {
      if (evt.error != null) {
        if (evt.local === true) this.abort(evt.error)
        else this.onRemoteReset()
      } else {
        this.onTransportClosed()
      }
    })
    stream.addEventListener('drain', () => {
      this.belowFull = false
      this.safeDispatchEvent('drain')
    })
    stream.addEventListener('remoteCloseWrite', () => { this.onRemoteCloseWrite() })
    // libp2p closes a connection through the stream below, not this one
    // (Connection.close: the muxer's close, which sends yamux's GoAway, then
    // the transport's): what the muxer sent this tick goes out first.
    const closeBelow = stream.close.bind(stream)
    stream.close = async (options?: AbortOptions): Promise<void> => {
      this.flushBeforeClose()
      await closeBelow(options)
    }
  }

  /** Decrypts every whole message now buffered and passes them on as one piece of data. */
  private receive (data: Bytes): void {
    this.pending.push(data)
    let plaintext: Uint8ArrayList | undefined
    while (this.pending.length >= 2) {
      const length = (this.pending.byteAt(0) << 8) | this.pending.byteAt(1)
      if (this.pending.length < 2 + length) break
      if (length < TAG_BYTES) throw new InvalidInputError(`noise message of ${length} bytes is shorter than its tag`)
      this.pending.take(2)
      const body = this.pending.take(length - TAG_BYTES)
      const tagPieces = this.pending.take(TAG_BYTES)
      const tag = tagPieces.length === 1 ? tagPieces[0] : Buffer.concat(tagPieces)
      if (!this.cipher.open(this.keys.receive, this.receiveNonce, body, tag)) {
        throw new InvalidInputError(`noise message ${this.receiveNonce} failed authentication`)
      }
      this.receiveNonce++
      plaintext ??= new Uint8ArrayList()
      for (const piece of body) plaintext.append(piece)
    }
    if (plaintext !== undefined) this.onData(plaintext)
  }

  /**
   * How much of what this stream handed below has left the process: the
   * bytes still queued are those in the stream's write buffer and, over
   * TCP, in the node socket's (whose handshake bytes only make this count
   * lower). -1 where the transport below does not tell.
   */
  writtenBytes (): number {
    const below = this.stream as unknown as { writeBufferLength?: unknown, socket?: { writableLength?: unknown, destroyed?: unknown } }
    // A destroyed socket reads none of its queued buffers again.
    if (below.socket?.destroyed === true) return Infinity
    if (typeof below.writeBufferLength !== 'number' || typeof below.socket?.writableLength !== 'number') return -1
    return this.handed - below.writeBufferLength - below.socket.writableLength
  }

  /**
   * Takes `data` to send at the end of this tick, with whatever else the
   * muxer sends before then. The muxer sends every frame on its own (a
   * window update, a stream's header, a 12-byte close), and each became a
   * Noise message and a socket write of its own: a thousand workers' small
   * requests and replies cost the coordinator more in `write` calls than in
   * encryption. process.nextTick runs after the promise jobs that are
   * queued when it is scheduled from one, so the replies that one incoming
   * read triggers go out together, and nothing waits past this tick.
   * Backpressure: more than COALESCE_BYTES is sent at once, and the stream
   * below's refusal is passed up from the next send on.
   */
  sendData (data: Uint8ArrayList): SendResult {
    const total = data.byteLength
    if (total === 0) return { sentBytes: 0, canSendMore: true }
    if (this.queued.byteLength > 0 && this.queued.byteLength + total > COALESCE_BYTES) this.flush()
    this.queued.append(data)
    if (this.queued.byteLength >= COALESCE_BYTES) return { sentBytes: total, canSendMore: this.flush() }
    if (!this.flushScheduled) {
      this.flushScheduled = true
      process.nextTick(this.flushAtEndOfTick)
    }
    return { sentBytes: total, canSendMore: !this.belowFull }
  }

  private readonly flushAtEndOfTick = (): void => {
    this.flushScheduled = false
    // Closed or closing below (an abort, or a close that flushBeforeClose already sent for): nothing more can go.
    if (this.stream.status !== 'open') {
      this.queued = new Uint8ArrayList()
      return
    }
    try {
      this.flush()
    } catch (err) {
      this.abort(err instanceof Error ? err : new Error(String(err)))
    }
  }

  private flushBeforeClose (): void {
    if (this.stream.status === 'open') this.flush()
  }

  /** Seals what is queued as messages of at most 65,535 bytes, into one buffer for the stream below (a pooled one when large); returns whether it takes more. */
  private flush (): boolean {
    const data = this.queued
    const total = data.byteLength
    if (total === 0) return !this.belowFull
    this.queued = new Uint8ArrayList()
    const messages = Math.ceil(total / MAX_PLAINTEXT)
    const size = total + messages * (2 + TAG_BYTES)
    const out = this.sendBuffers.take(size, this, this.handed + size)
    let at = 0
    for (let start = 0; start < total; start += MAX_PLAINTEXT) {
      const end = Math.min(start + MAX_PLAINTEXT, total)
      const length = end - start + TAG_BYTES
      out[at] = length >> 8
      out[at + 1] = length & 0xff
      this.cipher.seal(this.keys.send, this.sendNonce, data.sublist(start, end), out.subarray(at + 2, at + 2 + length))
      this.sendNonce++
      at += 2 + length
    }
    this.handed += size
    this.sends++
    const more = this.stream.send(out)
    this.belowFull = !more
    return more
  }

  async close (options?: AbortOptions): Promise<void> {
    await this.stream.close(options)
  }

  sendPause (): void {
    this.stream.pause()
  }

  sendResume (): void {
    this.stream.resume()
  }

  sendReset (err: Error): void {
    this.queued = new Uint8ArrayList()
    this.stream.abort(err)
  }
}
