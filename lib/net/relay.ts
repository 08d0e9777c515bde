/**
 * Circuit relay v2 between a coordinator and its workers (docs/challenges.md,
 * "Reaching a worker"): a worker behind NAT accepts no inbound connections,
 * but it keeps a connection open to its coordinator; with a reservation on
 * the coordinator, verifiers (validators, and the coordinator itself) reach
 * the worker's checkpoint server through that connection at
 * `<coordinator addr>/p2p-circuit/p2p/<worker>`. The same path serves an
 * honest worker whose own port is flooded.
 *
 * The coordinator is no free public relay: it grants reservations only to
 * peers its `allow` admits (joined workers), relays only to them, holds at
 * most `maxReservations`, and each relayed connection is bounded in bytes and
 * time.
 */
import { circuitRelayServer, circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import type { ConnectionGater, Libp2p, PeerId } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'

/** What a relayed connection may carry: a whole verification of the largest model we train (about 20 checkpoints of a few MiB) with room to spare. */
export const RELAY_DATA_LIMIT_BYTES = 512n * 1024n * 1024n
/** How long one relayed connection may stay open: longer than a verification's fetch deadline. */
export const RELAY_DURATION_LIMIT_MS = 10 * 60_000
/** How long a reservation lasts before the worker refreshes it (libp2p refreshes shortly before expiry). */
export const RELAY_RESERVATION_TTL_MS = 30 * 60_000

export interface RelayServerOptions {
  /** True for the peers the relay serves (a coordinator: its joined, not banned workers). */
  allow: (peer: PeerId) => boolean
  /** Reservations held at once (a coordinator: its worker capacity). */
  maxReservations: number
}

/** The transport every node has, so it can dial (and, with a reservation, be dialled at) relayed addresses. */
export function relayTransport (): ReturnType<typeof circuitRelayTransport> {
  return circuitRelayTransport()
}

/** The relay service and the connection gater that limits it to `allow`ed peers. */
export function relayServer (options: RelayServerOptions): { service: ReturnType<typeof circuitRelayServer>, gater: ConnectionGater } {
  return {
    service: circuitRelayServer({
      reservations: {
        maxReservations: options.maxReservations,
        reservationTtl: RELAY_RESERVATION_TTL_MS,
        applyDefaultLimit: true,
        defaultDataLimit: RELAY_DATA_LIMIT_BYTES,
        defaultDurationLimit: RELAY_DURATION_LIMIT_MS
      }
    }),
    gater: {
      denyInboundRelayReservation: async (peer) => !options.allow(peer),
      // A reservation kept after the worker left (or was banned) relays nothing.
      denyOutboundRelayedConnection: async (_source, destination) => !options.allow(destination)
    }
  }
}

/** True when `addr` goes through a relay. */
export function isRelayedAddr (addr: string | Multiaddr): boolean {
  return addr.toString().includes('/p2p-circuit')
}

/** `<relay addr with /p2p/relay>/p2p-circuit/p2p/<peer>`: where `peer` is reached through the relay. */
export function relayedAddr (relay: string | Multiaddr, peer: PeerId | string): string {
  return `${relay.toString()}/p2p-circuit/p2p/${peer.toString()}`
}

/**
 * Makes (or keeps) a reservation on the relay at `relay` (a multiaddr with
 * /p2p/): afterwards `node.getMultiaddrs()` holds the relayed address and
 * identify tells the peers. A worker calls it after each accepted join, since
 * the coordinator reserves only for joined workers.
 */
export async function reserveOnRelay (node: Libp2p, relay: string | Multiaddr): Promise<void> {
  const relayPeer = multiaddr(relay.toString()).getComponents().findLast((c) => c.name === 'p2p')?.value
  if (relayPeer !== undefined && node.getMultiaddrs().some((a) => isRelayedAddr(a) && a.toString().includes(`/p2p/${relayPeer}/p2p-circuit`))) return
  // The transport manager is libp2p's public component (Libp2p.components); the Libp2p interface does not list it.
  const components = (node as unknown as { components: { transportManager: { listen: (addrs: Multiaddr[]) => Promise<void> } } }).components
  await components.transportManager.listen([multiaddr(`${relay.toString()}/p2p-circuit`)])
}
