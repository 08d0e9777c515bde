import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Address } from 'viem'
import { getAddress } from 'viem'
import { createChainClient, readStaking, type ChainClient } from '../../lib/chain/index.ts'
import { CotrainError, InvalidInputError, oneLine } from '../../lib/errors.ts'
import type { Dataset } from '../../lib/data/Dataset.ts'
import { splitIntoShards } from '../../lib/data/shard.ts'
import { sha256Hex } from '../../lib/hash/sha256.ts'
import { contentIdBytes } from '../../lib/hash/contentId.ts'
import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import { modelWeightCount } from '../../lib/model/buildModel.ts'
import { resolveModelConfig, type ModelConfig, type ModelConfigInput } from '../../lib/model/config.ts'
import { initialWeights } from '../../lib/model/flatWeights.ts'
import {
  createNode, publishRoundAnnouncement, startAssignService, startContentService, startJoinService, startSubmissionsService, startSubmitService,
  ErrorCode, ProtocolError, type Assignment, type CotrainNode, type DecodedUpdateSubmission, type JoinService, type SubmissionAck, type SubmissionList
} from '../../lib/net/index.ts'
import { resolveHyperParams, type TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import { selectBackend, type BackendName } from '../../lib/training/selectBackend.ts'
import { DEFAULT_INNER_LEARNING_RATE, outerOptimizer, stripUndefined, type CoordinatorConfig } from '../config.ts'
import { startStatusServer, type StatusServer } from '../../lib/http/startStatusServer.ts'
import { dashboardPage } from '../dashboard/dashboardPage.ts'
import { RoundManager, type VerifySubmission } from '../rounds/RoundManager.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { RoundRecord, ShardInfo, WorkerCapabilities } from '../store/records.ts'
import { getContributor } from '../../lib/chain/actions/getContributor.ts'
import { ineligibility, JoinStakeCheck } from './JoinStakeCheck.ts'
import { registerDatasetIntake } from '../datasets/DatasetIntake.ts'
import { buildDashboardStatus } from './buildDashboardStatus.ts'
import { ChainView } from './ChainView.ts'
import { checkSubmission } from './checkSubmission.ts'
import { writeCoordinatorInfo, type CoordinatorInfo } from './coordinatorInfo.ts'
import { roundAnnouncement, roundPlanOf, type RoundPlan } from './roundPlan.ts'
import { verifiedSamples } from '../aggregation/verifiedSamples.ts'
import { SubmissionArchive } from './SubmissionArchive.ts'
import { toProtocolRefusal } from './toProtocolRefusal.ts'
import { loadTrainingData, type RoundEvaluation, type TrainingData } from './trainingData.ts'
import { verifyByReplay } from './verifyByReplay.ts'

/** Everything `coordinator start` configures. Durations in milliseconds. */
export interface CoordinatorServiceOptions {
  dataDir: string
  /** The TensorFlow.js backend for replays and evaluation (default auto: the fastest that loads). */
  backend?: BackendName | 'auto'
  /** libp2p listen multiaddrs; default `/ip4/127.0.0.1/tcp/0` (the CLI's default is port 4001). */
  listen?: string[]
  /** Workers (and validators) to make room for: sizes the connection limits (default 1000). */
  maxWorkers?: number
  rpcUrl?: string
  /** Staking proxy: submissions must be on chain there; the dashboard reads rewards and slashes from it. */
  contract?: Address
  /** A ready chain client (tests); else one is made from `rpcUrl` when `contract` is set. */
  chainClient?: ChainClient
  model?: ModelConfigInput
  /** Seed of the initial weights (identical on every machine). */
  modelSeed?: string
  shards: number
  /** First N training samples (MNIST digits or text windows; all when absent). */
  trainSamples?: number
  /** First N held-out samples the global model is evaluated on; default 2000 digits or 128 text windows. */
  testSamples?: number
  /** UTF-8 text files the gpt trains on (default: the Brown corpus). */
  textFiles?: string[]
  /** Stop after this many done rounds; 0 runs forever. */
  rounds: number
  /** Open a round once this many workers are live. */
  minWorkers: number
  minUpdates: number
  aggregator: 'fedavg' | 'nesterov'
  training: Partial<TrainingHyperParams>
  /** Training phase of a round. */
  roundTimeoutMs: number
  /** Grace of a worker's assignment past its projected time before its shards are reassigned; default a third of the round timeout, at most 30 s. */
  assignmentGraceMs?: number
  /** Status server (dashboard, /api/status, /metrics) on 127.0.0.1; absent: none, 0: any free port. */
  dashboardPort?: number
  /** Verification for acceptance; default: challenge and replay (lib/validation). */
  verify?: VerifySubmission
  tickIntervalMs?: number
  /** Extra RoundManager settings (tests). */
  config?: Partial<CoordinatorConfig>
}

/** One line of the event stream (`--json` prints each as a JSON object). */
export interface CoordinatorEvent {
  event: string
  [key: string]: unknown
}

/** Where the shards came from and how to serve them. */
interface ShardEntry { info: ShardInfo, index: number, size: number, dataset: Dataset }

const IDENTITY_FILE = 'peer.key'
const DEFAULT_MAX_WORKERS = 1000
/** Assign polls per second the coordinator aims for from idle workers, and the longest it asks one to wait (well inside the liveness window). */
const POLLS_PER_SECOND = 50
const MAX_POLL_SECONDS = 20

/**
 * The coordinator as a process: the SQLite store and blob folder in the data
 * directory, the libp2p node with the join, assign, content, submit and
 * submissions protocols, the round loop (RoundManager) with verification by
 * replay and aggregation, and the status server. Everything it knows is in the
 * data directory, so a coordinator started again on it continues the same
 * round under the same peer id.
 *
 * Events (`on('event', e)`), each `{ event, ...fields }`: `coordinator:ready`,
 * `worker:joined`, `worker:refused` (no stake), `worker:ineligible`, `round:opened`, `round:training`, `assignment:created`,
 * `assignment:missed`, `submission:received`, `submission:refused`,
 * `submission:verified`, `round:transitioned`, `round:done`, `round:failed`,
 * `evaluation:failed`, `tick:failed`, `coordinator:finished`.
 *
 * @example
 * const service = new CoordinatorService({ dataDir, shards: 3, rounds: 2, minWorkers: 3, minUpdates: 2, aggregator: 'fedavg', training: { steps: 40 }, roundTimeoutMs: 30_000 })
 * service.on('event', (e) => console.log(JSON.stringify(e)))
 * await service.start()
 * await service.finished
 */
export class CoordinatorService extends EventEmitter<{ event: [CoordinatorEvent] }> {
  readonly options: CoordinatorServiceOptions
  readonly metrics = new MetricsRegistry()
  /** Resolves when `rounds` rounds are done (never for rounds = 0). */
  readonly finished: Promise<void>
  store!: CoordinatorStore
  rounds!: RoundManager
  node!: CotrainNode
  statusServer: StatusServer | undefined
  info!: CoordinatorInfo
  private resolveFinished!: () => void
  private readonly model: ModelConfig
  private readonly training: TrainingHyperParams
  private readonly shards = new Map<string, ShardEntry>()
  private data!: TrainingData
  /** The latest evaluation's language-model extras (bits per character, sample), for round:done and the dashboard. */
  private latestEvaluation: { round?: number, value: RoundEvaluation } | undefined
  private archive!: SubmissionArchive
  private joins!: JoinService
  private chain: { client: ChainClient, contract: Address } | undefined
  private chainView: ChainView | undefined
  private stakeCheck: JoinStakeCheck | undefined
  private stoppers: Array<() => Promise<void> | void> = []
  private timer: ReturnType<typeof setInterval> | undefined
  private startedAt = 0
  private done = false
  private readonly m = {
    roundsTotal: this.metrics.counter('cotrain_rounds_total', 'Rounds finished, by outcome'),
    round: this.metrics.gauge('cotrain_round', 'Current (or last) round number'),
    submissions: this.metrics.counter('cotrain_submissions_total', 'Submissions by status (received, refused, accepted, rejected)'),
    bytesServed: this.metrics.counter('cotrain_bytes_served_total', 'Bytes served over /cotrain/content'),
    accuracy: this.metrics.gauge('cotrain_model_accuracy', 'Test accuracy of the latest global model'),
    loss: this.metrics.gauge('cotrain_model_loss', 'Test loss of the latest global model'),
    workers: this.metrics.gauge('cotrain_workers', 'Workers by status (live, known)')
  }

  constructor (options: CoordinatorServiceOptions) {
    super()
    this.options = options
    this.model = resolveModelConfig(options.model ?? { kind: 'mlp' })
    this.training = resolveHyperParams({ learningRate: DEFAULT_INNER_LEARNING_RATE, ...stripUndefined(options.training ?? {}) })
    if (!Number.isInteger(options.shards) || options.shards < 1) throw new InvalidInputError(`--shards must be a positive integer, got ${options.shards}`)
    if (options.shards < options.minUpdates) throw new InvalidInputError(`--shards ${options.shards} is fewer than --min-updates ${options.minUpdates}`, { hint: 'every update needs its own shard' })
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve })
  }

  /** Opens the store, loads and shards the data, starts the node, the protocols, the round loop and the status server. */
  async start (options: { signal?: AbortSignal } = {}): Promise<CoordinatorInfo> {
    const o = this.options
    this.startedAt = Date.now()
    mkdirSync(o.dataDir, { recursive: true })
    try {
      this.store = await CoordinatorStore.open(o.dataDir)
      this.stoppers.push(() => this.store.close())
      this.archive = new SubmissionArchive(join(o.dataDir, 'submissions'))
      await this.connectChain()
      options.signal?.throwIfAborted()
      await this.loadData()
      await selectBackend({ backend: o.backend ?? 'auto' })
      options.signal?.throwIfAborted()
      this.rounds = new RoundManager({
        store: this.store,
        evaluate: async (weights) => {
          this.latestEvaluation = undefined
          const value = await this.data.evaluate(weights)
          this.latestEvaluation = { value }
          return value
        },
        verify: o.verify ?? verifyByReplay({
          node: () => this.node,
          store: () => this.store,
          model: this.model,
          shards: (id) => this.shards.get(id)?.dataset,
          archive: this.archive,
          workerAddrs: (peerId) => this.workerAddrs(peerId, this.rounds.workers.get(peerId)?.capabilities),
          chain: this.chain
        }),
        config: this.roundConfig()
      })
      this.forwardRoundEvents()
      const initial = await this.rounds.ensureInitialModel(initialWeights(this.model, o.modelSeed ?? 'cotrain/initial-model/v1'))
      if (this.latestEvaluation !== undefined) this.latestEvaluation.round = 0
      if (initial.numParams !== modelWeightCount(this.model)) {
        throw new InvalidInputError(`the data dir holds a model of ${initial.numParams} weights, --model ${this.model.kind} has ${modelWeightCount(this.model)}`, { hint: 'use the same --model as before or a fresh --data-dir' })
      }
      await this.startNode()
      this.watchListenAddrs()
      await this.startProtocols()
      if (o.dashboardPort !== undefined) {
        this.statusServer = await startStatusServer({ status: async () => await this.status(), page: dashboardPage, metrics: this.metrics, port: o.dashboardPort })
        this.stoppers.push(async () => await this.statusServer?.stop())
      }
      this.info = {
        peerId: this.node.peerId.toString(),
        multiaddrs: this.node.getMultiaddrs().map(String),
        dashboardUrl: this.statusServer?.url,
        metricsUrl: this.statusServer == null ? undefined : new URL('/metrics', this.statusServer.url).toString(),
        pid: process.pid
      }
      writeCoordinatorInfo(o.dataDir, this.info)
      this.refreshGauges()
      this.rounds.resumeVerification()
      this.rounds.start({ intervalMs: o.tickIntervalMs ?? 500 })
      this.timer = setInterval(() => { this.loop().catch((err: unknown) => this.emitEvent('tick:failed', { error: oneLine(err) })) }, o.tickIntervalMs ?? 500)
      const current = this.rounds.currentRound()
      this.emitEvent('coordinator:ready', { ...this.info, resumedRound: current?.number, resumedState: current?.state })
      return this.info
    } catch (err) {
      await this.stop()
      throw err
    }
  }

  /** Stops the round loop, the protocols, the node and the status server, and closes the store. Safe to call twice. */
  async stop (): Promise<void> {
    if (this.timer != null) clearInterval(this.timer)
    this.timer = undefined
    await this.rounds?.stop()
    const stoppers = this.stoppers.reverse()
    this.stoppers = []
    for (const s of stoppers) {
      try { await s() } catch { /* best effort: stop the rest */ }
    }
  }

  /** The dashboard's status: rounds and workers from the store, rewards and events from the chain when a contract is set. */
  async status (): Promise<ReturnType<typeof buildDashboardStatus>> {
    const workers = this.rounds.workers.list()
    const snapshot = this.chainView == null
      ? undefined
      : await this.chainView.snapshot(workers.map(w => getAddress(w.address))).catch(() => undefined)
    const lm = this.latestEvaluation
    const latestSample = lm?.round !== undefined && lm.value.sample !== undefined ? { round: lm.round, text: lm.value.sample, bitsPerChar: lm.value.bitsPerChar } : undefined
    return buildDashboardStatus({ store: this.store, info: this.info, model: this.model, aggregator: this.options.aggregator, startedAt: this.startedAt, contract: this.chain?.contract, chain: snapshot, latestSample })
  }

  // ------------------------------------------------------------- setup

  private roundConfig (): Partial<CoordinatorConfig> {
    const o = this.options
    const timeout = o.roundTimeoutMs
    return {
      minUpdates: o.minUpdates,
      targetWorkers: Math.max(o.minWorkers, o.minUpdates),
      trainingTimeoutMs: timeout,
      collectTimeoutMs: Math.max(5000, Math.round(timeout / 4)),
      verifyTimeoutMs: Math.max(60_000, timeout),
      livenessMs: Math.max(60_000, 2 * timeout),
      assignmentGraceMs: o.assignmentGraceMs ?? Math.min(30_000, Math.round(timeout / 3)),
      aggregation: outerOptimizer(o.aggregator),
      ...o.config
    }
  }

  private async connectChain (): Promise<void> {
    const o = this.options
    if (o.contract == null) return
    const contract = getAddress(o.contract)
    const client = o.chainClient ?? await createChainClient({ rpcUrl: o.rpcUrl ?? 'http://127.0.0.1:8545' })
    this.chain = { client, contract }
    this.chainView = new ChainView({ client, contract })
    this.stakeCheck = new JoinStakeCheck({ client, contract })
  }

  private async loadData (): Promise<void> {
    const o = this.options
    this.data = await loadTrainingData(this.model, { dataDir: o.dataDir, trainSamples: o.trainSamples, testSamples: o.testSamples, textFiles: o.textFiles })
    const shards = splitIntoShards(this.data.train, o.shards)
    for (const [index, s] of shards.entries()) {
      const id = s.id
      if (!this.store.blobs.has(id)) await this.store.blobs.put(s.bytes)
      this.shards.set(id, { info: { id, samples: s.dataset.count }, index, size: s.bytes.byteLength, dataset: s.dataset })
    }
  }

  private async startNode (): Promise<void> {
    const o = this.options
    try {
      this.node = await createNode({ identityPath: join(o.dataDir, IDENTITY_FILE), listen: o.listen, gossipsub: true, expectedPeers: o.maxWorkers ?? DEFAULT_MAX_WORKERS })
    } catch (err) {
      const text = oneLine(err)
      if (/EADDRINUSE|address already in use|UnsupportedListenAddresses/i.test(text)) throw new CotrainError(`cannot listen on ${o.listen?.join(', ') ?? 'the default address'}: the port is in use or the address is not on this machine`, { hint: 'pick another --listen port, or stop the process using it' })
      if (/multiaddr|invalid/i.test(text)) throw new InvalidInputError(`bad --listen address ${o.listen?.join(', ') ?? ''}: ${text}`, { hint: 'use a multiaddr like /ip4/127.0.0.1/tcp/4001' })
      throw err
    }
    this.stoppers.push(async () => await this.node.stop())
  }

  private async startProtocols (): Promise<void> {
    // Bindings checked at an earlier join stay valid across restarts: the store has them.
    const addressOf = (peer: unknown): Address | undefined => {
      const id = String(peer)
      const bound = this.joins.addressOf(id)
      if (bound !== undefined) return bound
      const w = this.rounds.workers.get(id)
      return w == null || w.status === 'banned' ? undefined : getAddress(w.address)
    }
    this.joins = await startJoinService(this.node, {
      onJoin: async ({ address, peer, join }) => {
        const peerId = peer.toString()
        // With a contract, no stake means no row, no assignment and no place in the live count (refused NOT_STAKED).
        try {
          await this.stakeCheck?.check(address)
        } catch (err) {
          this.emitEvent('worker:refused', { peerId, address, reason: (err as ProtocolError).reason ?? oneLine(err) })
          throw err
        }
        const c = join.capabilities
        const capabilities: WorkerCapabilities = {
          samplesPerSec: c?.samplesPerSecond != null && c.samplesPerSecond > 0 ? c.samplesPerSecond : undefined,
          backend: c?.backend ?? '',
          tfjsVersion: c?.tfjsVersion ?? '',
          simd: c?.simd ?? false,
          gflops: c?.gflops ?? 0,
          cpuCores: c?.cpuCores ?? 0,
          memoryMiB: c?.memoryMib ?? 0,
          gpu: c?.gpu ?? '',
          gpuMemoryMiB: c?.gpuMemoryMib ?? 0,
          clientVersion: join.clientVersion ?? '',
          addrs: await this.peerAddrs(peerId)
        }
        if ((capabilities.addrs as string[]).length > 0) this.listenAddrs.set(peerId, capabilities.addrs as string[])
        try {
          this.rounds.joinWorker({ peerId, address: address.toLowerCase(), capabilities })
        } catch (err) {
          throw toProtocolRefusal(err)
        }
        this.emitEvent('worker:joined', { peerId, address })
        this.refreshGauges()
        const round = this.rounds.currentRound()
        return round == null || round.state === 'open' ? {} : { currentRound: roundAnnouncement(round, this.rounds.config) }
      }
    })
    this.stoppers.push(async () => await this.joins.stop())

    const assign = await startAssignService(this.node, { addressOf, onAssign: (req, ctx) => this.onAssign(ctx.peer.toString(), req.workerAddress) })
    this.stoppers.push(async () => await assign.stop())

    const content = await startContentService(this.node, {
      provider: (id) => this.store.blobs.has(id) ? { path: this.store.blobs.pathOf(id) } : undefined
    })
    content.on('content:served', ({ bytes }) => { this.m.bytesServed.inc(bytes) })
    this.stoppers.push(async () => await content.stop())

    const submit = await startSubmitService(this.node, {
      addressOf,
      onSubmit: async (m, ctx) => await this.onSubmit(ctx.peer.toString(), addressOf(ctx.peer)!, m, ctx.signal)
    })
    this.stoppers.push(async () => await submit.stop())

    const submissions = await startSubmissionsService(this.node, { onList: (req) => this.onList(req.round, req.start, req.limit) })
    this.stoppers.push(async () => await submissions.stop())

    // Contributed datasets: shards land in the same blob store, so the content service above serves them to validators.
    const chain = this.chain
    const datasets = await registerDatasetIntake(this.node, {
      blobs: this.store.blobs,
      dataDir: this.options.dataDir,
      authorize: chain == null
        ? undefined
        : async (contributor) => {
          const c = await getContributor(chain.client, { address: chain.contract, account: contributor })
          if (!c.registered) throw new ProtocolError(ErrorCode.ERROR_CODE_FORBIDDEN, `${contributor} is not registered on the staking contract: register with stake first`)
        }
    })
    await datasets.start()
    datasets.intake.on('dataset:complete', (d) => {
      this.emitEvent('dataset:received', { datasetId: d.datasetId, contributor: d.contributor })
    })
    this.stoppers.push(async () => await datasets.stop())
  }

  /** The peer's listen addresses as identify reported them (empty until identify has run). */
  private async peerAddrs (peerId: string): Promise<string[]> {
    try {
      const peer = await this.node.peerStore.get(peerIdFromString(peerId))
      return peer.addresses.map(a => a.multiaddr.toString()).slice(0, 16)
    } catch {
      return []
    }
  }

  // ---------------------------------------------------------- protocols

  private onAssign (peerId: string, workerAddress: Uint8Array): Assignment {
    this.rounds.heartbeat(peerId)
    const round = this.rounds.currentRound()
    // Idle workers are told to come back later the more of them there are, so
    // polls stay near POLLS_PER_SECOND in total (each costs a stream and a
    // handshake of frames); the round announcement on gossip wakes them early.
    const spread = Math.min(MAX_POLL_SECONDS, Math.ceil(this.rounds.workers.size / POLLS_PER_SECOND))
    const wait = (seconds: number, waitReason: string): Assignment => ({ round: 0, workerAddress, shards: [], totalSamples: 0, retryAfter: Math.max(seconds, spread), waitReason: waitReason.slice(0, 200) })
    if (round == null || (round.state !== 'training' && round.state !== 'collecting')) {
      // A round may be waiting for this worker to count as live: schedule now rather than at the next tick.
      if (round?.state === 'open') this.rounds.tick().catch(() => undefined)
      return wait(1, round == null ? this.whyNoRound() : `round ${round.number} is being scheduled`)
    }
    const a = this.rounds.assignmentFor(peerId, round.number)
    if (a == null) return wait(2, `round ${round.number} was scheduled without this worker; waiting for the next round`)
    if (a.state !== 'assigned') return wait(2, `this worker's update for round ${round.number} is in; waiting for the round to close`)
    const shards = a.shardIds.map((id) => {
      const s = this.shards.get(id)
      if (s == null) throw new ProtocolError(ErrorCode.ERROR_CODE_INTERNAL, `shard ${id} is not held`)
      return { contentId: contentIdBytes(id), index: s.index, samples: s.info.samples, size: s.size }
    })
    return { round: round.number, workerAddress, shards, totalSamples: shards.reduce((n, s) => n + s.samples, 0), announcement: roundAnnouncement(round, this.rounds.config), retryAfter: 0 }
  }

  private async onSubmit (peerId: string, address: Address, m: DecodedUpdateSubmission, signal: AbortSignal): Promise<SubmissionAck> {
    try {
      if (this.rounds.workers.get(peerId) == null) throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, 'unknown worker: join first')
      this.rounds.heartbeat(peerId)
      // A worker re-sending after a crash or a lost ack learns it is already in, whatever the round does now.
      const earlier = this.store.findSubmissionByCommitment(`0x${Buffer.from(m.commitment).toString('hex')}`)
      if (earlier != null) throw new ProtocolError(ErrorCode.ERROR_CODE_DUPLICATE, `commitment already submitted (submission ${earlier.id}, ${earlier.status})`)
      const round = this.rounds.currentRound()
      const assignment = round == null ? undefined : this.rounds.assignmentFor(peerId, round.number)
      const model = round == null ? undefined : this.store.getModel(round.modelId)
      const checked = await checkSubmission({
        submission: m, workerAddress: address, round, assignment, numParams: model?.numParams ?? 0, chain: this.chain, signal
      })
      this.store.assertNotDuplicate(m.round, peerId, checked.commitment)
      const wire = await this.store.blobs.put(m.delta)
      this.archive.put(checked.commitment, { submission: m, wireDeltaId: wire.id, wireDeltaSize: m.delta.byteLength })
      const row = await this.rounds.submit({
        round: m.round,
        peerId,
        commitment: checked.commitment,
        proofRoot: checked.proofRoot,
        leafCount: m.leafCount,
        // Weight of the update in the average: the work the replay plan verifies, not the shards it was handed.
        samples: verifiedSamples(roundPlanOf(round!).training, round!.shards),
        delta: checked.delta,
        contributionId: checked.contributionId
      })
      this.m.submissions.inc(1, { status: 'received' })
      // Every assignment in: move on to verification now rather than at the next tick.
      this.rounds.tick().catch(() => undefined)
      return { round: row.round, commitment: m.commitment, receivedAt: Math.floor(row.receivedAt / 1000) }
    } catch (err) {
      const refusal = toProtocolRefusal(err)
      this.m.submissions.inc(1, { status: 'refused' })
      this.emitEvent('submission:refused', { round: m.round, peerId, code: refusal.code, reason: refusal.reason })
      throw refusal
    }
  }

  private onList (roundNumber: number, start: number, limit: number): SubmissionList {
    const round = this.store.getRound(roundNumber)
    if (round == null) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no round ${roundNumber}`)
    const all = this.store.listSubmissions(roundNumber)
    const page = all.slice(start, start + Math.min(limit === 0 ? 32 : limit, 32))
    const announcement = roundAnnouncement(round, this.rounds.config)
    const submissions = []
    for (const s of page) {
      const archived = this.archive.get(s.commitment)
      if (archived == null) continue // stored before its archive entry: cannot happen unless the folder was tampered with
      const worker = this.rounds.workers.get(s.worker)
      const assignment = this.store.requireAssignment(s.assignmentId)
      submissions.push({
        workerPeerId: s.worker,
        workerAddrs: this.workerAddrs(s.worker, worker?.capabilities),
        submission: { ...archived.submission, delta: new Uint8Array(0) },
        deltaId: contentIdBytes(archived.wireDeltaId),
        deltaSize: archived.wireDeltaSize,
        status: s.status,
        shardIds: assignment.shardIds.map(id => contentIdBytes(id)),
        announcement
      })
    }
    return { round: roundNumber, total: all.length, submissions }
  }

  /** Listen addresses of a worker: identify's view now, else what was recorded when it joined. */
  private workerAddrs (peerId: string, capabilities: WorkerCapabilities | undefined): string[] {
    const recorded = Array.isArray(capabilities?.addrs) ? (capabilities.addrs as string[]) : []
    const live = this.listenAddrsOf(peerId)
    return (live.length > 0 ? live : recorded).slice(0, 16)
  }

  private listenAddrsOf (peerId: string): string[] {
    return this.listenAddrs.get(peerId) ?? []
  }

  /** Listen addresses per worker peer id, refreshed from the peer store each loop. */
  private readonly listenAddrs = new Map<string, string[]>()

  // -------------------------------------------------------------- rounds

  /** Opens the next round when none runs and enough workers are live; finishes after `rounds` done rounds. */
  /** Why no round is open, in the words a waiting worker logs ("waiting for 1 more worker to join"). */
  private whyNoRound (): string {
    const doneRounds = this.store.listRounds().filter(r => r.state === 'done').length
    if (this.options.rounds > 0 && doneRounds >= this.options.rounds) return `the coordinator finished its ${doneRounds} round(s)`
    const live = this.rounds.liveWorkers().length
    const active = this.rounds.workers.list({ status: 'active' }).length
    const needed = this.store.listRounds().length === 0 ? this.options.minWorkers : Math.max(this.options.minUpdates, Math.min(this.options.minWorkers, active))
    if (live < needed) return `waiting for ${needed - live} more worker${needed - live === 1 ? '' : 's'} to join (the coordinator needs ${needed})`
    return 'waiting for the next round to open'
  }

  private async loop (): Promise<void> {
    if (this.done) return
    this.refreshGauges()
    if (this.rounds.currentRound() != null) return
    const doneRounds = this.store.listRounds().filter(r => r.state === 'done').length
    if (this.options.rounds > 0 && doneRounds >= this.options.rounds) {
      this.done = true
      this.emitEvent('coordinator:finished', { rounds: doneRounds })
      this.resolveFinished()
      return
    }
    await this.dropIneligibleWorkers()
    // The first round waits for the initial fleet; later ones for as many of
    // --min-workers as still exist (a slashed or departed worker is not waited for).
    const live = this.rounds.liveWorkers().length
    const active = this.rounds.workers.list({ status: 'active' }).length
    const needed = this.store.listRounds().length === 0 ? this.options.minWorkers : Math.max(this.options.minUpdates, Math.min(this.options.minWorkers, active))
    if (live < needed) return
    const plan: RoundPlan = { training: this.training, model: this.model }
    this.rounds.openRound({ shards: [...this.shards.values()].map(s => s.info), hyperParams: plan as unknown as Record<string, unknown> })
    await this.rounds.tick()
  }

  /**
   * With a contract, a worker that can no longer commit on chain (unregistered,
   * or slashed below the minimum stake) is set inactive before a round is
   * scheduled, so it is neither given shards nor waited for. Joining again
   * (after adding stake) makes it active again.
   */
  private async dropIneligibleWorkers (): Promise<void> {
    if (this.chain == null || this.chainView == null) return
    const live = this.rounds.liveWorkers()
    if (live.length === 0) return
    const [snapshot, minimum] = await Promise.all([
      this.chainView.snapshot(live.map(w => getAddress(w.address))),
      readStaking(this.chain.client, this.chain.contract, 'minimumStake')
    ])
    for (const w of live) {
      const cached = snapshot.contributors.get(w.address.toLowerCase())
      if (cached == null || ineligibility(cached, minimum) === undefined) continue
      // The snapshot is cached for the dashboard and may predate the worker's
      // registration: a worker that joined, staked and joined again within the
      // cache's lifetime was set inactive on stale data and waited forever.
      // Confirm with a fresh read before acting on it.
      const fresh = await getContributor(this.chain.client, { address: this.chain.contract, account: getAddress(w.address) })
      const reason = ineligibility(fresh, minimum)
      if (reason === undefined) continue
      this.rounds.workers.setStatus(w.peerId, 'inactive')
      this.emitEvent('worker:ineligible', { peerId: w.peerId, address: w.address, reason })
    }
  }

  /**
   * Keeps each worker's listen addresses from identify as it runs (on connect
   * and when the worker's addresses change) instead of asking the peer store
   * for every worker on a timer.
   */
  private watchListenAddrs (): void {
    const onIdentify = (e: CustomEvent<{ peerId: { toString: () => string }, listenAddrs: Array<{ toString: () => string }> }>): void => {
      const peerId = e.detail.peerId.toString()
      if (this.rounds.workers.get(peerId) == null && !this.listenAddrs.has(peerId)) return
      const addrs = e.detail.listenAddrs.map(String).slice(0, 16)
      if (addrs.length > 0) this.listenAddrs.set(peerId, addrs)
    }
    this.node.addEventListener('peer:identify', onIdentify as unknown as EventListener)
    this.stoppers.push(() => { this.node.removeEventListener('peer:identify', onIdentify as unknown as EventListener) })
  }

  private forwardRoundEvents (): void {
    const r = this.rounds
    r.on('round:opened', (round) => { this.m.round.set(round.number); this.emitEvent('round:opened', { round: round.number, modelId: round.modelId, shards: round.shards.length }) })
    r.on('round:transitioned', ({ round, from, reason }) => {
      this.emitEvent('round:transitioned', { round: round.number, from, to: round.state, reason })
      if (round.state === 'training' && from === 'open') this.announce(round)
    })
    r.on('assignment:created', (a) => { this.emitEvent('assignment:created', { round: a.round, peerId: a.worker, shards: a.shardIds.length, samples: a.samples, reassignedFrom: a.reassignedFrom }) })
    r.on('assignment:missed', (a) => { this.emitEvent('assignment:missed', { round: a.round, peerId: a.worker }) })
    r.on('submission:received', (s) => { this.emitEvent('submission:received', { round: s.round, peerId: s.worker, commitment: s.commitment, contributionId: s.contributionId }) })
    r.on('submission:verified', (s) => {
      this.m.submissions.inc(1, { status: s.status })
      this.emitEvent('submission:verified', { round: s.round, peerId: s.worker, status: s.status, reason: s.statusReason })
    })
    r.on('round:done', ({ round, model }) => {
      this.m.roundsTotal.inc(1, { outcome: 'done' })
      if (model.accuracy !== undefined) this.m.accuracy.set(model.accuracy)
      if (model.loss !== undefined) this.m.loss.set(model.loss)
      const counts = this.store.countSubmissions(round.number)
      const lm = this.latestEvaluation?.value
      if (this.latestEvaluation !== undefined) this.latestEvaluation.round = round.number
      this.emitEvent('round:done', { round: round.number, accuracy: round.accuracy, loss: round.loss, bitsPerChar: lm?.bitsPerChar, sample: lm?.sample, modelId: model.id, accepted: counts.accepted, rejected: counts.rejected })
    })
    r.on('round:failed', (round) => { this.m.roundsTotal.inc(1, { outcome: 'failed' }); this.emitEvent('round:failed', { round: round.number, reason: round.failureReason }) })
    r.on('evaluation:failed', ({ round, error }) => { this.emitEvent('evaluation:failed', { round, error: oneLine(error) }) })
    r.on('tick:failed', (error) => { this.emitEvent('tick:failed', { error: oneLine(error) }) })
  }

  /** Gossip wakes waiting workers early; they poll /cotrain/assign anyway, so a failed publish is only logged. */
  private announce (round: RoundRecord): void {
    this.emitEvent('round:training', { round: round.number, deadline: round.deadline })
    publishRoundAnnouncement(this.node, roundAnnouncement(round, this.rounds.config)).catch(() => undefined)
  }

  private refreshGauges (): void {
    const latest = this.store.getLatestRound()
    if (latest != null) this.m.round.set(latest.number)
    this.m.workers.set(this.rounds.liveWorkers().length, { status: 'live' })
    this.m.workers.set(this.rounds.workers.size, { status: 'known' })
    const model = this.store.getLatestModel()
    if (model?.accuracy !== undefined) this.m.accuracy.set(model.accuracy)
    if (model?.loss !== undefined) this.m.loss.set(model.loss)
  }

  private emitEvent (event: string, fields: Record<string, unknown>): void {
    this.emit('event', { event, ...fields })
  }
}
