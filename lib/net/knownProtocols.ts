/**
 * libp2p records the protocol of every stream it opens or accepts in the
 * peer store (connection.js: `peerStore.merge(peer, { protocols: [p] })`),
 * and a merge is a full read-modify-write of the peer's record: a lock,
 * decoding the stored protobuf (multiaddrs, the signed peer record), merging,
 * encoding, storing, decoding again, comparing. A coordinator that accepts
 * a dozen streams per worker per round did that for each, to learn nothing
 * after the first: the protocol was already there, so nothing changed and
 * no event went out.
 *
 * This keeps, per connected peer, the protocols of the record its last
 * write returned, and answers a merge of protocols only, all of them already
 * in it, with no write. Every write goes through the wrapped methods (libp2p
 * and its services call the peer store's own methods), so the kept record
 * is the stored one; a write still running for the peer, an entry older
 * than REFRESH_MS (a write also renews the record's age, which the peer
 * store expires after 6 hours without one) or any other merge goes to the
 * store as before.
 *
 * What a skipped merge returns is the peer's id and recorded protocols, not
 * the whole record: keeping each connected peer's decoded record (its
 * addresses, signed peer record, metadata) cost a coordinator 2.2 KB of heap
 * per worker, and libp2p's only protocol-only merge (connection.js, on every
 * stream) does not read the result. Peers that speak the same software list
 * the same protocols, so they share one kept set.
 *
 * cotrain's own protocols (/cotrain/...) are not recorded from streams at
 * all once the peer's record is kept: libp2p records the protocol of an
 * accepted stream as one the remote speaks, which for a request protocol is
 * wrong (a worker that asks /cotrain/join does not serve it), nothing reads
 * those entries, and each new one was a full write: four or five of a
 * coordinator's eight or nine peer-store writes per worker (join, assign,
 * have, submit). What a peer serves still comes from identify, which
 * writes the protocols the peer lists.
 */
import type { Peer, PeerData, PeerId, PeerStore } from '@libp2p/interface'

/** A kept record is written through again after this long, which renews its age in the peer store. */
export const REFRESH_MS = 10 * 60 * 1000
/** Peers whose records are kept at most (oldest dropped first); a node also drops a peer's when it disconnects. */
export const MAX_KEPT = 4096
/** Distinct protocol lists shared between peers at most; past it a list is kept unshared. */
const MAX_SHARED_LISTS = 64

interface Kept {
  protocols: ReadonlySet<string>
  at: number
}

/** Merges the wrapper answered without writing, and writes it let through (for tests and metrics). */
export interface KnownProtocolsStats {
  skipped: number
  written: number
}

type WriteMethod = 'merge' | 'patch' | 'save'

/**
 * Wraps `peerStore`'s write methods in place (libp2p's components hold the
 * same object) and returns what it skipped and wrote, and `forget` for a
 * peer that disconnected.
 *
 * `self` is the node's own id: merges into its own record are never
 * skipped (they are the protocols it serves).
 *
 * @example
 * const known = skipKnownProtocolMerges(node.peerStore, Date.now, node.peerId)
 * node.addEventListener('peer:disconnect', (e) => { known.forget(e.detail) })
 */
export function skipKnownProtocolMerges (peerStore: PeerStore, now: () => number = Date.now, self?: PeerId): KnownProtocolsStats & { forget: (peer: PeerId) => void } {
  const selfKey = self?.toString()
  const kept = new Map<string, Kept>()
  const writing = new Map<string, number>()
  const stats = { skipped: 0, written: 0, forget: (peer: PeerId) => { kept.delete(peer.toString()) } }

  const shared = new Map<string, ReadonlySet<string>>()
  const protocolSet = (protocols: string[]): ReadonlySet<string> => {
    const list = protocols.join('\n')
    let set = shared.get(list)
    if (set === undefined) {
      set = new Set(protocols)
      if (shared.size < MAX_SHARED_LISTS) shared.set(list, set)
    }
    return set
  }

  const keep = (key: string, peer: Peer): void => {
    kept.delete(key)
    kept.set(key, { protocols: protocolSet(peer.protocols), at: now() })
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string)
  }

  const wrap = (method: WriteMethod): void => {
    const write = peerStore[method].bind(peerStore) as (id: PeerId, data: PeerData, options?: unknown) => Promise<Peer>
    peerStore[method] = async (id: PeerId, data: PeerData, options?: unknown): Promise<Peer> => {
      const key = id.toString()
      // The node's own record is what it serves (the registrar merges each protocol it handles, identify answers with the list): always written.
      if (method === 'merge' && key !== selfKey && isProtocolsOnly(data) && writing.get(key) === undefined) {
        const known = kept.get(key)
        if (known !== undefined && now() - known.at < REFRESH_MS && data.protocols.every((p) => known.protocols.has(p) || unrecorded(p))) {
          stats.skipped++
          return { id, addresses: [], protocols: [...known.protocols], metadata: new Map(), tags: new Map() }
        }
      }
      writing.set(key, (writing.get(key) ?? 0) + 1)
      // Dropped first: a write that fails leaves the stored record unknown.
      kept.delete(key)
      try {
        const peer = await write(id, data, options)
        stats.written++
        keep(key, peer)
        return peer
      } finally {
        const left = (writing.get(key) ?? 1) - 1
        if (left === 0) writing.delete(key)
        else writing.set(key, left)
      }
    }
  }
  wrap('merge')
  wrap('patch')
  wrap('save')
  const remove = peerStore.delete.bind(peerStore)
  peerStore.delete = async (id, options) => {
    kept.delete(id.toString())
    await remove(id, options)
  }
  return stats
}

/** Protocols a stream does not record in the peer's record (see above). */
export function unrecorded (protocol: string): boolean {
  return protocol.startsWith('/cotrain/')
}

function isProtocolsOnly (data: PeerData): data is PeerData & { protocols: string[] } {
  if (!Array.isArray(data.protocols)) return false
  for (const key in data) {
    if (key !== 'protocols' && (data as Record<string, unknown>)[key] !== undefined) return false
  }
  return true
}
