/**
 * Test client that writes arbitrary bytes on a protocol stream and returns
 * the first reply frame (or null when the stream ended without one): for
 * malformed, oversized and fuzzed requests that the real clients refuse to send.
 */
import { lpStream } from '@libp2p/utils'
import type { Libp2p, PeerId } from '@libp2p/interface'
import { varint } from '../frames.ts'

export { varint }

export async function rawRequest (node: Libp2p, peer: PeerId, protocol: string, bytes: Uint8Array, options: { maxReply?: number, timeoutMs?: number } = {}): Promise<Uint8Array | null> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5_000)
  const stream = await node.dialProtocol(peer, protocol, { signal })
  const lp = lpStream(stream, { maxDataLength: options.maxReply ?? 2 * 1024 * 1024, maxBufferSize: 8 * 1024 * 1024 })
  try {
    if (bytes.byteLength > 0 && !stream.send(bytes)) {
      await new Promise((resolve, reject) => {
        stream.addEventListener('drain', resolve, { once: true })
        stream.addEventListener('close', reject, { once: true })
      })
    }
    // Half-close: whatever was sent is the whole request.
    await stream.close({ signal })
    try {
      return (await lp.read({ signal })).subarray()
    } catch (err) {
      if ((err as Error).name === 'UnexpectedEOFError') return null
      throw err
    }
  } finally {
    stream.abort(new Error('done'))
  }
}

/** `body` with its length prefix. */
export function framed (body: Uint8Array): Uint8Array {
  const prefix = varint(body.byteLength)
  const out = new Uint8Array(prefix.byteLength + body.byteLength)
  out.set(prefix)
  out.set(body, prefix.byteLength)
  return out
}
