import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Libp2p, PeerId, PeerStore } from '@libp2p/interface'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { REFRESH_MS, skipKnownProtocolMerges } from './knownProtocols.ts'
import { assignProtocol } from './assign.ts'
import { sendRequest, startAnsweringService } from './protocol.ts'
import { sampleWait } from './testing/sampleMessages.ts'

/** Counts the peer store's writes to its datastore for `peer` (what a merge costs when it is not skipped). */
function countPuts (node: Libp2p | CotrainNode, peer: PeerId): { puts: number } {
  const datastore = (node as unknown as { components: { datastore: { put: (key: { toString: () => string }, ...rest: unknown[]) => unknown } } }).components.datastore
  const counter = { puts: 0 }
  const put = datastore.put.bind(datastore)
  const cid = peer.toCID().toString()
  datastore.put = (key, ...rest) => {
    if (key.toString().toLowerCase().includes(cid.toLowerCase())) counter.puts++
    return put(key, ...rest)
  }
  return counter
}

describe('skipKnownProtocolMerges', function () {
  this.timeout(30_000)

  describe('on a node', () => {
    let a: CotrainNode
    let b: CotrainNode

    before(async () => {
      a = await createNode()
      b = await createNode()
    })

    after(async () => {
      await a?.stop()
      await b?.stop()
    })

    it('writes nothing to the peer store for more streams of protocols it has recorded, and still records the protocols', async () => {
      await a.services.ping.ping(b.getMultiaddrs()[0])
      await a.services.ping.ping(b.peerId)
      const onA = countPuts(a, b.peerId)
      const onB = countPuts(b, a.peerId)
      for (let i = 0; i < 10; i++) await a.services.ping.ping(b.peerId)
      assert.equal(onA.puts, 0, 'dialer: outbound streams')
      assert.equal(onB.puts, 0, 'listener: inbound streams')
      assert.ok((await b.peerStore.get(a.peerId)).protocols.includes('/ipfs/ping/1.0.0'))
    })

    it('records the cotrain protocols a node serves in its own record, so identify tells peers of them', async () => {
      const protocol = '/cotrain/test-served/1.0.0'
      await b.handle(protocol, async (stream) => { await stream.close() })
      try {
        assert.ok((await b.peerStore.get(b.peerId)).protocols.includes(protocol), 'in its own record')
        const c = await createNode()
        try {
          await c.dial(b.getMultiaddrs()[0])
          const end = Date.now() + 10_000
          while (!(await c.peerStore.get(b.peerId).catch(() => undefined))?.protocols.includes(protocol)) {
            if (Date.now() > end) assert.fail('a peer that identified the node does not know it serves the protocol')
            await new Promise((resolve) => setTimeout(resolve, 25))
          }
        } finally {
          await c.stop()
        }
      } finally {
        await b.unhandle(protocol)
      }
    })

    it('writes nothing to the peer store for a request on a cotrain protocol after identify', async () => {
      const protocol = { ...assignProtocol, id: '/cotrain/test-known/1.0.0' }
      const service = await startAnsweringService(b, protocol, () => ({ ...sampleWait }))
      try {
        await a.services.ping.ping(b.getMultiaddrs()[0])
        const onA = countPuts(a, b.peerId)
        const onB = countPuts(b, a.peerId)
        await sendRequest(a, b.peerId, protocol, { round: 1, workerAddress: sampleWait.workerAddress })
        assert.equal(onA.puts, 0, 'dialer: outbound stream')
        assert.equal(onB.puts, 0, 'listener: inbound stream')
      } finally {
        await service.stop()
      }
    })
  })

  describe('on a stock peer store', () => {
    let node: Libp2p
    let store: PeerStore
    let peer: PeerId
    let clock: number
    let known: ReturnType<typeof skipKnownProtocolMerges>
    let puts: { puts: number }
    let updates: number

    beforeEach(async () => {
      node = await createLibp2p({ start: false })
      store = node.peerStore
      clock = 1_000_000
      known = skipKnownProtocolMerges(store, () => clock)
      peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
      await store.merge(peer, { protocols: ['/a/1'] })
      puts = countPuts(node, peer)
      updates = 0
      node.addEventListener('peer:update', () => { updates++ })
    })

    afterEach(async () => {
      await node.stop()
    })

    it('skips a merge of protocols the record has, and returns the peer\'s id and recorded protocols, not its whole record', async () => {
      await store.merge(peer, { multiaddrs: [multiaddr('/ip4/127.0.0.1/tcp/4001')] })
      const got = await store.merge(peer, { protocols: ['/a/1'] })
      assert.equal(puts.puts, 1, 'only the address merge wrote')
      assert.equal(known.skipped, 1)
      assert.ok(got.id.equals(peer))
      assert.deepEqual(got.protocols, (await store.get(peer)).protocols)
      // The kept state is the protocols alone: the addresses stay in the peer store.
      assert.deepEqual(got.addresses, [])
      assert.equal((await store.get(peer)).addresses.length, 1)
    })

    it('writes a new protocol, and the peer store tells of the update as before', async () => {
      await store.merge(peer, { protocols: ['/a/1', '/b/1'] })
      assert.equal(puts.puts, 1)
      assert.equal(updates, 1)
      assert.deepEqual((await store.get(peer)).protocols, ['/a/1', '/b/1'])
    })

    it('does not record a cotrain protocol from a stream once the record is kept, and writes any other new one', async () => {
      await store.merge(peer, { protocols: ['/cotrain/join/2.0.0', '/cotrain/assign/2.0.0'] })
      assert.equal(puts.puts, 0)
      assert.equal(updates, 0)
      assert.deepEqual((await store.get(peer)).protocols, ['/a/1'])
      await store.merge(peer, { protocols: ['/cotrain/join/2.0.0', '/b/1'] })
      assert.equal(puts.puts, 1)
      // identify's patch (what the peer says it serves) still records cotrain protocols.
      await store.patch(peer, { protocols: ['/cotrain/content/1.0.0'] })
      assert.deepEqual((await store.get(peer)).protocols, ['/cotrain/content/1.0.0'])
    })

    it('writes any merge of more than protocols', async () => {
      await store.merge(peer, { protocols: ['/a/1'], metadata: { x: Uint8Array.of(1) } })
      assert.equal(puts.puts, 1)
    })

    it('follows every write: a protocol another write dropped is written again', async () => {
      // identify's patch replaces the protocol list with what the peer says it speaks.
      await store.patch(peer, { protocols: ['/c/1'] })
      await store.merge(peer, { protocols: ['/a/1'] })
      assert.equal(puts.puts, 2)
      assert.deepEqual((await store.get(peer)).protocols, ['/a/1', '/c/1'])
    })

    it('lets a merge through while another write for the peer runs', async () => {
      const first = store.patch(peer, { protocols: ['/a/1'] })
      const second = store.patch(peer, { protocols: ['/c/1'] })
      // The record the first write returned has /a/1, but the second, still running, drops it.
      await first
      const merged = store.merge(peer, { protocols: ['/a/1'] })
      await Promise.all([second, merged])
      assert.deepEqual((await store.get(peer)).protocols, ['/a/1', '/c/1'])
    })

    it('writes again after REFRESH_MS, which renews the record\'s age', async () => {
      clock += REFRESH_MS
      await store.merge(peer, { protocols: ['/a/1'] })
      assert.equal(puts.puts, 1)
    })

    it('writes again after the peer is forgotten or deleted', async () => {
      known.forget(peer)
      await store.merge(peer, { protocols: ['/a/1'] })
      assert.equal(puts.puts, 1)
      await store.delete(peer)
      await store.merge(peer, { protocols: ['/a/1'] })
      assert.equal(puts.puts, 2)
      assert.deepEqual((await store.get(peer)).protocols, ['/a/1'])
    })
  })
})
