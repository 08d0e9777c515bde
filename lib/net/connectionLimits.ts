/**
 * libp2p connection-manager settings for a node that expects many peers.
 * libp2p's defaults (300 connections, 10 handshakes in flight, 5 inbound
 * connections per second per host) suit a browser tab, not a coordinator: in
 * the 500-worker load test they capped the swarm at exactly 300 connections
 * and refused most first joins.
 */
import type { Libp2pOptions } from 'libp2p'

type ConnectionManagerInit = NonNullable<Libp2pOptions['connectionManager']>

/**
 * Limits sized for `expectedPeers` (workers, validators and what they dial
 * back): room for every one of them plus a margin, a handshake pool that
 * grows with the swarm (each Noise handshake is cheap, but a fleet coming
 * back after a restart arrives at once), and a per-host rate that lets many
 * workers behind one NAT address (or on one test machine) join together.
 *
 * @example
 * createNode({ connectionManager: connectionLimitsFor(1000) })
 */
export function connectionLimitsFor (expectedPeers: number): ConnectionManagerInit {
  const n = Math.max(0, Math.ceil(expectedPeers))
  return {
    maxConnections: Math.max(300, Math.ceil(n * 1.25) + 64),
    // A fleet arriving at once (a restart, or the load test starting 500 workers in a second) waits in the
    // handshake queue instead of being reset: with n / 4 pending allowed, 375 of 500 first connections
    // got ECONNRESET and came back as retries.
    maxIncomingPendingConnections: Math.max(10, Math.min(4096, n)),
    // Per host and second: workers behind one NAT address (or one test machine) may all come at once.
    inboundConnectionThreshold: Math.max(5, 2 * n),
    // Handshakes queue behind each other when many arrive at once on 2 cores.
    inboundUpgradeTimeout: 30_000,
    // The dialer's side of the same wait: libp2p gives up on one address after 6 s, so 104 of a 1,000-worker
    // fleet dropped handshakes the coordinator was still working through and dialed again (a second handshake
    // each). A caller's own deadline (a join's, a provider fetch's) still bounds the dial.
    addressDialTimeout: 30_000
  }
}
