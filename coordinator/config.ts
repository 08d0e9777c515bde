import { InvalidInputError } from '../lib/errors.ts'

/** Outer optimizer applied to the averaged delta: plain FedAvg, or DiLoCo's Nesterov momentum. */
export type OuterOptimizerConfig =
  | { kind: 'fedavg', lr: number }
  | { kind: 'nesterov', lr: number, momentum: number }

/** Everything that shapes a round. All durations in milliseconds. */
export interface CoordinatorConfig {
  /** Accepted updates a round needs to be aggregated. */
  minUpdates: number
  /** Start training as soon as this many workers are live (else wait out the join window). */
  targetWorkers?: number
  /** Cap on workers scheduled per round (the fastest are picked). */
  maxWorkersPerRound?: number
  /** Join window of a new round (state `open`). */
  openTimeoutMs: number
  /** Training phase (state `training`). */
  trainingTimeoutMs: number
  /** Grace for uploads after the training deadline (state `collecting`). */
  collectTimeoutMs: number
  /** Verification phase; submissions still unverified at its end are rejected. */
  verifyTimeoutMs: number
  /** Aggregation + evaluation; a round still aggregating at its end is failed. */
  aggregateTimeoutMs: number
  /** Deadline extensions a round may take in total before it fails. */
  maxExtensions: number
  /** A worker not seen for this long is not live (not scheduled, not a reassignment target). */
  livenessMs: number
  /** Per-assignment deadline = assigned + slack x projected time + grace, capped at the training deadline. */
  assignmentSlack: number
  assignmentGraceMs: number
  /** Speed assumed for a worker no round has timed yet, and the most a claimed speed is believed (samples/s). */
  defaultSamplesPerSec: number
  /**
   * Samples of the round's model a worker trains per sample of the reference
   * step it reports its speed on when it joins (lib/training/measureTrainingSpeed.ts):
   * reported speeds are multiplied by it. 1 for the reference MLP; the
   * coordinator measures it once at start for any other model.
   */
  speedFactor: number
  /** Content id of the dataset manifest rounds announce (a text run's, listing its held-out windows for validators). */
  datasetId?: string
  /** Weight of a newly observed speed in the worker's speed estimate (0 = keep the reported one). */
  speedSmoothing: number
  /**
   * Robust aggregation: each accepted delta's L2 norm is clipped to this
   * multiple of the median norm of the round's submissions (0 = no clipping).
   */
  clipNormMultiplier: number
  /**
   * Closed rounds whose submissions keep their delta blobs (for late
   * validators and disputes); older deltas are deleted after each round, the
   * rows stay (CoordinatorStore.pruneDeltas).
   */
  deltaRetentionRounds: number
  aggregation: OuterOptimizerConfig
}

/** Defaults: one place, overridable by `resolveCoordinatorConfig`. */
export const defaultCoordinatorConfig: CoordinatorConfig = {
  minUpdates: 2,
  openTimeoutMs: 30_000,
  trainingTimeoutMs: 10 * 60_000,
  collectTimeoutMs: 60_000,
  verifyTimeoutMs: 5 * 60_000,
  aggregateTimeoutMs: 5 * 60_000,
  maxExtensions: 1,
  livenessMs: 60_000,
  assignmentSlack: 2,
  assignmentGraceMs: 30_000,
  defaultSamplesPerSec: 1000,
  speedFactor: 1,
  speedSmoothing: 0.3,
  clipNormMultiplier: 2,
  deltaRetentionRounds: 2,
  aggregation: { kind: 'nesterov', lr: 0.8, momentum: 0.7 }
}

/**
 * The inner (Adam) learning rate of a round when the operator sets none.
 * Averaging several workers' deltas cancels much of their noise, so DiLoCo
 * rounds do best with larger inner steps than one worker alone: measured
 * with benchmarks/learning-quality.ts (4 workers x 8 rounds, H = 100,
 * Nesterov 0.8 / 0.7) 96.15 % at 1e-3, 96.95 % at 2e-3, 97.17 % at 3e-3,
 * 97.25 % at 4e-3, 96.97 % at 5e-3; 3e-3 leaves room for noisier models.
 * The CNN (3 workers x 4 rounds of 100 steps) reached 97.70 % test accuracy
 * at 3e-3 against 95.90 % at 1e-3.
 */
export const DEFAULT_INNER_LEARNING_RATE = 0.003

/**
 * Outer optimizer defaults: FedAvg lr 1; Nesterov lr 0.8, momentum 0.7.
 * DiLoCo's published 0.7 / 0.9 is tuned for H = 500 inner steps on language
 * models; with H = 100 on MNIST (benchmarks/learning-quality.ts, 4 workers x
 * 8 rounds, inner lr 1e-3) it diverges at lr 1.0 (28.8 %), 0.5 / 0.8 ends at
 * 95.66 % and 0.8 / 0.7 at 96.15 %. At the inner lr 3e-3, 0.7 / 0.8 and
 * 1.0 / 0.6 came within 0.1 pp of 0.8 / 0.7 (97.25 and 97.17 % vs 97.17 %),
 * inside the run-to-run noise of a second seed.
 */
export function outerOptimizer (kind: 'fedavg' | 'nesterov', overrides: { lr?: number, momentum?: number } = {}): OuterOptimizerConfig {
  return kind === 'fedavg'
    ? { kind, lr: overrides.lr ?? 1 }
    : { kind, lr: overrides.lr ?? 0.8, momentum: overrides.momentum ?? 0.7 }
}

/**
 * Merges overrides onto the defaults; unknown keys and out-of-range values are
 * one-line errors naming the key.
 *
 * @example
 * resolveCoordinatorConfig({ minUpdates: 3, aggregation: outerOptimizer('fedavg') })
 */
export function resolveCoordinatorConfig (overrides: Partial<CoordinatorConfig> = {}): CoordinatorConfig {
  for (const key of Object.keys(overrides)) {
    if (!(key in defaultCoordinatorConfig) && key !== 'targetWorkers' && key !== 'maxWorkersPerRound' && key !== 'datasetId') {
      throw new InvalidInputError(`unknown coordinator config key "${key}"`, { hint: `known keys: ${Object.keys(defaultCoordinatorConfig).join(', ')}, targetWorkers, maxWorkersPerRound, datasetId` })
    }
  }
  const config: CoordinatorConfig = { ...defaultCoordinatorConfig, ...stripUndefined(overrides) }
  const positiveInts = ['minUpdates', 'openTimeoutMs', 'trainingTimeoutMs', 'collectTimeoutMs', 'verifyTimeoutMs', 'aggregateTimeoutMs', 'livenessMs'] as const
  for (const key of positiveInts) {
    if (!Number.isInteger(config[key]) || config[key] <= 0) throw new InvalidInputError(`coordinator config ${key} must be a positive integer, got ${String(config[key])}`)
  }
  for (const key of ['targetWorkers', 'maxWorkersPerRound'] as const) {
    const v = config[key]
    if (v !== undefined && (!Number.isInteger(v) || v < config.minUpdates)) throw new InvalidInputError(`coordinator config ${key} must be an integer >= minUpdates (${config.minUpdates}), got ${String(v)}`)
  }
  if (!Number.isInteger(config.maxExtensions) || config.maxExtensions < 0) throw new InvalidInputError(`coordinator config maxExtensions must be an integer >= 0, got ${String(config.maxExtensions)}`)
  if (!(config.assignmentSlack >= 1)) throw new InvalidInputError(`coordinator config assignmentSlack must be >= 1, got ${String(config.assignmentSlack)}`)
  if (!(config.assignmentGraceMs >= 0)) throw new InvalidInputError(`coordinator config assignmentGraceMs must be >= 0, got ${String(config.assignmentGraceMs)}`)
  if (!(config.defaultSamplesPerSec > 0)) throw new InvalidInputError(`coordinator config defaultSamplesPerSec must be > 0, got ${String(config.defaultSamplesPerSec)}`)
  if (!(config.speedFactor > 0 && Number.isFinite(config.speedFactor))) throw new InvalidInputError(`coordinator config speedFactor must be a finite number > 0, got ${String(config.speedFactor)}`)
  if (!(config.speedSmoothing >= 0 && config.speedSmoothing <= 1)) throw new InvalidInputError(`coordinator config speedSmoothing must be in [0, 1], got ${String(config.speedSmoothing)}`)
  if (!(config.clipNormMultiplier >= 0 && Number.isFinite(config.clipNormMultiplier))) throw new InvalidInputError(`coordinator config clipNormMultiplier must be a finite number >= 0, got ${String(config.clipNormMultiplier)}`)
  validateOuterOptimizer(config.aggregation)
  return config
}

/** Checks an outer optimizer config: a known kind, lr > 0, momentum in [0, 1). */
export function validateOuterOptimizer (opt: OuterOptimizerConfig): void {
  if (opt.kind !== 'fedavg' && opt.kind !== 'nesterov') throw new InvalidInputError(`unknown outer optimizer "${String((opt as { kind: unknown }).kind)}"`, { hint: 'use fedavg or nesterov' })
  if (!(opt.lr > 0 && Number.isFinite(opt.lr))) throw new InvalidInputError(`outer optimizer lr must be > 0, got ${String(opt.lr)}`)
  if (opt.kind === 'nesterov' && !(opt.momentum >= 0 && opt.momentum < 1)) throw new InvalidInputError(`outer optimizer momentum must be in [0, 1), got ${String(opt.momentum)}`)
}

/** `o` without its undefined-valued keys, so spreading it over defaults keeps them. */
export function stripUndefined<T extends object> (o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
