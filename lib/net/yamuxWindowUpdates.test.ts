import assert from 'node:assert/strict'
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import type { Stream } from '@libp2p/interface'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { joinProtocol } from './join.ts'
import { sendRequest, startAnsweringService } from './protocol.ts'
import { sampleJoin } from './testing/sampleMessages.ts'

/** Counts the socket writes of `node`'s side of its TCP connections while `body` runs. */
async function socketWritesOf (node: CotrainNode, body: () => Promise<void>): Promise<number> {
  const ports = new Set(node.getMultiaddrs().map((a) => Number(a.toString().split('/')[4])))
  const write = net.Socket.prototype.write
  let writes = 0
  net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
    if (ports.has(this.localPort ?? -1)) writes++
    return (write as (...a: unknown[]) => boolean).apply(this, args)
  } as typeof write
  try {
    await body()
    // What the body's last tick queued.
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    net.Socket.prototype.write = write
  }
  return writes
}

describe('yamuxHalfWindowUpdates', function () {
  this.timeout(30_000)
  let server: CotrainNode
  let client: CotrainNode

  before(async () => {
    server = await createNode()
    client = await createNode()
  })

  after(async () => {
    await client?.stop()
    await server?.stop()
  })

  it('answers a request in two socket writes: the protocol\'s acceptance, then the reply with the close', async () => {
    const protocol = { ...joinProtocol, id: '/cotrain/test-window/1.0.0' }
    const service = await startAnsweringService(server, protocol, () => { throw new Error('refused') })
    try {
      const req = await sampleJoin(client.peerId, server.peerId)
      const ask = async (): Promise<void> => { await sendRequest(client, server.getMultiaddrs()[0], protocol, req).catch(() => {}) }
      await ask()
      const requests = 10
      const writes = await socketWritesOf(server, async () => { for (let i = 0; i < requests; i++) await ask() })
      // Stock yamux sent a window update after multistream-select's header and another after the request: 4.
      assert.equal(writes / requests, 2)
    } finally {
      await service.stop()
    }
  })

  it('still refills the sender\'s window in a bulk transfer, in steps of half a window or more', async () => {
    const bytes = randomBytes(8 * 1024 * 1024)
    const received: Uint8Array[] = []
    let done: () => void = () => {}
    const finished = new Promise<void>((resolve) => { done = resolve })
    await server.handle('/cotrain/test-bulk/1.0.0', async (stream: Stream) => {
      for await (const chunk of stream) received.push(chunk.subarray())
      done()
    })
    try {
      const stream = await client.dialProtocol(server.getMultiaddrs()[0], '/cotrain/test-bulk/1.0.0')
      const writes = await socketWritesOf(server, async () => {
        for (let at = 0; at < bytes.byteLength; at += 64 * 1024) {
          if (!stream.send(bytes.subarray(at, at + 64 * 1024))) await new Promise((resolve) => stream.addEventListener('drain', resolve, { once: true }))
        }
        await stream.close()
        await finished
      })
      assert.ok(Buffer.concat(received).equals(bytes), 'every byte arrives, in order')
      // The receiver writes only window updates: some (or the sender would have stalled at its first window), and
      // fewer than one per 64 KiB data frame, which stock yamux sends (128 here).
      assert.ok(writes >= 1 && writes < 40, `${writes} writes`)
    } finally {
      await server.unhandle('/cotrain/test-bulk/1.0.0')
    }
  })
})
