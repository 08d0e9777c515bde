import type { IdentifyResult } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { isRelayedAddr, relayedAddr, type CotrainNode } from '../../lib/net/index.ts'
import type { WorkerCapabilities } from '../store/records.ts'
import type { WorkerRegistry } from '../rounds/WorkerRegistry.ts'

/** At most this many addresses are kept, named or served per worker. */
const MAX_ADDRS = 16

/**
 * Each worker's listen addresses, kept from identify as it runs (on connect
 * and when the worker's addresses change) instead of asking the peer store
 * for every worker on a timer. A validator or the verifier dials a worker at
 * these to fetch checkpoints.
 */
export class ListenAddrBook {
  private readonly node: CotrainNode
  private readonly workers: () => WorkerRegistry
  private readonly byPeer = new Map<string, string[]>()
  private readonly onIdentify = (e: CustomEvent<IdentifyResult>): void => {
    const peerId = e.detail.peerId.toString()
    if (this.workers().get(peerId) == null && !this.byPeer.has(peerId)) return
    const addrs = e.detail.listenAddrs.map(String).slice(0, MAX_ADDRS)
    if (addrs.length > 0) this.byPeer.set(peerId, addrs)
  }

  constructor (node: CotrainNode, workers: () => WorkerRegistry) {
    this.node = node
    this.workers = workers
  }

  start (): void {
    this.node.addEventListener('peer:identify', this.onIdentify)
  }

  stop (): void {
    this.node.removeEventListener('peer:identify', this.onIdentify)
  }

  /** The peer's addresses as identify reported them to the peer store (empty until identify has run); remembered for the peer. */
  async learn (peerId: string): Promise<string[]> {
    // Identify usually ran before the join: no peer store read (a protobuf decode) then.
    const identified = this.byPeer.get(peerId)
    if (identified !== undefined && identified.length > 0) return identified
    let addrs: string[]
    try {
      const peer = await this.node.peerStore.get(peerIdFromString(peerId))
      addrs = peer.addresses.map(a => a.multiaddr.toString()).slice(0, MAX_ADDRS)
    } catch {
      addrs = []
    }
    if (addrs.length > 0) this.byPeer.set(peerId, addrs)
    return addrs
  }

  /**
   * Listen addresses of a worker: identify's view now, else what was recorded
   * when it joined; then, when it holds a relay reservation here, its address
   * through this coordinator, so a verifier that cannot dial it directly (NAT,
   * a flooded port) still reaches it (lib/net/relay.ts).
   */
  of (peerId: string, capabilities: WorkerCapabilities | undefined): string[] {
    const recorded = Array.isArray(capabilities?.addrs) ? (capabilities.addrs as string[]) : []
    const live = this.byPeer.get(peerId) ?? []
    const known = live.length > 0 ? live : recorded
    if (!this.relaysFor(peerId)) return known.slice(0, MAX_ADDRS)
    const addrs = known.filter(a => !isRelayedAddr(a)).slice(0, MAX_ADDRS - 2)
    for (const a of this.node.getMultiaddrs().filter(a => !isRelayedAddr(a)).slice(0, 2)) addrs.push(relayedAddr(a, peerId))
    return addrs
  }

  /** True while the worker holds a reservation on this node's relay. */
  private relaysFor (peerId: string): boolean {
    const relay = (this.node.services as { relay?: { reservations: { has: (p: unknown) => boolean } } }).relay
    try {
      return relay?.reservations.has(peerIdFromString(peerId)) ?? false
    } catch {
      return false
    }
  }
}
