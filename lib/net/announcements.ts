/**
 * Round announcements over gossipsub. Only the small RoundAnnouncement goes
 * on the topic (limit LIMITS.announcement; gossipsub drops anything over
 * 4 MiB silently); weights and shards travel over the content protocol.
 * Subscribers accept only messages signed by the coordinator's peer id, and
 * the topic validator stops invalid ones from being forwarded.
 */
import { TopicValidatorResult } from '@libp2p/gossipsub'
import type { GossipSub, Message, PublishResult } from '@libp2p/gossipsub'
import type { Connection, Libp2p, PeerId } from '@libp2p/interface'
import { CotrainError, MessageTooLargeError } from '../errors.ts'
import { ANNOUNCEMENT_TOPIC, LIMITS } from './constants.ts'
import { checkRoundAnnouncement, decodeRoundAnnouncement, pb } from './messages.ts'
import type { DecodedRoundAnnouncement, RoundAnnouncement } from './messages.ts'

function pubsubOf (node: Libp2p): GossipSub {
  const pubsub = (node.services as { pubsub?: GossipSub }).pubsub
  if (pubsub == null) throw new CotrainError('this node runs no gossipsub', { hint: 'create it with createNode({ gossipsub: true })' })
  return pubsub
}

/** Encodes and checks an announcement; throws before anything is sent. */
export function encodeRoundAnnouncement (announcement: RoundAnnouncement): Uint8Array {
  checkRoundAnnouncement(announcement)
  const data = pb.RoundAnnouncement.encode(announcement).finish()
  if (data.byteLength > LIMITS.announcement) throw new MessageTooLargeError('round announcement', data.byteLength, LIMITS.announcement)
  return data
}

/**
 * Publishes a round announcement (the coordinator).
 *
 * @example
 * await publishRoundAnnouncement(node, { round: 3, modelId, hyperParameters, roundSeed, openedAt, trainDeadline, submitDeadline })
 */
export async function publishRoundAnnouncement (node: Libp2p, announcement: RoundAnnouncement, options: { topic?: string } = {}): Promise<PublishResult> {
  return await pubsubOf(node).publish(options.topic ?? ANNOUNCEMENT_TOPIC, encodeRoundAnnouncement(announcement))
}

export interface SubscribeRoundAnnouncementsOptions {
  /** Only announcements signed by this peer are delivered. */
  coordinator: PeerId
  /** Called once per new round, in increasing round order; older and repeated rounds are dropped. */
  onAnnouncement: (announcement: DecodedRoundAnnouncement, from: PeerId) => void
  topic?: string
}

/**
 * Subscribes to announcements (workers, validators). Returns `stop()`.
 *
 * @example
 * const sub = subscribeRoundAnnouncements(node, { coordinator, onAnnouncement: (a) => rounds.push(a) })
 * sub.stop()
 */
export function subscribeRoundAnnouncements (node: Libp2p, options: SubscribeRoundAnnouncementsOptions): { stop: () => void } {
  const pubsub = pubsubOf(node)
  const topic = options.topic ?? ANNOUNCEMENT_TOPIC
  const log = node.logger.forComponent('cotrain:net:announcements')
  let lastRound = 0

  const parse = (msg: Message): DecodedRoundAnnouncement | undefined => {
    if (msg.type !== 'signed' || !msg.from.equals(options.coordinator)) return undefined
    if (msg.data.byteLength > LIMITS.announcement) return undefined
    try {
      return decodeRoundAnnouncement(msg.data)
    } catch (err) {
      log('dropped a bad announcement from %p - %s', msg.from, (err as Error).message)
      return undefined
    }
  }
  const validator = (_peer: PeerId, msg: Message): TopicValidatorResult =>
    parse(msg) === undefined ? TopicValidatorResult.Reject : TopicValidatorResult.Accept
  const onMessage = (evt: CustomEvent<Message>): void => {
    if (evt.detail.topic !== topic) return
    const announcement = parse(evt.detail)
    if (announcement === undefined || announcement.round <= lastRound) return
    lastRound = announcement.round
    try {
      options.onAnnouncement(announcement, (evt.detail as { from: PeerId }).from)
    } catch (err) {
      log.error('announcement handler failed - %e', err)
    }
  }

  pubsub.topicValidators.set(topic, validator)
  pubsub.addEventListener('message', onMessage)
  pubsub.subscribe(topic)
  return {
    stop: () => {
      pubsub.removeEventListener('message', onMessage)
      if (pubsub.topicValidators.get(topic) === validator) pubsub.topicValidators.delete(topic)
      pubsub.unsubscribe(topic)
    }
  }
}

/** Gossipsub instances whose createOutboundStream openOnce has wrapped. */
const wrappedOpens = new WeakSet<object>()

/**
 * Makes concurrent calls of gossipsub's createOutboundStream for one peer
 * share one opening: it checks for an existing stream before it awaits the
 * new one, so reach() and gossipsub's own queue, getting to a peer while
 * the other's negotiation was under way, opened two, and the one it kept
 * second left the first open and unused for as long as the connection.
 */
function openOnce (internals: { createOutboundStream?: (peer: PeerId, connection: Connection) => Promise<void> }): void {
  const open = internals.createOutboundStream
  if (typeof open !== 'function' || wrappedOpens.has(internals)) return
  wrappedOpens.add(internals)
  const opening = new Map<string, Promise<void>>()
  internals.createOutboundStream = async function (this: unknown, peer: PeerId, connection: Connection): Promise<void> {
    const id = peer.toString()
    let pending = opening.get(id)
    if (pending === undefined) {
      pending = open.call(this, peer, connection).finally(() => { opening.delete(id) })
      opening.set(id, pending)
    }
    await pending
  }
}

/** The peers that have told this node they subscribe to the announcement topic. */
export interface AnnouncementListeners {
  /**
   * True when `peer` (a peer id string) subscribes and this node has its
   * stream to it up: it hears the next round's announcement without polling
   * for it.
   */
  has: (peer: string) => boolean
  /**
   * Opens gossipsub's stream to `peer` over `connection` now, unless it has
   * one or is not tracking the peer yet (then gossipsub's own queue does it):
   * gossipsub opens these one peer at a time, so with a fleet connecting at
   * once the last ones wait long after their join (at N = 1,000, 690 workers
   * had none 15 s after the round began and missed all four announcements).
   * A call while gossipsub's own queue (or another call) is opening the
   * peer's stream shares that opening (see openOnce). Resolves when done;
   * never throws.
   */
  reach: (peer: PeerId, connection: Connection) => Promise<void>
  readonly size: number
  stop: () => void
}

/**
 * Tracks who subscribes to the announcement topic (the coordinator), from
 * gossipsub's subscription changes and libp2p's disconnects: O(1) per
 * question, where gossipsub's getSubscribers builds a PeerId per subscriber.
 * The coordinator publishes with flood-publish, so every peer in here gets the
 * announcement straight from it, once gossipsub has opened its own stream to
 * the peer: a subscription arrives on the peer's stream, but gossipsub opens
 * its streams to peers one at a time, so with a fleet connecting at once the
 * last ones wait seconds, and a message published meanwhile is dropped for
 * them. Until then a peer is not counted as hearing announcements.
 *
 * @example
 * const listeners = trackAnnouncementListeners(node)
 * const wait = listeners.has(peerId) ? 20 : 2
 */
export function trackAnnouncementListeners (node: Libp2p, options: { topic?: string } = {}): AnnouncementListeners {
  const pubsub = pubsubOf(node)
  const topic = options.topic ?? ANNOUNCEMENT_TOPIC
  const peers = new Set<string>()
  // Gossipsub's own streams to its peers, by peer id, the peers it tracks and how it opens a stream to one: on
  // the implementation (pinned in package.json), not on its exported interface; reach() does nothing without them.
  const internals = pubsub as unknown as { streamsOutbound: ReadonlyMap<string, unknown>, peers?: ReadonlyMap<string, unknown>, createOutboundStream?: (peer: PeerId, connection: Connection) => Promise<void> }
  const outbound = internals.streamsOutbound
  openOnce(internals)
  const onChange = (evt: CustomEvent<{ peerId: PeerId, subscriptions: Array<{ topic: string, subscribe: boolean }> }>): void => {
    for (const s of evt.detail.subscriptions) {
      if (s.topic !== topic) continue
      if (s.subscribe) peers.add(evt.detail.peerId.toString())
      else peers.delete(evt.detail.peerId.toString())
    }
  }
  // A peer that reconnects sends its subscriptions again.
  const onDisconnect = (evt: CustomEvent<PeerId>): void => { peers.delete(evt.detail.toString()) }
  pubsub.addEventListener('subscription-change', onChange)
  node.addEventListener('peer:disconnect', onDisconnect)
  return {
    has: (peer) => peers.has(peer) && outbound.has(peer),
    reach: async (peer, connection) => {
      const id = peer.toString()
      if (outbound.has(id) || internals.peers?.has(id) !== true || typeof internals.createOutboundStream !== 'function') return
      // gossipsub's own method: it checks again that no stream exists, sends our subscriptions and logs its failures.
      await internals.createOutboundStream.call(pubsub, peer, connection).catch(() => undefined)
    },
    get size () { return peers.size },
    stop: () => {
      pubsub.removeEventListener('subscription-change', onChange)
      node.removeEventListener('peer:disconnect', onDisconnect)
      peers.clear()
    }
  }
}
