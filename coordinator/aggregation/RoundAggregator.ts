import type { RoundCore } from '../rounds/RoundCore.ts'
import type { RoundRecord, SubmissionRecord } from '../store/records.ts'
import { ReadBuffer } from '../store/ReadBuffer.ts'
import { readSubmissionDelta } from '../store/storedSubmission.ts'
import { applyOuterStep } from './applyOuterStep.ts'
import { RunningSum, clipBound } from './RunningSum.ts'

/** The next global model of a round, before it is stored. */
export interface AggregatedModel {
  weights: Float32Array
  /** The outer optimizer's momentum after this step (nesterov only). */
  momentum?: Float32Array
  /** How many accepted updates went in. */
  updates: number
}

/**
 * Streaming aggregation of one round at a time: each accepted delta is folded
 * into a float64 running sum as it is accepted (clipped to the round's norm
 * bound), so memory is one model's worth whatever the number of workers, and
 * closing a round costs one outer step. Folding starts once submissions are
 * closed: the clipping bound is the median norm of all of them.
 *
 * @example
 * const aggregator = new RoundAggregator(core)
 * await aggregator.fold(round, acceptedSubmission)
 * const next = await aggregator.aggregate(round)
 */
export class RoundAggregator {
  private readonly core: RoundCore
  /** The accepted deltas of the round being verified, folded in as they are accepted, and the buffer they are read into. */
  private running: { round: number, sum: RunningSum, bound: number, reads: ReadBuffer } | undefined

  constructor (core: RoundCore) {
    this.core = core
  }

  /** Folds one accepted delta into the round's running sum (once; later calls for the same submission do nothing). */
  async fold (round: RoundRecord, s: SubmissionRecord): Promise<void> {
    if (round.state !== 'verifying' && round.state !== 'aggregating') return
    const { numParams } = this.core.store.getModel(round.modelId)
    const running = this.runningSum(round, numParams)
    if (running.sum.has(s.id)) return
    // Read into the round's one read buffer and folded before the next read may use it.
    const { norm, scale } = await running.reads.use(async (alloc) => {
      const delta = await readSubmissionDelta(this.core.store, s, alloc)
      if (running.sum.has(s.id)) return { norm: 0, scale: 1 } // folded by a concurrent call meanwhile
      // From the int8 form when there is one: bit-identical to folding its float32 values, without building them.
      return running.sum.fold(s.id, delta.quantized ?? delta.values, s.samples, running.bound, `delta of ${s.worker}`)
    })
    if (scale < 1) this.core.emit('update:clipped', { round: round.number, submissionId: s.id, worker: s.worker, norm, bound: running.bound })
  }

  /**
   * W_{r+1} from W_r and the accepted deltas (their weighted mean, each
   * clipped to the round's norm bound, accumulated in float64: any order
   * gives the same float32 result up to rounding), with the outer optimizer
   * and the momentum of the previous done round. After a restart (or verdicts
   * recorded by an external validator) the deltas not folded yet are folded
   * here, one at a time. Throws when a delta cannot be read or folded; the
   * running sum is dropped either way.
   */
  async aggregate (round: RoundRecord): Promise<AggregatedModel> {
    const { store, config } = this.core
    const opt = config.aggregation
    const accepted = store.listSubmissions(round.number, 'accepted')
    try {
      const weights = new Float32Array(await store.readModelWeights(round.modelId))
      for (const s of accepted) await this.fold(round, s)
      let momentum: Float32Array | undefined
      if (opt.kind === 'nesterov') {
        const prev = store.getLatestMomentumId(round.number)
        momentum = prev == null ? new Float32Array(weights.length) : new Float32Array(await store.blobs.getFloats(prev))
        if (momentum.length !== weights.length) momentum = new Float32Array(weights.length) // the model changed shape
      }
      const avg = this.runningSum(round, weights.length).sum.mean()
      applyOuterStep(weights, avg, opt, momentum)
      return { weights, momentum, updates: accepted.length }
    } finally {
      if (this.running?.round === round.number) this.running = undefined
    }
  }

  /** The running sum of `round`, created with its clipping bound on first use. */
  private runningSum (round: RoundRecord, numParams: number): { sum: RunningSum, bound: number, reads: ReadBuffer } {
    if (this.running?.round !== round.number || this.running.sum.length !== numParams) {
      const k = this.core.config.clipNormMultiplier
      const bound = k > 0 ? clipBound(this.core.store.listDeltaNorms(round.number), k) : Infinity
      this.running = { round: round.number, sum: new RunningSum(numParams), bound, reads: new ReadBuffer() }
    }
    return this.running
  }
}
