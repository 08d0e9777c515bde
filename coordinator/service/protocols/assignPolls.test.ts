import assert from 'node:assert/strict'
import type { PeerId } from '@libp2p/interface'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createNode, requestAssignment, requestJoin, subscribeRoundAnnouncements, type CotrainNode } from '../../../lib/net/index.ts'
import { startTestCoordinator, type TestCoordinator } from '../../testing/startTestCoordinator.ts'

/**
 * How often waiting workers poll /cotrain/assign, against a real coordinator
 * over real libp2p and gossipsub: one that subscribes to the round
 * announcements is told to come back at the longest interval (its poll is
 * only a heartbeat, whatever the number of workers), yet gets its work as
 * soon as the round is announced; one that does not subscribe polls as often
 * as before.
 */
describe('assign polls of waiting workers', function () {
  this.timeout(120_000)
  let coord: TestCoordinator
  const nodes: CotrainNode[] = []
  let trainingAt = 0

  before(async () => {
    coord = await startTestCoordinator({ minWorkers: 3, minUpdates: 3, shards: 3 }, {
      prefix: 'cotrain-assign-polls-',
      onEvent: (e) => { if (e.event === 'round:training') trainingAt = Date.now() }
    })
  })
  after(async () => {
    for (const n of nodes) await Promise.resolve(n.stop()).catch(() => {})
    await coord?.stop()
  })

  const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 1000, gflops: 1, cpuCores: 1, memoryMib: 1000 }
  const worker = async (gossipsub: boolean): Promise<{ node: CotrainNode, account: ReturnType<typeof privateKeyToAccount>, coordinator: PeerId, accepted: Awaited<ReturnType<typeof requestJoin>>['accepted'] }> => {
    const node = await createNode({ gossipsub })
    nodes.push(node)
    const account = privateKeyToAccount(generatePrivateKey())
    const { coordinator, accepted } = await requestJoin(node, coord.multiaddr, { signer: account, capabilities }, { timeoutMs: 20_000 })
    return { node, account, coordinator, accepted }
  }
  const poll = async (w: Awaited<ReturnType<typeof worker>>): ReturnType<typeof requestAssignment> =>
    await requestAssignment(w.node, w.coordinator, { round: 0, workerAddress: w.account.address }, { timeoutMs: 10_000 })

  it('a subscriber waits 20 s between polls while no round runs, one without gossip 1 s; the announcement brings the subscriber its work at once', async () => {
    const listener = await worker(true)
    let announcedAt = 0
    const announced = new Promise<void>((resolve) => {
      subscribeRoundAnnouncements(listener.node, { coordinator: listener.coordinator, onAnnouncement: () => { announcedAt = Date.now(); resolve() } })
    })
    // The subscription reaches the coordinator over gossipsub shortly after the join.
    let idle = await poll(listener)
    for (const deadline = Date.now() + 10_000; idle.retryAfter < 20 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      idle = await poll(listener)
    }
    assert.equal(idle.shards.length, 0)
    assert.equal(idle.retryAfter, 20, 'a third of the 60 s liveness window, not the 1 s a fleet of 3 gets')
    assert.equal(listener.accepted.retryAfter, 1, 'the join, before its subscription was known, says what a poll would have')
    // Joining again, now known to listen: the join says what its next poll would be told, so that poll is not made.
    const again = await requestJoin(listener.node, coord.multiaddr, { signer: listener.account, capabilities }, { timeoutMs: 20_000 })
    assert.equal(again.accepted.retryAfter, 20)

    const plain = await worker(false)
    const plainIdle = await poll(plain)
    assert.equal(plainIdle.shards.length, 0)
    assert.equal(plainIdle.retryAfter, 1, 'a worker that hears no announcement polls as often as before')
    assert.equal(plain.accepted.retryAfter, 1)

    // The third join makes the round open: the subscriber hears it at once and is not late for it.
    await worker(false)
    await announced
    assert.ok(trainingAt > 0 && announcedAt - trainingAt < 5_000, `announced ${announcedAt - trainingAt} ms after training began`)
    const work = await poll(listener)
    assert.ok(work.shards.length > 0, `assigned on the announcement: ${work.waitReason ?? ''}`)
    assert.equal(work.round, 1)
    // A worker joining while the round trains is told the round and to ask for its work at once.
    const lateJoiner = await worker(false)
    assert.equal(lateJoiner.accepted.currentRound?.round, 1)
    assert.equal(lateJoiner.accepted.retryAfter ?? 0, 0)

    // One whose gossip stream came up only after the announcement hears it again a few seconds on.
    const late = await createNode({ gossipsub: true })
    nodes.push(late)
    let lateAt = 0
    subscribeRoundAnnouncements(late, { coordinator: listener.coordinator, onAnnouncement: () => { lateAt = Date.now() } })
    await late.dial(coord.multiaddr)
    for (const deadline = Date.now() + 8_000; lateAt === 0 && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 100))
    assert.ok(lateAt > 0, 'the announcement is published again')
  })
})
