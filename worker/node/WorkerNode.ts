import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import * as tf from '@tensorflow/tfjs'
import type { Address } from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import { InvalidInputError } from '../../lib/errors.ts'
import { createChainClient, type WalletChainClient } from '../../lib/chain/index.ts'
import type { Progress } from '../../lib/cli/Progress.ts'
import { startStatusServer, type StatusServer } from '../../lib/http/startStatusServer.ts'
import { WORKER_EXPECTED_PEERS, backoffDelay, createNode, peerWaitMs, subscribeRoundAnnouncements, type Capabilities, type CotrainNode, type ProtocolError } from '../../lib/net/index.ts'
import type { cotrain } from '../../lib/proto/cotrain.js'
import { selectBackend, type BackendName } from '../../lib/training/selectBackend.ts'
import { challengeWindowSeconds } from '../../lib/challenge/challengeWindow.ts'
import { Outbox } from '../chain/Outbox.ts'
import { detectHardware, type HardwareInfo } from '../hardware/detectHardware.ts'
import { measureCapability, type Capability } from '../hardware/measureCapability.ts'
import { CheckpointServer } from './CheckpointServer.ts'
import { ContentCache } from './ContentCache.ts'
import { CoordinatorLink, CoordinatorUnreachableError, isNotStakedRefusal, parseCoordinator } from './CoordinatorLink.ts'
import type { WorkerEvent } from './events.ts'
import { claimedSpeedOf, type WorkerFault } from '../../lib/faults/index.ts'
import { ensureStaked, NotStakedError, type StakeConsent } from './ensureStaked.ts'
import { RoundRunner } from './RoundRunner.ts'
import { watchStanding, type Standing } from './watchStanding.ts'
import { startControlSocket, type ControlSocket } from './ControlSocket.ts'
import { TrainingGate, type TrainingLimits } from './TrainingGate.ts'
import type { LiveStatus, WorkerContext } from './WorkerContext.ts'
import { createWorkerMetrics, type WorkerMetrics } from './workerMetrics.ts'
import { WorkerState } from './WorkerState.ts'
import { AnnouncementWait } from './AnnouncementWait.ts'

/** How a worker runs (the `worker start` flags, resolved). */
export interface WorkerNodeOptions {
  /** The coordinator's multiaddr, with /p2p/<peer id>. */
  coordinator: string
  dataDir: string
  /** Signs the join binding and the chain transactions. */
  account: PrivateKeyAccount
  rpcUrl?: string
  /** The staking contract; without it the worker does not touch the chain. */
  contract?: Address
  /** Wei to stake when the account is not registered (--stake); without it or a yes from confirmStake, the worker stakes nothing. */
  stake?: bigint
  /** Asks the user (at a terminal) whether to stake the minimum; true only on an explicit yes. */
  confirmStake?: StakeConsent['confirm']
  backend?: BackendName | 'auto'
  /** Data-parallel threads (cpu / wasm); fault modes run in one thread. */
  threads?: number
  fault?: WorkerFault
  /** copy fault: the data dir of the worker to copy from. */
  copyFrom?: string
  /** Port of the /metrics server on 127.0.0.1; undefined: none; 0: any free port. */
  metricsPort?: number
  /** Stop after this many rounds (0: run until stopped). */
  rounds?: number
  /** After the last round, how long to keep serving checkpoints at most, waiting for the coordinator to move on. */
  lingerSeconds?: number
  /** libp2p listen addresses (default 127.0.0.1, any port: validators dial it for checkpoints). */
  listen?: string[]
  /** Rounds whose checkpoints stay on disk. */
  keepRounds?: number
  /** How long to keep trying to reach an unreachable coordinator (default 600 s); committed, undelivered work is retried until delivered. */
  reconnectSeconds?: number
  /** Poll interval when the coordinator says "wait" without retry_after. */
  pollMs?: number
  /** Capability benchmark budget (ms). */
  benchmarkMs?: number
  /** When training may run: --idle-only, --max-cpu, --schedule. */
  limits?: TrainingLimits
  /** Serve `worker pause | resume | status` on <data-dir>/control.sock (default true). */
  controlSocket?: boolean
  onEvent?: (e: WorkerEvent) => void
  /** Human log lines (stderr in the CLI). */
  log?: (line: string) => void
  progress?: Progress
}

/** How long a worker keeps trying to reach a coordinator that does not answer (a restart takes seconds, a redeploy minutes). */
const DEFAULT_RECONNECT_SECONDS = 600

/**
 * The contributor's node, running: `WorkerNode.start` loads nothing secret
 * itself (the account comes in), detects the machine, picks the backend,
 * joins the coordinator over libp2p and returns with the round loop running:
 * round after round it asks for work and hands each assignment to the
 * RoundRunner (fetch, train with proof, commit through the outbox, submit,
 * serve checkpoints). State lives in `dataDir`:
 *
 *     peer.key             libp2p identity (stable peer id)
 *     worker-state.json    rounds done, per-round commitment and outcome
 *     content/<id>         models and shards by content id (hash-checked)
 *     checkpoints/round-r  checkpoints + leaves (trainRound resumes from them)
 *     submissions/round-r  the update as submitted (so a restart re-sends the same bytes)
 *     outbox/              chain transactions, exactly once
 *
 * @example
 * const w = await WorkerNode.start({ coordinator, dataDir, account, rounds: 1, onEvent: console.log })
 * await w.done
 */
export class WorkerNode {
  readonly options: WorkerNodeOptions
  /** What start() set up; complete, so the loop and the runner need no casts. */
  readonly context: WorkerContext
  /** The /metrics server, when metricsPort was given. */
  readonly metricsServer: StatusServer | undefined
  /** Resolves when the loop ends (rounds done, stopped, or failed: then it rejects). */
  readonly done: Promise<void>

  private readonly controller: AbortController
  private readonly control: ControlSocket | undefined
  private readonly runner: RoundRunner
  private readonly announcements: { stop: () => void }
  /** The waits between polls, ended by a round announced on gossip. */
  private readonly heard: AnnouncementWait
  private standing: Standing | null = null
  private standingCheckedAt = 0
  private waitingFor = ''
  private closed = false

  private constructor (context: WorkerContext, controller: AbortController, servers: { metricsServer?: StatusServer, control?: ControlSocket, announcements: { stop: () => void }, heard: AnnouncementWait }) {
    this.options = context.options
    this.context = context
    this.controller = controller
    this.metricsServer = servers.metricsServer
    this.control = servers.control
    this.runner = new RoundRunner(context)
    this.announcements = servers.announcements
    this.heard = servers.heard
    this.done = this.loop()
  }

  get address (): Address { return this.context.address }
  get node (): CotrainNode { return this.context.node }
  get state (): WorkerState { return this.context.state }
  get metrics (): WorkerMetrics { return this.context.metrics }
  get signal (): AbortSignal { return this.controller.signal }

  /**
   * Sets up everything and joins the coordinator; returns with the round loop
   * running (see `done`). What it opened is closed again when it throws.
   */
  static async start (options: WorkerNodeOptions, startOptions: { signal?: AbortSignal } = {}): Promise<WorkerNode> {
    const o = options
    const controller = new AbortController()
    startOptions.signal?.addEventListener('abort', () => { controller.abort(startOptions.signal?.reason) }, { once: true })
    const signal = controller.signal
    const log = o.log ?? (() => {})
    const emit = (e: WorkerEvent): void => { o.onEvent?.(e) }
    const fault = o.fault ?? 'none'
    if (fault === 'copy' && o.copyFrom === undefined) throw new InvalidInputError('--fault copy needs --copy-from DIR', { hint: "point it at another worker's --data-dir" })
    parseCoordinator(o.coordinator)
    await mkdir(o.dataDir, { recursive: true })
    const address = o.account.address
    const state = new WorkerState(o.dataDir)
    state.setAddress(address)
    const metrics = createWorkerMetrics()

    const hardware = await detectHardware({ signal })
    const backend = await selectBackend({ backend: o.backend ?? 'auto', cuda: hardware.cuda.present })
    log(`backend: ${backend.reason}`)
    const capability = await measureCapability({ budgetMs: o.benchmarkMs ?? 600, signal })
    log(`capability: ${capability.trainSamplesPerSecond.toFixed(0)} samples/s, ${capability.matmulGflops.toFixed(1)} GFLOP/s`)

    const closers: Array<() => Promise<unknown>> = []
    try {
      const node = await createNode({ identityPath: path.join(o.dataDir, 'peer.key'), listen: o.listen ?? ['/ip4/127.0.0.1/tcp/0'], gossipsub: true, expectedPeers: WORKER_EXPECTED_PEERS })
      closers.push(async () => await node.stop())
      const cache = new ContentCache(o.dataDir)
      const checkpoints = new CheckpointServer(node, path.join(o.dataDir, 'checkpoints'), {
        onServed: () => { metrics.checkpointsServed.inc() },
        alsoServe: (id) => cache.source(id),
        onContentServed: (bytes) => { metrics.bytesServed.inc(bytes) }
      })
      await checkpoints.start()
      closers.push(async () => await checkpoints.stop())
      // Rounds submitted before a restart are still owed to verifiers.
      for (const rec of state.records()) checkpoints.serve(rec.round)

      const gate = new TrainingGate(o.limits, {
        onChange: (g) => { emit(g.running ? { event: 'worker:resumed' } : { event: 'worker:paused', reason: g.reason }) }
      })
      const live: LiveStatus = { phase: 'starting', round: null, step: 0, steps: 0 }
      let control: ControlSocket | undefined
      if (o.controlSocket !== false) {
        control = await startControlSocket(o.dataDir, (command) => {
          if (command === 'pause') gate.pause()
          if (command === 'resume') gate.resume()
          return { address, paused: gate.isPaused, gate: gate.state, ...live, roundsDone: state.roundsDone }
        })
        closers.push(control.stop)
      }

      let metricsServer: StatusServer | undefined
      if (o.metricsPort !== undefined) {
        const server = await startStatusServer({ metrics: metrics.registry, port: o.metricsPort })
        closers.push(async () => await server.stop())
        metricsServer = server
        log(`metrics: ${server.url}/metrics`)
      }

      const coordinator = new CoordinatorLink(node, o.coordinator, { account: o.account, capabilities: capabilitiesOf(hardware, capability, backend, fault), reconnectMs: reconnectMs(o), log })
      // Subscribed before the join: the coordinator then sees by the first
      // poll that this worker hears the announcements, and has it come back in
      // 20 s instead of N / 50 s while it waits for a round.
      const heard = new AnnouncementWait()
      const announcements = subscribeRoundAnnouncements(node, {
        coordinator: coordinator.named,
        onAnnouncement: (a) => { heard.announced(a.round) }
      })
      closers.push(async () => { announcements.stop() })
      // A coordinator with a staking contract refuses an unstaked address
      // (NOT_STAKED): that is the cue to stake below, with the user's word, and
      // join again; not an error and not something to retry.
      let refusedForStake: ProtocolError | undefined
      try {
        await coordinator.join({ signal })
      } catch (err) {
        if (!isNotStakedRefusal(err)) throw err
        if (o.contract === undefined) throw new NotStakedError(`the coordinator requires stake: ${err.reason}`, { hint: 'start the worker with --contract (the coordinator\'s staking contract), --rpc-url and --stake ETH' })
        refusedForStake = err
        log(`the coordinator requires stake: ${err.reason}`)
      }

      // Money moves only after the coordinator answered (a typo in --coordinator
      // stakes nothing) and only with the user's word (--stake or a yes).
      let outbox: Outbox | undefined
      let chainClient: WalletChainClient | undefined
      let challengeWindow = 0
      if (o.contract !== undefined) {
        const chain = chainClient = await createChainClient({ rpcUrl: o.rpcUrl ?? 'http://127.0.0.1:8545', account: o.account })
        const box = new Outbox({ dir: path.join(o.dataDir, 'outbox'), client: chain, address: o.contract })
        await box.start({ signal })
        closers.push(async () => await box.stop())
        outbox = box
        const { staked } = await ensureStaked(chain, box, { contract: o.contract, address, consent: { stake: o.stake, confirm: o.confirmStake }, log, signal })
        // The coordinator may have set us inactive while we were unregistered; a join after staking makes us eligible.
        if (staked !== null || refusedForStake !== undefined) {
          try {
            await coordinator.join({ signal })
          } catch (err) {
            // Registered, yet refused: the stake is under the minimum (slashed, or the minimum was raised).
            if (isNotStakedRefusal(err)) throw new NotStakedError(`the coordinator still refuses this worker: ${err.reason}`, { hint: 'add stake with worker stake add ETH, then start again' })
            throw err
          }
        }
        // A verifier at the window's edge must still find the checkpoints: keep them 10 minutes longer.
        challengeWindow = await challengeWindowSeconds(chain, o.contract) + 600
      }
      const context: WorkerContext = {
        options: o, address, signal, log, emit, hardware, capability, backend, node, coordinator, checkpoints,
        cache, state, metrics, outbox, chain: chainClient, challengeWindowSeconds: challengeWindow, gate, live
      }
      const worker = new WorkerNode(context, controller, { metricsServer, control, announcements, heard })
      emit({
        event: 'worker:ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String), address,
        backend: backend.name, backendReason: backend.reason, backendClass: backend.backendClass, coordinator: o.coordinator, contract: o.contract ?? null
      })
      return worker
    } catch (err) {
      for (const close of closers.reverse()) await close().catch(() => {})
      throw err
    }
  }

  /** Holds training before its next step (worker pause); `resume` continues. */
  pause (): void { this.context.gate.pause() }
  resume (): void { this.context.gate.resume() }

  /** Stops the loop (a round in training is abandoned; its checkpoints stay for the resume) and closes everything. */
  async stop (): Promise<void> {
    this.controller.abort(new Error('worker stopped'))
    this.heard.interrupt()
    await this.done.catch(() => {})
    await this.close()
  }

  private async close (): Promise<void> {
    if (this.closed) return
    this.closed = true
    const c = this.context
    try { this.announcements.stop() } catch {}
    c.coordinator.close()
    await c.checkpoints.stop().catch(() => {})
    await c.outbox?.stop().catch(() => {})
    await this.metricsServer?.stop().catch(() => {})
    await this.control?.stop().catch(() => {})
    await Promise.resolve(c.node.stop()).catch(() => {})
  }

  /** Waits `ms`, or less when an announcement (also one heard during the last poll) or stop() wakes it. */
  private async idle (ms: number): Promise<void> {
    await this.heard.wait(ms, this.signal)
  }

  /** Logs why the worker waits, once per new reason (not on every poll). */
  private noteWaiting (reason: string): void {
    Object.assign(this.context.live, { phase: 'waiting', waitingFor: reason })
    if (reason === this.waitingFor) return
    this.waitingFor = reason
    this.context.emit({ event: 'worker:waiting', reason })
  }

  /** Looks at the chain at most every 15 s: reported, slashed, finalized, ineligible are told at once. */
  private async checkStanding (): Promise<void> {
    const { chain, options: o, state, address } = this.context
    if (chain === undefined || o.contract === undefined || Date.now() - this.standingCheckedAt < 15_000) return
    this.standingCheckedAt = Date.now()
    try {
      this.standing = await watchStanding(chain, { contract: o.contract, address, state, emit: this.context.emit, last: this.standing })
    } catch (err) {
      this.context.log(`could not read the worker's standing on chain: ${(err as Error).message.split('\n')[0]}`)
    }
  }

  private async loop (): Promise<void> {
    const o = this.options
    const { coordinator, state } = this.context
    const limit = o.rounds ?? 0
    let finished = 0
    let lastRound = Math.max(0, ...state.records().filter((r) => r.status !== 'committed').map((r) => r.round))
    let failures = 0
    let unreachableSince = 0
    let lingerUntil = 0
    let reason = 'stopped'
    try {
      // The join said when there is first work to ask for (no round was
      // training); the next round's announcement ends the wait early.
      await this.idle(coordinator.msUntilFirstPoll() * (0.75 + Math.random() / 2))
      while (!this.signal.aborted) {
        // Paused, outside the schedule or the machine in use: ask for no work (the coordinator gives it to others).
        if (lingerUntil === 0) {
          await this.context.gate.beforeStep(this.signal)
          if (this.signal.aborted) break
        }
        let a: cotrain.v1.Assignment
        try {
          this.heard.mark()
          a = await coordinator.assignment({ signal: this.signal })
          failures = 0
          unreachableSince = 0
        } catch (err) {
          if (this.signal.aborted) break
          // Re-joining a restarted coordinator after a slash below the minimum:
          // an answer, not an outage. Say so once and ask again slowly (worker
          // stake add makes the next join succeed).
          if (isNotStakedRefusal(err) && lingerUntil === 0) {
            this.noteWaiting(`the coordinator refuses this worker: ${err.reason}`)
            await this.idle(30_000)
            continue
          }
          failures++
          if (unreachableSince === 0) unreachableSince = Date.now()
          // After the last round, keep serving checkpoints for the whole linger
          // time even when the coordinator is unreachable: it may be restarting
          // with our update still pending, and validators fetch from us directly.
          if (lingerUntil > 0) {
            if (Date.now() >= lingerUntil) { reason = 'linger time over (coordinator unreachable)'; break }
            await this.idle(Math.min(2000, lingerUntil - Date.now()))
            continue
          }
          // A coordinator restarting comes back on the same address: keep
          // asking while the round could still use us, and never give up on
          // work that is committed but not yet delivered.
          if (Date.now() - unreachableSince > reconnectMs(o) && !holdsUndeliveredWork(state)) {
            throw new CoordinatorUnreachableError(`the coordinator at ${o.coordinator} stopped answering: ${(err as Error).message.split('\n')[0]}`, { hint: 'is it still running? (--reconnect-seconds sets how long a worker keeps trying)', cause: err })
          }
          if (failures === 1 || failures % 5 === 0) this.context.log(`assignment request failed (${(err as Error).message.split('\n')[0]}), retrying`)
          await this.idle(backoffDelay(failures, { maxMs: 10_000 }))
          continue
        }
        await this.checkStanding()
        if (lingerUntil > 0) {
          if (a.round > lastRound || this.heard.newest > lastRound) { reason = 'coordinator moved past the last round'; break }
          if (Date.now() >= lingerUntil) { reason = 'linger time over'; break }
          await this.idle(Math.min(2000, peerWaitMs(a.retryAfter) || (o.pollMs ?? 1000)))
          continue
        }
        if ((a.shards?.length ?? 0) === 0 || a.round <= lastRound) {
          this.noteWaiting(a.waitReason !== '' && a.waitReason !== undefined ? a.waitReason : 'waiting for work from the coordinator')
          // Jittered: workers woken together by an announcement and told the same wait would otherwise come back together.
          await this.idle(Math.max(100, (peerWaitMs(a.retryAfter) || (o.pollMs ?? 1000)) * (0.75 + Math.random() / 2)))
          continue
        }
        this.waitingFor = ''
        const nextPollS = await this.runner.run(a)
        this.standingCheckedAt = 0
        lastRound = a.round
        finished++
        await this.runner.prune()
        if (limit > 0 && finished >= limit) {
          // Keep serving checkpoints until the round is settled (the coordinator opens another or goes away).
          lingerUntil = Date.now() + (o.lingerSeconds ?? 60) * 1000
          if ((o.lingerSeconds ?? 60) <= 0) { reason = 'rounds done'; break }
        }
        // The ack said when the next work can come (this round must close
        // first): wait for that, or for the next round's announcement, rather
        // than poll at once to be told to wait. Lingering polls on its own clock.
        if (lingerUntil === 0 && nextPollS > 0 && this.heard.newest <= a.round) {
          this.heard.mark()
          await this.idle(peerWaitMs(nextPollS) * (0.75 + Math.random() / 2))
        }
      }
      this.context.emit({ event: 'worker:stopped', roundsDone: state.roundsDone, reason: this.signal.aborted ? 'stopped' : reason })
    } finally {
      await this.close()
    }
  }
}

function reconnectMs (o: WorkerNodeOptions): number {
  return (o.reconnectSeconds ?? DEFAULT_RECONNECT_SECONDS) * 1000
}

/** A round committed (on chain, or locally without one) whose update the coordinator has not acknowledged. */
function holdsUndeliveredWork (state: WorkerState): boolean {
  return state.records().some((r) => r.status === 'committed')
}

/** What the worker tells the coordinator it can do when it joins. */
function capabilitiesOf (hw: HardwareInfo, cap: Capability, backend: { name: string, backendClass: string }, fault: WorkerFault): Capabilities {
  const gpu = hw.gpus[0]
  return {
    backend: backend.name,
    tfjsVersion: tf.version_core,
    simd: backend.backendClass.includes('-simd'),
    samplesPerSecond: claimedSpeedOf(fault, cap.trainSamplesPerSecond),
    gflops: cap.matmulGflops,
    cpuCores: hw.cpu.cores,
    memoryMib: Math.floor(hw.memory.totalBytes / 2 ** 20),
    gpu: gpu === undefined ? '' : `${gpu.vendor} ${gpu.model}`.trim().slice(0, 128),
    gpuMemoryMib: gpu?.vramMiB ?? 0
  }
}
