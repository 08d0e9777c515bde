import assert from 'node:assert/strict'
import type { GossipSub } from '@libp2p/gossipsub'
import type { Connection, PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { createNode } from './createNode.ts'
import { openOutboundConcurrently } from './gossipsubOutbound.ts'

const peers = [
  '12D3KooWLRPJAA5o6Z6hPbvo7ViPL66z9b7eZo3j8Wv5qj7pY4ib',
  '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo',
  '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'
].map((p) => peerIdFromString(p))
const connection = {} as unknown as Connection

/** A stand-in for gossipsub's createOutboundStream whose opens finish when the test says (fault injection: a slow peer). */
function slowOpens (): { pubsub: GossipSub, started: string[], finish: (peer: PeerId) => void } {
  const started: string[] = []
  const pending = new Map<string, () => void>()
  const pubsub = {
    createOutboundStream: async (peerId: PeerId) => {
      started.push(peerId.toString())
      await new Promise<void>((resolve) => { pending.set(peerId.toString(), resolve) })
    }
  }
  return { pubsub: pubsub as unknown as GossipSub, started, finish: (peer) => { pending.get(peer.toString())?.() } }
}

const tick = async (): Promise<void> => { await new Promise((resolve) => setImmediate(resolve)) }

describe('openOutboundConcurrently', () => {
  it('starts the next peer\'s open while a slow one runs, up to the limit', async () => {
    const { pubsub, started, finish } = slowOpens()
    assert.equal(openOutboundConcurrently(pubsub, 2), true)
    const open = (pubsub as unknown as { createOutboundStream: (p: PeerId, c: Connection) => Promise<void> }).createOutboundStream
    // gossipsub's loop: one call at a time, each awaited.
    await open(peers[0], connection)
    await open(peers[1], connection)
    assert.deepEqual(started, [peers[0], peers[1]].map(String), 'the second did not wait for the first')
    const third = open(peers[2], connection)
    await tick()
    assert.equal(started.length, 2, 'two at once at most')
    finish(peers[0])
    await third
    assert.deepEqual(started, peers.map(String))
  })

  it('opens for one peer one request after the other', async () => {
    const { pubsub, started, finish } = slowOpens()
    openOutboundConcurrently(pubsub, 4)
    const open = (pubsub as unknown as { createOutboundStream: (p: PeerId, c: Connection) => Promise<void> }).createOutboundStream
    await open(peers[0], connection)
    await open(peers[0], connection)
    await tick()
    assert.equal(started.length, 1, 'the second request waits for the first')
    finish(peers[0])
    await tick()
    await tick()
    assert.equal(started.length, 2)
  })

  it('leaves a gossipsub without createOutboundStream alone, and a node still reaches its subscribers', async function () {
    this.timeout(30_000)
    assert.equal(openOutboundConcurrently({} as unknown as GossipSub), false)
    const coordinator = await createNode({ gossipsub: true, expectedPeers: 100 })
    const workers = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => await createNode({ gossipsub: true })))
    try {
      for (const w of workers) w.services.pubsub!.subscribe('cotrain/test/outbound')
      await Promise.all(workers.map(async (w) => { await w.dial(coordinator.getMultiaddrs()[0]) }))
      const outbound = (coordinator.services.pubsub as unknown as { streamsOutbound: Map<string, unknown> }).streamsOutbound
      const end = Date.now() + 10_000
      while (!workers.every((w) => outbound.has(w.peerId.toString()))) {
        if (Date.now() > end) assert.fail('the coordinator has no gossipsub stream to every worker')
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      assert.equal(outbound.size, workers.length, 'one stream per worker')
    } finally {
      await Promise.all([coordinator, ...workers].map(async (n) => { await n.stop() }))
    }
  })
})
