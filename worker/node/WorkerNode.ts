import { cp, mkdir, readdir, rename, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { PeerId } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import * as tf from '@tensorflow/tfjs'
import { bytesToHex, hexToBytes, type Address, type Hex } from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import { CotrainError, InvalidInputError } from '../../lib/errors.ts'
import { createChainClient, getContributor, readStaking, type WalletChainClient } from '../../lib/chain/index.ts'
import { decodeShard } from '../../lib/data/shard.ts'
import { bytesToFloat32 } from '../../lib/hash/float32Bytes.ts'
import { weightsId } from '../../lib/hash/contentId.ts'
import type { Progress } from '../../lib/cli/Progress.ts'
import { resolveModelConfig, type ModelConfigInput } from '../../lib/model/config.ts'
import {
  ErrorCode, ProtocolError, backoffDelay, createNode, errorCodeName, isTransientError, requestAssignment, requestJoin, retryWithBackoff, submitUpdate, subscribeRoundAnnouncements,
  toContentId, type Capabilities, type CotrainNode
} from '../../lib/net/index.ts'
import type { cotrain } from '../../lib/proto/cotrain.js'
import { computeCommitment } from '../../lib/proof/commitment.ts'
import { deltaToWire } from '../../lib/proof/deltaWire.ts'
import { roundCheckpointDir } from '../../lib/training/CheckpointStore.ts'
import { resolveHyperParams, type TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import { selectBackend, type BackendName, type BackendSelection } from '../../lib/training/selectBackend.ts'
import { trainRound } from '../../lib/training/trainRound.ts'
import { startStatusServer, type StatusServer } from '../../coordinator/dashboard/startStatusServer.ts'
import { Outbox } from '../chain/Outbox.ts'
import { detectHardware, type HardwareInfo } from '../hardware/detectHardware.ts'
import { measureCapability, type Capability } from '../hardware/measureCapability.ts'
import { CheckpointServer } from './CheckpointServer.ts'
import { ContentCache } from './ContentCache.ts'
import type { WorkerEvent } from './events.ts'
import { applyDeltaFault, readSubmittedRound, submittedRoundPath, trainingFaultOf, type SubmittedRound, type WorkerFault } from './faults.ts'
import { createWorkerMetrics, type WorkerMetrics } from './workerMetrics.ts'
import { WorkerState } from './WorkerState.ts'

/** The coordinator could not be reached or keeps failing. */
export class CoordinatorUnreachableError extends CotrainError {
  override name = 'CoordinatorUnreachableError'
}

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
  onEvent?: (e: WorkerEvent) => void
  /** Human log lines (stderr in the CLI). */
  log?: (line: string) => void
  progress?: Progress
}

/** How long a worker keeps trying to reach a coordinator that does not answer (a restart takes seconds, a redeploy minutes). */
const DEFAULT_RECONNECT_SECONDS = 600

/** A round's update, ready to commit and submit (from training, or read back after a restart). */
interface PreparedUpdate extends SubmittedRound {
  deltaBytes: Uint8Array
  loss: number
  samplesPerSecond: number
  seconds: number
  resumedFrom: number | null
}

/**
 * The contributor's node: loads nothing secret itself (the account comes in),
 * detects the machine, picks the backend, joins the coordinator over libp2p
 * and then, round after round, fetches the model and its shards, trains with
 * proof, commits on chain through the outbox, submits the update and serves
 * its checkpoints to verifiers. State lives in `dataDir`:
 *
 *     peer.key             libp2p identity (stable peer id)
 *     worker-state.json    rounds done, per-round commitment and outcome
 *     content/<id>         models and shards by content id (hash-checked)
 *     checkpoints/round-r  checkpoints + leaves (trainRound resumes from them)
 *     submissions/round-r  the update as submitted (so a restart re-sends the same bytes)
 *     outbox/              chain transactions, exactly once
 *
 * @example
 * const w = new WorkerNode({ coordinator, dataDir, account, rounds: 1, onEvent: console.log })
 * await w.start()
 * await w.done
 */
export class WorkerNode {
  readonly options: WorkerNodeOptions
  readonly metrics: WorkerMetrics
  readonly state: WorkerState
  hardware: HardwareInfo | undefined
  capability: Capability | undefined
  backend: BackendSelection | undefined
  node: CotrainNode | undefined
  metricsServer: StatusServer | undefined
  outbox: Outbox | undefined
  /** Resolves when the loop ends (rounds done, stopped, or failed: then it rejects). */
  done: Promise<void> = Promise.resolve()

  private readonly controller = new AbortController()
  private readonly cache: ContentCache
  private checkpoints: CheckpointServer | undefined
  private chain: WalletChainClient | undefined
  private coordinatorAddr: Multiaddr | undefined
  private coordinatorPeer: PeerId | undefined
  private announcements: { stop: () => void } | undefined
  private wake: (() => void) | undefined
  private newestAnnounced = 0
  private closed = false

  constructor (options: WorkerNodeOptions) {
    this.options = options
    this.metrics = createWorkerMetrics()
    this.state = new WorkerState(options.dataDir)
    this.cache = new ContentCache(options.dataDir)
  }

  get address (): Address { return this.options.account.address }
  get signal (): AbortSignal { return this.controller.signal }

  /** Sets up everything, joins the coordinator and starts the round loop (see `done`). */
  async start (options: { signal?: AbortSignal } = {}): Promise<void> {
    options.signal?.addEventListener('abort', () => { this.controller.abort(options.signal?.reason) }, { once: true })
    const o = this.options
    const log = o.log ?? (() => {})
    const fault = o.fault ?? 'none'
    if (fault === 'copy' && o.copyFrom === undefined) throw new InvalidInputError('--fault copy needs --copy-from DIR', { hint: "point it at another worker's --data-dir" })
    this.coordinatorAddr = parseCoordinator(o.coordinator)
    await mkdir(o.dataDir, { recursive: true })
    this.state.setAddress(this.address)

    this.hardware = await detectHardware({ signal: this.signal })
    this.backend = await selectBackend({ backend: o.backend ?? 'auto', cuda: this.hardware.cuda.present })
    log(`backend: ${this.backend.reason}`)
    this.capability = await measureCapability({ budgetMs: o.benchmarkMs ?? 600, signal: this.signal })
    log(`capability: ${this.capability.trainSamplesPerSecond.toFixed(0)} samples/s, ${this.capability.matmulGflops.toFixed(1)} GFLOP/s`)

    this.node = await createNode({ identityPath: path.join(o.dataDir, 'peer.key'), listen: o.listen ?? ['/ip4/127.0.0.1/tcp/0'], gossipsub: true })
    this.checkpoints = new CheckpointServer(this.node, path.join(o.dataDir, 'checkpoints'), { onServed: () => { this.metrics.checkpointsServed.inc() } })
    await this.checkpoints.start()
    // Rounds submitted before a restart are still owed to verifiers.
    for (const rec of this.state.records()) this.checkpoints.serve(rec.round)

    if (o.metricsPort !== undefined) {
      this.metricsServer = await startStatusServer({ metrics: this.metrics.registry, port: o.metricsPort })
      log(`metrics: ${this.metricsServer.url}/metrics`)
    }

    if (o.contract !== undefined) {
      this.chain = await createChainClient({ rpcUrl: o.rpcUrl ?? 'http://127.0.0.1:8545', account: o.account })
      this.outbox = new Outbox({ dir: path.join(o.dataDir, 'outbox'), client: this.chain, address: o.contract })
      await this.outbox.start({ signal: this.signal })
      await this.ensureRegistered()
    }

    await this.join()
    this.announcements = subscribeRoundAnnouncements(this.node, {
      coordinator: this.coordinatorPeer as PeerId,
      onAnnouncement: (a) => { this.newestAnnounced = Math.max(this.newestAnnounced, a.round); this.wake?.() }
    })
    this.emit({
      event: 'worker:ready', peerId: this.node.peerId.toString(), addrs: this.node.getMultiaddrs().map(String), address: this.address,
      backend: this.backend.name, backendReason: this.backend.reason, backendClass: this.backend.backendClass, coordinator: o.coordinator, contract: o.contract ?? null
    })
    this.done = this.loop()
  }

  /** Stops the loop (a round in training is abandoned; its checkpoints stay for the resume) and closes everything. */
  async stop (): Promise<void> {
    this.controller.abort(new Error('worker stopped'))
    this.wake?.()
    await this.done.catch(() => {})
    await this.close()
  }

  private async close (): Promise<void> {
    if (this.closed) return
    this.closed = true
    try { this.announcements?.stop() } catch {}
    await this.checkpoints?.stop().catch(() => {})
    await this.outbox?.stop().catch(() => {})
    await this.metricsServer?.stop().catch(() => {})
    await Promise.resolve(this.node?.stop()).catch(() => {})
    this.node = undefined
  }

  private emit (e: WorkerEvent): void {
    this.options.onEvent?.(e)
  }

  private async ensureRegistered (): Promise<void> {
    const chain = this.chain as WalletChainClient
    const address = this.options.contract as Address
    const me = await getContributor(chain, { address })
    if (me.registered) return
    const stake = await readStaking(chain, address, 'minimumStake')
    this.options.log?.(`registering ${this.address} with the minimum stake (${stake} wei)`)
    const outbox = this.outbox as Outbox
    const pending = outbox.entries().find((e) => e.intent.kind === 'registerContributor' && e.state !== 'failed')
    const entry = pending ?? await outbox.enqueue({ kind: 'registerContributor', stake })
    await outbox.waitFor(entry.id, { signal: this.signal })
  }

  private capabilities (): Capabilities {
    const hw = this.hardware as HardwareInfo
    const cap = this.capability as Capability
    const gpu = hw.gpus[0]
    return {
      backend: (this.backend as BackendSelection).name,
      tfjsVersion: tf.version_core,
      simd: (this.backend as BackendSelection).backendClass.includes('-simd'),
      samplesPerSecond: cap.trainSamplesPerSecond,
      gflops: cap.matmulGflops,
      cpuCores: hw.cpu.cores,
      memoryMib: Math.floor(hw.memory.totalBytes / 2 ** 20),
      gpu: gpu === undefined ? '' : `${gpu.vendor} ${gpu.model}`.trim().slice(0, 128),
      gpuMemoryMib: gpu?.vramMiB ?? 0
    }
  }

  /**
   * Joins, retrying unreachable or busy coordinators with jittered back-off
   * for up to `reconnectSeconds` (a coordinator restarting, or a fleet
   * joining at once); a refusal from the coordinator is final.
   */
  private async join (): Promise<void> {
    const o = this.options
    try {
      const { coordinator } = await retryWithBackoff(
        async () => await requestJoin(this.node as CotrainNode, this.coordinatorAddr as Multiaddr, { signer: o.account, capabilities: this.capabilities(), clientVersion: 'cotrain-worker/1' }, { signal: this.signal }),
        {
          signal: this.signal,
          giveUpAfterMs: this.reconnectMs(),
          onRetry: (err, attempt, wait) => { if (attempt === 1 || attempt % 5 === 0) o.log?.(`join failed (${(err as Error).message.split('\n')[0]}), retrying in ${(wait / 1000).toFixed(1)} s`) }
        })
      this.coordinatorPeer = coordinator
    } catch (err) {
      if (err instanceof ProtocolError && err.remote === true) throw err
      if (this.signal.aborted) throw err
      throw new CoordinatorUnreachableError(`cannot reach the coordinator at ${o.coordinator}: ${(err as Error).message.split('\n')[0]}`, { hint: 'is it running? check --coordinator (its multiaddr with /p2p/<peer id>, printed in coordinator.json)', cause: err })
    }
  }

  private reconnectMs (): number {
    return (this.options.reconnectSeconds ?? DEFAULT_RECONNECT_SECONDS) * 1000
  }

  /** A round committed (on chain, or locally without one) whose update the coordinator has not acknowledged. */
  private holdsUndeliveredWork (): boolean {
    return this.state.records().some((r) => r.status === 'committed')
  }

  private async pause (ms: number): Promise<void> {
    if (this.signal.aborted) return
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, ms)
      const onAbort = (): void => { done() }
      this.signal.addEventListener('abort', onAbort, { once: true })
      this.wake = done
      function done (): void { clearTimeout(t); resolve() }
    })
    this.wake = undefined
  }

  /** Asks for work; re-joins once if the coordinator forgot us (restart). */
  private async assignment (): Promise<cotrain.v1.Assignment> {
    try {
      return await requestAssignment(this.node as CotrainNode, this.coordinatorPeer as PeerId, { round: 0, workerAddress: this.address }, { signal: this.signal })
    } catch (err) {
      if (err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_UNAUTHENTICATED) {
        await this.join()
        return await requestAssignment(this.node as CotrainNode, this.coordinatorPeer as PeerId, { round: 0, workerAddress: this.address }, { signal: this.signal })
      }
      throw err
    }
  }

  private async loop (): Promise<void> {
    const o = this.options
    const limit = o.rounds ?? 0
    let finished = 0
    let lastRound = Math.max(0, ...this.state.records().filter((r) => r.status !== 'committed').map((r) => r.round))
    let failures = 0
    let unreachableSince = 0
    let lingerUntil = 0
    let reason = 'stopped'
    try {
      while (!this.signal.aborted) {
        let a: cotrain.v1.Assignment
        try {
          a = await this.assignment()
          failures = 0
          unreachableSince = 0
        } catch (err) {
          if (this.signal.aborted) break
          failures++
          if (unreachableSince === 0) unreachableSince = Date.now()
          // After the last round, keep serving checkpoints for the whole linger
          // time even when the coordinator is unreachable: it may be restarting
          // with our update still pending, and validators fetch from us directly.
          if (lingerUntil > 0) {
            if (Date.now() >= lingerUntil) { reason = 'linger time over (coordinator unreachable)'; break }
            await this.pause(Math.min(2000, lingerUntil - Date.now()))
            continue
          }
          // A coordinator restarting comes back on the same address: keep
          // asking while the round could still use us, and never give up on
          // work that is committed but not yet delivered.
          if (Date.now() - unreachableSince > this.reconnectMs() && !this.holdsUndeliveredWork()) {
            throw new CoordinatorUnreachableError(`the coordinator at ${o.coordinator} stopped answering: ${(err as Error).message.split('\n')[0]}`, { hint: 'is it still running? (--reconnect-seconds sets how long a worker keeps trying)', cause: err })
          }
          if (failures === 1 || failures % 5 === 0) o.log?.(`assignment request failed (${(err as Error).message.split('\n')[0]}), retrying`)
          await this.pause(backoffDelay(failures, { maxMs: 10_000 }))
          continue
        }
        if (lingerUntil > 0) {
          if (a.round > lastRound || this.newestAnnounced > lastRound) { reason = 'coordinator moved past the last round'; break }
          if (Date.now() >= lingerUntil) { reason = 'linger time over'; break }
          await this.pause(Math.min(2000, (a.retryAfter ?? 0) * 1000 || (o.pollMs ?? 1000)))
          continue
        }
        if ((a.shards?.length ?? 0) === 0 || a.round <= lastRound) {
          await this.pause(Math.max(100, (a.retryAfter ?? 0) * 1000 || (o.pollMs ?? 1000)))
          continue
        }
        await this.runRound(a)
        lastRound = a.round
        finished++
        await this.prune()
        if (limit > 0 && finished >= limit) {
          // Keep serving checkpoints until the round is settled (the coordinator opens another or goes away).
          lingerUntil = Date.now() + (o.lingerSeconds ?? 60) * 1000
          if ((o.lingerSeconds ?? 60) <= 0) { reason = 'rounds done'; break }
        }
      }
      this.emit({ event: 'worker:stopped', roundsDone: this.state.roundsDone, reason: this.signal.aborted ? 'stopped' : reason })
    } finally {
      await this.close()
    }
  }

  /** One round: fetch, train (or resume, or cheat), commit, submit, serve. */
  private async runRound (a: cotrain.v1.Assignment): Promise<void> {
    const o = this.options
    const ann = a.announcement as cotrain.v1.RoundAnnouncement
    const round = a.round
    const fault = o.fault ?? 'none'
    const hyper = hyperOf(ann)
    const modelId = toContentId(ann.modelId)
    this.emit({ event: 'round:assigned', round, shards: a.shards.length, samples: a.totalSamples, steps: hyper.steps, modelId })

    let update = await this.readPrepared(round)
    if (update === undefined) {
      update = fault === 'copy' ? await this.copyUpdate(round) : await this.train(a, hyper)
      await this.savePrepared(update)
    }
    this.emit({ event: 'round:trained', round, commitment: update.commitment, proofRoot: update.proofRoot, loss: update.loss, samplesPerSecond: update.samplesPerSecond, seconds: update.seconds, resumedFrom: update.resumedFrom, fault })
    this.metrics.samplesPerSecond.set(update.samplesPerSecond)

    let contributionId: string | undefined
    let txHash: string | undefined
    if (this.outbox !== undefined) {
      const entry = await this.outbox.submitContribution({ dataHash: update.commitment as Hex })
      const confirmed = await this.outbox.waitFor(entry.id, { signal: this.signal })
      contributionId = confirmed.result?.contributionId?.toString()
      txHash = confirmed.result?.txHash
    }
    this.state.put({ round, commitment: update.commitment, proofRoot: update.proofRoot, contributionId, txHash, status: 'committed', fault })
    this.checkpoints?.serve(round)
    this.emit({ event: 'contribution:submitted', round, commitment: update.commitment, contributionId: contributionId ?? null, txHash: txHash ?? null })

    // Round 0 does not exist on the wire, so a stale worker in round 1 claims round 2 (also not open).
    const submittedRound = fault === 'stale-round' ? (round > 1 ? round - 1 : round + 1) : round
    const wire = deltaToWire(update.deltaBytes)
    let status: 'accepted' | 'rejected'
    try {
      // Committed work is delivered whatever it takes: a coordinator that is
      // down or restarting is retried (with back-off) until it answers, and
      // one that forgot us (a new database) is joined again first.
      let rejoin = false
      const message = {
        round: submittedRound,
        workerAddress: hexToBytes(this.address),
        baseModelId: hexToBytes(update.baseModelId as Hex),
        commitment: hexToBytes(update.commitment as Hex),
        ...wire,
        deltaHash: hexToBytes(update.deltaHash as Hex),
        proofRoot: hexToBytes(update.proofRoot as Hex),
        leafCount: update.leaves.length,
        leaves: update.leaves,
        samples: update.samples,
        contributionId: contributionId ?? '',
        txHash: txHash === undefined ? new Uint8Array(0) : hexToBytes(txHash as Hex),
        backendClass: update.replay.backendClass,
        microBatches: update.replay.microBatches
      }
      await retryWithBackoff(async () => {
        if (rejoin) await this.join()
        rejoin = false
        await submitUpdate(this.node as CotrainNode, this.coordinatorPeer as PeerId, message, { signal: this.signal })
      }, {
        signal: this.signal,
        maxMs: 30_000,
        retryable: (err) => {
          rejoin = err instanceof ProtocolError && err.remote && err.code === ErrorCode.ERROR_CODE_UNAUTHENTICATED
          return rejoin || isTransientError(err)
        },
        onRetry: (err, attempt, wait) => { if (attempt === 1 || attempt % 5 === 0) o.log?.(`round ${round}: delivering the update failed (${(err as Error).message.split('\n')[0]}), retrying in ${(wait / 1000).toFixed(1)} s`) }
      })
      status = 'accepted'
      this.emit({ event: 'update:accepted', round, commitment: update.commitment, submittedRound })
    } catch (err) {
      if (this.signal.aborted) throw err
      if (!(err instanceof ProtocolError) || err.remote !== true) throw err
      if (err.code === ErrorCode.ERROR_CODE_DUPLICATE) {
        // Sent before a crash: the coordinator has it already.
        status = 'accepted'
        this.emit({ event: 'update:accepted', round, commitment: update.commitment, submittedRound })
      } else {
        status = 'rejected'
        this.emit({ event: 'update:rejected', round, commitment: update.commitment, submittedRound, code: errorCodeName(err.code), reason: err.shortMessage })
      }
    }
    this.metrics.submissions.inc(1, { result: status })
    this.metrics.rounds.inc()
    this.state.put({ round, commitment: update.commitment, proofRoot: update.proofRoot, contributionId, txHash, status, fault })
    this.emit({ event: 'round:done', round, status, loss: update.loss })
  }

  private async train (a: cotrain.v1.Assignment, hyper: TrainingHyperParams): Promise<PreparedUpdate> {
    const o = this.options
    const ann = a.announcement as cotrain.v1.RoundAnnouncement
    const node = this.node as CotrainNode
    const peer = this.coordinatorPeer as PeerId
    const onFetched = (n: number): void => { if (n > 0) this.metrics.bytesFetched.inc(n) }
    const model = await this.cache.get(node, peer, ann.modelId, { signal: this.signal, onProgress: (r, t) => o.progress?.update(`model ${a.round}`, r, t) })
    onFetched(model.fetched)
    const startWeights = bytesToFloat32(model.bytes, 'model weights')
    const shards = []
    for (const ref of a.shards) {
      const got = await this.cache.get(node, peer, ref.contentId as Uint8Array, { signal: this.signal, onProgress: (r, t) => o.progress?.update(`shard ${ref.index}`, r, t) })
      onFetched(got.fetched)
      const s = decodeShard(got.bytes, { expectedId: toContentId(ref.contentId as Uint8Array) })
      shards.push({ id: s.id, dataset: s.dataset })
    }
    const fault = o.fault ?? 'none'
    const trainingFault = trainingFaultOf(fault)
    const threads = trainingFault !== undefined ? 1 : Math.max(1, o.threads ?? 1)
    const config = resolveModelConfig(JSON.parse(ann.modelConfigJson) as ModelConfigInput)
    const result = await trainRound({
      round: a.round,
      roundSeed: bytesToHex(ann.roundSeed),
      workerAddress: this.address,
      model: config,
      startWeights,
      shards,
      hyper
    }, {
      checkpointDir: roundCheckpointDir(path.join(o.dataDir, 'checkpoints'), a.round),
      threads,
      fault: trainingFault,
      signal: this.signal,
      onProgress: (p) => o.progress?.update(`round ${a.round}`, p.step, p.steps, `loss ${p.loss.toFixed(4)}, ${p.samplesPerSecond.toFixed(0)} samples/s`)
    })
    if (result.resumedFrom !== null) o.log?.(`round ${a.round}: resumed after checkpoint ${result.resumedFrom}`)
    const final = applyDeltaFault(result, fault)
    return {
      round: a.round,
      workerAddress: this.address,
      baseModelId: final.startWeightsId,
      commitment: final.commitment,
      deltaHash: final.deltaHash,
      proofRoot: final.proofRoot,
      leaves: final.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm })),
      samples: hyper.steps * hyper.batchSize,
      replay: final.replay,
      deltaFile: `round-${a.round}.delta`,
      deltaBytes: final.deltaBytes,
      loss: final.leaves.at(-1)?.loss ?? 0,
      samplesPerSecond: final.samplesPerSecond,
      seconds: final.seconds,
      resumedFrom: final.resumedFrom
    }
  }

  /** copy fault: another worker's submitted update and checkpoints, under this worker's address. */
  private async copyUpdate (round: number): Promise<PreparedUpdate> {
    const from = this.options.copyFrom as string
    const started = performance.now()
    let got = await readSubmittedRound(from, round)
    while (got === undefined) {
      this.signal.throwIfAborted()
      await this.pause(500)
      got = await readSubmittedRound(from, round)
    }
    const src = roundCheckpointDir(path.join(from, 'checkpoints'), round)
    const dst = roundCheckpointDir(path.join(this.options.dataDir, 'checkpoints'), round)
    if (existsSync(src)) await cp(src, dst, { recursive: true, force: true })
    const m = got.meta
    const commitment = computeCommitment({ round, startWeightsId: m.baseModelId as Hex, deltaHash: m.deltaHash as Hex, proofRoot: m.proofRoot as Hex, workerAddress: this.address })
    return { ...m, workerAddress: this.address, commitment, deltaFile: `round-${round}.delta`, deltaBytes: got.deltaBytes, loss: m.leaves.at(-1)?.loss ?? 0, samplesPerSecond: 0, seconds: (performance.now() - started) / 1000, resumedFrom: null }
  }

  private async savePrepared (u: PreparedUpdate): Promise<void> {
    const file = submittedRoundPath(this.options.dataDir, u.round)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(path.join(path.dirname(file), u.deltaFile), u.deltaBytes)
    const { deltaBytes: _d, loss: _l, samplesPerSecond: _s, seconds: _t, resumedFrom: _r, ...meta } = u
    await writeFile(`${file}.tmp`, JSON.stringify(meta, null, 2))
    await rename(`${file}.tmp`, file)
  }

  private async readPrepared (round: number): Promise<PreparedUpdate | undefined> {
    const got = await readSubmittedRound(this.options.dataDir, round)
    if (got === undefined || got.meta.workerAddress.toLowerCase() !== this.address.toLowerCase()) return undefined
    return { ...got.meta, deltaBytes: got.deltaBytes, loss: got.meta.leaves.at(-1)?.loss ?? 0, samplesPerSecond: 0, seconds: 0, resumedFrom: null }
  }

  /** Keeps the newest `keepRounds` rounds' checkpoints and submissions, deletes older ones. */
  private async prune (): Promise<void> {
    const keep = this.options.keepRounds ?? 3
    const dropped = this.state.prune(keep)
    const root = path.join(this.options.dataDir, 'checkpoints')
    const names = existsSync(root) ? await readdir(root) : []
    const kept = new Set(this.state.records().map((r) => r.round))
    const onDisk = (this.checkpoints as CheckpointServer).roundsOnDisk(names)
    const newest = Math.max(0, ...onDisk)
    for (const r of onDisk) {
      if (!kept.has(r) && (dropped.includes(r) || r <= newest - keep)) await (this.checkpoints as CheckpointServer).drop(r)
    }
  }
}

/** The round's hyper-parameters: `training_json` when the coordinator sent it, else the summary fields. */
export function hyperOf (ann: cotrain.v1.IRoundAnnouncement): TrainingHyperParams {
  const json = (ann as { trainingJson?: string }).trainingJson
  if (json !== undefined && json !== '') return resolveHyperParams(JSON.parse(json) as Partial<TrainingHyperParams>)
  const h = ann.hyperParameters ?? {}
  const given: Partial<TrainingHyperParams> = {}
  // proto3 decodes a missing number as 0: only positive values were sent.
  if ((h.innerSteps ?? 0) > 0) given.steps = h.innerSteps as number
  if ((h.batchSize ?? 0) > 0) given.batchSize = h.batchSize as number
  if ((h.learningRate ?? 0) > 0) given.learningRate = h.learningRate as number
  if ((h.checkpointInterval ?? 0) > 0) given.checkpointInterval = h.checkpointInterval as number
  return resolveHyperParams(given)
}

/** Parses the coordinator multiaddr; it must name the peer (/p2p/...) so the binding can be checked. */
export function parseCoordinator (addr: string): Multiaddr {
  let ma: Multiaddr
  try {
    ma = multiaddr(addr)
  } catch (err) {
    throw new InvalidInputError(`--coordinator: not a multiaddr: "${addr}"`, { hint: 'expected e.g. /ip4/127.0.0.1/tcp/9000/p2p/12D3KooW... (see the coordinator\'s coordinator.json)', cause: err })
  }
  if (!ma.getComponents().some((c) => c.name === 'p2p')) throw new InvalidInputError(`--coordinator: ${addr} has no /p2p/<peer id>`, { hint: "append the coordinator's peer id (see coordinator.json)" })
  return ma
}
