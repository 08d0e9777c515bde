import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Address } from 'viem'
import { getAddress } from 'viem'
import { createChainClient, type ChainClient } from '../../lib/chain/index.ts'
import { CotrainError, InvalidInputError, oneLine } from '../../lib/errors.ts'
import { TypedEventTarget } from '../../lib/events/TypedEventTarget.ts'
import type { Dataset } from '../../lib/data/Dataset.ts'
import { decodeShard, eachShard, type Shard } from '../../lib/data/shard.ts'
import { startStatusServer, type StatusServer } from '../../lib/http/startStatusServer.ts'
import type { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import { modelWeightCount } from '../../lib/model/buildModel.ts'
import { resolveModelConfig, type ModelConfig, type ModelConfigInput } from '../../lib/model/config.ts'
import { initialWeights } from '../../lib/model/flatWeights.ts'
import { createNode, trackAnnouncementListeners, type AnnouncementListeners, type CotrainNode } from '../../lib/net/index.ts'
import { resolveHyperParams, type TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import { selectBackend, type BackendName } from '../../lib/training/selectBackend.ts'
import { modelSpeedFactor } from '../../lib/training/measureTrainingSpeed.ts'
import { DEFAULT_INNER_LEARNING_RATE, defaultCoordinatorConfig, outerOptimizer, stripUndefined, type CoordinatorConfig } from '../config.ts'
import { dashboardPage } from '../dashboard/dashboardPage.ts'
import type { CoordinatorEvent, CoordinatorEvents } from '../events.ts'
import { RoundManager, type VerifySubmission } from '../rounds/RoundManager.ts'
import { RoundOpener } from '../rounds/RoundOpener.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { importSubmissionArchive } from '../store/storedSubmission.ts'
import { buildDashboardStatus } from './buildDashboardStatus.ts'
import { ChainView } from './ChainView.ts'
import { JoinStakeCheck } from './JoinStakeCheck.ts'
import type { CoordinatorContext, ShardEntry } from './CoordinatorContext.ts'
import { CoordinatorMetrics } from './CoordinatorMetrics.ts'
import { writeCoordinatorInfo, type CoordinatorInfo } from './coordinatorInfo.ts'
import { forwardRoundEvents, type LatestEvaluation } from './forwardRoundEvents.ts'
import { ListenAddrBook } from './ListenAddrBook.ts'
import { ProviderBook } from '../scheduling/ProviderBook.ts'
import { startProtocols } from './protocols/startProtocols.ts'
import type { RoundPlan } from './roundPlan.ts'
import { loadTrainingData, publishTextDataset, type TrainingData } from './trainingData.ts'
import { DEFAULT_WITHHOLD_AFTER_MS, verifyByReplay } from './verifyByReplay.ts'
import { ReplayPool } from '../verification/ReplayPool.ts'

export type { CoordinatorEvent } from '../events.ts'

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
  /** How long the default verifier retries a worker it cannot reach before rejecting its submission as withheld; default 60 s, at most half the verification deadline. */
  withholdAfterMs?: number
  tickIntervalMs?: number
  /** Extra RoundManager settings (tests). */
  config?: Partial<CoordinatorConfig>
  /**
   * Samples of the round's model a worker trains per sample of the reference
   * step its join reports (lib/training/measureTrainingSpeed.ts); default
   * measured once at start on this machine (1 for the reference MLP).
   */
  speedFactor?: number
  /**
   * Swarm distribution: workers that hold the round's model and shards serve
   * them to other workers, and the coordinator serves the model to about this
   * many workers itself (default 3; 0 turns it off: every worker fetches
   * everything from the coordinator).
   */
  swarmSeeds?: number
}

const IDENTITY_FILE = 'peer.key'
const DEFAULT_MAX_WORKERS = 1000

/**
 * The coordinator as a process, wiring its parts together and starting and
 * stopping them: the SQLite store and blob folder in the data directory, the
 * libp2p node with the protocols (protocols/), the round logic (RoundManager)
 * with verification by replay and aggregation, the round-opening policy
 * (RoundOpener), metrics and the status server. Everything it knows is in
 * the data directory, so a coordinator started again on it continues the
 * same round under the same peer id.
 *
 * Events (coordinator/events.ts): each under its name, and every one as
 * `event` (the stream `--json` prints).
 *
 * @example
 * const service = new CoordinatorService({ dataDir, shards: 3, rounds: 2, minWorkers: 3, minUpdates: 2, aggregator: 'fedavg', training: { steps: 40 }, roundTimeoutMs: 30_000 })
 * service.on('event', (e) => console.log(JSON.stringify(e)))
 * await service.start()
 * await service.finished
 */
export class CoordinatorService extends TypedEventTarget<CoordinatorEvents> {
  readonly options: CoordinatorServiceOptions
  private readonly coordinatorMetrics = new CoordinatorMetrics()
  readonly metrics: MetricsRegistry = this.coordinatorMetrics.registry
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
  /** Scores a global model on the held-out samples; the training set itself is not kept (see loadData). */
  private evaluateModel!: TrainingData['evaluate']
  /** Samples of this model per reference sample (see CoordinatorServiceOptions.speedFactor). */
  private speedFactor = 1
  /** A text run's dataset manifest id (its held-out windows for validators), announced with every round. */
  private textDatasetId: string | undefined
  private latestEvaluation: LatestEvaluation | undefined
  private addrs!: ListenAddrBook
  private listeners!: AnnouncementListeners
  private providers: ProviderBook | undefined
  private opener!: RoundOpener
  private chain: { client: ChainClient, contract: Address } | undefined
  private chainView: ChainView | undefined
  private stakeCheck: JoinStakeCheck | undefined
  private stoppers: Array<() => Promise<void> | void> = []
  private timer: ReturnType<typeof setInterval> | undefined
  private startedAt = 0

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
      await this.store.recoverBlobs()
      importSubmissionArchive(this.store, o.dataDir)
      await this.connectChain()
      options.signal?.throwIfAborted()
      await this.loadData()
      await selectBackend({ backend: o.backend ?? 'auto' })
      // Workers report their speed on the reference MLP; a gpt sample costs tens of those.
      this.speedFactor = o.speedFactor ?? await modelSpeedFactor({ model: this.model, batchSize: this.training.batchSize, signal: options.signal })
      options.signal?.throwIfAborted()
      // Replays in worker threads, one per core; two verifications per thread, so one's checkpoint fetch overlaps another's replay.
      const replays = o.verify == null ? new ReplayPool() : undefined
      if (replays != null) this.stoppers.push(async () => await replays.stop())
      this.rounds = new RoundManager({
        store: this.store,
        evaluate: async (weights) => {
          this.latestEvaluation = undefined
          const value = await this.evaluateModel(weights)
          this.latestEvaluation = { value }
          return value
        },
        verify: o.verify ?? verifyByReplay({
          node: () => this.node,
          store: () => this.store,
          model: this.model,
          shards: async (id) => await this.shardDataset(id),
          workerAddrs: (peerId) => this.addrs.of(peerId, this.rounds.workers.get(peerId)?.capabilities),
          chain: this.chain,
          replays,
          // Under the verification deadline, so a worker that never serves is rejected and the round goes on before the deadline fails it.
          withholdAfterMs: o.withholdAfterMs ?? Math.min(DEFAULT_WITHHOLD_AFTER_MS, Math.floor((this.roundConfig().verifyTimeoutMs ?? defaultCoordinatorConfig.verifyTimeoutMs) / 2))
        }),
        verifyConcurrency: replays == null ? 1 : 2 * replays.size,
        config: this.roundConfig()
      })
      this.stoppers.push(forwardRoundEvents({
        rounds: this.rounds, store: this.store, node: () => this.node, metrics: this.coordinatorMetrics, latestEvaluation: () => this.latestEvaluation, emit: (e) => { this.emitEvent(e) }
      }))
      const initial = await this.rounds.ensureInitialModel(initialWeights(this.model, o.modelSeed ?? 'cotrain/initial-model/v1'))
      if (this.latestEvaluation !== undefined) this.latestEvaluation.round = 0
      if (initial.numParams !== modelWeightCount(this.model)) {
        throw new InvalidInputError(`the data dir holds a model of ${initial.numParams} weights, --model ${this.model.kind} has ${modelWeightCount(this.model)}`, { hint: 'use the same --model as before or a fresh --data-dir' })
      }
      this.opener = new RoundOpener({
        store: this.store,
        rounds: this.rounds,
        maxRounds: o.rounds,
        minWorkers: o.minWorkers,
        minUpdates: o.minUpdates,
        shards: () => [...this.shards.values()].map(s => s.info),
        plan: { training: this.training, model: this.model } satisfies RoundPlan as unknown as Record<string, unknown>,
        chain: this.chain == null || this.chainView == null ? undefined : { ...this.chain, view: this.chainView },
        emit: (e) => { this.emitEvent(e) }
      })
      this.opener.finished.then(() => { this.resolveFinished() }, () => undefined)
      await this.startNode()
      this.addrs = new ListenAddrBook(this.node, () => this.rounds.workers)
      const seeds = this.options.swarmSeeds ?? 3
      this.providers = seeds > 0 ? new ProviderBook({ seeds }) : undefined
      this.addrs.start()
      this.stoppers.push(() => { this.addrs.stop() })
      this.listeners = trackAnnouncementListeners(this.node)
      this.stoppers.push(() => { this.listeners.stop() })
      this.stoppers.push(...await startProtocols(this.context(), this.node, o.dataDir))
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
      this.coordinatorMetrics.refresh(this.store, this.rounds, this.providers)
      this.rounds.resumeVerification()
      await this.rounds.pruneDeltas()
      this.rounds.start({ intervalMs: o.tickIntervalMs ?? 500 })
      this.timer = setInterval(() => { this.loop().catch((err: unknown) => { this.emitEvent({ event: 'tick:failed', error: oneLine(err) }) }) }, o.tickIntervalMs ?? 500)
      const current = this.rounds.currentRound()
      this.emitEvent({ event: 'coordinator:ready', ...this.info, resumedRound: current?.number, resumedState: current?.state })
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

  /** Dispatches `e` under its name and as `event` (the whole stream). */
  emitEvent (e: CoordinatorEvent): void {
    this.emit(e.event, e as never)
    this.emit('event', e)
  }

  // ------------------------------------------------------------- setup

  private context (): CoordinatorContext {
    return {
      store: this.store,
      rounds: this.rounds,
      model: this.model,
      shards: this.shards,
      chain: this.chain,
      metrics: this.coordinatorMetrics,
      addrs: this.addrs,
      listeners: this.listeners,
      providers: this.providers,
      stakeCheck: this.stakeCheck,
      emit: (e) => { this.emitEvent(e) },
      whyNoRound: () => this.opener.whyNoRound()
    }
  }

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
      // The default speed (and cap on a claimed one) is in reference samples too.
      speedFactor: this.speedFactor,
      defaultSamplesPerSec: defaultCoordinatorConfig.defaultSamplesPerSec * this.speedFactor,
      datasetId: this.textDatasetId,
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

  /**
   * Loads the training data, stores each shard as a blob and keeps only its
   * id and size: the samples stay on disk until a replay reads its shard
   * (shardDataset), and the training set is dropped once sharded. Holding
   * the training set and a decoded copy of every shard was 90 MB of the
   * coordinator's memory for MNIST, for as long as it ran.
   */
  private async loadData (): Promise<void> {
    const o = this.options
    const data = await loadTrainingData(this.model, { dataDir: o.dataDir, trainSamples: o.trainSamples, testSamples: o.testSamples, textFiles: o.textFiles })
    // A text run's manifest lists the training shards with their labels, so they are kept until it is published (text corpora are small).
    const forManifest: Shard[] = []
    let index = 0
    for (const s of eachShard(data.train, o.shards)) {
      if (!this.store.blobs.has(s.id)) await this.store.blobs.put(s.bytes)
      this.shards.set(s.id, { info: { id: s.id, samples: s.dataset.count }, index: index++, size: s.bytes.byteLength })
      if (data.heldOut !== undefined) forManifest.push(s)
    }
    if (data.heldOut !== undefined) this.textDatasetId = await publishTextDataset(this.store.blobs, forManifest, data)
    this.evaluateModel = data.evaluate
  }

  /** A shard's samples, read from the blob store (hash-checked); undefined for a shard this coordinator does not serve. */
  private async shardDataset (id: string): Promise<Dataset | undefined> {
    if (!this.shards.has(id)) return undefined
    return decodeShard(await this.store.blobs.get(id), { expectedId: id }).dataset
  }

  private async startNode (): Promise<void> {
    const o = this.options
    try {
      this.node = await createNode({
        identityPath: join(o.dataDir, IDENTITY_FILE),
        listen: o.listen,
        gossipsub: true,
        expectedPeers: o.maxWorkers ?? DEFAULT_MAX_WORKERS,
        // Workers behind NAT (or with a flooded port) serve their checkpoints through us: joined, not banned workers only.
        relay: {
          allow: (peer) => { const w = this.rounds?.workers.get(peer.toString()); return w != null && w.status !== 'banned' },
          maxReservations: o.maxWorkers ?? DEFAULT_MAX_WORKERS
        }
      })
    } catch (err) {
      const text = oneLine(err)
      if (/EADDRINUSE|address already in use|UnsupportedListenAddresses/i.test(text)) throw new CotrainError(`cannot listen on ${o.listen?.join(', ') ?? 'the default address'}: the port is in use or the address is not on this machine`, { hint: 'pick another --listen port, or stop the process using it' })
      if (/multiaddr|invalid/i.test(text)) throw new InvalidInputError(`bad --listen address ${o.listen?.join(', ') ?? ''}: ${text}`, { hint: 'use a multiaddr like /ip4/127.0.0.1/tcp/4001' })
      throw err
    }
    this.stoppers.push(async () => await this.node.stop())
  }

  /** The opening policy and the gauges, on the service's timer. */
  private async loop (): Promise<void> {
    this.coordinatorMetrics.refresh(this.store, this.rounds, this.providers)
    await this.opener.step()
  }
}
