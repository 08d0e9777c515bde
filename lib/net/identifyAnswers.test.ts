import assert from 'node:assert/strict'
import type { Identify } from '@libp2p/identify'
import { identify } from '@libp2p/identify'
import type { Libp2p, Peer, PeerId } from '@libp2p/interface'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { Uint8ArrayList } from 'uint8arraylist'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { ANSWER_TTL_MS, cacheIdentifyAnswers } from './identifyAnswers.ts'

async function until (check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!await check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Counts the peer store's reads of `node`'s own record. */
function countSelfReads (node: Libp2p | CotrainNode): { reads: number } {
  const counter = { reads: 0 }
  const get = node.peerStore.get.bind(node.peerStore)
  node.peerStore.get = async (id: PeerId, options?: unknown): Promise<Peer> => {
    if (id.equals(node.peerId)) counter.reads++
    return await get(id, options as never)
  }
  return counter
}

/** Counts the signatures `node` makes over a peer record (the envelope's signed bytes name the record's domain). */
function countRecordSignatures (node: CotrainNode): { signed: number } {
  const key = (node as unknown as { components: { privateKey: { sign: (message: Uint8Array | Uint8ArrayList, options?: unknown) => Uint8Array | Promise<Uint8Array> } } }).components.privateKey
  const domain = Buffer.from('libp2p-peer-record')
  const counter = { signed: 0 }
  const sign = key.sign.bind(key)
  key.sign = (message, options) => {
    if (Buffer.from(message.subarray()).includes(domain)) counter.signed++
    return sign(message, options)
  }
  return counter
}

/** What `client` learned from identifying `server`, once it has. */
async function identified (client: CotrainNode, server: CotrainNode): Promise<Peer> {
  await client.dial(server.getMultiaddrs()[0])
  let peer: Peer | undefined
  await until(async () => {
    peer = await client.peerStore.get(server.peerId).catch(() => undefined)
    return peer !== undefined && peer.addresses.length > 0 && peer.protocols.length > 0
  })
  return peer as Peer
}

describe('cacheIdentifyAnswers', function () {
  this.timeout(30_000)

  describe('on a node', () => {
    let server: CotrainNode
    let clients: CotrainNode[] = []

    beforeEach(async () => {
      server = await createNode()
      clients = []
    })

    afterEach(async () => {
      await Promise.all([server, ...clients].map(async (n) => { await n.stop() }))
    })

    it('answers every peer with its addresses in a signed record, reading its own record once for all of them', async () => {
      const selfReads = countSelfReads(server)
      const records = countRecordSignatures(server)
      clients = await Promise.all([1, 2, 3, 4, 5].map(async () => await createNode()))
      const learned = await Promise.all(clients.map(async (c) => await identified(c, server)))
      for (const peer of learned) {
        assert.deepEqual(peer.addresses.map((a) => a.multiaddr.toString()), server.getMultiaddrs().map((a) => a.decapsulateCode(421).toString()))
        // Certified: the client opened the signed peer record and checked the server's signature.
        assert.ok(peer.addresses.every((a) => a.isCertified), 'addresses from a signed peer record')
        assert.ok(peer.peerRecordEnvelope !== undefined)
      }
      assert.equal(selfReads.reads, 1, 'one read of its own record for five answers')
      assert.equal(records.signed, 1, 'one signed peer record for five answers')
    })

    it('answers with a change to its own record at once', async () => {
      clients = [await createNode(), await createNode()]
      await identified(clients[0], server)
      await server.handle('/cotrain/test-identify-new/1.0.0', async (stream) => { await stream.close() })
      const peer = await identified(clients[1], server)
      assert.ok(peer.protocols.includes('/cotrain/test-identify-new/1.0.0'), 'the protocol added since the last answer')
    })
  })

  describe('the view identify gets', () => {
    let node: Libp2p<{ identify: Identify }>
    let clock: number
    let view: { peerStore: Libp2p['peerStore'], addressManager: { getAddresses: () => unknown[] } }

    beforeEach(async () => {
      node = await createLibp2p({ addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, transports: [tcp()], services: { identify: identify() } })
      clock = 1_000_000
      assert.equal(cacheIdentifyAnswers(node.services.identify, { now: () => clock }), true)
      view = (node.services.identify as unknown as { components: typeof view }).components
    })

    afterEach(async () => {
      await node?.stop()
    })

    it('reads the node\'s own record and addresses again after ANSWER_TTL_MS, and other peers\' records every time', async () => {
      const selfReads = countSelfReads(node)
      await view.peerStore.get(node.peerId)
      await view.peerStore.get(node.peerId)
      assert.equal(selfReads.reads, 1)
      clock += ANSWER_TTL_MS
      await view.peerStore.get(node.peerId)
      assert.equal(selfReads.reads, 2)
      const other = (await createNode({ start: false })).peerId
      await node.peerStore.merge(other, { protocols: ['/a/1'] })
      assert.deepEqual((await view.peerStore.get(other)).protocols, ['/a/1'])
      await node.peerStore.merge(other, { protocols: ['/b/1'] })
      assert.deepEqual((await view.peerStore.get(other)).protocols, ['/a/1', '/b/1'])
      assert.deepEqual(view.addressManager.getAddresses().map(String), node.getMultiaddrs().map(String))
    })

    it('leaves the node\'s own peer store and address manager as they are, and an identify it does not know alone', async () => {
      assert.notEqual(view.peerStore, node.peerStore)
      const selfReads = countSelfReads(node)
      await node.peerStore.get(node.peerId)
      await node.peerStore.get(node.peerId)
      assert.equal(selfReads.reads, 2)
      assert.equal(cacheIdentifyAnswers({} as unknown as Identify), false)
    })
  })
})
