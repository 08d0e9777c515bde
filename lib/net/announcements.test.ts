import assert from 'node:assert/strict'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { encodeRoundAnnouncement, publishRoundAnnouncement, subscribeRoundAnnouncements, trackAnnouncementListeners } from './announcements.ts'
import type { DecodedRoundAnnouncement } from './messages.ts'
import { ANNOUNCEMENT_TOPIC, LIMITS } from './constants.ts'
import { sampleAnnouncement } from './testing/sampleMessages.ts'

async function until (check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('round announcements over gossipsub', function () {
  let coordinator: CotrainNode
  let impostor: CotrainNode
  let workers: CotrainNode[]

  before(async () => {
    [coordinator, impostor, ...workers] = await Promise.all([1, 2, 3, 4].map(async () => await createNode({ gossipsub: true })))
    for (const n of [impostor, ...workers]) await n.dial(coordinator.getMultiaddrs()[0])
    // The impostor reaches the workers directly, not only through the coordinator.
    for (const w of workers) await impostor.dial(w.getMultiaddrs()[0])
  })

  after(async () => {
    await Promise.all([coordinator, impostor, ...workers].map(async (n) => { await n.stop() }))
  })

  it('delivers the coordinator\'s announcements once per round, in order, and ignores an impostor\'s', async () => {
    const got: DecodedRoundAnnouncement[][] = workers.map(() => [])
    const subs = workers.map((w, i) => subscribeRoundAnnouncements(w, { coordinator: coordinator.peerId, onAnnouncement: (a) => got[i].push(a) }))
    impostor.services.pubsub!.subscribe(ANNOUNCEMENT_TOPIC)
    await until(() => workers.every((w) => coordinator.services.pubsub!.getSubscribers(ANNOUNCEMENT_TOPIC).some((p) => p.equals(w.peerId))))
    await until(() => impostor.services.pubsub!.getSubscribers(ANNOUNCEMENT_TOPIC).length === workers.length)

    const sent = await publishRoundAnnouncement(impostor, { ...sampleAnnouncement, round: 99 })
    assert.equal(sent.recipients.length, workers.length)
    await publishRoundAnnouncement(coordinator, { ...sampleAnnouncement, round: 4 })
    await until(() => got.every((g) => g.length === 1))
    await publishRoundAnnouncement(coordinator, { ...sampleAnnouncement, round: 3 }) // older: dropped
    await publishRoundAnnouncement(coordinator, { ...sampleAnnouncement, round: 5 })
    await until(() => got.every((g) => g.length === 2))
    for (const g of got) assert.deepEqual(g.map((a) => a.round), [4, 5])
    assert.equal(got[0][0].hyperParameters?.innerSteps, 100)
    subs.forEach((s) => { s.stop() })
  })

  it('refuses to publish an oversized or malformed announcement', async () => {
    assert.throws(() => encodeRoundAnnouncement({ ...sampleAnnouncement, modelConfigJson: 'x'.repeat(LIMITS.modelConfigJson + 1) }), /model_config_json/)
    assert.throws(() => encodeRoundAnnouncement({ ...sampleAnnouncement, round: 0 }), /round/)
    assert.throws(() => encodeRoundAnnouncement({ ...sampleAnnouncement, roundSeed: new Uint8Array(33) }), /round_seed/)
    assert.ok(LIMITS.announcement < 4 * 1024 * 1024, 'gossipsub drops messages over 4 MiB silently')
  })
  it('reach() alongside gossipsub\'s own opening of the same stream opens one stream, not two', async () => {
    const coord = await createNode({ gossipsub: true })
    const worker = await createNode({ gossipsub: true })
    try {
      const listeners = trackAnnouncementListeners(coord)
      subscribeRoundAnnouncements(worker, { coordinator: coord.peerId, onAnnouncement: () => {} })
      await worker.dial(coord.getMultiaddrs()[0])
      await until(() => listeners.has(worker.peerId.toString()))
      const id = worker.peerId.toString()
      const pubsub = coord.services.pubsub as unknown as { streamsOutbound: Map<string, { rawStream: { abort: (err: Error) => void } }>, createOutboundStream: (peer: unknown, connection: unknown) => Promise<void> }
      pubsub.streamsOutbound.get(id)?.rawStream.abort(new Error('stream reset'))
      await until(() => !listeners.has(id))
      const connection = coord.getConnections(worker.peerId)[0]
      // A join's reach() while gossipsub's queue gets to the same peer (one negotiation under way when the other starts).
      await Promise.all([listeners.reach(worker.peerId, connection), pubsub.createOutboundStream(worker.peerId, connection)])
      const gossipStreams = (): number => connection.streams.filter((s) => s.direction === 'outbound' && s.protocol?.startsWith('/meshsub/') === true && s.status === 'open').length
      assert.equal(gossipStreams(), 1)
      assert.equal(listeners.has(id), true)
      listeners.stop()
    } finally {
      await Promise.all([coord, worker].map(async (n) => { await n.stop() }))
    }
  })

  it('reaches every worker on one IP address, past the 13 gossipsub\'s colocation penalty left, and knows them as listeners', async function () {
    this.timeout(60_000)
    const WORKERS = 24
    const coord = await createNode({ gossipsub: true, expectedPeers: 100 })
    const many = await Promise.all(Array.from({ length: WORKERS }, async () => await createNode({ gossipsub: true })))
    try {
      const listeners = trackAnnouncementListeners(coord)
      const heard = new Set<number>()
      many.forEach((w, i) => subscribeRoundAnnouncements(w, { coordinator: coord.peerId, onAnnouncement: () => { heard.add(i) } }))
      // All on 127.0.0.1, as a fleet behind one NAT, or every test and benchmark.
      await Promise.all(many.map(async (w) => { await w.dial(coord.getMultiaddrs()[0]) }))
      await until(() => listeners.size === WORKERS)
      assert.equal(coord.services.pubsub!.getSubscribers(ANNOUNCEMENT_TOPIC).length, WORKERS)
      await publishRoundAnnouncement(coord, { ...sampleAnnouncement, round: 7 })
      await until(() => heard.size === WORKERS)
      // One this node has no stream to (not yet opened, or closed) would not hear the next announcement: not a listener.
      const quiet = many[2].peerId.toString()
      assert.equal(listeners.has(quiet), true)
      const streams = (coord.services.pubsub as unknown as { streamsOutbound: Map<string, { rawStream: { abort: (err: Error) => void } }> }).streamsOutbound
      streams.get(quiet)?.rawStream.abort(new Error('stream reset'))
      await until(() => !listeners.has(quiet))
      // reach() opens it again at once (gossipsub itself would only on a new connection), and the next announcement gets there.
      await listeners.reach(many[2].peerId, coord.getConnections(many[2].peerId)[0])
      assert.equal(listeners.has(quiet), true)
      heard.delete(2)
      await publishRoundAnnouncement(coord, { ...sampleAnnouncement, round: 8 })
      await until(() => heard.has(2))
      // A worker that leaves is no longer a listener.
      await many[0].stop()
      await until(() => listeners.size === WORKERS - 1)
      assert.equal(listeners.has(many[0].peerId.toString()), false)
      assert.equal(listeners.has(many[1].peerId.toString()), true)
      listeners.stop()
    } finally {
      await Promise.all([coord, ...many].map(async (n) => { await n.stop() }))
    }
  })
})
