import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { concatDatasets, sliceDataset, type Dataset } from '../data/Dataset.ts'
import { batchIndicesHash, segmentBatchIndices, type BatchScheduleParams } from '../data/batchIndices.ts'
import { bytesToFloat32, float32ToBytes } from '../hash/float32Bytes.ts'
import { weightsId } from '../hash/contentId.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { normalizeHex, sha256Hex, type Hex } from '../hash/sha256.ts'
import { modelWeightCount } from '../model/buildModel.ts'
import { modelConfigId, resolveModelConfig, type ModelConfig, type ModelConfigInput } from '../model/config.ts'
import { computeCommitment } from '../proof/commitment.ts'
import { computeDelta, deltaHash, encodeDelta, quantizeDelta } from '../proof/delta.ts'
import { decodeLeaf, encodeLeaf, leafHash, type ProofLeaf } from '../proof/leaf.ts'
import { merkleProof, merkleRoot, type MerkleProof } from '../proof/merkle.ts'
import { DirCheckpointStore, MemoryCheckpointStore, type CheckpointFiles, type CheckpointStore } from './CheckpointStore.ts'
import type { TrainingFault } from '../faults/index.ts'
import { checkpointCount, checkpointStep, resolveHyperParams, type TrainingHyperParams } from './hyperParams.ts'
import { decodeOptimizerState, encodeOptimizerState, initialOptimizerState, optimizerStateHash, type OptimizerState } from './optimizerState.ts'
import { backendClass as currentBackendClass, type BackendName } from './selectBackend.ts'
import { LocalStepRunner, type StepRunner } from './StepRunner.ts'
import { ThreadedStepRunner } from './ThreadedStepRunner.ts'
import type { TrainingState } from './TrainingEngine.ts'
import { parseRoundSeed, type RoundSeed } from '../hash/roundSeed.ts'

/** A shard as the trainer needs it: content id and samples. */
export interface TrainingShard {
  id: string
  dataset: Dataset
}

/** What the coordinator assigned: everything the result and its proof depend on. */
export interface TrainRoundParams {
  round: number
  /** 32 bytes hex. */
  roundSeed: RoundSeed
  /** 20 bytes hex. */
  workerAddress: string
  model: ModelConfigInput | ModelConfig
  /** W_r, flat float32 in canonical order. */
  startWeights: Float32Array
  /** Assigned shards in assignment order (the schedule indexes their concatenation). */
  shards: TrainingShard[]
  hyper: Partial<TrainingHyperParams>
}

/** Progress: after each checkpoint, and at most once a second in between. */
export interface TrainProgress {
  step: number
  steps: number
  /** The last checkpoint written. */
  checkpoint: number
  checkpoints: number
  /** Mean loss of the last completed segment. */
  loss: number
  samplesPerSecond: number
}

export interface TrainRoundOptions {
  /** Folder for this round's checkpoints (see roundCheckpointDir); kept in memory when omitted and no `store` is given. */
  checkpointDir?: string
  store?: CheckpointStore
  /** Ignore and overwrite checkpoints already in `checkpointDir` instead of resuming. */
  restart?: boolean
  /** Data-parallel worker threads on the active backend, cpu or wasm (default 1: train in this thread). */
  threads?: number
  /** Micro-batches per step when training in this thread (default = threads); a replay uses the worker's value. */
  microBatches?: number
  fault?: TrainingFault
  signal?: AbortSignal
  /**
   * Awaited before every step: the worker's pause, schedule, idle and CPU
   * limits hold training here, between steps, with nothing lost.
   */
  beforeStep?: (signal?: AbortSignal) => Promise<void>
  onProgress?: (p: TrainProgress) => void
}

/** How a verifier replays this run exactly: same backend class and micro-batch split. */
export interface ReplaySpec {
  backendClass: string
  microBatches: number
}

/** The outcome of a round's local training, ready to commit and submit. */
export interface TrainRoundResult {
  round: number
  workerAddress: Hex
  startWeightsId: Hex
  endWeights: Float32Array
  /** W_start - W_end in float32. */
  delta: Float32Array
  /** The committed delta bytes (encodeDelta, int8 or float32 per the hyper-parameters). */
  deltaBytes: Uint8Array
  deltaHash: Hex
  leaves: ProofLeaf[]
  leafHashes: Hex[]
  proofRoot: Hex
  /** computeCommitment(...): the on-chain dataHash. */
  commitment: Hex
  replay: ReplaySpec
  hyper: TrainingHyperParams
  /** Checkpoint index training resumed after, or null for a fresh run. */
  resumedFrom: number | null
  samples: number
  seconds: number
  samplesPerSecond: number
  store: CheckpointStore
}

/**
 * DiLoCo's inner loop with proof of training: H Adam steps from W_start on
 * the assigned shards in schedule order, a checkpoint (weights + optimizer
 * state) and a proof leaf every k steps, the Merkle root of the leaves, the
 * delta and the commitment. Resumes from the last complete checkpoint in
 * `checkpointDir`: on a deterministic backend the resumed run ends with the
 * same proof root as an uninterrupted one.
 *
 * @example
 * const r = await trainRound({ round: 1, roundSeed, workerAddress, model: { kind: 'mlp' },
 *   startWeights, shards, hyper: { steps: 500, checkpointInterval: 50 } }, { checkpointDir })
 * r.commitment // submit as dataHash
 */
export async function trainRound (params: TrainRoundParams, options: TrainRoundOptions = {}): Promise<TrainRoundResult> {
  const started = performance.now()
  const hyper = resolveHyperParams(params.hyper)
  const config = resolveModelConfig(params.model)
  const workerAddress = normalizeHex(params.workerAddress, 20, 'worker address')
  const roundSeed = parseRoundSeed(params.roundSeed)
  if (params.shards.length === 0) throw new InvalidInputError('trainRound needs at least one shard')
  const shardIds = params.shards.map((s) => normalizeHex(s.id, 32, 'shard id'))
  const assigned = concatDatasets(params.shards.map((s) => s.dataset))
  const schedule: BatchScheduleParams = { roundSeed, workerAddress, shardIds, shardSizes: params.shards.map((s) => s.dataset.count), batchSize: hyper.batchSize }
  const count = checkpointCount(hyper)
  const threads = options.threads ?? 1
  const microBatches = threads > 1 ? threads : options.microBatches ?? 1
  const fault = options.fault
  if (fault !== undefined && threads > 1) throw new InvalidInputError('fault modes run in one thread', { hint: 'use threads: 1 with a fault' })
  const active = tf.getBackend()
  if (threads > 1 && active !== 'wasm' && active !== 'cpu') throw new InvalidInputError(`data-parallel threads are for the cpu and wasm backends, not ${active}`, { hint: 'use threads: 1 on a GPU backend' })
  const weightCount = modelWeightCount(config)
  if (params.startWeights.length !== weightCount) throw new InvalidInputError(`start weights hold ${params.startWeights.length} values, the ${config.kind} model has ${weightCount}`)
  const startWeightsId = weightsId(params.startWeights)
  const cls = currentBackendClass()
  const runId = sha256Hex(new TextEncoder().encode(JSON.stringify({
    round: params.round, roundSeed, workerAddress, model: modelConfigId(config), startWeightsId, shardIds, hyper, microBatches, fault: fault === undefined ? null : { ...fault, data: undefined }
  })))

  const store = options.store ?? (options.checkpointDir !== undefined ? new DirCheckpointStore(options.checkpointDir) : new MemoryCheckpointStore())
  if (options.restart === true && store instanceof DirCheckpointStore) await store.remove()
  let have = await store.open({ format: 'cotrain-checkpoints/1', round: params.round, workerAddress, runId, checkpointCount: count, backendClass: cls, microBatches })

  const other = fault?.mode === 'other-data' ? fault.data ?? rotate(assigned) : undefined
  const runner: StepRunner = threads > 1
    ? await ThreadedStepRunner.start({ config, hyper, threads, backend: active as BackendName, data: { assigned } })
    : new LocalStepRunner(config, hyper, { assigned, other }, { microBatches })

  try {
    const leaves: ProofLeaf[] = []
    let state: TrainingState | null = null
    while (have > 0 && state === null) {
      const last = await store.read(have - 1)
      const leaf = decodeLeaf(last.leaf)
      if (sha256Hex(last.weights) === leaf.weightsHash && optimizerStateHash(last.optimizer) === leaf.optimizerHash) {
        state = { weights: bytesToFloat32(last.weights), ...decodeOptimizerState(last.optimizer, params.startWeights.length) }
      } else {
        have--
      }
    }
    for (let j = 0; j < have; j++) leaves.push(decodeLeaf(await store.readLeaf(j)))
    const resumedFrom = have > 0 ? have - 1 : null

    let recorded: Float32Array
    if (state === null) {
      state = { weights: params.startWeights, ...initialOptimizerState(params.startWeights.length) }
      const { leaf, files } = recordCheckpoint({ round: params.round, workerAddress, index: 0, weights: state.weights, optimizer: state, batches: new Uint32Array(0), loss: 0, previous: state.weights })
      leaves.push(leaf)
      await store.write(0, files)
      have = 1
    }
    recorded = state.weights
    await runner.setState(state)

    const faulted = (j: number): boolean => (fault?.mode === 'skip-steps' || fault?.mode === 'other-data') && (fault.segments === undefined || fault.segments.includes(j))
    const randomIndex = fault?.mode === 'random-checkpoint' ? fault.index ?? Math.max(1, Math.floor(count / 2)) : -1
    let stepsRun = 0
    let lastReport = performance.now()
    const report = (step: number, checkpoint: number, loss: number): void => {
      lastReport = performance.now()
      options.onProgress?.({ step, steps: hyper.steps, checkpoint, checkpoints: count, loss, samplesPerSecond: stepsRun * hyper.batchSize / ((lastReport - started) / 1000) })
    }
    let lastLoss = leaves.at(-1)?.loss ?? 0
    for (let j = have; j < count; j++) {
      const from = checkpointStep(hyper, j - 1)
      const to = checkpointStep(hyper, j)
      const batches = segmentBatchIndices(schedule, from, to)
      const cheat = faulted(j)
      const run = cheat && fault?.mode === 'skip-steps' ? Math.min(to - from - 1, Math.ceil((to - from) * (fault.keep ?? 0.5))) : to - from
      const source = cheat && fault?.mode === 'other-data' ? 'other' : 'assigned'
      for (let s = 0; s < run; s++) {
        // A step on wasm or cpu never yields to the event loop, so without this
        // turn a Ctrl-C (or stop, or pause) waits for the whole round.
        await new Promise<void>((resolve) => setImmediate(resolve))
        options.signal?.throwIfAborted()
        if (options.beforeStep !== undefined) {
          await options.beforeStep(options.signal)
          options.signal?.throwIfAborted()
        }
        await runner.step(source, batches.subarray(s * hyper.batchSize, (s + 1) * hyper.batchSize))
        stepsRun++
        if (options.onProgress !== undefined && performance.now() - lastReport > 1000) report(from + s + 1, j - 1, lastLoss)
      }
      const loss = await runner.takeLoss()
      let st = await runner.getState()
      if (st.step !== to) {
        st = { ...st, step: to }
        await runner.setState(st)
      }
      const poison = fault?.mode === 'poison-last' && j === count - 1 ? fault : undefined
      const w = j === randomIndex ? randomLike(st.weights, j) : poison !== undefined ? poisoned(st.weights, poison) : st.weights
      let { leaf, files } = recordCheckpoint({ round: params.round, workerAddress, index: j, weights: w, optimizer: st, batches, loss, previous: recorded })
      if (poison !== undefined) {
        // The lie an adaptive poisoner tells: the honest step's small norm, not the jump it wrote.
        leaf = { ...leaf, updateNorm: l2Distance(st.weights, recorded) }
        files = { ...files, leaf: encodeLeaf(leaf) }
      }
      leaves.push(leaf)
      await store.write(j, files)
      recorded = w
      lastLoss = loss
      report(to, j, loss)
    }
    await store.flush()

    const leafHashes = leaves.map(leafHash)
    const proofRoot = merkleRoot(leafHashes)
    const delta = computeDelta(params.startWeights, recorded)
    const deltaBytes = encodeDelta(hyper.deltaEncoding === 'int8' ? quantizeDelta(delta, hyper.deltaChunk) : delta)
    const dh = deltaHash(deltaBytes)
    const seconds = (performance.now() - started) / 1000
    return {
      round: params.round,
      workerAddress,
      startWeightsId,
      endWeights: recorded,
      delta,
      deltaBytes,
      deltaHash: dh,
      leaves,
      leafHashes,
      proofRoot,
      commitment: computeCommitment({ round: params.round, startWeightsId, deltaHash: dh, proofRoot, workerAddress }),
      replay: { backendClass: cls, microBatches },
      hyper,
      resumedFrom,
      samples: stepsRun * hyper.batchSize,
      seconds,
      samplesPerSecond: stepsRun * hyper.batchSize / seconds,
      store
    }
  } catch (err) {
    await store.flush().catch(() => {})
    throw err
  } finally {
    await runner.dispose()
  }
}

/**
 * The result with another delta (float32 values or already-encoded bytes) and
 * its hash and commitment recomputed; the worker's delta-level cheat modes
 * (random, scaled, lazy, NaN) use it. Float32 values are encoded with the
 * round's delta encoding.
 */
export function withDelta (result: TrainRoundResult, delta: Float32Array | Uint8Array): TrainRoundResult {
  const deltaBytes = delta instanceof Float32Array
    ? encodeDelta(result.hyper.deltaEncoding === 'int8' ? quantizeDelta(delta, result.hyper.deltaChunk) : delta)
    : delta
  const dh = deltaHash(deltaBytes)
  return { ...result, delta: delta instanceof Float32Array ? delta : result.delta, deltaBytes, deltaHash: dh, commitment: recomputeCommitment({ ...result, deltaHash: dh }) }
}

/** The commitment of a (possibly modified) result: computeCommitment over its fields. */
export function recomputeCommitment (r: Pick<TrainRoundResult, 'round' | 'startWeightsId' | 'deltaHash' | 'proofRoot' | 'workerAddress'>): Hex {
  return computeCommitment(r)
}

/** Checkpoint j's files with its Merkle proof: what the worker serves to a verifier. */
export async function checkpointWithProof (result: Pick<TrainRoundResult, 'store' | 'leafHashes'>, index: number): Promise<{ weights: Uint8Array, optimizer: Uint8Array, leaf: Uint8Array, proof: MerkleProof }> {
  const files = await result.store.read(index)
  if (leafHash(decodeLeaf(files.leaf)) !== result.leafHashes[index]) {
    throw new InvalidInputError(`checkpoint ${index} on disk does not match the committed leaf`)
  }
  return { ...files, proof: merkleProof(result.leafHashes, index) }
}

/**
 * One checkpoint's canonical files and proof leaf: weights bytes, optimizer
 * bytes, their hashes, the hash of the segment's batch indices, the segment's
 * loss and the update norm against the previous checkpoint.
 */
export function recordCheckpoint (c: { round: number, workerAddress: Hex, index: number, weights: Float32Array, optimizer: OptimizerState, batches: Uint32Array, loss: number, previous: Float32Array }): { leaf: ProofLeaf, files: CheckpointFiles } {
  const weights = float32ToBytes(c.weights)
  const optimizer = encodeOptimizerState(c.optimizer)
  const leaf: ProofLeaf = {
    round: c.round, workerAddress: c.workerAddress, index: c.index, step: c.optimizer.step,
    weightsHash: sha256Hex(weights), optimizerHash: optimizerStateHash(optimizer), batchHash: batchIndicesHash(c.batches),
    loss: c.loss, updateNorm: l2Distance(c.weights, c.previous)
  }
  return { leaf, files: { weights, optimizer, leaf: encodeLeaf(leaf) } }
}

/** L2 norm of a - b, accumulated in float64 in index order (so anyone recomputes the same number). */
export function l2Distance (a: Float32Array, b: Float32Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) { const d = a[i] - b[i]; s += d * d }
  return Math.sqrt(s)
}

function randomLike (w: Float32Array, j: number): Float32Array {
  const rng = SeededRandom.fromParts('cotrain/fault/random-checkpoint', new Uint8Array([j & 255, (j >> 8) & 255]))
  let s = 0
  for (let i = 0; i < w.length; i++) s += w[i] * w[i]
  const scale = Math.sqrt(s / Math.max(1, w.length)) * Math.sqrt(3)
  const out = new Float32Array(w.length)
  for (let i = 0; i < out.length; i++) out[i] = (2 * rng.nextFloat() - 1) * scale
  return out
}

function poisoned (w: Float32Array, f: { index?: number, shift?: number }): Float32Array {
  const out = Float32Array.from(w)
  const i = f.index ?? out.length - 10
  out[i] -= f.shift ?? 60
  return out
}

function rotate (d: Dataset): Dataset {
  const half = Math.floor(d.count / 2)
  return concatDatasets([sliceDataset(d, half, d.count), sliceDataset(d, 0, half)])
}
