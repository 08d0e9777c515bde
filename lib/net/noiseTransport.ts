/**
 * Noise (libp2p's Noise_XX_25519_ChaChaPoly_SHA256) with a leaner transport
 * phase. The handshake is @chainsafe/libp2p-noise's own; only what happens
 * after it differs: the stock EncryptedMessageStream copies every ciphertext
 * that spans two TCP reads into one buffer (for a `dst` argument node's
 * cipher ignores), and hands the muxer one event per 64 KiB message. Here a
 * message is decrypted from the pieces it arrived in, and all messages of one
 * read reach the muxer as one event. On the wire nothing changes: same
 * 2-byte length prefix, same 65,535-byte messages, same nonces, so a node
 * using this talks to any libp2p Noise peer (tested against the stock one).
 *
 * It calls two methods the Noise class keeps private (the handshake and the
 * early muxer choice); package.json pins @chainsafe/libp2p-noise to the exact
 * version this was written against.
 */
import { noise } from '@chainsafe/libp2p-noise'
import type { NoiseComponents, NoiseExtensions, NoiseInit } from '@chainsafe/libp2p-noise'
import { publicKeyFromProtobuf } from '@libp2p/crypto/keys'
import { serviceCapabilities } from '@libp2p/interface'
import type { AbortOptions, ConnectionEncrypter, MessageStream, PublicKey, SecureConnectionOptions, SecuredConnection, StreamMuxerFactory } from '@libp2p/interface'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { AbstractMessageStream, lpStream } from '@libp2p/utils'
import type { SendResult } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { InvalidInputError } from '../errors.ts'
import { PieceQueue } from './PieceQueue.ts'

/** Largest Noise transport message, tag included (the spec's limit). */
const MAX_MESSAGE = 65535
const TAG_LENGTH = 16
const MAX_PLAINTEXT = MAX_MESSAGE - TAG_LENGTH

type Bytes = Uint8Array | Uint8ArrayList

/** What @chainsafe/libp2p-noise's handshake returns. */
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

type LengthPrefixOptions = NonNullable<Parameters<typeof lpStream>[1]>
const uint16 = {
  encode: Object.assign((value: number): Uint8Array => Uint8Array.of(value >> 8, value & 0xff), { bytes: 2 }) as unknown as NonNullable<LengthPrefixOptions['lengthEncoder']>,
  decode: Object.assign((data: Bytes): number => data instanceof Uint8Array ? (data[0] << 8) | data[1] : data.getUint16(0), { bytes: 2 }) as unknown as NonNullable<LengthPrefixOptions['lengthDecoder']>
}

/**
 * A connection encrypter for libp2p's `connectionEncrypters`, in place of
 * `noise()`; takes the same options.
 *
 * @example
 * createLibp2p({ connectionEncrypters: [noiseTransport()], ... })
 */
export function noiseTransport (init: NoiseInit = {}): (components: NoiseComponents) => ConnectionEncrypter<NoiseExtensions> {
  const stock = noise(init)
  return (components) => {
    const inner = stock(components) as unknown as NoiseInternals
    if (typeof inner.performHandshakeInitiator !== 'function' || typeof inner.performHandshakeResponder !== 'function' || typeof inner.getStreamMuxer !== 'function') {
      throw new TypeError('@chainsafe/libp2p-noise no longer has the handshake methods noiseTransport uses: check the pinned version')
    }
    const secure = async (connection: MessageStream, initiator: boolean, options?: SecureConnectionOptions): Promise<SecuredConnection<NoiseExtensions>> => {
      const log = connection.log.newScope('noise')
      const wrapped = lpStream(connection, { lengthEncoder: uint16.encode, lengthDecoder: uint16.decode, maxDataLength: MAX_MESSAGE })
      const handshake = initiator
        ? await inner.performHandshakeInitiator(wrapped, components.privateKey, log, options?.remotePeer?.publicKey, options)
        : await inner.performHandshakeResponder(wrapped, components.privateKey, log, options?.remotePeer?.publicKey, options)
      const publicKey = publicKeyFromProtobuf(handshake.payload.identityKey)
      return {
        connection: new NoiseTransportStream(wrapped.unwrap(), handshake),
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
 * until a whole message is there.
 */
export class NoiseTransportStream extends AbstractMessageStream {
  private readonly stream: MessageStream
  private readonly handshake: Pick<NoiseHandshakeResult, 'encrypt' | 'decrypt'>
  private readonly pending = new PieceQueue()

  constructor (stream: MessageStream, handshake: Pick<NoiseHandshakeResult, 'encrypt' | 'decrypt'>) {
    super({
      log: stream.log,
      inactivityTimeout: stream.inactivityTimeout,
      maxReadBufferLength: stream.maxReadBufferLength,
      direction: stream.direction
    })
    this.stream = stream
    this.handshake = handshake
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
    stream.addEventListener('drain', () => { this.safeDispatchEvent('drain') })
    stream.addEventListener('remoteCloseWrite', () => { this.onRemoteCloseWrite() })
  }

  /** Decrypts every whole message now buffered and passes them on as one piece of data. */
  private receive (data: Bytes): void {
    this.pending.push(data)
    let plaintext: Uint8ArrayList | undefined
    while (this.pending.length >= 2) {
      const length = (this.pending.byteAt(0) << 8) | this.pending.byteAt(1)
      if (this.pending.length < 2 + length) break
      if (length < TAG_LENGTH) throw new InvalidInputError(`noise message of ${length} bytes is shorter than its tag`)
      this.pending.take(2)
      // One view when the message lies in one read, else a list of views: node's cipher takes either.
      const parts = this.pending.take(length)
      const decrypted = this.handshake.decrypt(parts.length === 1 ? parts[0] : new Uint8ArrayList(...parts))
      plaintext ??= new Uint8ArrayList()
      plaintext.append(decrypted)
    }
    if (plaintext !== undefined) this.onData(plaintext)
  }

  sendData (data: Uint8ArrayList): SendResult {
    const output = new Uint8ArrayList()
    for (let i = 0; i < data.byteLength; i += MAX_PLAINTEXT) {
      const end = Math.min(i + MAX_PLAINTEXT, data.byteLength)
      // A sublist keeps node's cipher from concatenating its output into a fresh buffer.
      const sealed = this.handshake.encrypt(data.sublist(i, end))
      output.append(Uint8Array.of(sealed.byteLength >> 8, sealed.byteLength & 0xff))
      output.append(sealed)
    }
    return { sentBytes: data.byteLength, canSendMore: this.stream.send(output) }
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
    this.stream.abort(err)
  }
}
