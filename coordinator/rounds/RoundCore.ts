import type { CoordinatorConfig } from '../config.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { AssignmentRecord, ModelVersion, RoundRecord, RoundState, SubmissionRecord, WorkerRecord } from '../store/records.ts'
import type { WorkerRegistry } from './WorkerRegistry.ts'

/** Loss and accuracy of a model on the held-out test set. */
export interface ModelMetrics {
  loss: number
  accuracy: number
}

/** Evaluates weights on the test set (injected: the training engine owns the model). */
export type EvaluateModel = (weights: Float32Array) => Promise<ModelMetrics>

/** The verdict on one submission: proof replay + quality. */
export interface VerificationResult {
  accepted: boolean
  /** Why it was rejected (or a note on acceptance). */
  reason?: string
  /** Quality score 1-100, recorded in `scores` when given. */
  score?: number
  fraud?: boolean
  /** Evidence hash or text for a fraud report. */
  evidence?: string
  /** Who scored it; default `coordinator`. */
  validator?: string
}

/** What a verifier gets besides the submission row. */
export interface VerifyContext {
  round: RoundRecord
  /** The submitted delta (hash-checked). */
  readDelta: () => Promise<Float32Array>
  /** W_r, the weights the worker trained from (hash-checked). */
  readGlobalModel: () => Promise<Float32Array>
  /** Aborts at the round's deadline: a verification never outlives it. */
  signal?: AbortSignal
}

/** Verifies a submission (injected). A throw leaves it pending, retried on the next tick until the verification deadline. */
export type VerifySubmission = (submission: SubmissionRecord, context: VerifyContext) => Promise<VerificationResult>

/** A RoundManager's events (noun:verb), each with its detail. */
export interface RoundManagerEvents {
  'round:opened': RoundRecord
  'round:transitioned': { round: RoundRecord, from: RoundState, reason: string }
  'round:done': { round: RoundRecord, model: ModelVersion }
  'round:failed': RoundRecord
  'assignment:created': AssignmentRecord
  'assignment:missed': AssignmentRecord
  'submission:received': SubmissionRecord
  'submission:verified': SubmissionRecord
  /** An accepted delta was scaled down to the round's norm bound before it was folded in. */
  'update:clipped': { round: number, submissionId: number, worker: string, norm: number, bound: number }
  'evaluation:failed': { round: number, error: Error }
  'tick:failed': Error
}

/** Store fields a round transition may set besides the state. */
export type TransitionPatch = Parameters<CoordinatorStore['transitionRound']>[1]['patch']

/**
 * What the parts of the round logic (scheduling, submissions, verification,
 * aggregation) share: the store, the config, the workers, the clock, the
 * events and the one way a round changes state. RoundManager is the one
 * implementation; the parts take it as this narrow interface.
 */
export interface RoundCore {
  readonly store: CoordinatorStore
  readonly config: CoordinatorConfig
  readonly workers: WorkerRegistry
  readonly clock: () => number
  emit: <K extends keyof RoundManagerEvents & string>(type: K, detail: RoundManagerEvents[K]) => boolean
  /** Moves `round` to `to` in one transaction (missed assignments, deadline, reason) and emits the events. */
  transition: (round: RoundRecord, to: RoundState, now: number, reason: string, patch?: TransitionPatch) => RoundRecord
  /** Active workers seen within the liveness window. */
  liveWorkers: (now?: number) => WorkerRecord[]
}
