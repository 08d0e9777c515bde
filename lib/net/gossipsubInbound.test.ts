import assert from 'node:assert/strict'
import type { GossipSub } from '@libp2p/gossipsub'
import { RPC } from '@libp2p/gossipsub/message'
import type { PeerId, Stream } from '@libp2p/interface'
import * as lp from 'it-length-prefixed'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { readInboundByEvents } from './gossipsubInbound.ts'

const TOPIC = 'cotrain/test/inbound'
const MESHSUB = '/meshsub/1.2.0'

async function until (check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** One length-prefixed gossipsub RPC, as a peer's gossipsub writes it on its stream. */
function frame (rpc: Uint8Array): Uint8Array {
  return lp.encode.single(rpc).subarray()
}

const subscribe = frame(RPC.encode({ subscriptions: [{ subscribe: true, topic: TOPIC }], messages: [] }))

/** What the node keeps for `peer`'s inbound gossipsub stream (gossipsub's own reader has an iterator, `source`). */
function inboundOf (node: CotrainNode, peer: PeerId): object | undefined {
  return (node.services.pubsub as unknown as { streamsInbound: Map<string, object> }).streamsInbound.get(peer.toString())
}

const knows = (node: CotrainNode, peer: PeerId): boolean => node.services.pubsub!.getPeers().some((p) => p.equals(peer))
const subscribed = (node: CotrainNode, peer: PeerId): boolean => node.services.pubsub!.getSubscribers(TOPIC).some((p) => p.equals(peer))

describe('readInboundByEvents: gossipsub reads inbound streams from message events', function () {
  this.timeout(30_000)
  let coordinator: CotrainNode
  let raw: CotrainNode
  let stream: Stream

  beforeEach(async () => {
    coordinator = await createNode({ gossipsub: { maxInboundDataLength: 1024 } })
    // A peer that speaks gossipsub's wire format by hand: what it sends is exactly what the test writes.
    raw = await createNode()
    // It must list gossipsub's protocol in identify: libp2p tells gossipsub a peer that does not has disconnected.
    await raw.handle(MESHSUB, () => {})
    stream = await raw.dialProtocol(coordinator.getMultiaddrs()[0], MESHSUB)
  })

  afterEach(async () => {
    await raw?.stop()
    await coordinator?.stop()
  })

  it('takes a peer\'s subscription from its stream, skips an RPC it cannot decode and keeps reading, without gossipsub\'s iterator', async () => {
    stream.send(frame(Uint8Array.of(0xff, 0xff, 0xff)))
    stream.send(subscribe)
    await until(() => subscribed(coordinator, raw.peerId))
    const inbound = inboundOf(coordinator, raw.peerId)
    assert.ok(inbound !== undefined && !('source' in inbound), 'the inbound stream is read by events, not by an iterator')
  })

  it('reads RPCs split across messages and several in one message', async () => {
    const other = frame(RPC.encode({ subscriptions: [{ subscribe: true, topic: `${TOPIC}/2` }], messages: [] }))
    const both = new Uint8Array([...subscribe, ...other])
    stream.send(both.subarray(0, 3))
    stream.send(both.subarray(3))
    await until(() => subscribed(coordinator, raw.peerId) && coordinator.services.pubsub!.getSubscribers(`${TOPIC}/2`).some((p) => p.equals(raw.peerId)))
  })

  it('drops the peer when a frame is over maxInboundDataLength, as gossipsub does', async () => {
    stream.send(subscribe)
    await until(() => subscribed(coordinator, raw.peerId))
    stream.send(frame(new Uint8Array(2048)))
    await until(() => !knows(coordinator, raw.peerId))
    assert.equal(inboundOf(coordinator, raw.peerId), undefined)
  })

  it('keeps the peer when it closes its end of the stream', async () => {
    stream.send(subscribe)
    await until(() => subscribed(coordinator, raw.peerId))
    await stream.close()
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.ok(knows(coordinator, raw.peerId))
    assert.ok(subscribed(coordinator, raw.peerId))
  })
})

describe('readInboundByEvents: when it does not apply', function () {
  this.timeout(30_000)

  it('leaves a gossipsub that awaits each RPC handler, or one without the internals it knows, as it is', async () => {
    assert.equal(readInboundByEvents({} as unknown as GossipSub), false)
    const a = await createNode({ gossipsub: { awaitRpcHandler: true } })
    const b = await createNode({ gossipsub: true })
    try {
      b.services.pubsub!.subscribe(TOPIC)
      await b.dial(a.getMultiaddrs()[0])
      await until(() => subscribed(a, b.peerId))
      assert.ok('source' in (inboundOf(a, b.peerId) ?? {}), 'gossipsub\'s own reader')
    } finally {
      await a.stop()
      await b.stop()
    }
  })
})
