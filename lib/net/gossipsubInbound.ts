/**
 * Gossipsub (@libp2p/gossipsub 17) reads each peer's inbound stream through
 * a stack of async iterators: the stream's own (a pushable and three event
 * listeners), it-length-prefixed's decoder and two it-pipe stages, all
 * suspended for as long as the peer stays connected. That stack is about
 * 8 KB of heap per connected peer (measured: an idle stream held open costs
 * 4.8 KB, the same stream iterated 13 KB), which on a coordinator is 8 MB
 * for 1,000 workers, for a stream that carries a worker's subscription and
 * little else.
 *
 * This reads the stream from its 'message' events instead (libp2p 3's own
 * read API; data that arrives first is buffered until a listener is added),
 * frames it with @libp2p/utils' length-prefixed decoder under the same
 * size limit, and hands each RPC to gossipsub's own decode and handler, as
 * its read loop does: a bad RPC is logged and skipped, a framing error or a
 * stream that fails drops the peer (gossipsub's handlePeerReadStreamError),
 * a remote that closes its end just ends the reading.
 *
 * It replaces one method of the instance, and only when the private members
 * it uses are there with the shapes it expects (the version is pinned in
 * package.json); otherwise gossipsub is left as it is.
 */
import { LengthPrefixedDecoder } from '@libp2p/utils'
import type { GossipSub } from '@libp2p/gossipsub'
import type { PeerId, Stream, StreamCloseEvent, StreamMessageEvent } from '@libp2p/interface'

/** it-length-prefixed's default, which gossipsub's reader uses when maxInboundDataLength is not set. */
const MAX_DATA_LENGTH = 4 * 1024 * 1024

/** What gossipsub's stop() and removePeer() call on an entry of streamsInbound. */
interface InboundReader {
  close: () => Promise<void>
}

/** The private members of @libp2p/gossipsub's GossipSub this relies on. */
interface GossipSubInternals {
  isStarted: () => boolean
  peers: Map<string, PeerId>
  streamsInbound: Map<string, InboundReader>
  opts: { maxInboundDataLength?: number, awaitRpcHandler?: boolean }
  decodeRpc: (bytes: Uint8Array) => unknown
  handleReceivedRpc: (from: PeerId, rpc: unknown) => Promise<void>
  handlePeerReadStreamError: (err: unknown, peerId: PeerId) => void
  createInboundStream: (peerId: PeerId, stream: Stream) => void
  metrics?: { onRpcRecv: (rpc: unknown, bytes: number) => void, onRpcRecvError: () => void, onRpcDataError: () => void, onPeerReadStreamError: () => void } | null
  log: ((...args: unknown[]) => void) & { error: (...args: unknown[]) => void }
}

/**
 * Makes `pubsub` read inbound streams from their message events; returns
 * whether it did (false: this gossipsub's internals are not the ones this
 * was written for, or it awaits each RPC handler, which this does not).
 *
 * @example
 * readInboundByEvents(node.services.pubsub)
 */
export function readInboundByEvents (pubsub: GossipSub): boolean {
  const g = pubsub as unknown as GossipSubInternals
  const methods = [g.isStarted, g.decodeRpc, g.handleReceivedRpc, g.handlePeerReadStreamError, g.createInboundStream]
  if (methods.some((m) => typeof m !== 'function') || !(g.peers instanceof Map) || !(g.streamsInbound instanceof Map) || typeof g.opts !== 'object') return false
  if (g.opts.awaitRpcHandler === true) return false
  g.createInboundStream = (peerId: PeerId, stream: Stream): void => {
    if (!g.isStarted()) return
    const id = peerId.toString()
    if (!g.peers.has(id)) return
    // As gossipsub: a new inbound stream from a peer replaces the one it had.
    g.streamsInbound.get(id)?.close().catch((err) => { g.log.error(err) })
    g.streamsInbound.set(id, readInbound(g, peerId, stream))
  }
  return true
}

function readInbound (g: GossipSubInternals, peerId: PeerId, stream: Stream): InboundReader {
  const maxDataLength = g.opts.maxInboundDataLength ?? MAX_DATA_LENGTH
  // Room for a whole frame of the largest size and what arrived behind it.
  const decoder = new LengthPrefixedDecoder({ maxDataLength, maxBufferSize: 2 * maxDataLength })
  const stop = (): void => {
    stream.removeEventListener('message', onMessage)
    stream.removeEventListener('close', onClose)
    stream.removeEventListener('remoteCloseWrite', stop)
  }
  const failed = (err: unknown): void => {
    stop()
    g.metrics?.onPeerReadStreamError()
    g.handlePeerReadStreamError(err, peerId)
  }
  const onMessage = (evt: StreamMessageEvent): void => {
    let frames: Iterable<{ subarray: () => Uint8Array }>
    try {
      frames = [...decoder.decode(evt.data)]
    } catch (err) {
      failed(err)
      return
    }
    for (const frame of frames) {
      const bytes = frame.subarray()
      let rpc: unknown
      try {
        rpc = g.decodeRpc(bytes)
      } catch (err) {
        g.metrics?.onRpcDataError()
        g.log(err)
        continue
      }
      g.metrics?.onRpcRecv(rpc, bytes.length)
      g.handleReceivedRpc(peerId, rpc).catch((err) => {
        g.metrics?.onRpcRecvError()
        g.log(err)
      })
    }
  }
  const onClose = (evt: StreamCloseEvent): void => {
    if (evt.error != null) failed(evt.error)
    else stop()
  }
  stream.addEventListener('message', onMessage)
  stream.addEventListener('close', onClose)
  stream.addEventListener('remoteCloseWrite', stop)
  return {
    close: async () => {
      await stream.close().catch((err: Error) => { stream.abort(err) })
    }
  }
}
