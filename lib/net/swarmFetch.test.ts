import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, type CotrainNode } from './createNode.ts'
import { startContentService, type ContentSource } from './content.ts'
import { contentIdOf } from '../hash/contentId.ts'
import { fetchFromSwarm, fetchFromSwarmToFile, type ProviderRef } from './swarmFetch.ts'

const KiB = 1024
const object = randomBytes(1536 * KiB)
const id = contentIdOf(object)

/**
 * Real libp2p nodes on loopback: a coordinator and providers that serve the
 * object honestly, serve other bytes, stall after their first chunk, or are gone.
 */
describe('fetchFromSwarm: providers first, the coordinator last, every source hash-checked', function () {
  let client: CotrainNode
  let coordinator: CotrainNode
  let honest: CotrainNode
  let liar: CotrainNode
  let staller: CotrainNode
  let bloater: CotrainNode
  let gone: ProviderRef
  const served = { coordinator: 0, honest: 0, liar: 0, staller: 0, bloater: 0 }
  const releases: Array<() => void> = []

  const ref = (n: CotrainNode): ProviderRef => ({ peerId: n.peerId.toString(), addrs: n.getMultiaddrs().map((a) => a.decapsulateCode(421).toString()) })
  const serve = async (n: CotrainNode, name: keyof typeof served, source: () => ContentSource): Promise<void> => {
    const s = await startContentService(n, { provider: (c) => c === id ? source() : undefined })
    s.on('content:served', ({ bytes }) => { served[name] += bytes })
  }

  before(async () => {
    [client, coordinator, honest, liar, staller, bloater] = await Promise.all([createNode(), createNode(), createNode(), createNode(), createNode(), createNode()])
    await serve(coordinator, 'coordinator', () => object)
    await serve(honest, 'honest', () => object)
    // Same size, other bytes: only the hash check can tell.
    const lie = randomBytes(object.byteLength)
    await serve(liar, 'liar', () => lie)
    // A wrong first chunk, then nothing: its bytes stay in a `.partial` file.
    await serve(staller, 'staller', () => ({
      size: object.byteLength,
      read: async (offset: number, length: number) => {
        if (offset === 0) return lie.subarray(0, length)
        await new Promise<void>((resolve) => { releases.push(resolve); setTimeout(resolve, 20_000).unref() })
        return lie.subarray(offset, offset + length)
      }
    }))
    // Says the object is 1 GiB.
    await serve(bloater, 'bloater', () => ({ size: 1024 * 1024 * KiB, read: (_offset: number, length: number) => new Uint8Array(length) }))
    const dead = await createNode()
    gone = ref(dead)
    await dead.stop()
  })

  afterEach(() => { for (const k of Object.keys(served)) served[k as keyof typeof served] = 0 })

  after(async () => {
    for (const r of releases) r()
    await Promise.all([client, coordinator, honest, liar, staller, bloater].map(async (n) => await n.stop()))
  })

  const source = (providers: ProviderRef[]): Parameters<typeof fetchFromSwarm>[1] => ({ contentId: id, size: object.byteLength, providers, coordinator: coordinator.peerId })

  it('gets the object from a named provider and nothing from the coordinator', async () => {
    await client.dial(coordinator.getMultiaddrs()[0])
    const got = await fetchFromSwarm(client, source([ref(honest)]))
    assert.deepEqual(Buffer.from(got.value), object)
    assert.equal(got.provider, honest.peerId.toString())
    assert.equal(served.coordinator, 0)
    assert.equal(served.honest, object.byteLength)
  })

  it('a provider serving wrong bytes costs one retry elsewhere', async () => {
    const failed: string[] = []
    const got = await fetchFromSwarm(client, source([ref(liar), ref(honest)]), { onProviderFailed: (p, err) => failed.push(`${p.peerId === liar.peerId.toString() ? 'liar' : '?'}: ${(err as Error).name}`) })
    assert.deepEqual(Buffer.from(got.value), object)
    assert.equal(got.provider, honest.peerId.toString())
    assert.deepEqual(failed, ['liar: HashMismatchError'])
    assert.equal(served.coordinator, 0)
  })

  it('a provider that stalls is left after its stall timeout', async () => {
    const t0 = Date.now()
    const got = await fetchFromSwarm(client, source([ref(staller), ref(honest)]), { providerStallMs: 500 })
    assert.deepEqual(Buffer.from(got.value), object)
    assert.equal(got.provider, honest.peerId.toString())
    assert.equal(got.failures, 1)
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`)
  })

  it('a provider whose own deadline passes is left too', async () => {
    const got = await fetchFromSwarm(client, source([ref(staller), ref(honest)]), { providerTimeoutMs: 400 })
    assert.equal(got.provider, honest.peerId.toString())
  })

  it('a provider that is gone costs a failed dial, then the coordinator serves it', async () => {
    const got = await fetchFromSwarm(client, source([gone]))
    assert.deepEqual(Buffer.from(got.value), object)
    assert.equal(got.provider, undefined)
    assert.equal(got.failures, 1)
    assert.equal(served.coordinator, object.byteLength)
  })

  it('never dials itself and ignores relayed or foreign addresses', async () => {
    const self = ref(client)
    const relayed = { peerId: honest.peerId.toString(), addrs: [`${coordinator.getMultiaddrs()[0].toString()}/p2p-circuit`] }
    const foreign = { peerId: honest.peerId.toString(), addrs: [liar.getMultiaddrs()[0].toString()] }
    const got = await fetchFromSwarm(client, source([self, relayed, foreign]))
    assert.equal(got.provider, undefined)
    assert.equal(got.failures, 0, 'no usable address: nothing dialed')
    assert.equal(served.liar, 0)
  })

  it('refuses a provider announcing more bytes than the object has, after its first chunk', async () => {
    const failed: string[] = []
    const got = await fetchFromSwarm(client, source([ref(bloater)]), { onProviderFailed: (_p, err) => failed.push((err as Error).name) })
    assert.deepEqual(Buffer.from(got.value), object)
    assert.deepEqual(failed, ['MessageTooLargeError'])
    assert.ok(served.bloater <= 512 * KiB, `took ${served.bloater} bytes from it`)
  })

  it('into a file: the coordinator starts clean after providers left wrong bytes in the partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cotrain-swarm-'))
    const file = join(dir, 'object')
    const got = await fetchFromSwarmToFile(client, source([liar, staller].map(ref)), file, { providerStallMs: 500 })
    assert.equal(got.provider, undefined)
    assert.equal(got.failures, 2)
    assert.deepEqual(readFileSync(file), object)
    assert.ok(!existsSync(`${file}.partial`))
  })
})
