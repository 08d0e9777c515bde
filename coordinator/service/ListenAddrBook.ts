import type { IdentifyResult, PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { isRelayedAddr, relayedAddr, type CotrainNode } from '../../lib/net/index.ts'
import type { WorkerCapabilities } from '../store/records.ts'
import type { WorkerRegistry } from '../rounds/WorkerRegistry.ts'

/** At most this many addresses are kept, named or served per worker. */
const MAX_ADDRS = 16
/** Connected peers that have not joined (yet) whose identify results are kept: the oldest go first. */
const MAX_UNJOINED = 1024

/**
 * Each worker's listen addresses, kept from identify as it runs (on connect
 * and when the worker's addresses change) instead of asking the peer store
 * for every worker on a timer. A validator or the verifier dials a worker at
 * these to fetch checkpoints, and the provider book names it to other workers.
 *
 * Identify runs beside the join, not before it: it may finish before the
 * join handler runs, or after it but before the worker's registry entry is
 * committed (group commit). So identify results are kept for every connected
 * peer (bounded, dropped on disconnect unless it has joined by then), and a
 * join marks the peer as a worker at once, so a later identify result is kept
 * too.
 */
export class ListenAddrBook {
  private readonly node: CotrainNode
  private readonly workers: () => WorkerRegistry
  /** Workers (joined, or joining): their addresses, empty until identify reports. */
  private readonly byPeer = new Map<string, string[]>()
  /** Connected peers that have not joined: identify's addresses, oldest first. */
  private readonly unjoined = new Map<string, string[]>()
  private readonly onIdentify = (e: CustomEvent<IdentifyResult>): void => {
    const peerId = e.detail.peerId.toString()
    const addrs = e.detail.listenAddrs.map(String).slice(0, MAX_ADDRS)
    if (addrs.length === 0) return
    if (this.isWorker(peerId)) {
      this.byPeer.set(peerId, addrs)
      this.record(peerId)
      return
    }
    this.unjoined.delete(peerId)
    this.unjoined.set(peerId, addrs)
    if (this.unjoined.size > MAX_UNJOINED) this.unjoined.delete(this.unjoined.keys().next().value as string)
  }

  private readonly onDisconnect = (e: CustomEvent<PeerId>): void => {
    const peerId = e.detail.toString()
    const addrs = this.unjoined.get(peerId)
    if (addrs === undefined) return
    this.unjoined.delete(peerId)
    // Joined while connected, its registry entry committed after identify ran.
    if (!this.isWorker(peerId)) return
    this.byPeer.set(peerId, addrs)
    this.record(peerId)
  }

  constructor (node: CotrainNode, workers: () => WorkerRegistry) {
    this.node = node
    this.workers = workers
  }

  start (): void {
    this.node.addEventListener('peer:identify', this.onIdentify)
    this.node.addEventListener('peer:disconnect', this.onDisconnect)
  }

  stop (): void {
    this.node.removeEventListener('peer:identify', this.onIdentify)
    this.node.removeEventListener('peer:disconnect', this.onDisconnect)
  }

  /**
   * A worker joins: its addresses as identify reported them (before the join
   * or, failing that, to the peer store); empty when identify has not run
   * yet, and then kept as soon as it does.
   */
  async learn (peerId: string): Promise<string[]> {
    const identified = this.byPeer.get(peerId) ?? this.unjoined.get(peerId)
    this.unjoined.delete(peerId)
    if (identified !== undefined && identified.length > 0) {
      this.byPeer.set(peerId, identified)
      return identified
    }
    let addrs: string[]
    try {
      const peer = await this.node.peerStore.get(peerIdFromString(peerId))
      addrs = peer.addresses.map(a => a.multiaddr.toString()).slice(0, MAX_ADDRS)
    } catch {
      addrs = []
    }
    // Identify may have reported while the peer store was read.
    const now = this.byPeer.get(peerId)
    if (now !== undefined && now.length > 0) return now
    this.byPeer.set(peerId, addrs)
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
    const live = this.byPeer.get(peerId) ?? this.unjoined.get(peerId) ?? []
    const known = live.length > 0 ? live : recorded
    if (!this.relaysFor(peerId)) return known.slice(0, MAX_ADDRS)
    const addrs = known.filter(a => !isRelayedAddr(a)).slice(0, MAX_ADDRS - 2)
    for (const a of this.node.getMultiaddrs().filter(a => !isRelayedAddr(a)).slice(0, 2)) addrs.push(relayedAddr(a, peerId))
    return addrs
  }

  /**
   * A worker's registry entry committed: stores identify's addresses in it
   * when the join recorded none or others (identify finished after the join
   * read them), so they survive a restart.
   */
  joined (peerId: string): void {
    this.record(peerId)
  }

  /**
   * Writes identify's addresses for `peerId` into its registry entry when
   * they differ from the recorded ones: without this a worker whose join
   * recorded none keeps an empty list in the database, and after a
   * coordinator restart `of` has nothing for it until identify runs again.
   * Identify runs on connect and on address changes, so this writes rarely.
   */
  private record (peerId: string): void {
    const addrs = this.byPeer.get(peerId)
    const registry = this.workers()
    const w = registry.get(peerId)
    if (addrs === undefined || addrs.length === 0 || w == null) return
    const recorded = Array.isArray(w.capabilities.addrs) ? (w.capabilities.addrs as string[]) : []
    if (recorded.length === addrs.length && recorded.every((a, i) => a === addrs[i])) return
    registry.setAddrs(peerId, addrs)
  }

  private isWorker (peerId: string): boolean {
    return this.byPeer.has(peerId) || this.workers().get(peerId) != null
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
