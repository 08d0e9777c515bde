import type { Dataset } from '../data/Dataset.ts'
import type { ModelConfig } from '../model/config.ts'
import type { TrainingHyperParams } from './hyperParams.ts'
import { TrainingEngine, type TrainingState } from './TrainingEngine.ts'

/** Which data a step reads: the assigned shards, or (fault mode 'other-data') something else. */
export type StepData = 'assigned' | 'other'

/**
 * Executes optimizer steps for the trainer: in this thread
 * ({@link LocalStepRunner}) or across worker threads (ThreadedStepRunner).
 * Both run TrainingEngine, so for the same micro-batch count they produce the
 * same bits.
 */
export interface StepRunner {
  readonly microBatches: number
  setState: (s: TrainingState) => Promise<void>
  getState: () => Promise<TrainingState>
  step: (data: StepData, indices: Uint32Array) => Promise<void>
  takeLoss: () => Promise<number>
  dispose: () => Promise<void>
}

/** Runs every step in this thread (micro-batches, if more than one, one after another). */
export class LocalStepRunner implements StepRunner {
  readonly engine: TrainingEngine
  readonly microBatches: number
  private readonly data: Record<StepData, Dataset>

  constructor (config: ModelConfig, hyper: TrainingHyperParams, data: { assigned: Dataset, other?: Dataset }, options: { microBatches?: number } = {}) {
    this.engine = new TrainingEngine(config, hyper, options)
    this.microBatches = this.engine.microBatches
    this.data = { assigned: data.assigned, other: data.other ?? data.assigned }
  }

  async setState (s: TrainingState): Promise<void> { await this.engine.setState(s) }
  async getState (): Promise<TrainingState> { return await this.engine.getState() }
  async step (data: StepData, indices: Uint32Array): Promise<void> { await this.engine.trainStep(this.data[data], indices) }
  async takeLoss (): Promise<number> { return await this.engine.takeLoss() }
  async dispose (): Promise<void> { this.engine.dispose() }
}
