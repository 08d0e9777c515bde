import assert from 'node:assert/strict'
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import type { Libp2p, Stream } from '@libp2p/interface'
import { streamPair } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'
import { Uint8ArrayList } from 'uint8arraylist'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { fetchContent, startContentService } from './content.ts'
import { contentIdOf } from '../hash/contentId.ts'
import { libsodiumChaChaPoly, nodeCryptoChaChaPoly } from './chachaPoly.ts'
import type { ChaChaPoly } from './chachaPoly.ts'
import { COALESCE_BYTES, NoiseTransportStream, handshakeCrypto } from './noiseTransport.ts'
import { seededBlob } from './testing/seededBlob.ts'

/** A libp2p node with the stock @chainsafe/libp2p-noise encrypter. */
async function stockNoiseNode (): Promise<Libp2p<{ ping: ReturnType<ReturnType<typeof ping>> }>> {
  return await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() }
  }) as never
}

const backends: Array<[string, () => ChaChaPoly | undefined]> = [['libsodium', libsodiumChaChaPoly], ['node', nodeCryptoChaChaPoly]]

for (const [name, backend] of backends) describe(`noiseTransport (${name} cipher) against the stock Noise`, function () {
  this.timeout(30_000)
  let ours: CotrainNode
  let stock: Awaited<ReturnType<typeof stockNoiseNode>>
  const blob = seededBlob(3 * 1024 * 1024 + 123, 'noise-interop')
  const id = contentIdOf(blob)

  before(async () => {
    const cipher = backend()
    assert.ok(cipher !== undefined, `${name} backend did not load`)
    ours = await createNode({ noiseCipher: cipher })
    stock = await stockNoiseNode()
    await startContentService(ours, { provider: (c) => c === id ? blob : undefined })
    await startContentService(stock as never, { provider: (c) => c === id ? blob : undefined })
  })

  after(async () => {
    await ours.stop()
    await stock.stop()
  })

  it('serves a stock-Noise client: the object arrives whole and hash-checked', async () => {
    const got = await fetchContent(stock as never, ours.getMultiaddrs()[0], id)
    assert.deepEqual(Buffer.from(got), Buffer.from(blob))
  })

  it('fetches from a stock-Noise server, and both pings work on the same connection', async () => {
    const got = await fetchContent(ours, stock.getMultiaddrs()[0], id)
    assert.deepEqual(Buffer.from(got), Buffer.from(blob))
    assert.ok(await ours.services.ping.ping(stock.peerId) >= 0)
    assert.ok(await stock.services.ping.ping(ours.peerId) >= 0)
  })
})

/** Noise's transport cipher (ChaChaPoly, nonce = 4 zero bytes + 64-bit little-endian counter), one direction. */
function cipherState (key: Buffer): { seal: (p: Uint8Array) => Uint8Array, open: (c: Uint8Array) => Uint8Array } {
  let sealed = 0n
  let opened = 0n
  const nonce = (n: bigint): Buffer => { const b = Buffer.alloc(12); b.writeBigUInt64LE(n, 4); return b }
  return {
    seal: (p) => {
      const c = createCipheriv('chacha20-poly1305', key, nonce(sealed++), { authTagLength: 16 })
      c.setAAD(Buffer.alloc(0), { plaintextLength: p.byteLength })
      return Buffer.concat([c.update(p), c.final(), c.getAuthTag()])
    },
    open: (m) => {
      const d = createDecipheriv('chacha20-poly1305', key, nonce(opened++), { authTagLength: 16 })
      d.setAAD(Buffer.alloc(0), { plaintextLength: m.byteLength - 16 })
      d.setAuthTag(m.subarray(m.byteLength - 16))
      return Buffer.concat([d.update(m.subarray(0, m.byteLength - 16)), d.final()])
    }
  }
}

const bytesOf = (data: Uint8Array | Uint8ArrayList): Uint8Array => data instanceof Uint8Array ? data : data.subarray()

for (const [name, backend] of backends) describe(`NoiseTransportStream (${name} cipher)`, function () {
  const sendKey = randomBytes(32)
  const receiveKey = randomBytes(32)
  let wire: Stream
  let transport: NoiseTransportStream
  /** The other end: seals with our receive key, opens with our send key, in node's reference cipher. */
  let peer: { seal: (p: Uint8Array) => Uint8Array, open: (c: Uint8Array) => Uint8Array }
  let received: Uint8Array[]

  beforeEach(async () => {
    const [a, b] = await streamPair()
    wire = b
    const cipher = backend()
    assert.ok(cipher !== undefined, `${name} backend did not load`)
    peer = { seal: cipherState(receiveKey).seal, open: cipherState(sendKey).open }
    transport = new NoiseTransportStream(a, { send: sendKey, receive: receiveKey }, cipher)
    received = []
    transport.addEventListener('message', (evt) => { received.push(bytesOf(evt.data)) })
  })

  const frame = (plaintext: Uint8Array): Uint8Array => {
    const sealed = peer.seal(plaintext)
    return Buffer.concat([Uint8Array.of(sealed.byteLength >> 8, sealed.byteLength & 0xff), sealed])
  }
  const settle = async (): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, 10)) }

  it('decrypts messages however the bytes are split, the length prefix and tag included', async () => {
    const plaintexts = [randomBytes(65519), randomBytes(1), randomBytes(5000), randomBytes(700)]
    const bytes = Buffer.concat(plaintexts.map(frame))
    // Pieces of 1, 2, 3, ... bytes, then the rest: every boundary falls somewhere new.
    let at = 0
    for (let n = 1; at < bytes.byteLength; n = n < 40 ? n + 1 : 9001) {
      wire.send(bytes.subarray(at, at + n))
      at += n
    }
    await settle()
    assert.deepEqual(Buffer.concat(received), Buffer.concat(plaintexts))
  })

  it('waits for the rest of a message cut at any byte, and decrypts it once whole', async () => {
    // 58-byte frames (2 prefix + 40 data + 16 tag), frame i cut after byte i.
    const plaintexts = Array.from({ length: 57 }, () => randomBytes(40))
    for (let i = 0; i < plaintexts.length; i++) {
      const bytes = frame(plaintexts[i])
      wire.send(bytes.subarray(0, i + 1))
      await settle()
      assert.equal(received.length, i, `frame ${i} decrypted before its last ${bytes.byteLength - i - 1} bytes came`)
      wire.send(bytes.subarray(i + 1))
      await settle()
      assert.equal(received.length, i + 1)
    }
    assert.deepEqual(Buffer.concat(received), Buffer.concat(plaintexts))
  })

  it('splits what it sends into messages of at most 65,535 bytes that the peer decrypts in order', async () => {
    const sent = randomBytes(200_000)
    const chunks: Uint8Array[] = []
    wire.addEventListener('message', (evt) => { chunks.push(bytesOf(evt.data)) })
    transport.send(sent)
    await settle()
    const bytes = Buffer.concat(chunks)
    const plain: Uint8Array[] = []
    for (let at = 0; at < bytes.byteLength;) {
      const length = (bytes[at] << 8) | bytes[at + 1]
      assert.ok(length <= 65535)
      plain.push(peer.open(bytes.subarray(at + 2, at + 2 + length)))
      at += 2 + length
    }
    assert.equal(plain.length, 4)
    assert.deepEqual(Buffer.concat(plain), sent)
  })

  it('aborts on a message shorter than its tag, with a one-line reason', async () => {
    const closed = new Promise<Error | undefined>((resolve) => { transport.addEventListener('close', (evt) => { resolve(evt.error) }) })
    wire.send(Uint8Array.of(0, 3, 1, 2, 3))
    const err = await closed
    assert.match(String(err?.message), /^noise message of 3 bytes is shorter than its tag$/)
  })

  it('aborts on a tampered message and passes nothing of it on', async () => {
    const closed = new Promise<Error | undefined>((resolve) => { transport.addEventListener('close', (evt) => { resolve(evt.error) }) })
    const bad = frame(randomBytes(2000))
    bad[100] ^= 1
    wire.send(bad)
    assert.match(String((await closed)?.message), /^noise message 0 failed authentication$/)
    assert.equal(received.length, 0)
  })
})

describe('NoiseTransportStream sends', function () {
  const sendKey = randomBytes(32)
  let below: Stream
  let transport: NoiseTransportStream
  /** Byte counts of the writes to the stream below, and whether it takes more after each. */
  let writes: number[]
  let belowTakesMore: boolean
  let onWire: Uint8Array[]
  /** Tells the transport the stream below drained (its own drains, as the in-memory pair's muxer makes them, are held back). */
  let drainBelow: () => void

  beforeEach(async () => {
    const [a, b] = await streamPair()
    below = a
    const drainListeners: Array<(evt: Event) => void> = []
    const addEventListener = a.addEventListener.bind(a)
    a.addEventListener = ((type: string, listener: (evt: Event) => void, options?: unknown) => {
      if (type === 'drain') drainListeners.push(listener)
      else addEventListener(type as 'drain', listener, options as AddEventListenerOptions)
    }) as typeof a.addEventListener
    drainBelow = () => { for (const listener of drainListeners) listener(new Event('drain')) }
    writes = []
    belowTakesMore = true
    const send = a.send.bind(a)
    a.send = (data) => {
      writes.push(data.byteLength)
      send(data)
      return belowTakesMore
    }
    onWire = []
    b.addEventListener('message', (evt) => { onWire.push(bytesOf(evt.data)) })
    transport = new NoiseTransportStream(a, { send: sendKey, receive: randomBytes(32) })
  })

  /** The plaintext of every Noise message that reached the other end, one entry per message. */
  const openAll = async (): Promise<Buffer[]> => {
    await new Promise((resolve) => setTimeout(resolve, 10))
    const open = cipherState(sendKey).open
    const bytes = Buffer.concat(onWire)
    const messages: Buffer[] = []
    for (let at = 0; at < bytes.byteLength;) {
      const length = (bytes[at] << 8) | bytes[at + 1]
      messages.push(Buffer.from(open(bytes.subarray(at + 2, at + 2 + length))))
      at += 2 + length
    }
    return messages
  }

  it('seals what the muxer sends in one tick, promise jobs included, into one message and one write below', async () => {
    // From inside a promise job, as a muxer's sends are: the end of the tick comes after every job queued until then.
    await Promise.resolve()
    const parts = [randomBytes(12), randomBytes(300), randomBytes(12), randomBytes(5000)]
    transport.send(parts[0])
    transport.send(parts[1])
    await Promise.resolve()
    transport.send(parts[2])
    await Promise.resolve()
    transport.send(parts[3])
    assert.deepEqual(writes, [], 'nothing is written before the end of the tick')
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(writes.length, 1, 'one write at the end of the tick')
    assert.equal(transport.sends, 1)
    assert.deepEqual(await openAll(), [Buffer.concat(parts)])
  })

  it('sends at once past COALESCE_BYTES, and passes the stream below\'s refusal up until it drains', async () => {
    const parts = [randomBytes(100), randomBytes(COALESCE_BYTES), randomBytes(10)]
    belowTakesMore = false
    assert.equal(transport.send(parts[0]), true, 'the stream below has not refused anything yet')
    assert.equal(writes.length, 0)
    assert.equal(transport.send(parts[1]), false, 'a refusal of a send made now is passed up at once')
    assert.deepEqual(writes, [100 + 18, COALESCE_BYTES + Math.ceil(COALESCE_BYTES / 65519) * 18], 'the queued bytes first, then the large send, both before the send returned')
    assert.equal(transport.send(parts[2]), false, 'held while the stream below is full')
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(writes.length, 2, 'nothing more until the stream below drains')
    belowTakesMore = true
    drainBelow()
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(writes.length, 3)
    const last = randomBytes(10)
    assert.equal(transport.send(last), true, 'drained: takes more again')
    assert.deepEqual(Buffer.concat(await openAll()), Buffer.concat([...parts, last]))
  })

  it('holds the next send when the stream below refused the write at the end of a tick', async () => {
    belowTakesMore = false
    assert.equal(transport.send(randomBytes(10)), true)
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(writes.length, 1)
    assert.equal(transport.send(randomBytes(10)), false)
  })

  for (const [what, close] of [['it', async () => { await transport.close() }], ['libp2p closes the stream below', async () => { await below.close() }]] as const) {
    it(`sends what is queued before the close when ${what} closes`, async () => {
      await Promise.resolve()
      transport.send(randomBytes(40))
      const last = randomBytes(40)
      transport.send(last)
      await close()
      assert.equal(writes.length, 1)
      assert.equal((await openAll())[0].subarray(40).equals(last), true)
    })
  }
})

describe('handshakeCrypto', () => {
  /** HKDF as the Noise spec (section 4.3) defines it, with three outputs. */
  const noiseHkdf = (ck: Uint8Array, ikm: Uint8Array): Buffer[] => {
    const hmac = (key: Uint8Array, data: Uint8Array): Buffer => createHmac('sha256', key).update(data).digest()
    const temp = hmac(ck, ikm)
    const o1 = hmac(temp, Uint8Array.of(1))
    const o2 = hmac(temp, Buffer.concat([o1, Uint8Array.of(2)]))
    const o3 = hmac(temp, Buffer.concat([o2, Uint8Array.of(3)]))
    return [o1, o2, o3]
  }

  it('agrees with node:crypto\'s X25519 on keys and shared secrets, both ways', () => {
    assert.notEqual(handshakeCrypto.generateX25519SharedKey, defaultCrypto.generateX25519SharedKey, 'libsodium loads here')
    for (let i = 0; i < 5; i++) {
      const ours = handshakeCrypto.generateX25519KeyPair()
      const theirs = defaultCrypto.generateX25519KeyPair()
      assert.deepEqual(Buffer.from(handshakeCrypto.generateX25519KeyPairFromSeed(ours.privateKey).publicKey), Buffer.from(defaultCrypto.generateX25519KeyPairFromSeed(ours.privateKey).publicKey))
      const shared = Buffer.from(handshakeCrypto.generateX25519SharedKey(ours.privateKey, theirs.publicKey))
      assert.deepEqual(shared, Buffer.from(defaultCrypto.generateX25519SharedKey(theirs.privateKey, ours.publicKey)))
      assert.deepEqual(shared, Buffer.from(defaultCrypto.generateX25519SharedKey(ours.privateKey, theirs.publicKey)))
    }
    // A low-order point (here zero) gives an all-zero secret: refused.
    assert.throws(() => handshakeCrypto.generateX25519SharedKey(handshakeCrypto.generateX25519KeyPair().privateKey, new Uint8Array(32)))
  })

  it('derives the Noise spec\'s HKDF outputs, for empty and full input keys', () => {
    for (const length of [0, 32, 57]) {
      const ck = randomBytes(32)
      const ikm = randomBytes(length)
      assert.deepEqual(handshakeCrypto.getHKDF(ck, ikm).map((k) => Buffer.from(k)), noiseHkdf(ck, ikm))
    }
  })
})
