/**
 * The V8 heap one connected worker costs a coordinator's libp2p node, alone:
 * a node made as the coordinator makes it (createNode with gossipsub, the
 * relay server and its connection limits) in one process, and --peers light
 * workers in another that connect, identify, subscribe to the round
 * announcements and make one request each, as a joining worker does. The
 * coordinator's heap is read after two full collections before and after
 * they connect, so what is counted is what each connection keeps, not
 * garbage. Takes seconds; bench:scale measures the same thing in a whole
 * round, where it is one part of a noisier curve.
 *
 *     node benchmarks/connectionMemory.ts [--peers 150] [--out FILE]
 *
 * Prints a table and writes benchmarks/results/connection-memory.json.
 */
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { ANNOUNCEMENT_TOPIC, WORKER_EXPECTED_PEERS, createNode, subscribeRoundAnnouncements, type CotrainNode } from '../lib/net/index.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const SELF = fileURLToPath(import.meta.url)
const PROTOCOL = '/cotrain/bench-connection/1.0.0'
/** Each side gives up after this long, so the benchmark always ends. */
const DEADLINE_MS = 120_000

const { values } = parseArgs({ options: { role: { type: 'string' }, peers: { type: 'string', default: '150' }, target: { type: 'string' }, out: { type: 'string', default: join(HERE, 'results', 'connection-memory.json') } } })
const peers = Number(values.peers)
if (!Number.isInteger(peers) || peers < 10 || peers > 2000) throw new Error(`--peers takes an integer from 10 to 2000, got ${values.peers}`)

interface Reading { heapUsed: number, connections: number, subscribers: number }

const sleep = async (ms: number): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, ms)) }

/** The message a child sends its parent next, or an error if it exits or the deadline passes first. */
async function next<T> (child: ChildProcess): Promise<T> {
  return await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('no answer from a child process within the deadline')) }, DEADLINE_MS)
    child.once('message', (m) => { clearTimeout(timer); resolve(m as T) })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`a child process exited (code ${String(code)}) before answering`)) })
  })
}

async function coordinatorRole (): Promise<void> {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const heapUsed = (): number => { gc(); gc(); return process.memoryUsage().heapUsed }
  const node = await createNode({ gossipsub: true, expectedPeers: 1000, relay: { allow: () => true, maxReservations: 1000 } })
  await node.handle(PROTOCOL, async (stream) => { await stream.close() })
  const read = (): Reading => ({ heapUsed: heapUsed(), connections: node.getConnections().length, subscribers: node.services.pubsub?.getSubscribers(ANNOUNCEMENT_TOPIC).length ?? 0 })
  await sleep(500)
  process.send?.({ address: node.getMultiaddrs()[0].toString(), before: read() })
  process.once('message', () => {
    // Identify and the subscriptions settle after the last request returns.
    void sleep(3000).then(async () => {
      process.send?.(read())
      await node.stop()
      process.exit(0)
    })
  })
}

async function workersRole (): Promise<void> {
  const target = multiaddr(values.target ?? '')
  const coordinator = peerIdFromString(target.getComponents().find((c) => c.name === 'p2p')?.value ?? '')
  const nodes: CotrainNode[] = []
  for (let i = 0; i < peers; i++) {
    const node = await createNode({ expectedPeers: WORKER_EXPECTED_PEERS, gossipsub: true })
    subscribeRoundAnnouncements(node, { coordinator, onAnnouncement: () => {} })
    nodes.push(node)
  }
  // In groups, as a fleet arrives; each makes one request, as a join is.
  for (let i = 0; i < nodes.length; i += 20) {
    await Promise.all(nodes.slice(i, i + 20).map(async (node) => {
      const stream = await node.dialProtocol(target, PROTOCOL, { signal: AbortSignal.timeout(30_000) })
      await stream.close()
    }))
  }
  process.send?.('connected')
  // Held until the parent has read the coordinator's heap and ends this process.
  await sleep(DEADLINE_MS)
}

if (values.role === 'coordinator') {
  await coordinatorRole()
} else if (values.role === 'workers') {
  await workersRole()
} else {
  const coordinator = fork(SELF, ['--role', 'coordinator'], { stdio: 'inherit' })
  let workers: ChildProcess | undefined
  try {
    const ready = await next<{ address: string, before: Reading }>(coordinator)
    workers = fork(SELF, ['--role', 'workers', '--peers', String(peers), '--target', ready.address], { stdio: 'inherit' })
    await next(workers)
    coordinator.send('read')
    const after = await next<Reading>(coordinator)
    if (after.connections < peers || after.subscribers < peers) throw new Error(`only ${after.connections} of ${peers} workers connected and ${after.subscribers} subscribed`)
    const perConnectionKB = (after.heapUsed - ready.before.heapUsed) / peers / 1024
    const row = { peers, heapBeforeMiB: ready.before.heapUsed / 2 ** 20, heapAfterMiB: after.heapUsed / 2 ** 20, perConnectionKB, connections: after.connections, subscribers: after.subscribers }
    console.log('| peers | heap before MiB | heap after MiB | KB per connection |\n|---|---|---|---|')
    console.log(`| ${peers} | ${row.heapBeforeMiB.toFixed(1)} | ${row.heapAfterMiB.toFixed(1)} | ${perConnectionKB.toFixed(1)} |`)
    mkdirSync(dirname(values.out), { recursive: true })
    writeFileSync(values.out, JSON.stringify({ benchmark: 'connection-memory', node: process.version, cpus: cpus().length, loadavg: loadavg(), rows: [row] }, null, 2) + '\n')
    console.log(`wrote ${values.out}`)
  } finally {
    workers?.kill()
    coordinator.kill()
  }
}
