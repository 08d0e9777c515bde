/**
 * Shard transfer throughput over loopback between two OS processes, measured
 * in the same run:
 * - into memory: the content protocol over libp2p (TCP + Noise + Yamux,
 *   sha256-verified; fetchContent, as validators fetch deltas), with Noise's
 *   transport cipher in libsodium (the default) and in node:crypto (the
 *   fallback), against raw TCP (node:net) with and without the same sha256;
 * - into a file: the content protocol as the worker fetches shards
 *   (fetchContentToFile: hash-checked, resumable, fsynced), against raw TCP
 *   writing each read at its offset as it arrives (nothing awaited until the
 *   end, then fsync: the fastest plain way to land a download on disk).
 * Prints a table and writes benchmarks/results/transfer.json.
 *
 * --source file serves from a file, read chunk by chunk (the content
 * service's file cache off), as a coordinator serves what it cannot hold.
 *
 * npm run bench:transfer -- --size 128 --repeats 3 [--chunks 262144,524288,1048576] [--ciphers libsodium,node] [--to memory,file] [--source memory|file]
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { multiaddr } from '@multiformats/multiaddr'
import { createNode } from '../lib/net/createNode.ts'
import { fetchContent, fetchContentToFile, startContentService } from '../lib/net/content.ts'
import { contentIdOf } from '../lib/hash/contentId.ts'
import { CONTENT_CHUNK_BYTES } from '../lib/net/constants.ts'
import { drained } from '../lib/net/frames.ts'
import { libsodiumChaChaPoly, nodeCryptoChaChaPoly } from '../lib/net/chachaPoly.ts'
import type { ChaChaPoly } from '../lib/net/chachaPoly.ts'
import { seededBlob } from '../lib/net/testing/seededBlob.ts'
import type { Libp2p } from '@libp2p/interface'

const MiB = 1024 * 1024
const BARE_PROTOCOL = '/cotrain/bench/bare/1.0.0'
const HERE = fileURLToPath(import.meta.url)

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    size: { type: 'string', default: '128' },
    repeats: { type: 'string', default: '3' },
    chunks: { type: 'string', default: String(CONTENT_CHUNK_BYTES) },
    ciphers: { type: 'string', default: 'libsodium,node' },
    cipher: { type: 'string', default: 'libsodium' },
    to: { type: 'string', default: 'memory,file' },
    source: { type: 'string', default: 'memory' },
    out: { type: 'string', default: join(dirname(HERE), 'results', 'transfer.json') }
  }
})
const size = Number(values.size) * MiB
if (values.source !== 'memory' && values.source !== 'file') throw new Error(`--source takes memory or file, got ${values.source}`)

function cipherNamed (name: string): ChaChaPoly {
  const cipher = name === 'node' ? nodeCryptoChaChaPoly() : name === 'libsodium' ? libsodiumChaChaPoly() : undefined
  if (cipher === undefined) throw new Error(`cipher ${name} is not available here (libsodium, node)`)
  return cipher
}

if (values.serve) {
  // Server process: raw TCP and libp2p serving the same bytes.
  const blob = seededBlob(size, 'bench')
  const raw = createServer((socket) => { socket.end(blob) })
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
  const node = await createNode({ noiseCipher: cipherNamed(values.cipher) })
  const id = contentIdOf(blob)
  const chunkSize = Number(values.chunks.split(',')[0])
  // --source file: served from a file, as the coordinator serves shards and weights from its blob store.
  let source: Uint8Array | { path: string } = blob
  if (values.source === 'file') {
    const dir = mkdtempSync(join(tmpdir(), 'cotrain-transfer-source-'))
    writeFileSync(join(dir, id), blob)
    source = { path: join(dir, id) }
    process.on('exit', () => { rmSync(dir, { recursive: true, force: true }) })
  }
  await startContentService(node, { provider: (c) => c === id ? source : undefined, chunkSize, fileCache: false })
  // libp2p's own ceiling: the same bytes on a bare stream, no framing, no hash.
  await node.handle(BARE_PROTOCOL, async (stream) => {
    for (let at = 0; at < blob.byteLength; at += 64 * 1024) {
      if (!stream.send(blob.subarray(at, at + 64 * 1024))) await drained(stream)
    }
    await stream.close()
  })
  const port = (raw.address() as { port: number }).port
  process.stdout.write(JSON.stringify({ port, multiaddr: node.getMultiaddrs()[0].toString(), contentId: id }) + '\n')
  // "cpu" on stdin: reply with this process's CPU time so far (µs), for the sender's cost per MB.
  const commands = createInterface({ input: process.stdin })
  commands.on('line', () => { process.stdout.write(JSON.stringify(process.cpuUsage()) + '\n') })
  commands.on('close', () => process.exit(0))
} else {
  await runBenchmark()
}

interface Server { child: ChildProcess, port: number, multiaddr: string, contentId: string, cpuMicros: () => Promise<number> }

async function startServer (chunkSize: number, cipher: string): Promise<Server> {
  const child = spawn(process.execPath, [HERE, '--serve', '--size', values.size, '--chunks', String(chunkSize), '--cipher', cipher, '--source', values.source], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  const exited = new Promise<never>((_resolve, reject) => { child.once('exit', (code) => { reject(new Error(`server exited with ${code}`)) }) })
  const nextLine = async (): Promise<string> => (await Promise.race([lines.next(), exited])).value as string
  const ready = JSON.parse(await nextLine())
  const cpuMicros = async (): Promise<number> => {
    child.stdin!.write('cpu\n')
    const usage = JSON.parse(await nextLine()) as NodeJS.CpuUsage
    return usage.user + usage.system
  }
  return { child, ...ready, cpuMicros }
}

/** One transfer's wall time and the CPU time each side spent on it. */
interface Run { ms: number, receiverCpuMs: number, senderCpuMs: number }

async function timed (server: Server, transfer: () => Promise<unknown>): Promise<Run> {
  const senderBefore = await server.cpuMicros()
  const before = process.cpuUsage()
  const start = performance.now()
  await transfer()
  const ms = performance.now() - start
  const used = process.cpuUsage(before)
  return { ms, receiverCpuMs: (used.user + used.system) / 1000, senderCpuMs: (await server.cpuMicros() - senderBefore) / 1000 }
}

/** Reads everything the raw server sends into one buffer; optionally hashes it as it arrives. */
async function rawTcp (port: number, hash: boolean): Promise<void> {
  const out = new Uint8Array(size)
  const h = hash ? createHash('sha256') : undefined
  await new Promise<void>((resolve, reject) => {
    let at = 0
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.on('data', (d: Buffer) => { out.set(d, at); at += d.byteLength; h?.update(d) })
    socket.on('end', () => { at === size ? resolve() : reject(new Error(`got ${at} of ${size} bytes`)) })
    socket.on('error', reject)
  })
  h?.digest()
}

/**
 * Writes everything the raw server sends into `path`, each read at its
 * offset as it arrives with no write awaited until the end, then fsyncs.
 */
async function rawTcpToFile (port: number, path: string): Promise<void> {
  const fh = await open(path, 'w')
  try {
    const writes: Array<Promise<unknown>> = []
    let at = 0
    await new Promise<void>((resolve, reject) => {
      const socket = createConnection({ port, host: '127.0.0.1' })
      socket.on('data', (d: Buffer) => { writes.push(fh.write(d, 0, d.byteLength, at)); at += d.byteLength })
      socket.on('end', () => { at === size ? resolve() : reject(new Error(`got ${at} of ${size} bytes`)) })
      socket.on('error', reject)
    })
    await Promise.all(writes)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Reads a bare libp2p stream to its end, counting bytes. */
async function bareStream (node: Libp2p, addr: string): Promise<void> {
  const stream = await node.dialProtocol(multiaddr(addr), BARE_PROTOCOL)
  let got = 0
  await new Promise<void>((resolve) => {
    stream.addEventListener('message', (e) => { got += e.data.byteLength })
    stream.addEventListener('remoteCloseWrite', () => { resolve() })
  })
  await stream.close()
  if (got !== size) throw new Error(`got ${got} of ${size} bytes`)
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

type Destination = 'memory' | 'file'

async function runBenchmark (): Promise<void> {
  const repeats = Number(values.repeats)
  const chunkSizes = values.chunks.split(',').map(Number)
  const destinations = values.to.split(',') as Destination[]
  for (const d of destinations) if (d !== 'memory' && d !== 'file') throw new Error(`--to takes memory and/or file, got ${d}`)
  const rows: Array<{ method: string, to: Destination, chunkBytes?: number, mbPerS: number[], median: number, best: number, receiverCpuMsPerMB: number, senderCpuMsPerMB: number }> = []
  const sizeMB = size / 1e6
  const record = (method: string, to: Destination, runs: Run[], chunkBytes?: number): void => {
    if (runs.length === 0) return
    const speeds = runs.map((r) => sizeMB / (r.ms / 1000))
    rows.push({
      method,
      to,
      chunkBytes,
      mbPerS: speeds.map((s) => Math.round(s)),
      median: Math.round(median(speeds)),
      best: Math.round(Math.max(...speeds)),
      receiverCpuMsPerMB: Number(median(runs.map((r) => r.receiverCpuMs / sizeMB)).toFixed(2)),
      senderCpuMsPerMB: Number(median(runs.map((r) => r.senderCpuMs / sizeMB)).toFixed(2))
    })
  }
  const toMemory = destinations.includes('memory')
  const toFile = destinations.includes('file')
  const scratch = mkdtempSync(join(tmpdir(), 'cotrain-transfer-'))
  const target = join(scratch, 'object.bin')
  const loadBefore = loadavg()[0]
  const rawRuns: Run[] = []
  const rawHashRuns: Run[] = []
  const rawFileRuns: Run[] = []
  const bareRuns: Run[] = []
  const ciphers = values.ciphers.split(',')
  // One client node per cipher, so each content row runs Noise on both ends with that cipher.
  const clients = await Promise.all(ciphers.map(async (name) => await createNode({ noiseCipher: cipherNamed(name) })))
  try {
    for (const chunkSize of chunkSizes) {
      const servers = await Promise.all(ciphers.map(async (name) => await startServer(chunkSize, name)))
      const first = servers[0]
      const p2pRuns: Run[][] = ciphers.map(() => [])
      const p2pFileRuns: Run[] = []
      const fetchers = servers.map((server, i) => async (): Promise<unknown> => await fetchContent(clients[i], multiaddr(server.multiaddr), server.contentId, { maxSize: size }))
      // The worker's shard path, with the default cipher.
      const fetchToFile = async (): Promise<unknown> => await fetchContentToFile(clients[0], multiaddr(first.multiaddr), first.contentId, target, { maxSize: size })
      // Each file run starts from no file; deleting it is not timed.
      const timedToFile = async (transfer: () => Promise<unknown>): Promise<Run> => {
        const run = await timed(first, transfer)
        await rm(target, { force: true })
        return run
      }
      // Warm up every path (JIT, connection, yamux window growth).
      await rawTcp(first.port, false)
      await bareStream(clients[0], first.multiaddr)
      for (const fetch of fetchers) await fetch()
      if (toFile) { await timedToFile(async () => { await rawTcpToFile(first.port, target) }); await timedToFile(fetchToFile) }
      for (let r = 0; r < repeats; r++) {
        // Interleave the methods so background load hits them alike.
        if (toMemory) {
          rawRuns.push(await timed(first, async () => { await rawTcp(first.port, false) }))
          rawHashRuns.push(await timed(first, async () => { await rawTcp(first.port, true) }))
          bareRuns.push(await timed(first, async () => { await bareStream(clients[0], first.multiaddr) }))
          for (let i = 0; i < servers.length; i++) p2pRuns[i].push(await timed(servers[i], fetchers[i]))
        }
        if (toFile) {
          rawFileRuns.push(await timedToFile(async () => { await rawTcpToFile(first.port, target) }))
          p2pFileRuns.push(await timedToFile(fetchToFile))
        }
      }
      ciphers.forEach((name, i) => { record(`libp2p content protocol (noise/${name}+yamux, sha256)`, 'memory', p2pRuns[i], chunkSize) })
      record(`libp2p content protocol to file (noise/${ciphers[0]}+yamux, sha256, fsync)`, 'file', p2pFileRuns, chunkSize)
      for (const server of servers) server.child.stdin!.end()
    }
  } finally {
    for (const client of clients) await client.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
  record(`libp2p bare stream (noise/${ciphers[0]}+yamux, no framing/hash)`, 'memory', bareRuns)
  record('raw TCP (node:net)', 'memory', rawRuns)
  record('raw TCP + sha256', 'memory', rawHashRuns)
  record('raw TCP to file (positional writes, fsync)', 'file', rawFileRuns)

  // Each row is compared with raw TCP into the same destination.
  const rawOf = (to: Destination): number | undefined => rows.find((r) => r.to === to && r.method.startsWith('raw TCP ') && !r.method.includes('sha256'))?.median
  const table = rows.map((r) => ({
    method: r.method,
    to: r.to,
    chunk: r.chunkBytes === undefined ? '-' : `${r.chunkBytes / 1024} KiB`,
    'MB/s median': r.median,
    'MB/s best': r.best,
    'vs raw': (r.median / rawOf(r.to)!).toFixed(2),
    'CPU ms/MB recv': r.receiverCpuMsPerMB,
    'CPU ms/MB send': r.senderCpuMsPerMB
  }))
  console.log(`transfer of ${values.size} MiB over loopback, ${repeats} runs each (${cpus().length} cores, load ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after)`)
  console.table(table)
  // The goal is judged on the cipher a node picks by default (the first listed).
  const bestOf = (to: Destination): number => Math.max(...rows.filter((r) => r.to === to && r.chunkBytes !== undefined && r.method.includes(`noise/${ciphers[0]}+`)).map((r) => r.median))
  const ratios: { memory?: number, file?: number, memoryVsRawWithSha256?: number } = {}
  if (toMemory) {
    const rawHash = rows.find((r) => r.method === 'raw TCP + sha256')!.median
    ratios.memory = bestOf('memory') / rawOf('memory')!
    ratios.memoryVsRawWithSha256 = bestOf('memory') / rawHash
    console.log(`into memory: content protocol (${ciphers[0]}) / raw TCP = ${ratios.memory.toFixed(2)} (goal >= 0.5); / raw TCP + sha256 = ${ratios.memoryVsRawWithSha256.toFixed(2)}`)
  }
  if (toFile) {
    ratios.file = bestOf('file') / rawOf('file')!
    console.log(`into a file (the worker's shard path): content protocol (${ciphers[0]}) / raw TCP = ${ratios.file.toFixed(2)} (goal >= 0.5)`)
  }
  console.log('CPU ms/MB: CPU time (user + system, all threads) each process spent per MB moved; where sender and receiver share the cores, their sum bounds the speed')
  const round3 = (x: number | undefined): number | undefined => x === undefined ? undefined : Number(x.toFixed(3))
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, JSON.stringify({
    benchmark: 'transfer',
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    sizeMiB: Number(values.size),
    repeats,
    results: rows,
    ratio: round3(ratios.memory),
    ratioVsRawWithSha256: round3(ratios.memoryVsRawWithSha256),
    ratioToFile: round3(ratios.file),
    note: 'medians; the machine is shared with other jobs, see loadAverage'
  }, null, 2) + '\n')
  console.log(`wrote ${values.out}`)
}
