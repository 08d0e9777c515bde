import { parentPort } from 'node:worker_threads'
import type { Dataset } from '../data/Dataset.ts'
import type { ModelConfig } from '../model/config.ts'
import type { TrainingHyperParams } from './hyperParams.ts'
import { selectBackend, type BackendName } from './selectBackend.ts'
import type { StepData } from './StepRunner.ts'
import { TrainingEngine, type TrainingState } from './TrainingEngine.ts'

/** Messages from ThreadedStepRunner to a training thread. */
export type WorkerRequest =
  | { type: 'init', config: ModelConfig, hyper: TrainingHyperParams, backend: BackendName, data: { assigned: Dataset, other?: Dataset } }
  | { type: 'setState', state: TrainingState }
  | { type: 'getState' }
  | { type: 'gradient', data: StepData, indices: Uint32Array }
  | { type: 'apply', grad: Float32Array, loss: number }

/** Replies (every request but 'apply' gets exactly one, in order). */
export type WorkerReply =
  | { type: 'ok' }
  | { type: 'state', state: TrainingState }
  | { type: 'gradient', grad: Float32Array, loss: number }
  | { type: 'error', message: string }

let engine: TrainingEngine | null = null
let data: { assigned: Dataset, other: Dataset } | null = null
let queue: Promise<void> = Promise.resolve()

parentPort?.on('message', (msg: WorkerRequest) => {
  queue = queue.then(async () => { await handle(msg) }).catch((err: unknown) => {
    parentPort?.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply)
  })
})

async function handle (msg: WorkerRequest): Promise<void> {
  const port = parentPort
  if (port === null) return
  if (msg.type === 'init') {
    await selectBackend({ backend: msg.backend })
    engine = new TrainingEngine(msg.config, msg.hyper)
    data = { assigned: msg.data.assigned, other: msg.data.other ?? msg.data.assigned }
    port.postMessage({ type: 'ok' } satisfies WorkerReply)
    return
  }
  if (engine === null || data === null) throw new Error('training thread used before init')
  switch (msg.type) {
    case 'setState':
      await engine.setState(msg.state)
      port.postMessage({ type: 'ok' } satisfies WorkerReply)
      return
    case 'getState':
      port.postMessage({ type: 'state', state: await engine.getState() } satisfies WorkerReply)
      return
    case 'gradient': {
      const r = await engine.microGradient(data[msg.data], msg.indices)
      port.postMessage({ type: 'gradient', grad: r.grad, loss: r.loss } satisfies WorkerReply, [r.grad.buffer as ArrayBuffer])
      return
    }
    case 'apply':
      engine.applyGradient(msg.grad, msg.loss)
  }
}
