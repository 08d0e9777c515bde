import { Worker } from 'node:worker_threads'
import { CotrainError } from '../errors.ts'
import type { Dataset } from '../data/Dataset.ts'
import type { ModelConfig } from '../model/config.ts'
import type { TrainingHyperParams } from './hyperParams.ts'
import type { BackendName } from './selectBackend.ts'
import type { StepData, StepRunner } from './StepRunner.ts'
import { microBatchSizes, reduceGradients, stepLoss, type TrainingState } from './TrainingEngine.ts'
import type { WorkerReply, WorkerRequest } from './dataParallelWorker.ts'

export class DataParallelError extends CotrainError {
  override name = 'DataParallelError'
}

/**
 * Data-parallel steps over N worker threads, each with its own tfjs backend
 * and a full model replica. Step: thread i computes the gradient of part i of
 * the batch (contiguous split, microBatchSizes); this thread reduces them in
 * the fixed order 0..N-1 (reduceGradients) and sends the result to every
 * thread, which applies the same Adam update to its replica. The replicas stay
 * identical, and the result equals a single-thread run with microBatches = N,
 * so a verifier replays it without threads.
 */
export class ThreadedStepRunner implements StepRunner {
  readonly microBatches: number
  private readonly workers: Worker[]
  private readonly queues: Array<Array<{ resolve: (r: WorkerReply) => void, reject: (e: unknown) => void }>>
  private readonly sizes: number[]
  private lossSum = 0
  private lossSteps = 0
  private dead: unknown = null

  private constructor (workers: Worker[], sizes: number[]) {
    this.workers = workers
    this.sizes = sizes
    this.microBatches = workers.length
    this.queues = workers.map(() => [])
    workers.forEach((w, i) => {
      w.on('message', (msg: WorkerReply) => {
        const q = this.queues[i].shift()
        if (msg.type === 'error') q?.reject(new DataParallelError(`training thread ${i} failed: ${msg.message}`))
        else q?.resolve(msg)
      })
      w.on('error', (err) => { this.fail(err) })
      w.on('exit', (code) => { if (code !== 0) this.fail(new DataParallelError(`training thread ${i} exited with code ${code}`)) })
    })
  }

  /** Starts `threads` worker threads on `backend` (each loads tfjs and builds the model; about 0.3 s). */
  static async start (params: { config: ModelConfig, hyper: TrainingHyperParams, threads: number, backend: BackendName, data: { assigned: Dataset, other?: Dataset } }): Promise<ThreadedStepRunner> {
    const sizes = microBatchSizes(params.hyper.batchSize, params.threads)
    const shared = { assigned: share(params.data.assigned), other: params.data.other === undefined ? undefined : share(params.data.other) }
    const workers = Array.from({ length: params.threads }, () => new Worker(new URL('./dataParallelWorker.ts', import.meta.url)))
    const runner = new ThreadedStepRunner(workers, sizes)
    try {
      await Promise.all(workers.map(async (_, i) => await runner.request(i, { type: 'init', config: params.config, hyper: params.hyper, backend: params.backend, data: shared })))
    } catch (err) {
      await runner.dispose()
      throw err
    }
    return runner
  }

  async setState (s: TrainingState): Promise<void> {
    await Promise.all(this.workers.map(async (_, i) => await this.request(i, { type: 'setState', state: s })))
    this.lossSum = 0
    this.lossSteps = 0
  }

  async getState (): Promise<TrainingState> {
    const r = await this.request(0, { type: 'getState' })
    if (r.type !== 'state') throw new DataParallelError('unexpected reply to getState')
    return r.state
  }

  async step (data: StepData, indices: Uint32Array): Promise<void> {
    let off = 0
    const parts = this.sizes.map((n) => { const p = indices.slice(off, off + n); off += n; return p })
    const replies = await Promise.all(parts.map(async (p, i) => await this.request(i, { type: 'gradient', data, indices: p }, [p.buffer])))
    const grads = replies.map((r) => { if (r.type !== 'gradient') throw new DataParallelError('unexpected reply to gradient'); return r })
    const grad = reduceGradients(grads.map((g) => g.grad), this.sizes)
    const loss = stepLoss(grads.map((g) => g.loss), this.sizes)
    for (let i = 0; i < this.workers.length; i++) this.post(i, { type: 'apply', grad, loss })
    this.lossSum = Math.fround(this.lossSum + loss)
    this.lossSteps++
  }

  async takeLoss (): Promise<number> {
    const mean = this.lossSteps === 0 ? 0 : Math.fround(this.lossSum / this.lossSteps)
    this.lossSum = 0
    this.lossSteps = 0
    return mean
  }

  async dispose (): Promise<void> {
    await Promise.all(this.workers.map(async (w) => await w.terminate()))
  }

  private post (i: number, msg: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    if (this.dead !== null) throw this.dead
    this.workers[i].postMessage(msg, transfer)
  }

  private async request (i: number, msg: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    return await new Promise<WorkerReply>((resolve, reject) => {
      this.queues[i].push({ resolve, reject })
      try {
        this.post(i, msg, transfer)
      } catch (err) {
        this.queues[i].pop()
        reject(err)
      }
    })
  }

  private fail (err: unknown): void {
    this.dead ??= err
    for (const q of this.queues) while (q.length > 0) q.shift()?.reject(err)
  }
}

/** A dataset copied once into shared memory, so N threads read it without N copies. */
function share (d: Dataset): Dataset {
  const buffer = new SharedArrayBuffer(d.images.byteLength)
  const images = d.images instanceof Uint16Array ? new Uint16Array(buffer) : new Uint8Array(buffer)
  images.set(d.images)
  const labels = new Uint8Array(new SharedArrayBuffer(d.labels.byteLength))
  labels.set(d.labels)
  return { ...d, images, labels }
}
