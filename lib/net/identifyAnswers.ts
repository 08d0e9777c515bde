/**
 * libp2p's identify (@libp2p/identify 4) builds every answer from scratch:
 * it reads the node's own record from the peer store (a read lock, a
 * datastore get, a protobuf decode), lists the node's addresses from the
 * address manager (transport listeners, IP and DNS mappings, filters) and,
 * since nothing stores the node's own signed peer record, signs a fresh one
 * (Ed25519 and an envelope). Every joining worker asks once, and every
 * answer is the same: in a CPU profile of a 500-worker round, identify's
 * answers took 0.7 s of the coordinator's CPU, 0.45 s of it the signature,
 * the address list and the record read.
 *
 * This gives identify, and only identify, a view of the node in which its
 * own record and its addresses are read once and reused for ANSWER_TTL_MS,
 * or until the record changes (self:peer:update) or a transport starts or
 * stops listening, with a signed peer record of exactly those addresses
 * attached, so that identify does not sign again. libp2p itself lets the
 * stored record lag address changes by a second (the address manager
 * debounces its writes), so answers are no staler than they were. Every
 * other reader of the peer store and the address manager is unchanged, and
 * identify's own reads of other peers' records and its writes go through.
 */
import type { Identify } from '@libp2p/identify'
import type { AbortOptions, Peer, PeerId, PeerStore, PrivateKey } from '@libp2p/interface'
import { PeerRecord, RecordEnvelope } from '@libp2p/peer-record'
import { CODE_P2P, type Multiaddr } from '@multiformats/multiaddr'

/** How long one reading of the node's own record and addresses answers identify requests. */
export const ANSWER_TTL_MS = 1000

/** `target` with `replaced` members; any other member is target's, functions bound to it. */
function view<T extends object> (target: T, replaced: Record<string, unknown>): T {
  return new Proxy(target, {
    get: (t, key) => {
      if (typeof key === 'string' && key in replaced) return replaced[key]
      const value = Reflect.get(t, key) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value
    }
  })
}

/** The components identify holds (AbstractIdentify.components) that this replaces or listens to. */
interface IdentifyComponents {
  peerId: PeerId
  privateKey: PrivateKey
  peerStore: PeerStore
  addressManager: { getAddresses: () => Multiaddr[] }
  events: { addEventListener: (type: string, listener: () => void) => void }
}

interface Reading {
  at: number
  addresses: Multiaddr[]
  self?: Promise<Peer>
}

/**
 * Makes `identify` answer from a reading of the node's own record and
 * addresses kept for `ttlMs` (see above); returns false, leaving identify as
 * it is, when it does not hold the components this expects.
 *
 * @example
 * cacheIdentifyAnswers(node.services.identify)
 */
export function cacheIdentifyAnswers (identify: Identify, options: { ttlMs?: number, now?: () => number } = {}): boolean {
  const holder = identify as unknown as { components?: IdentifyComponents }
  const components = holder.components
  if (components == null || typeof components.peerStore?.get !== 'function' || typeof components.addressManager?.getAddresses !== 'function' || typeof components.events?.addEventListener !== 'function' || components.privateKey == null) return false
  const ttlMs = options.ttlMs ?? ANSWER_TTL_MS
  const now = options.now ?? Date.now
  const self = components.peerId
  let reading: Reading | undefined
  const forget = (): void => { reading = undefined }
  for (const event of ['self:peer:update', 'transport:listening', 'transport:close']) components.events.addEventListener(event, forget)

  const current = (): Reading => {
    if (reading === undefined || now() - reading.at >= ttlMs) reading = { at: now(), addresses: components.addressManager.getAddresses() }
    return reading
  }

  /** The stored record, with a signed peer record of the reading's addresses when the store has none. */
  const selfRecord = async (r: Reading): Promise<Peer> => {
    const peer = await components.peerStore.get(self)
    const multiaddrs = r.addresses.map((ma) => ma.decapsulateCode(CODE_P2P))
    if (peer.peerRecordEnvelope != null || multiaddrs.length === 0) return peer
    const envelope = await RecordEnvelope.seal(new PeerRecord({ peerId: self, multiaddrs }), components.privateKey)
    return { ...peer, peerRecordEnvelope: envelope.marshal().subarray() }
  }

  const cachedGet = async (id: PeerId, opts?: AbortOptions): Promise<Peer> => {
    if (!id.equals(self)) return await components.peerStore.get(id, opts)
    opts?.signal?.throwIfAborted()
    const r = current()
    if (r.self === undefined) {
      r.self = selfRecord(r)
      // A failed read is not kept: the next request reads again.
      r.self.catch(() => { if (reading === r) reading = undefined })
    }
    return await r.self
  }
  const cachedAddresses = (): Multiaddr[] => [...current().addresses]
  // Views, not copies: every other member is the component's own, called on it.
  const peerStore = view(components.peerStore, { get: cachedGet })
  const addressManager = view(components.addressManager, { getAddresses: cachedAddresses })
  holder.components = view(components, { peerStore, addressManager })
  return true
}
