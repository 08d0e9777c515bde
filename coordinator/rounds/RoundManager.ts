import { InvalidInputError, oneLine } from '../../lib/errors.ts'
import { TypedEventTarget } from '../../lib/events/TypedEventTarget.ts'
import { RoundAggregator } from '../aggregation/RoundAggregator.ts'
import { validateDelta } from '../aggregation/validateDelta.ts'
import type { CoordinatorConfig } from '../config.ts'
import { resolveCoordinatorConfig } from '../config.ts'
import { NotEnoughWorkersError, NotFoundError, RoundStateError, WorkerBannedError } from '../errors.ts'
import { assignShards } from '../scheduling/assignShards.ts'
import { reassignOverdue, scheduleRound } from '../scheduling/scheduleRound.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type {
  AssignmentRecord, ModelVersion, RoundRecord, RoundState, ShardInfo, SubmissionRecord, WorkerCapabilities, WorkerRecord
} from '../store/records.ts'
import { acceptSubmission, type SubmitParameters } from './acceptSubmission.ts'
import type { RoundStep, RoundView } from './decideRoundStep.ts'
import { decideRoundStep } from './decideRoundStep.ts'
import type { EvaluateModel, ModelMetrics, RoundCore, RoundManagerEvents, TransitionPatch, VerificationResult, VerifySubmission } from './RoundCore.ts'
import { acceptsSubmissions, assertTransition } from './roundStates.ts'
import { recordVerification, verifyPending } from './verifyPending.ts'
import { DEFAULT_LIVENESS_FLUSH_MS, WorkerRegistry } from './WorkerRegistry.ts'
import { parseRoundSeed, randomRoundSeed, type RoundSeed } from '../../lib/hash/roundSeed.ts'

export type { EvaluateModel, ModelMetrics, RoundManagerEvents, VerificationResult, VerifyContext, VerifySubmission } from './RoundCore.ts'
export type { SubmitParameters } from './acceptSubmission.ts'

export interface RoundManagerInit {
  store: CoordinatorStore
  evaluate: EvaluateModel
  verify: VerifySubmission
  config?: Partial<CoordinatorConfig>
  /** Milliseconds since epoch; inject a fake one in tests. */
  clock?: () => number
  /** Seed of a round opened without one; default 32 random bytes. */
  randomSeed?: () => RoundSeed
  /** Submissions verified at once (default 1): the service sets it from its pool of replay threads. */
  verifyConcurrency?: number
}

export interface JoinWorkerParameters {
  peerId: string
  /** 0x-prefixed Ethereum address (the network layer has checked the signed binding). */
  address: string
  /** Reported hardware/backend facts; `samplesPerSec` is the measured training speed. */
  capabilities: WorkerCapabilities
}

export interface OpenRoundParameters {
  shards: ShardInfo[]
  hyperParams: Record<string, unknown>
  /** Seed of the batch order; random when absent. */
  seed?: RoundSeed
}

/** A round with its assignments and submission counts, for status pages. */
export interface RoundSummary {
  round: RoundRecord
  assignments: AssignmentRecord[]
  submissions: { pending: number, accepted: number, rejected: number }
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const MAX_CAPABILITIES_BYTES = 16 * 1024
const MAX_STEPS_PER_TICK = 32

/**
 * The coordinator's round logic over the store: workers join, a round opens
 * from the latest global model, shards are scheduled by speed, submissions are
 * taken and checked, then verified, aggregated and evaluated. All state lives
 * in the store, so a new RoundManager on the same store continues the same
 * round after a restart. Time comes only from `clock`; `tick()` applies the
 * deadline policy (see decideRoundStep) and runs verification and aggregation.
 *
 * @example
 * const rounds = new RoundManager({ store, evaluate, verify })
 * await rounds.ensureInitialModel(initialWeights)
 * await rounds.joinWorker({ peerId, address, capabilities: { samplesPerSec: 8000 } })
 * rounds.openRound({ shards, hyperParams: { innerSteps: 100 } })
 * rounds.start() // ticks every second
 */
export class RoundManager extends TypedEventTarget<RoundManagerEvents> implements RoundCore {
  readonly store: CoordinatorStore
  readonly config: CoordinatorConfig
  /** Known workers, with liveness in memory (flushed to the store every few seconds). */
  readonly workers: WorkerRegistry
  readonly clock: () => number
  private readonly evaluate: EvaluateModel
  private readonly verify: VerifySubmission
  private readonly randomSeed: () => RoundSeed
  private readonly verifyConcurrency: number
  private ticking: Promise<RoundRecord | undefined> | undefined
  private timer: ReturnType<typeof setInterval> | undefined
  private flushTimer: ReturnType<typeof setInterval> | undefined
  private readonly aggregator: RoundAggregator
  /** Workers whose speed a round has timed since this process started. */
  private readonly measured = new Set<string>()

  constructor (init: RoundManagerInit) {
    super()
    this.store = init.store
    this.workers = new WorkerRegistry(init.store)
    this.config = resolveCoordinatorConfig(init.config)
    this.clock = init.clock ?? Date.now
    this.evaluate = init.evaluate
    this.verify = init.verify
    this.randomSeed = init.randomSeed ?? randomRoundSeed
    this.verifyConcurrency = init.verifyConcurrency ?? 1
    this.aggregator = new RoundAggregator(this)
  }

  /**
   * Ticks every `intervalMs` until stop(), and writes liveness every
   * `flushIntervalMs`; errors are emitted as `tick:failed`.
   */
  start (options: { intervalMs?: number, flushIntervalMs?: number } = {}): void {
    if (this.timer != null) return
    const failed = (err: unknown): void => { this.emit('tick:failed', err instanceof Error ? err : new Error(String(err))) }
    this.timer = setInterval(() => { this.tick().catch(failed) }, options.intervalMs ?? 1000)
    this.timer.unref()
    this.flushTimer = setInterval(() => { try { this.workers.flush() } catch (err) { failed(err) } }, options.flushIntervalMs ?? DEFAULT_LIVENESS_FLUSH_MS)
    this.flushTimer.unref()
  }

  /** Stops ticking, waits for a tick in progress and writes liveness. */
  async stop (): Promise<void> {
    if (this.timer != null) clearInterval(this.timer)
    if (this.flushTimer != null) clearInterval(this.flushTimer)
    this.timer = undefined
    this.flushTimer = undefined
    await this.ticking?.catch(() => undefined)
    this.workers.flush()
  }

  // ---------------------------------------------------------------- models

  /**
   * The global model to start from: the latest stored one, or else `weights`
   * stored as round 0 (evaluated, so the metric history starts at round 0).
   */
  async ensureInitialModel (weights: Float32Array, options: { evaluate?: boolean } = {}): Promise<ModelVersion> {
    const latest = this.store.getLatestModel()
    if (latest != null) return latest
    if (weights.length === 0) throw new InvalidInputError('the initial model has no weights')
    validateDelta(weights, weights.length, 'initial model')
    const model = await this.store.putModel(weights, { round: 0, createdAt: this.clock() })
    if (options.evaluate !== false) {
      const metrics = await this.evaluateSafely(0, weights)
      if (metrics != null) this.store.setModelMetrics(model.id, metrics)
    }
    return this.store.getModel(model.id)
  }

  // --------------------------------------------------------------- workers

  /** Registers a worker or refreshes one joining again; it becomes live now. Resolves once the row is durable. */
  async joinWorker (input: JoinWorkerParameters): Promise<WorkerRecord> {
    if (typeof input.peerId !== 'string' || input.peerId.length === 0 || input.peerId.length > 128) throw new InvalidInputError('peer id must be a non-empty string of at most 128 characters')
    if (!ADDRESS.test(input.address)) throw new InvalidInputError(`"${input.address}" is not an Ethereum address`, { hint: 'send 0x followed by 40 hex characters' })
    const caps = input.capabilities
    if (caps == null || typeof caps !== 'object' || Array.isArray(caps)) throw new InvalidInputError('capabilities must be an object')
    if (JSON.stringify(caps).length > MAX_CAPABILITIES_BYTES) throw new InvalidInputError(`capabilities are over ${MAX_CAPABILITIES_BYTES} bytes`)
    const existing = this.workers.get(input.peerId)
    if (existing?.status === 'banned') throw new WorkerBannedError(input.peerId)
    // A claimed speed earns no shards: until a round has timed a worker it is
    // scheduled at the default speed, as every other untimed worker is. (A
    // claim capped at the default still ranked a liar above honest workers
    // on a loaded machine, who measure themselves slower and say so.) A
    // worker joining again keeps the speed its rounds measured.
    const samplesPerSec = existing?.samplesPerSec ?? this.config.defaultSamplesPerSec
    return await this.workers.upsert({ peerId: input.peerId, address: input.address, capabilities: caps, samplesPerSec, at: this.clock() })
  }

  /** Marks a worker as heard from now (keeps it live). */
  heartbeat (peerId: string): void {
    this.workers.touch(peerId, this.clock())
  }

  /**
   * After a restart: the time the coordinator was down is not the workers'
   * fault, so a round still verifying with submissions pending gets a fresh
   * verification deadline instead of rejecting them at the first tick.
   */
  resumeVerification (now = this.clock()): RoundRecord | undefined {
    const round = this.currentRound()
    if (round?.state !== 'verifying' || this.store.listSubmissions(round.number, 'pending').length === 0) return undefined
    const reason = 'resumed after a coordinator restart'
    const updated = this.store.transitionRound(round.number, { from: 'verifying', to: 'verifying', at: now, deadline: this.deadlineFor('verifying', now), reason })
    this.emit('round:transitioned', { round: updated, from: 'verifying', reason })
    return updated
  }

  /** Workers that are active and were seen within `livenessMs`, by peer id. */
  liveWorkers (now = this.clock()): WorkerRecord[] {
    return this.workers.list({ status: 'active', seenSince: now - this.config.livenessMs })
  }

  /** How many workers `liveWorkers` would list, without listing them (asked on every tick). */
  liveCount (now = this.clock()): number {
    return this.workers.liveCount(now - this.config.livenessMs)
  }

  // ---------------------------------------------------------------- rounds

  /** The round in progress, if any (after a restart: the one that was running). */
  currentRound (): RoundRecord | undefined {
    return this.store.getActiveRound()
  }

  /** A round with its assignments and submission counts. */
  roundSummary (number: number): RoundSummary {
    return { round: this.store.requireRound(number), assignments: this.store.listAssignments(number), submissions: this.store.countSubmissions(number) }
  }

  /**
   * Opens the next round from the latest global model. Only one round runs at
   * a time; a failed round's successor starts from the same model.
   */
  openRound (input: OpenRoundParameters): RoundRecord {
    const active = this.store.getActiveRound()
    if (active != null) throw new RoundStateError(active.number, active.state, 'open a new round', 'wait for it to finish')
    const model = this.store.getLatestModel()
    if (model == null) throw new NotFoundError('no global model to train', { hint: 'store the initial model first (ensureInitialModel)' })
    if (!Array.isArray(input.shards) || input.shards.length < this.config.minUpdates) {
      throw new InvalidInputError(`a round needs at least ${this.config.minUpdates} shards (minUpdates), got ${input.shards?.length ?? 0}`)
    }
    assignShards(input.shards, [{ peerId: 'validation', samplesPerSec: 1 }]) // validates the shard list
    if (input.hyperParams == null || typeof input.hyperParams !== 'object') throw new InvalidInputError('hyper-parameters must be an object')
    // Parsed again: a seed that is not 32 bytes must fail here, not in every announcement after it is stored.
    const seed = parseRoundSeed(input.seed ?? this.randomSeed())
    const now = this.clock()
    const round = this.store.insertRound({
      number: (this.store.getLatestRound()?.number ?? 0) + 1,
      modelId: model.id,
      hyperParams: input.hyperParams,
      seed,
      shards: input.shards.map(s => ({ id: s.id, samples: s.samples })),
      minUpdates: this.config.minUpdates,
      deadline: now + this.config.openTimeoutMs,
      openedAt: now
    })
    this.emit('round:opened', round)
    return round
  }

  /**
   * Schedules the open round now instead of waiting for the join window:
   * shards go to the live workers by speed. NotEnoughWorkersError when fewer
   * than minUpdates workers would get work.
   */
  startTraining (): AssignmentRecord[] {
    const round = this.store.getActiveRound()
    if (round?.state !== 'open') throw new RoundStateError(round?.number ?? 0, round?.state ?? 'absent', 'start training', 'open a round first')
    return scheduleRound(this, round, this.clock(), 'started by operator')
  }

  /** A worker's assignment in a round (default: the current one). */
  assignmentFor (peerId: string, round = this.store.getActiveRound()?.number): AssignmentRecord | undefined {
    return round == null ? undefined : this.store.getAssignmentFor(round, peerId)
  }

  /**
   * Takes a worker's update for the current round (see acceptSubmission):
   * checked, stored, recorded as pending. Call tick() afterwards to move on
   * once every assignment is in.
   */
  async submit (input: SubmitParameters): Promise<SubmissionRecord> {
    return await acceptSubmission(this, this.measured, input)
  }

  /** Records the on-chain contribution id of a submission. */
  recordContribution (submissionId: number, contributionId: string): void {
    this.store.requireSubmission(submissionId)
    this.store.setContributionId(submissionId, contributionId)
  }

  /**
   * Records a verdict on a pending submission (the built-in verifier uses
   * this; an external validator may too). A score is stored in `scores`.
   */
  recordVerification (submissionId: number, result: VerificationResult): SubmissionRecord {
    return recordVerification(this, submissionId, result)
  }

  /**
   * Advances the current round as far as it can go now: reassigns overdue
   * shards, applies deadlines, verifies pending submissions, aggregates and
   * evaluates. Concurrent calls share one run. Returns the round it worked on.
   */
  async tick (): Promise<RoundRecord | undefined> {
    if (this.ticking != null) return await this.ticking
    this.ticking = this.runTick().finally(() => { this.ticking = undefined })
    return await this.ticking
  }

  private async runTick (): Promise<RoundRecord | undefined> {
    for (let i = 0; i < MAX_STEPS_PER_TICK; i++) {
      const round = this.store.getActiveRound()
      if (round == null) return this.store.getLatestRound()
      const now = this.clock()
      if (acceptsSubmissions(round.state)) reassignOverdue(this, round, now)
      const step = decideRoundStep(this.view(round, now), now, this.config)
      if (step.kind === 'wait') return round
      const more = await this.apply(round, step, now)
      if (!more) return this.store.getRound(round.number)
    }
    return this.store.getActiveRound()
  }

  /** Applies one step; false when the tick should stop (wait for time or retries). */
  private async apply (round: RoundRecord, step: Exclude<RoundStep, { kind: 'wait' }>, now: number): Promise<boolean> {
    switch (step.kind) {
      case 'schedule':
        try {
          scheduleRound(this, round, now, step.reason)
        } catch (err) {
          if (!(err instanceof NotEnoughWorkersError)) throw err
          if (now < round.deadline) return false
          if (round.extensions < this.config.maxExtensions) this.extend(round, now, err.shortMessage)
          else this.fail(round, now, err.shortMessage)
        }
        return true
      case 'advance':
        this.transition(round, step.to, now, step.reason)
        return true
      case 'extend':
        this.extend(round, now, step.reason)
        return true
      case 'fail':
        this.fail(round, now, step.reason)
        return true
      case 'verify':
        return await verifyPending(this, this.verify, this.aggregator, round, this.verifyConcurrency)
      case 'expire-pending':
        for (const s of this.store.listSubmissions(round.number, 'pending')) {
          this.emit('submission:verified', this.store.setSubmissionStatus(s.id, 'rejected', { at: now, reason: step.reason }))
        }
        return true
      case 'aggregate':
        await this.aggregateRound(round)
        return true
    }
  }

  private view (round: RoundRecord, now: number): RoundView {
    const counts = this.store.countSubmissions(round.number)
    const accepting = acceptsSubmissions(round.state)
    const outstanding = accepting ? this.store.countAssignments(round.number, 'assigned') : 0
    // Only overdue assignments are read (usually none), not every worker's on every tick.
    const overdue = outstanding > 0 ? this.store.listOverdueAssignments(round.number, now) : []
    const seenSince = now - this.config.livenessMs
    return {
      state: round.state,
      deadline: round.deadline,
      extensions: round.extensions,
      minUpdates: round.minUpdates,
      liveWorkers: round.state === 'open' ? this.liveCount(now) : 0,
      activeWorkers: round.state === 'open' ? this.workers.activeCount : 0,
      outstanding,
      abandoned: overdue.filter(a => { const w = this.workers.get(a.worker); return w == null || w.status !== 'active' || w.lastSeen < seenSince }).length,
      received: counts.pending + counts.accepted,
      pending: counts.pending,
      accepted: counts.accepted
    }
  }

  private deadlineFor (state: RoundState, now: number): number {
    switch (state) {
      case 'open': return now + this.config.openTimeoutMs
      case 'training': return now + this.config.trainingTimeoutMs
      case 'collecting': return now + this.config.collectTimeoutMs
      case 'verifying': return now + this.config.verifyTimeoutMs
      case 'aggregating': return now + this.config.aggregateTimeoutMs
      default: return now
    }
  }

  /** Moves `round` to `to` in one transaction (assignments still open are missed once submissions close) and emits the events. */
  transition (round: RoundRecord, to: RoundState, now: number, reason: string, patch: TransitionPatch = {}): RoundRecord {
    assertTransition(round.number, round.state, to)
    const missed: AssignmentRecord[] = []
    const updated = this.store.transaction(() => {
      if (to === 'verifying' || to === 'failed') {
        // Submissions are closed: whoever has not delivered has missed the round.
        for (const a of this.store.listAssignments(round.number, 'assigned')) {
          this.store.setAssignmentState(a.id, 'missed')
          missed.push({ ...a, state: 'missed' })
        }
      }
      const terminal = to === 'done' || to === 'failed'
      return this.store.transitionRound(round.number, {
        from: round.state, to, at: now, deadline: this.deadlineFor(to, now), reason, patch: terminal ? { closedAt: now, ...patch } : patch
      })
    })
    for (const a of missed) this.emit('assignment:missed', a)
    this.emit('round:transitioned', { round: updated, from: round.state, reason })
    if (to === 'failed') this.emit('round:failed', updated)
    return updated
  }

  private extend (round: RoundRecord, now: number, reason: string): void {
    let deadline = this.deadlineFor(round.state, now)
    if (round.state === 'collecting') {
      for (const a of this.store.listAssignments(round.number, 'assigned')) deadline = Math.max(deadline, a.deadline)
    }
    assertTransition(round.number, round.state, round.state)
    const updated = this.store.transitionRound(round.number, {
      from: round.state, to: round.state, at: now, deadline, reason: `extended (${reason})`, patch: { extensions: round.extensions + 1 }
    })
    this.emit('round:transitioned', { round: updated, from: round.state, reason: `extended (${reason})` })
  }

  private fail (round: RoundRecord, now: number, reason: string): void {
    this.transition(round, 'failed', now, reason, { failureReason: reason })
  }

  /**
   * Aggregates the round (RoundAggregator) and stores the next model: blobs
   * first and the round row last, in one transaction with the model version,
   * so a crash anywhere re-runs the same computation after a restart.
   */
  private async aggregateRound (round: RoundRecord): Promise<void> {
    let next: Awaited<ReturnType<RoundAggregator['aggregate']>>
    try {
      next = await this.aggregator.aggregate(round)
    } catch (err) {
      this.fail(round, this.clock(), `aggregation failed: ${oneLine(err)}`)
      return
    }
    const { weights, momentum, updates } = next
    const modelBlob = await this.store.blobs.putFloats(weights)
    const momentumBlob = momentum == null ? undefined : await this.store.blobs.putFloats(momentum)
    const metrics = await this.evaluateSafely(round.number, weights)
    const now = this.clock()
    const { updated, model } = this.store.transaction(() => {
      const model = this.store.recordModelVersion({ blob: modelBlob, numParams: weights.length, round: round.number, createdAt: now, loss: metrics?.loss, accuracy: metrics?.accuracy })
      const updated = this.transition(round, 'done', now, metrics == null ? `aggregated ${updates} updates (evaluation failed)` : `aggregated ${updates} updates`, {
        resultModelId: model.id, momentumId: momentumBlob?.id, loss: metrics?.loss, accuracy: metrics?.accuracy
      })
      return { updated, model }
    })
    this.emit('round:done', { round: updated, model })
    await this.pruneDeltas()
  }

  /**
   * Deletes the delta blobs of rounds older than the retention window
   * (config.deltaRetentionRounds); after each round, and once at start for
   * what a stop before the prune left. A failure is reported, not fatal.
   */
  async pruneDeltas (): Promise<number> {
    try {
      return await this.store.pruneDeltas(this.config.deltaRetentionRounds)
    } catch (err) {
      this.emit('tick:failed', err instanceof Error ? err : new Error(String(err)))
      return 0
    }
  }

  /** Evaluation bounded by aggregateTimeoutMs; a failure is reported, not fatal (the model is still valid). */
  private async evaluateSafely (round: number, weights: Float32Array): Promise<ModelMetrics | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`evaluation took over ${this.config.aggregateTimeoutMs} ms`)), this.config.aggregateTimeoutMs)
        timer.unref()
      })
      const m = await Promise.race([this.evaluate(weights), timeout])
      if (!Number.isFinite(m?.loss) || !Number.isFinite(m?.accuracy)) throw new Error(`evaluation returned ${JSON.stringify(m)}`)
      return { loss: m.loss, accuracy: m.accuracy }
    } catch (err) {
      this.emit('evaluation:failed', { round, error: err instanceof Error ? err : new Error(String(err)) })
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }
}
