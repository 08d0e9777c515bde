/**
 * A node in its own OS process, for cross-process tests and the transfer
 * benchmark: serves join and a deterministic pseudo-random object of `--size`
 * bytes (AES-CTR keystream of `--seed`) over the content protocol, then
 * prints one JSON line `{ multiaddr, peerId, contentId, size }`.
 *
 * node lib/net/testing/serve.ts --identity /tmp/a.key --port 0 --size 33554432 --seed 7
 */
import { parseArgs } from 'node:util'
import { createNode } from '../createNode.ts'
import { startJoinService } from '../join.ts'
import { startContentService } from '../content.ts'
import { contentIdOf } from '../../hash/contentId.ts'
import { seededBlob } from './seededBlob.ts'

const { values } = parseArgs({
  options: {
    identity: { type: 'string' },
    port: { type: 'string', default: '0' },
    size: { type: 'string', default: String(16 * 1024 * 1024) },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string' }
  }
})

const blob = seededBlob(Number(values.size), values.seed)
const contentId = contentIdOf(blob)
const node = await createNode({ identityPath: values.identity, listen: [`/ip4/127.0.0.1/tcp/${values.port}`] })
await startJoinService(node, { onJoin: () => ({}) })
await startContentService(node, {
  provider: (id) => id === contentId ? blob : undefined,
  chunkSize: values.chunk === undefined ? undefined : Number(values.chunk)
})
process.stdout.write(JSON.stringify({ multiaddr: node.getMultiaddrs()[0].toString(), peerId: node.peerId.toString(), contentId, size: blob.byteLength }) + '\n')

const shutdown = (): void => { void Promise.resolve(node.stop()).then(() => process.exit(0)) }
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
process.stdin.on('end', shutdown)
process.stdin.resume()
