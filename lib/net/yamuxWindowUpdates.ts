/**
 * Yamux whose streams tell the sender about freed receive window once half
 * of it is used, as Go's yamux (the reference implementation) does, instead
 * of after every data frame as @libp2p/yamux 8 does. For a request of a few
 * hundred bytes that update was a frame, a Noise message and a socket write
 * of its own, twice per stream (after multistream-select's header and after
 * the request, each in a tick of its own), for a window that was nowhere
 * near used: half the coordinator's socket writes per request.
 *
 * A stream's first update after the other side opened it also carries the
 * ACK flag; held back, the ACK goes with the stream's first data or its
 * close instead, which the yamux spec allows ("may be sent with a data or
 * window update message") and @libp2p/yamux only uses to mark the stream
 * established. A stream that opens (SYN), or resumes after a pause once
 * half its window is used, sends its update as before.
 *
 * On the wire this is plain yamux: any peer's sender just sees its window
 * refilled later and in larger steps.
 */
import { yamux } from '@libp2p/yamux'
import type { YamuxMuxerInit } from '@libp2p/yamux'
import { StreamState, YamuxStream } from '@libp2p/yamux/stream'
import type { StreamMuxer, StreamMuxerFactory, MultiaddrConnection } from '@libp2p/interface'

const stockUpdate = YamuxStream.prototype.sendWindowUpdate

/** The window counts @libp2p/yamux keeps private. */
interface Window {
  state: StreamState
  recvWindow: number
  recvWindowCapacity: number
}

function halfWindowUpdate (this: YamuxStream): void {
  const { state, recvWindow, recvWindowCapacity } = this as unknown as Window
  const settled = state === StreamState.Established || state === StreamState.SYNReceived || state === StreamState.SYNSent
  if (settled && (recvWindow - recvWindowCapacity) * 2 < recvWindow) return
  stockUpdate.call(this)
}

/**
 * `yamux(init)` for libp2p's `streamMuxers`, with window updates at half
 * the window.
 *
 * @example
 * createLibp2p({ streamMuxers: [yamuxHalfWindowUpdates()], ... })
 */
export function yamuxHalfWindowUpdates (init: YamuxMuxerInit = {}): () => StreamMuxerFactory {
  const stock = yamux(init)
  return () => {
    const factory = stock()
    const createStreamMuxer = (maConn: MultiaddrConnection): StreamMuxer => {
      const muxer = factory.createStreamMuxer(maConn) as unknown as StreamMuxer & { _newStream?: (...args: unknown[]) => YamuxStream }
      const newStream = muxer._newStream?.bind(muxer)
      if (typeof newStream !== 'function') throw new TypeError('@libp2p/yamux no longer has _newStream: check the pinned version')
      muxer._newStream = (...args: unknown[]): YamuxStream => {
        const stream = newStream(...args)
        stream.sendWindowUpdate = halfWindowUpdate
        return stream
      }
      return muxer
    }
    return Object.assign(Object.create(factory) as StreamMuxerFactory, { createStreamMuxer })
  }
}
