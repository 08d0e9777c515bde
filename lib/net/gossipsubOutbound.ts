/**
 * Gossipsub (@libp2p/gossipsub 17) opens its stream to each new peer one at
 * a time: a single loop takes the next connected peer and awaits
 * createOutboundStream (a new stream and its multistream-select round trip)
 * before it looks at the one after. A coordinator that a fleet connects to
 * at once therefore reaches its last workers seconds after they connected,
 * and gossipsub drops a message for a peer it has no stream to yet: round
 * announcements missed workers whose stream was still in that line.
 *
 * This lets up to OUTBOUND_OPENS_AT_ONCE of those opens run together: the
 * loop's await returns once an open has started, and waits only while that
 * many are running. Two requests for one peer (gossipsub queues a peer both
 * when it connects and when it opens a stream to us) still run one after
 * the other, as in the loop, so the second finds the first's stream.
 */
import type { GossipSub } from '@libp2p/gossipsub'
import type { Connection, PeerId } from '@libp2p/interface'

/** Outbound gossipsub streams opened at once at most. */
export const OUTBOUND_OPENS_AT_ONCE = 16

type Open = (peerId: PeerId, connection: Connection) => Promise<void>

/**
 * Makes `pubsub` open outbound streams to up to `limit` peers at once;
 * returns false, leaving it as it is, when it has no createOutboundStream.
 *
 * @example
 * openOutboundConcurrently(node.services.pubsub)
 */
export function openOutboundConcurrently (pubsub: GossipSub, limit = OUTBOUND_OPENS_AT_ONCE): boolean {
  const g = pubsub as unknown as { createOutboundStream?: Open }
  if (typeof g.createOutboundStream !== 'function') return false
  const open = g.createOutboundStream.bind(pubsub)
  const last = new Map<string, Promise<void>>()
  const slots: Array<() => void> = []
  let running = 0

  g.createOutboundStream = async (peerId, connection) => {
    if (running >= limit) await new Promise<void>((resolve) => { slots.push(resolve) })
    running++
    const id = peerId.toString()
    const before = last.get(id)
    const done = (before === undefined ? open(peerId, connection) : before.then(async () => { await open(peerId, connection) }))
      .catch(() => {})
      .finally(() => {
        running--
        if (last.get(id) === done) last.delete(id)
        slots.shift()?.()
      })
    last.set(id, done)
  }
  return true
}
