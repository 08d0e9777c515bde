import assert from 'node:assert/strict'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { multiaddr } from '@multiformats/multiaddr'
import { connectionLimitsFor } from './connectionLimits.ts'
import { CONNECTION_PING_INTERVAL_MS, createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'

describe('connection limits for a coordinator with many workers', function () {
  this.timeout(60_000)
  const PEERS = 24
  let peers: CotrainNode[] = []
  const nodes: CotrainNode[] = []
  before(async () => {
    peers = await Promise.all(Array.from({ length: PEERS }, async () => await createNode()))
  })
  after(async () => { await Promise.all([...peers, ...nodes].map(async (n) => await n.stop())) })

  it('scale with the expected number of peers', () => {
    const small = connectionLimitsFor(10)
    assert.equal(small.maxConnections, 300) // never below libp2p's default
    const big = connectionLimitsFor(1000)
    assert.ok((big.maxConnections ?? 0) >= 1250)
    // The whole fleet may be in its handshake at once (a restart): none is reset for waiting.
    assert.ok((big.maxIncomingPendingConnections ?? 0) >= 1000)
    assert.ok((big.inboundConnectionThreshold ?? 0) >= 1000)
  })

  it('a dialer waits for a slow handshake as long as the caller allows, not libp2p\'s 6 s per address', async () => {
    // A listener that accepts the socket and never answers: a coordinator whose handshakes queue behind a fleet's.
    const sockets: Socket[] = []
    const stalled = createServer((socket) => { sockets.push(socket) })
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve))
    const dialer = await createNode({ expectedPeers: 64 })
    nodes.push(dialer)
    try {
      const { port } = stalled.address() as AddressInfo
      const started = Date.now()
      await assert.rejects(dialer.dial(multiaddr(`/ip4/127.0.0.1/tcp/${port}/p2p/${peers[0].peerId.toString()}`), { signal: AbortSignal.timeout(9_000) }))
      assert.ok(Date.now() - started >= 8_000, `gave up after ${Date.now() - started} ms`)
    } finally {
      for (const s of sockets) s.destroy()
      stalled.close()
    }
  })

  it('ping each connection once a minute, not every 10 s (a stream each time, on both ends)', () => {
    const monitor = (peers[0] as unknown as { components: { connectionMonitor?: { pingIntervalMs?: number } } }).components.connectionMonitor
    assert.equal(CONNECTION_PING_INTERVAL_MS, 60_000)
    assert.equal(monitor?.pingIntervalMs, CONNECTION_PING_INTERVAL_MS)
  })

  async function dialAll (target: CotrainNode): Promise<number> {
    const addr = multiaddr(`${target.getMultiaddrs()[0].toString()}`)
    const results = await Promise.allSettled(peers.map(async (p) => await p.dial(addr, { signal: AbortSignal.timeout(20_000) })))
    // Let the target settle the connections it accepted.
    await new Promise((resolve) => setTimeout(resolve, 300))
    return results.filter((r) => r.status === 'fulfilled').length
  }

  it(`accept ${PEERS} workers of one host dialling at once, where libp2p's defaults refuse most of them`, async () => {
    const sized = await createNode({ expectedPeers: PEERS })
    nodes.push(sized)
    const accepted = await dialAll(sized)
    assert.equal(accepted, PEERS)
    assert.equal(sized.getConnections().length, PEERS)
    for (const p of peers) await p.hangUp(sized.peerId)

    // The same burst against libp2p's defaults (5 connections per second per host): what the load test hit.
    const stock = await createNode()
    nodes.push(stock)
    await dialAll(stock)
    assert.ok(stock.getConnections().length < PEERS, `defaults accepted all ${PEERS}`)
  })
})
