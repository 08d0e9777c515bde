/**
 * A cotrain libp2p node: TCP + Noise + Yamux, identify and ping, and
 * gossipsub when asked (for round announcements). Binds 127.0.0.1 unless
 * told otherwise.
 */
import { createLibp2p } from 'libp2p'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { tcp } from '@libp2p/tcp'
import { identify } from '@libp2p/identify'
import type { Identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import type { Ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import type { GossipSub, GossipsubOpts } from '@libp2p/gossipsub'
import type { Libp2p, PrivateKey } from '@libp2p/interface'
import type { Libp2pOptions } from 'libp2p'
import { componentLogger } from './componentLogger.ts'
import { importedOnce } from './importedKey.ts'
import { connectionLimitsFor } from './connectionLimits.ts'
import { skipKnownProtocolMerges } from './knownProtocols.ts'
import { readInboundByEvents } from './gossipsubInbound.ts'
import { cacheIdentifyAnswers } from './identifyAnswers.ts'
import { yamuxHalfWindowUpdates } from './yamuxWindowUpdates.ts'
import { loadOrCreateIdentity } from './identity.ts'
import type { ChaChaPoly } from './chachaPoly.ts'
import { noiseTransport } from './noiseTransport.ts'
import { relayServer, relayTransport, type RelayServerOptions } from './relay.ts'
import type { SendBufferPool } from './SendBufferPool.ts'

export interface CotrainServices extends Record<string, unknown> {
  identify: Identify
  ping: Ping
  /** Present when the node was created with `gossipsub`. */
  pubsub?: GossipSub
}

/** A node as createNode returns it. */
export type CotrainNode = Libp2p<CotrainServices>

export interface CreateNodeOptions {
  /** The node's key; else `identityPath`'s; else a fresh one per run. */
  privateKey?: PrivateKey
  /** Load (or create) the key at this path: see loadOrCreateIdentity. */
  identityPath?: string
  /** Listen addresses; default `/ip4/127.0.0.1/tcp/0` (loopback, any free port). */
  listen?: string[]
  /** Addresses to announce instead of the listen addresses (e.g. behind NAT). */
  announce?: string[]
  /** Run gossipsub (as `node.services.pubsub`); pass options to tune it. */
  gossipsub?: boolean | Partial<GossipsubOpts>
  /** Start listening right away (default true). */
  start?: boolean
  /** Peers this node expects at once (a coordinator: its workers); sizes the connection limits (see connectionLimitsFor). */
  expectedPeers?: number
  /** Passed to libp2p's connection manager, over what `expectedPeers` sets. */
  connectionManager?: Libp2pOptions['connectionManager']
  /** Noise's transport cipher backend; default the fastest that loads (see chachaPoly). */
  noiseCipher?: ChaChaPoly
  /** Buffers Noise seals large sends into; default the process's shared pool (see SendBufferPool). */
  sendBuffers?: SendBufferPool
  /** Be a circuit relay (v2) for the peers `allow` admits (the coordinator for its workers; see relay.ts). Every node can dial relayed addresses. */
  relay?: RelayServerOptions
}

/**
 * How often libp2p's connection monitor pings each connection (its default
 * is 10 s). Each ping is a stream, on both ends, with its multistream
 * negotiation: a quarter of the coordinator's streams in a 200-worker round,
 * and 200 streams a second with 1,000 workers connected. A peer that dies
 * without closing its socket is noticed within a minute instead of ten
 * seconds; one that closes is noticed at once as before, and yamux's own
 * keep-alive frames (every 30 s, no stream) still keep NAT mappings open.
 */
export const CONNECTION_PING_INTERVAL_MS = 60_000

/**
 * The listen socket's accept queue for a node expecting `expectedPeers`: a
 * fleet that (re)connects at once must not overflow it while the event loop
 * is busy (Node's default is 511; the kernel caps it at net.core.somaxconn).
 */
function acceptBacklogFor (expectedPeers: number | undefined): number | undefined {
  return expectedPeers === undefined ? undefined : Math.max(511, Math.min(4096, Math.ceil(expectedPeers * 1.25)))
}

/**
 * Creates (and by default starts) a node.
 *
 * @example
 * const node = await createNode({ identityPath: 'data/peer.key', listen: ['/ip4/0.0.0.0/tcp/4001'], gossipsub: true })
 * console.log(node.getMultiaddrs().map(String))
 */
export async function createNode (options: CreateNodeOptions = {}): Promise<CotrainNode> {
  const privateKey = importedOnce(options.privateKey ?? (options.identityPath === undefined ? await generateKeyPair('Ed25519') : await loadOrCreateIdentity(options.identityPath)))
  const services: Record<string, (components: any) => unknown> = {
    identify: identify(),
    ping: ping()
  }
  if (options.gossipsub !== undefined && options.gossipsub !== false) {
    services.pubsub = gossipsub({
      // A coordinator announces before any worker has subscribed.
      allowPublishToZeroTopicPeers: true,
      emitSelf: false,
      // No penalty for many peers on one IP address (gossipsub's default:
      // past 10, -5 x the excess squared): a coordinator then graylisted the
      // 14th worker behind one address (a NAT, a lab, every test and benchmark
      // on 127.0.0.1), ignoring its subscription and leaving it out of every
      // announcement. Announcements are signed by the coordinator and checked
      // by the topic validator, so colocated Sybils cannot forge one anyway.
      scoreParams: { IPColocationFactorWeight: 0 },
      ...(options.gossipsub === true ? {} : options.gossipsub)
    })
  }
  const relay = options.relay === undefined ? undefined : relayServer(options.relay)
  if (relay !== undefined) services.relay = relay.service
  const node = await createLibp2p({
    privateKey,
    logger: componentLogger(),
    // Started below, once identify and gossipsub are set up: before any peer can open a stream to it.
    start: false,
    addresses: {
      listen: options.listen ?? ['/ip4/127.0.0.1/tcp/0'],
      announce: options.announce ?? []
    },
    transports: [tcp({ backlog: acceptBacklogFor(options.expectedPeers) }), relayTransport()],
    connectionGater: relay?.gater,
    connectionMonitor: { pingInterval: CONNECTION_PING_INTERVAL_MS },
    connectionEncrypters: [noiseTransport({ cipher: options.noiseCipher, sendBuffers: options.sendBuffers })],
    // A paused stream (FrameReader's backpressure) must hold what the sender
    // still had window for: up to yamux's 16 MiB maximum stream window.
    streamMuxers: [yamuxHalfWindowUpdates({ streamOptions: { maxReadBufferLength: 32 * 1024 * 1024 } })],
    connectionManager: options.expectedPeers === undefined
      ? options.connectionManager
      : { ...connectionLimitsFor(options.expectedPeers), ...options.connectionManager },
    services
  })
  const known = skipKnownProtocolMerges(node.peerStore, Date.now, node.peerId)
  node.addEventListener('peer:disconnect', (evt) => { known.forget(evt.detail) })
  cacheIdentifyAnswers(node.services.identify as Identify)
  const pubsub = (node.services as { pubsub?: GossipSub }).pubsub
  if (pubsub !== undefined) readInboundByEvents(pubsub)
  if (options.start ?? true) {
    try {
      await node.start()
    } catch (err) {
      // What did start is stopped (a listener that bound, a service that ran), so a failed start leaks nothing.
      await Promise.resolve(node.stop()).catch(() => {})
      throw err
    }
  }
  return node as unknown as CotrainNode
}
