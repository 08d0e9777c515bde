import assert from 'node:assert/strict'
import { connect, type Socket } from 'node:net'
import { createNode, relayedAddr, reserveOnRelay, type CotrainNode } from '../net/index.ts'
import type { TrainRoundParams, TrainRoundResult } from '../training/trainRound.ts'
import { serveTrainedRounds } from './testing/serveTrainedRounds.ts'
import { trainHonestRound } from '../training/testing/fixture.ts'
import { verifyRequest } from './testing/verifyRequest.ts'
import { verifySubmission, type SubmissionVerification, type VerifySubmissionParameters } from './verifySubmission.ts'

const SEED = '0x' + 'd7'.repeat(32)

/**
 * "I could not connect" is not "it refused": a worker that nobody can dial
 * (behind NAT: here a node with no listener at all, so it accepts no inbound
 * connection whatsoever) or whose port is flooded is verified through the
 * coordinator's circuit relay, over the connection the worker itself opened.
 * Real libp2p nodes (TCP, Noise, Yamux, circuit relay v2) in one process.
 */
describe('validation: reaching a worker through the coordinator\'s relay', function () {
  this.timeout(90_000)
  let params: TrainRoundParams
  let honest: TrainRoundResult
  let coordinator: CotrainNode
  let verifier: CotrainNode
  const joined = new Set<string>()
  const nodes: CotrainNode[] = []

  before(async () => {
    ;({ params, honest } = await trainHonestRound({ steps: 20, interval: 5, round: 3 }))
    coordinator = await createNode({ relay: { allow: (p) => joined.has(p.toString()), maxReservations: 4 } })
    verifier = await createNode()
    nodes.push(coordinator, verifier)
  })
  after(async () => { await Promise.all(nodes.map(async (n) => await n.stop())) })

  /** A worker serving the honest round, connected to the coordinator (as after its join), with a reservation when joined. */
  async function startWorker (listen: string[], join: boolean): Promise<CotrainNode> {
    const w = await createNode({ listen })
    nodes.push(w)
    await serveTrainedRounds(w, new Map([[honest.round, honest]]))
    await w.dial(coordinator.getMultiaddrs()[0])
    if (join) {
      joined.add(w.peerId.toString())
      await reserveOnRelay(w, coordinator.getMultiaddrs()[0])
    }
    return w
  }

  const verify = async (worker: CotrainNode, multiaddrs: string[]): Promise<SubmissionVerification> => await verifySubmission(request(worker, multiaddrs))
  const request = (worker: CotrainNode, multiaddrs: string[]): VerifySubmissionParameters =>
    verifyRequest(verifier, { peerId: worker.peerId.toString(), multiaddrs }, params, honest, SEED, { fetchAttempts: 3, fetchRetryDelayMs: 50, requestTimeoutMs: 8000 })

  it('a worker that accepts no inbound connections is verified valid through the relay; without a reservation it is only unavailable', async () => {
    const nat = await startWorker([], true)
    const addrs = nat.getMultiaddrs().map(String)
    assert.equal(addrs.length, 1, `only the relayed address: ${addrs.join(', ')}`)
    assert.equal(addrs[0], relayedAddr(coordinator.getMultiaddrs()[0], nat.peerId))
    const v = await verify(nat, addrs)
    assert.equal(v.outcome, 'valid', v.reason)

    // The same worker without a reservation cannot be reached: unavailable, never fraud.
    const hidden = await startWorker([], false)
    const u = await verify(hidden, [relayedAddr(coordinator.getMultiaddrs()[0], hidden.peerId)])
    assert.equal(u.outcome, 'unavailable', u.reason)
    assert.equal(u.evidenceHash, null)
  })

  it('the coordinator is no public relay: a peer that has not joined gets no reservation', async () => {
    const stranger = await createNode({ listen: [] })
    nodes.push(stranger)
    await stranger.dial(coordinator.getMultiaddrs()[0])
    await assert.rejects(reserveOnRelay(stranger, coordinator.getMultiaddrs()[0]))
    assert.equal(stranger.getMultiaddrs().length, 0)
  })

  it('an honest worker whose port is flooded by raw sockets is verified valid through the relay', async () => {
    const flooded = await startWorker(['/ip4/127.0.0.1/tcp/0'], true)
    const direct = flooded.getMultiaddrs().map(String).find((a) => !a.includes('/p2p-circuit'))!
    const port = Number(direct.split('/tcp/')[1].split('/')[0])
    // An outsider (no key, no stake) holds the worker's pending-connection slots with sockets that never finish a handshake.
    const sockets: Socket[] = []
    for (let i = 0; i < 64; i++) {
      const s = connect(port, '127.0.0.1')
      s.on('error', () => {})
      s.on('connect', () => { s.write(Buffer.alloc(16, 0x41)) })
      sockets.push(s)
    }
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      // The flood works: the direct address alone does not reach the worker (one short try).
      const blocked = await verifySubmission({ ...request(flooded, [direct]), fetchAttempts: 1, requestTimeoutMs: 3000 })
      assert.equal(blocked.outcome, 'unavailable', blocked.reason)
      // What the coordinator lists for it: the direct address first, then the relayed one.
      const v = await verify(flooded, [direct, relayedAddr(coordinator.getMultiaddrs()[0], flooded.peerId)])
      assert.equal(v.outcome, 'valid', v.reason)
    } finally {
      for (const s of sockets) s.destroy()
    }
  })
})
