/**
 * One coordinator against N light workers that speak the real protocol:
 * real libp2p nodes (TCP, Noise, Yamux) in a few worker processes, real
 * join (signed binding), assign polling, content fetches of the model and
 * the shard (hash-checked) and submissions (int8 delta, commitment,
 * leaves); the coordinator is the real CoordinatorService in its own process
 * (SQLite store, round loop, aggregation, evaluation). Training is skipped
 * (each worker sends a small seeded delta), replay verification is off and
 * there is no chain: this measures the coordinator's own costs as N grows.
 *
 * Per N: time to join all, time to serve everyone the model and shards,
 * time from the last submission to the next global model, coordinator CPU
 * seconds and CPU per worker, peak RSS, bytes served, errors.
 * Prints a table and writes benchmarks/results/scale.json.
 *
 * npm run bench:scale -- --workers 100,500,1000 [--procs 2] [--timeout 900] [--total-timeout 2400] [--cpu-prof DIR] [--heap-snapshot DIR] [--swarm on|off|on,off]
 *
 * --swarm on (the default): swarm distribution, as real workers do it: each
 * light worker serves the model and shard it fetched, reports them over
 * /cotrain/have, and fetches from the providers its assignment names before
 * the coordinator. off: every worker fetches everything from the coordinator.
 * on,off runs every size both ways.
 *
 * Memory: the coordinator runs with the node flags `npm run coordinator`
 * uses (coordinator/nodeFlags.ts), and samples its RSS, V8 heap, external and
 * ArrayBuffer memory every second; each row has RSS at ready (before any
 * worker), once all joined, the peak (the kernel's high-water mark), the
 * sample at the highest RSS with its round state, and the per-worker slope
 * (joined minus ready, over N). --heap-snapshot DIR writes V8 heap snapshots
 * of the coordinator at ready, all joined, half the updates in and round done (open in Chrome
 * DevTools; compare two sizes to see what each worker costs). Writing one
 * stops the coordinator for seconds, so its times and CPU are not comparable.
 *
 * --timeout bounds each N, --total-timeout the whole run: a size that would
 * start past it is reported as not run, so the benchmark always ends and
 * writes its JSON.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeHeapSnapshot } from 'node:v8'
import { multiaddr } from '@multiformats/multiaddr'
import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { bytesToHex, hexToBytes } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { sha256Hex } from '../lib/hash/sha256.ts'
import {
  ErrorCode, ProtocolError, WORKER_EXPECTED_PEERS, createNode, fetchFromSwarm, hyperParamsFromWire, reportHave, requestAssignment, requestJoin, retryWithBackoff, startContentService, submitUpdate, subscribeRoundAnnouncements, toContentId, type ContentId, type CotrainNode, type ProviderRef
} from '../lib/net/index.ts'
import { computeCommitment } from '../lib/proof/commitment.ts'
import { deltaHash, encodeDelta, quantizeDelta } from '../lib/proof/delta.ts'
import { deltaToWire } from '../lib/proof/deltaWire.ts'
import { checkpointCount, type TrainingHyperParams } from '../lib/training/hyperParams.ts'
import { AnnouncementWait } from '../worker/node/AnnouncementWait.ts'
import { COORDINATOR_NODE_FLAGS } from '../coordinator/nodeFlags.ts'
import { CoordinatorService } from '../coordinator/service/CoordinatorService.ts'

const HERE = fileURLToPath(import.meta.url)
const MiB = 1024 * 1024

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'parent' },
    workers: { type: 'string', default: '100,500,1000' },
    procs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '900' },
    'total-timeout': { type: 'string', default: '2400' },
    'cpu-prof': { type: 'string' },
    'heap-snapshot': { type: 'string' },
    swarm: { type: 'string', default: 'on' },
    'data-dir': { type: 'string' },
    coordinator: { type: 'string' },
    count: { type: 'string' },
    offset: { type: 'string', default: '0' },
    out: { type: 'string', default: join(dirname(HERE), 'results', 'scale.json') }
  }
})

/** The round every N runs: the MLP, a few steps (training is skipped, only the plan's shape matters). */
const TRAINING: Partial<TrainingHyperParams> = { steps: 10, batchSize: 8, checkpointInterval: 5 }

/** One line a process prints for the parent. */
type Line = Record<string, unknown> & { kind: string }

function say (line: Line): void {
  process.stdout.write(JSON.stringify(line) + '\n')
}

// ------------------------------------------------------------ coordinator

async function runCoordinator (): Promise<void> {
  const n = Number(values.workers)
  const service = new CoordinatorService({
    dataDir: values['data-dir'] as string,
    backend: 'wasm',
    maxWorkers: n,
    shards: n,
    testSamples: 500,
    rounds: 1,
    minWorkers: n,
    minUpdates: Math.max(1, Math.floor(n * 0.9)),
    aggregator: 'nesterov',
    training: TRAINING,
    roundTimeoutMs: 600_000,
    verify: async () => ({ accepted: true, score: 50 }),
    swarmSeeds: values.swarm === 'off' ? 0 : 3,
    // Every worker joins before the round starts; a slow fleet is waited for.
    config: { openTimeoutMs: 900_000 }
  })
  let cpuAtReady = process.cpuUsage()
  let joined = 0
  let submissions = 0
  let state = 'starting'
  const snapshot = (name: string): void => {
    const dir = values['heap-snapshot']
    if (dir === undefined) return
    writeHeapSnapshot(join(dir, `coordinator-${n}-${name}.heapsnapshot`))
    // The process's memory map beside it: what of the RSS is outside V8 (malloc arenas, thread stacks, mapped code).
    if (existsSync('/proc/self/smaps')) writeFileSync(join(dir, `coordinator-${n}-${name}.smaps`), readFileSync('/proc/self/smaps'))
  }
  // Sampled every second (and at each event below), so the row can say what the peak was made of and when it came.
  let peak: MemorySample = memorySample(state)
  // The whole curve too (seconds since start, RSS, V8 heap total, external, ArrayBuffers, state): when the peak came and what grew before it.
  const t0 = Date.now()
  const series: MemoryPoint[] = []
  const sample = (): MemorySample => {
    const m = memorySample(state)
    if (m.rssMiB > peak.rssMiB) peak = m
    series.push([Math.round((Date.now() - t0) / 100) / 10, Math.round(m.rssMiB), Math.round(m.heapTotalMiB), Math.round(m.externalMiB), Math.round(m.arrayBuffersMiB), m.state])
    return m
  }
  const sampler = setInterval(sample, 1000)
  service.on('event', (e) => {
    const t = Date.now()
    if (e.event === 'worker:joined') { joined++; if (joined === n) { say({ kind: 'all-joined', t, memory: sample() }); snapshot('joined') } }
    if (e.event === 'round:training') say({ kind: 'training', t })
    if (e.event === 'round:transitioned') { sample(); state = e.to; say({ kind: 'state', t, state: e.to, reason: e.reason.slice(0, 160) }) }
    if (e.event === 'submission:received') { submissions++; say({ kind: 'submission', t }); if (submissions === Math.ceil(n / 2)) snapshot('half-submitted') }
    if (e.event === 'round:done') {
      const cpu = process.cpuUsage(cpuAtReady)
      const metrics = service.metrics.render()
      const served = /cotrain_bytes_served_total(?:\{[^}]*\})? ([0-9.e+]+)/.exec(metrics)
      const assigns = [...metrics.matchAll(/cotrain_assign_requests_total\{[^}]*\} ([0-9.e+]+)/g)].reduce((s, m) => s + Number(m[1]), 0)
      const assignsBy = Object.fromEntries([...metrics.matchAll(/cotrain_assign_requests_total\{answer="([^"]+)"\} ([0-9.e+]+)/g)].map((m) => [m[1], Number(m[2])]))
      sample()
      say({ kind: 'done', t, accepted: e.accepted, cpuS: (cpu.user + cpu.system) / 1e6, maxRssMiB: process.resourceUsage().maxRSS / 1024, memoryAtPeak: peak, memorySeries: series, servedBytes: Number(served?.[1] ?? 0), assigns, assignsBy })
      snapshot('done')
    }
  })
  const info = await service.start()
  cpuAtReady = process.cpuUsage()
  state = 'ready'
  const atReady = sample()
  snapshot('ready')
  // At start the blob folder holds the initial model and the shards: what one copy of the round's content weighs.
  say({ kind: 'ready', t: Date.now(), multiaddr: `${info.multiaddrs[0]}`, peerId: info.peerId, memory: atReady, contentBytes: folderBytes(service.store.blobs.dir) })
  await service.finished
  clearInterval(sampler)
  await new Promise((resolve) => setTimeout(resolve, 500))
  await service.stop()
  process.exit(0)
}

/** One point of the coordinator's memory curve: [s since start, RSS, V8 heap total, external, ArrayBuffers (MiB), round state]. */
type MemoryPoint = [number, number, number, number, number, string]

interface MemorySample { state: string, rssMiB: number, heapUsedMiB: number, heapTotalMiB: number, externalMiB: number, arrayBuffersMiB: number, rssAnonMiB?: number, rssFileMiB?: number }

/**
 * The coordinator's memory at one moment, in MiB, and the round state it was
 * in; on Linux also the RSS split into anonymous memory (V8 heap, malloc) and
 * mapped files (node's binary and libraries).
 */
function memorySample (state: string): MemorySample {
  const m = process.memoryUsage()
  const sample: MemorySample = { state, rssMiB: m.rss / MiB, heapUsedMiB: m.heapUsed / MiB, heapTotalMiB: m.heapTotal / MiB, externalMiB: m.external / MiB, arrayBuffersMiB: m.arrayBuffers / MiB }
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kib = (key: string): number | undefined => { const v = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]; return v === undefined ? undefined : Number(v) / 1024 }
    sample.rssAnonMiB = kib('RssAnon')
    sample.rssFileMiB = kib('RssFile')
  } catch { /* not Linux */ }
  return sample
}

/** Bytes of the files below `dir`. */
function folderBytes (dir: string): number {
  let total = 0
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size
  return total
}

// ---------------------------------------------------------------- workers

interface WorkerResult { joinedAt?: number, assignedAt?: number, servedAt?: number, submittedAt?: number, retries: number, error?: string, firstRetry?: string, firstRetryAtS?: number, heardAnnouncement?: boolean, fromPeersBytes?: number, providerFailures?: number, firstProviderFailure?: string }

async function runWorkers (): Promise<void> {
  const count = Number(values.count)
  const offset = Number(values.offset)
  const target = multiaddr(values.coordinator as string)
  const results: WorkerResult[] = []
  const stop = new AbortController()
  process.on('SIGTERM', () => stop.abort())
  say({ kind: 'started', t: Date.now() })
  const tasks = Array.from({ length: count }, async (_, i) => {
    const r: WorkerResult = { retries: 0 }
    results.push(r)
    // Workers start over a second, as a fleet does, not in one instant.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000))
    let node: CotrainNode | undefined
    try {
      // Sized like a real worker's node: with swarm on it serves other workers, all from this one host.
      node = await createNode({ expectedPeers: WORKER_EXPECTED_PEERS, gossipsub: true })
      await lightWorker(node, target, offset + i, r, stop.signal)
    } catch (err) {
      if (!stop.signal.aborted) r.error = (err as Error).message.split('\n')[0]
    }
    return node
  })
  const nodes = await Promise.all(tasks)
  say({ kind: 'workers', results })
  await Promise.all(nodes.map(async (nd) => { try { await nd?.stop() } catch {} }))
  process.exit(0)
}

async function lightWorker (node: CotrainNode, target: ReturnType<typeof multiaddr>, index: number, r: WorkerResult, signal: AbortSignal): Promise<void> {
  // With swarm on, the worker serves what it fetched (hash-checked) to other workers, from memory.
  const held = values.swarm === 'off' ? undefined : new Map<ContentId, Uint8Array>()
  if (held !== undefined) await startContentService(node, { provider: (id) => held.get(id) })
  const account = privateKeyToAccount(sha256Hex(new TextEncoder().encode(`scale-bench/${index}`)))
  // Each step's retries name the step (and the second since the worker started), so a run's first-retry summary says where the fleet stumbled.
  const t0 = Date.now()
  const retry = (step: string): Parameters<typeof retryWithBackoff>[1] => ({ signal, maxMs: 10_000, onRetry: (err: unknown) => { r.retries++; if (r.firstRetry === undefined) { r.firstRetry = `${step}: ${(err as Error).message.split('\n')[0].slice(0, 120)}`; r.firstRetryAtS = (Date.now() - t0) / 1000 } } })
  const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 8000, gflops: 30, cpuCores: 2, memoryMib: 8000 }
  // As a real worker (worker/node/WorkerNode.ts): subscribed before the join, and a round announcement on gossip ends a wait at once, also one heard while a poll was in flight.
  const heard = new AnnouncementWait()
  subscribeRoundAnnouncements(node, { coordinator: peerIdFromString(target.getComponents().findLast((c) => c.name === 'p2p')?.value ?? ''), onAnnouncement: (ann) => { heard.announced(ann.round) } })
  const { coordinator, accepted } = await retryWithBackoff(async () => await requestJoin(node, target, { signer: account, capabilities }, { timeoutMs: 30_000, signal }), retry('join'))
  r.joinedAt = Date.now()
  const sleep = async (ms: number): Promise<void> => { await heard.wait(ms, signal) }
  // The join says when there is first work to ask for (no round training yet); the announcement ends the wait early.
  await sleep((accepted.retryAfter ?? 0) * 1000 * (0.75 + Math.random() / 2))
  let a: Awaited<ReturnType<typeof requestAssignment>>
  for (;;) {
    heard.mark()
    a = await retryWithBackoff(async () => await requestAssignment(node, coordinator, { round: 0, workerAddress: account.address }, { timeoutMs: 30_000, signal }), retry('assign'))
    if (a.shards.length > 0) break
    await sleep(Math.max(500, a.retryAfter * 1000) * (0.75 + Math.random() / 2))
  }
  r.assignedAt = Date.now()
  r.heardAnnouncement = heard.newest >= a.round
  const ann = a.announcement!
  // Providers the assignment names (swarm on); none: everything comes from the coordinator.
  const named = new Map<ContentId, { size: number, providers: ProviderRef[] }>()
  for (const c of a.providers ?? []) named.set(toContentId(c.contentId!), { size: c.size ?? 0, providers: (c.providers ?? []).map((p) => ({ peerId: p.peerId ?? '', addrs: p.addrs ?? [] })) })
  const ids = [toContentId(ann.modelId!), ...a.shards.map((s) => toContentId(s.contentId!))]
  r.fromPeersBytes = 0
  for (const id of ids) {
    const onProviderFailed = (_p: ProviderRef, err: unknown): void => { r.providerFailures = (r.providerFailures ?? 0) + 1; r.firstProviderFailure ??= [err, (err as Error).cause].filter((e) => e instanceof Error).map((e) => (e as Error).message.split('\n')[0].replace(/0x[0-9a-f]{64}/g, 'ID').slice(0, 100)).join(' / ') }
    const got = await retryWithBackoff(async () => await fetchFromSwarm(node, { contentId: id, size: named.get(id)?.size, providers: named.get(id)?.providers ?? [], coordinator }, { signal, onProviderFailed }), retry('fetch'))
    if (got.provider !== undefined) r.fromPeersBytes += got.value.byteLength
    held?.set(id, got.value)
    // The model at once (the workers waiting for it need it now), then the shards together, as worker/node/RoundRunner.ts does.
    if (held !== undefined && (id === ids[0] || id === ids[ids.length - 1])) {
      const report = id === ids[0] ? [id] : ids.slice(1)
      await retryWithBackoff(async () => await reportHave(node, coordinator, { round: a.round, workerAddress: account.address, contentIds: report }, { timeoutMs: 30_000, signal }), retry('have'))
    }
  }
  r.servedAt = Date.now()
  let retryAfter = 0
  try {
    const ack = await retryWithBackoff(async () => await submitUpdate(node, coordinator, lightSubmission(a.round, account.address, ann, index), { timeoutMs: 60_000, signal }), retry('submit'))
    retryAfter = ack.retryAfter ?? 0
  } catch (err) {
    // A resend after an ack that came too late: the coordinator has the update, and a real worker counts it delivered (worker/node/RoundRunner.ts).
    if (!(err instanceof ProtocolError && err.remote === true && err.code === ErrorCode.ERROR_CODE_DUPLICATE)) throw err
  }
  r.submittedAt = Date.now()
  // Then idle, as a worker waiting for the next round: first as long as the ack said (or until the next round is announced), then poll when the coordinator says to (retryAfter, jittered), as a real worker does, until told to stop.
  if (heard.newest > a.round) retryAfter = 0
  heard.mark()
  while (!signal.aborted) {
    await sleep(Math.max(0.1, retryAfter) * 1000 * (0.75 + Math.random() / 2))
    if (signal.aborted) break
    heard.mark()
    const idle = await requestAssignment(node, coordinator as PeerId, { round: 0, workerAddress: account.address }, { timeoutMs: 30_000, signal }).catch(() => { if (!signal.aborted) r.retries++ })
    if (idle != null) retryAfter = idle.retryAfter
  }
}

/** A valid update without training: a small seeded delta, int8 like a real worker's, with the commitment over it. */
function lightSubmission (round: number, address: `0x${string}`, ann: NonNullable<Awaited<ReturnType<typeof requestAssignment>>['announcement']>, index: number): Parameters<typeof submitUpdate>[2] {
  const plan = hyperParamsFromWire(ann.hyperParameters)
  const numParams = numParamsOf(JSON.parse(ann.modelConfigJson ?? '{}') as { hidden?: number[] })
  const delta = new Float32Array(numParams)
  let x = index + 1
  for (let i = 0; i < numParams; i++) { x = (x * 1103515245 + 12345) >>> 0; delta[i] = ((x >>> 8) / 2 ** 24 - 0.5) * 1e-3 }
  const bytes = encodeDelta(quantizeDelta(delta, plan.deltaChunk))
  const hash = deltaHash(bytes)
  const proofRoot = sha256Hex(new TextEncoder().encode(`root/${index}/${round}`))
  const modelId = bytesToHex(ann.modelId!)
  const leaves = Array.from({ length: checkpointCount(plan) }, () => ({ loss: 1, updateNorm: 0.01 }))
  return {
    round,
    workerAddress: hexToBytes(address),
    baseModelId: ann.modelId,
    commitment: hexToBytes(computeCommitment({ round, startWeightsId: modelId, deltaHash: hash, proofRoot, workerAddress: address })),
    ...deltaToWire(bytes),
    deltaHash: hexToBytes(hash),
    proofRoot: hexToBytes(proofRoot),
    leafCount: leaves.length,
    leaves,
    samples: plan.steps * plan.batchSize,
    contributionId: '',
    txHash: new Uint8Array(0),
    backendClass: 'wasm-simd/tfjs-4.22.0',
    microBatches: 1
  }
}

/** Weights of the MLP 784-hidden-10 (dense layers with biases). */
function numParamsOf (config: { hidden?: number[] }): number {
  const sizes = [784, ...(config.hidden ?? [128]), 10]
  let n = 0
  for (let i = 1; i < sizes.length; i++) n += sizes[i - 1] * sizes[i] + sizes[i]
  return n
}

// ----------------------------------------------------------------- parent

interface ScaleRow {
  workers: number
  /** Swarm distribution on (workers serve each other) or off (everything from the coordinator). */
  swarm: boolean
  completed: boolean
  joinS?: number
  serveS?: number
  lastSubmissionToModelS?: number
  roundS?: number
  coordinatorCpuS?: number
  cpuMsPerWorker?: number
  /** When workers got their work, in s after the round began training (p50, p90, max): a worker that missed the announcement is late by up to its poll interval. */
  assignedAfterTrainingS?: { p50: number, p90: number, max: number }
  /** Workers that got their work without having heard the round's announcement (gossip lost or not yet subscribed). */
  notHeard?: number
  /** Assign requests the coordinator answered up to the round's end, per worker (polls while waiting cost a stream each). */
  assignsPerWorker?: number
  /** The same, by answer (work, or why the worker was told to wait). */
  assignsBy?: Record<string, number>
  peakRssMiB?: number
  /** Coordinator RSS once started, before any worker: the base (runtime, tfjs, data, model). */
  readyRssMiB?: number
  /** Coordinator RSS when the last worker joined. */
  joinedRssMiB?: number
  /** (joined - ready) / N: what one more joined worker costs the coordinator. */
  rssPerWorkerMiB?: number
  /** The coordinator's once-a-second sample with the highest RSS: heap, external, ArrayBuffers and the round state then. */
  memoryAtPeak?: MemorySample
  memoryAtReady?: MemorySample
  memoryAtJoined?: MemorySample
  /** The coordinator's memory once a second from start to the round's end. */
  memorySeries?: MemoryPoint[]
  servedMiB?: number
  servedPerWorkerMiB?: number
  /** One copy of the round's content (model + every shard). */
  contentMiB?: number
  /** Coordinator egress over one copy of the content (the goal is at most 3 whatever N). */
  egressRatio?: number
  /** What workers got from other workers instead (swarm on). */
  fromPeersMiB?: number
  /** Named providers that failed (stalled, refused, wrong bytes) and were left for the next source. */
  providerFailures?: number
  accepted?: number
  errors: number
  retries: number
  /** Why this size was not run. */
  notRun?: string
}

function lines (child: ChildProcess, onLine: (l: Line) => void): void {
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.startsWith('{')) return
    try { onLine(JSON.parse(text) as Line) } catch {}
  })
}

async function runOne (n: number, procs: number, timeoutS: number, swarm: boolean): Promise<ScaleRow> {
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-scale-'))
  const row: ScaleRow = { workers: n, swarm, completed: false, errors: 0, retries: 0 }
  const children: ChildProcess[] = []
  const env = { ...process.env, NODE_NO_WARNINGS: '1' }
  try {
    // --cpu-prof DIR: a V8 CPU profile of the coordinator process (open in Chrome DevTools), to see where its CPU per worker goes.
    const prof = values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']]
    const heap = values['heap-snapshot'] === undefined ? [] : ['--heap-snapshot', values['heap-snapshot']]
    if (values['heap-snapshot'] !== undefined) mkdirSync(values['heap-snapshot'], { recursive: true })
    // The V8 heap settings a real coordinator runs with (coordinator/nodeFlags.ts: npm run coordinator and the devnet use the same list).
    const coord = spawn(process.execPath, [...COORDINATOR_NODE_FLAGS, ...prof, HERE, '--role', 'coordinator', '--workers', String(n), '--data-dir', join(dir, 'coordinator'), '--swarm', swarm ? 'on' : 'off', ...heap], { stdio: ['ignore', 'pipe', 'inherit'], env })
    children.push(coord)
    const events: Record<string, Line> = {}
    const t0 = Date.now()
    let lastSubmission = 0
    let submissions = 0
    const ready = new Promise<Line>((resolve, reject) => {
      coord.on('exit', (code) => { if (events.ready === undefined) reject(new Error(`coordinator exited with ${code}`)) })
      lines(coord, (l) => {
        if (l.kind === 'submission') { lastSubmission = l.t as number; submissions++ } else events[l.kind] = l
        if (l.kind === 'state') process.stderr.write(`  round: ${l.state as string} (${l.reason as string}) after ${(((l.t as number) - t0) / 1000).toFixed(0)} s, ${submissions} submissions\n`)
        if (l.kind === 'ready') resolve(l)
      })
    })
    const r = await ready
    const started = Date.now()
    const target = (r.multiaddr as string).includes('/p2p/') ? r.multiaddr as string : `${r.multiaddr as string}/p2p/${r.peerId as string}`
    const results: WorkerResult[] = []
    const workerExits: Array<Promise<void>> = []
    let exited = 0
    // Join time counts from when the last worker process has loaded (module loading is not the coordinator's cost).
    let workersStarted = started
    for (let p = 0; p < procs; p++) {
      const count = Math.floor(n / procs) + (p < n % procs ? 1 : 0)
      const offset = p * Math.floor(n / procs) + Math.min(p, n % procs)
      const w = spawn(process.execPath, [HERE, '--role', 'workers', '--coordinator', target, '--count', String(count), '--offset', String(offset), '--swarm', swarm ? 'on' : 'off'], { stdio: ['ignore', 'pipe', 'inherit'], env })
      children.push(w)
      lines(w, (l) => {
        if (l.kind === 'workers') results.push(...(l.results as WorkerResult[]))
        if (l.kind === 'started') workersStarted = Math.max(workersStarted, l.t as number)
      })
      workerExits.push(new Promise((resolve) => w.on('exit', () => { exited++; resolve() })))
    }
    const deadline = Date.now() + timeoutS * 1000
    // Workers exit early only when every one of them has failed.
    while (events.done === undefined && Date.now() < deadline && coord.exitCode === null && exited < procs) await new Promise((resolve) => setTimeout(resolve, 500))
    if (events.done === undefined) process.stderr.write(`  stopped after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${events['all-joined'] === undefined ? 'not all joined' : 'all joined'}, ${submissions} of ${n} submissions, round ${(events.state?.state as string | undefined) ?? 'not opened'}\n`)
    for (const w of children.slice(1)) w.kill('SIGTERM')
    await Promise.race([Promise.all(workerExits), new Promise((resolve) => setTimeout(resolve, 30_000))])
    // A finished coordinator stops on its own (and writes its last heap snapshot first); one that did not finish is killed below.
    if (events.done !== undefined && coord.exitCode === null) await Promise.race([new Promise((resolve) => coord.on('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 60_000))])

    const done = events.done
    row.completed = done !== undefined
    row.memoryAtReady = r.memory as MemorySample
    row.readyRssMiB = row.memoryAtReady.rssMiB
    row.memoryAtJoined = events['all-joined']?.memory as MemorySample | undefined
    row.joinedRssMiB = row.memoryAtJoined?.rssMiB
    if (row.joinedRssMiB !== undefined) row.rssPerWorkerMiB = (row.joinedRssMiB - row.readyRssMiB) / n
    row.errors = results.filter(x => x.error !== undefined).length + (n - results.length)
    row.retries = results.reduce((s, x) => s + x.retries, 0)
    row.fromPeersMiB = results.reduce((s, x) => s + (x.fromPeersBytes ?? 0), 0) / MiB
    row.providerFailures = results.reduce((s, x) => s + (x.providerFailures ?? 0), 0)
    const served = results.map(x => x.servedAt ?? 0).filter(t => t > 0)
    if (events['all-joined'] !== undefined) row.joinS = ((events['all-joined'].t as number) - workersStarted) / 1000
    // From the first worker that learned of its assignment (idle workers poll at an interval that grows with N) to the last one served.
    const assigned = results.map(x => x.assignedAt ?? 0).filter(t => t > 0)
    if (assigned.length > 0 && served.length > 0) row.serveS = (Math.max(...served) - Math.min(...assigned)) / 1000
    if (done !== undefined) {
      row.lastSubmissionToModelS = ((done.t as number) - lastSubmission) / 1000
      row.roundS = events.training === undefined ? undefined : ((done.t as number) - (events.training.t as number)) / 1000
      if (events.training !== undefined) {
        const after = assigned.map((t) => (t - (events.training.t as number)) / 1000).sort((x, y) => x - y)
        const q = (f: number): number => after[Math.min(after.length - 1, Math.floor(f * after.length))]
        row.assignedAfterTrainingS = { p50: q(0.5), p90: q(0.9), max: after[after.length - 1] }
      }
      row.notHeard = results.filter((x) => x.assignedAt !== undefined && x.heardAnnouncement !== true).length
      row.coordinatorCpuS = done.cpuS as number
      row.cpuMsPerWorker = 1000 * (done.cpuS as number) / n
      row.assignsPerWorker = (done.assigns as number) / n
      row.assignsBy = done.assignsBy as Record<string, number>
      row.peakRssMiB = done.maxRssMiB as number
      row.memoryAtPeak = done.memoryAtPeak as MemorySample
      row.memorySeries = done.memorySeries as MemoryPoint[]
      row.servedMiB = (done.servedBytes as number) / MiB
      row.servedPerWorkerMiB = row.servedMiB / n
      row.contentMiB = (r.contentBytes as number) / MiB
      row.egressRatio = row.servedMiB / row.contentMiB
      row.accepted = done.accepted as number
    }
    for (const e of results.filter(x => x.error !== undefined).slice(0, 3)) process.stderr.write(`  worker error: ${e.error}\n`)
    const kinds = new Map<string, number[]>()
    for (const x of results) if (x.firstRetry !== undefined) kinds.set(x.firstRetry, [...(kinds.get(x.firstRetry) ?? []), x.firstRetryAtS ?? 0])
    for (const [k, at] of [...kinds].sort((a, b) => b[1].length - a[1].length).slice(0, 4)) process.stderr.write(`  first retry of ${at.length} workers (${Math.min(...at).toFixed(0)}-${Math.max(...at).toFixed(0)} s after they started): ${k}\n`)
    const failures = new Map<string, number>()
    for (const x of results) if (x.firstProviderFailure !== undefined) failures.set(x.firstProviderFailure, (failures.get(x.firstProviderFailure) ?? 0) + 1)
    for (const [k, c] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, 4)) process.stderr.write(`  first provider failure of ${c} workers: ${k}\n`)
    return row
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Least-squares line of peak RSS against N over the completed rows (two sizes or more). */
function peakSlope (rows: ScaleRow[]): { baseMiB: number, perWorkerMiB: number, sizes: number } | undefined {
  const pts = rows.filter(r => r.completed && r.peakRssMiB !== undefined).map(r => [r.workers, r.peakRssMiB!] as const)
  if (new Set(pts.map(p => p[0])).size < 2) return undefined
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length
  const perWorkerMiB = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0)
  return { baseMiB: my - perWorkerMiB * mx, perWorkerMiB, sizes: pts.length }
}

async function runParent (): Promise<void> {
  const sizes = (values.workers as string).split(',').map(Number)
  if (sizes.some(n => !Number.isInteger(n) || n < 2)) throw new Error(`--workers takes a list of integers >= 2, got ${values.workers}`)
  const procs = Math.max(1, Number(values.procs))
  const rows: ScaleRow[] = []
  const totalDeadline = Date.now() + Number(values['total-timeout']) * 1000
  const modes = (values.swarm as string).split(',')
  if (modes.length === 0 || modes.some(m => m !== 'on' && m !== 'off')) throw new Error(`--swarm takes on, off or on,off, got ${values.swarm}`)
  for (const n of sizes) {
    for (const mode of modes) {
      const swarm = mode === 'on'
      // Each size gets its own timeout, cut to what is left of the total (and 60 s for the tear-down).
      const leftS = Math.floor((totalDeadline - Date.now()) / 1000) - 60
      if (leftS < 60) {
        process.stderr.write(`scale: ${n} workers (swarm ${mode}) not run: the total timeout (${values['total-timeout'] as string} s) is spent\n`)
        rows.push({ workers: n, swarm, completed: false, errors: n, retries: 0, notRun: 'total timeout spent' })
        continue
      }
      process.stderr.write(`scale: ${n} workers in ${procs} processes, swarm ${mode}...\n`)
      const row = await runOne(n, procs, Math.min(Number(values.timeout), leftS), swarm)
      rows.push(row)
      process.stderr.write(`  ${JSON.stringify(row)}\n`)
    }
  }
  const f = (v: number | undefined, d = 1): string => v === undefined ? '-' : v.toFixed(d)
  process.stdout.write('\n| workers | swarm | done | join s | serve s | last submit -> model s | coordinator CPU s | CPU ms/worker | assigns/worker | peak RSS MiB | served MiB | egress / content | from peers MiB | errors | retries |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n')
  for (const r of rows) process.stdout.write(`| ${r.workers} | ${r.swarm ? 'on' : 'off'} | ${r.completed ? 'yes' : 'NO'} | ${f(r.joinS)} | ${f(r.serveS)} | ${f(r.lastSubmissionToModelS, 2)} | ${f(r.coordinatorCpuS)} | ${f(r.cpuMsPerWorker)} | ${f(r.assignsPerWorker)} | ${f(r.peakRssMiB, 0)} | ${f(r.servedMiB, 0)} | ${f(r.egressRatio, 2)} | ${f(r.fromPeersMiB, 0)} | ${r.errors} | ${r.retries} |\n`)
  // Memory: where the coordinator's RSS goes (MiB); the peak's breakdown is its highest once-a-second sample.
  process.stdout.write('\n| workers | swarm | RSS ready | RSS joined | RSS/worker | peak RSS | at peak: state | RSS | anon | files | heap used | heap total | external | ArrayBuffers |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n')
  for (const r of rows) {
    const p = r.memoryAtPeak
    process.stdout.write(`| ${r.workers} | ${r.swarm ? 'on' : 'off'} | ${f(r.readyRssMiB, 0)} | ${f(r.joinedRssMiB, 0)} | ${f(r.rssPerWorkerMiB, 3)} | ${f(r.peakRssMiB, 0)} | ${p?.state ?? '-'} | ${f(p?.rssMiB, 0)} | ${f(p?.rssAnonMiB, 0)} | ${f(p?.rssFileMiB, 0)} | ${f(p?.heapUsedMiB, 0)} | ${f(p?.heapTotalMiB, 0)} | ${f(p?.externalMiB, 0)} | ${f(p?.arrayBuffersMiB, 0)} |\n`)
  }
  // Peak RSS against N over the completed sizes: the slope says what 1,000 workers would take.
  const fit = peakSlope(rows)
  if (fit !== undefined) process.stdout.write(`\npeak RSS ~ ${fit.baseMiB.toFixed(0)} MiB + N x ${fit.perWorkerMiB.toFixed(3)} MiB (least squares over ${fit.sizes} sizes): ${(fit.baseMiB + 1000 * fit.perWorkerMiB).toFixed(0)} MiB at N = 1,000\n`)
  mkdirSync(dirname(values.out as string), { recursive: true })
  writeFileSync(values.out as string, JSON.stringify({
    benchmark: 'scale',
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg() },
    setup: { model: 'mlp 784-128-10', training: TRAINING, workerProcesses: procs, verification: 'off (accept all)', chain: 'none', swarm: values.swarm, note: 'light workers: real libp2p join/assign/content/submit (and have, serving what they fetched, with swarm on), no training' },
    rows,
    peakRssFit: peakSlope(rows)
  }, null, 2) + '\n')
  process.stderr.write(`wrote ${values.out as string}\n`)
}

if (values.role === 'coordinator') await runCoordinator()
else if (values.role === 'workers') await runWorkers()
else await runParent()
