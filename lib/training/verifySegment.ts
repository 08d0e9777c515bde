import { concatDatasets } from '../data/Dataset.ts'
import { batchIndicesHash, segmentBatchIndices } from '../data/batchIndices.ts'
import { bytesToFloat32, float32ToBytes } from '../hash/float32Bytes.ts'
import { weightsId } from '../hash/contentId.ts'
import { bytesEqual, normalizeHex, sha256Hex, type Hex } from '../hash/sha256.ts'
import { modelWeightCount } from '../model/buildModel.ts'
import { resolveModelConfig, type ModelConfig, type ModelConfigInput } from '../model/config.ts'
import { computeCommitment } from '../proof/commitment.ts'
import { computeDelta, decodeDelta, deltaHash } from '../proof/delta.ts'
import { decodeLeaf, leafHash, type ProofLeaf } from '../proof/leaf.ts'
import { verifyMerkleProof, type MerkleProof } from '../proof/merkle.ts'
import { checkpointCount, checkpointStep, resolveHyperParams, type TrainingHyperParams } from './hyperParams.ts'
import { decodeOptimizerState, encodeOptimizerState, initialOptimizerState, type OptimizerState } from './optimizerState.ts'
import { backendClass, isDeterministicClass } from './selectBackend.ts'
import { LocalStepRunner } from './StepRunner.ts'
import type { ReplaySpec, TrainingShard } from './trainRound.ts'
import { l2Distance } from './trainRound.ts'
import type { RoundSeed } from '../hash/roundSeed.ts'

/**
 * Default tolerance for cross-backend replays: the largest relative L2
 * distance (weights update, Adam m, Adam v, segment loss) accepted when the
 * verifier's backend class differs from the worker's. Calibrated in
 * docs/proof-of-training.md (benchmarks/verification-calibration.ts): honest
 * cpu <-> wasm replays measured at most 3.1e-6 and webgpu <-> wasm (both ways,
 * SwiftShader) at most 3.6e-6, the mildest cheat (skipping one step of a
 * segment) at least 0.21; 1e-2 leaves 2,800x room for honest noise and a 21x
 * margin to that cheat.
 */
export const DEFAULT_REPLAY_THRESHOLD = 1e-2

/**
 * One checkpoint as served by the worker: its bytes, its leaf and the leaf's
 * Merkle proof. An opening (weights and optimizer empty) is the leaf and
 * proof alone: enough for the end of a segment replayed bit for bit, whose
 * bytes are then checked by the leaf's hashes instead of fetched.
 */
export interface ServedCheckpoint {
  weights: Uint8Array
  optimizer: Uint8Array
  leaf: Uint8Array
  proof: MerkleProof
}

/** The public facts of a contribution a verifier checks against. */
export interface VerifyContext {
  round: number
  roundSeed: RoundSeed
  workerAddress: string
  model: ModelConfigInput | ModelConfig
  hyper: Partial<TrainingHyperParams>
  shards: TrainingShard[]
  proofRoot: string
}

/** A verification outcome. `ok: false` is a finding (never an exception); `reason` is one printable line. */
export interface VerifyResult {
  ok: boolean
  reason: string
  /** Largest relative L2 distance between replay and claim (null when the check failed before replaying). */
  distance: number | null
  /** Whether bit-exact comparison was required (same deterministic backend class). */
  exact: boolean
  /** Per-quantity distances, for calibration. */
  distances?: { weights: number, m: number, v: number, loss: number }
  /**
   * Not a finding: the segment's end came as an opening and the replay here
   * is not bit-exact, so it can only be compared with the bytes. Fetch
   * checkpoint j+1 whole and verify again.
   */
  needsBytes?: boolean
}

const fail = (reason: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({ ok: false, reason, distance: null, exact: false, ...extra })

/**
 * Replays segment j (checkpoint j -> j+1) and compares with the claim. Checks,
 * in order: both Merkle proofs against the proof root; leaf fields (round,
 * worker, index, step); weights and optimizer bytes against the leaf hashes;
 * the batch-indices hash against the schedule; the update norm (exact, it is
 * recomputed from the bytes); then re-executes the k steps from checkpoint j
 * with the worker's micro-batch split and compares with checkpoint j+1: bit for
 * bit (weights, optimizer state, loss) when the verifier's backend class equals
 * the worker's claimed deterministic class, else relative L2 distances within
 * `threshold`.
 *
 * @example
 * const r = await verifySegment({ ...ctx, index: 3, from, to, replay: result.replay })
 * if (!r.ok) reportFraud(r.reason)
 */
export async function verifySegment (params: VerifyContext & { index: number, from: ServedCheckpoint, to: ServedCheckpoint, replay?: ReplaySpec, threshold?: number }, options: { signal?: AbortSignal } = {}): Promise<VerifyResult> {
  const hyper = resolveHyperParams(params.hyper)
  const config = resolveModelConfig(params.model)
  const count = checkpointCount(hyper)
  const j = params.index
  if (!Number.isInteger(j) || j < 0 || j >= count - 1) return fail(`segment ${j} does not exist (the run has ${count - 1} segments)`)
  const a = checkLeafAndBytes(params, params.from, j, count, hyper)
  if (typeof a === 'string') return fail(a)
  if (a.weights === null) throw new TypeError(`segment ${j} replays from checkpoint ${j}'s bytes, not its opening alone`)
  const b = checkLeafAndBytes(params, params.to, j + 1, count, hyper)
  if (typeof b === 'string') return fail(b)
  const exact = params.replay !== undefined && params.replay.backendClass === backendClass() && isDeterministicClass(params.replay.backendClass)
  if (b.weights === null && !exact) return { ok: false, needsBytes: true, reason: `segment ${j}: a replay on ${backendClass()} is not bit-exact for ${params.replay?.backendClass ?? 'an unknown class'}, so checkpoint ${j + 1}'s bytes are needed`, distance: null, exact }

  const shardIds = params.shards.map((s) => normalizeHex(s.id, 32, 'shard id'))
  const fromStep = checkpointStep(hyper, j)
  const toStep = checkpointStep(hyper, j + 1)
  const batches = segmentBatchIndices({ roundSeed: params.roundSeed, workerAddress: params.workerAddress, shardIds, shardSizes: params.shards.map((s) => s.dataset.count), batchSize: hyper.batchSize }, fromStep, toStep)
  if (batchIndicesHash(batches) !== b.leaf.batchHash) return fail(`leaf ${j + 1} commits to batches other than the schedule's for steps ${fromStep}..${toStep - 1}`)
  if (b.weights !== null && l2Distance(b.weights, a.weights) !== b.leaf.updateNorm) return fail(`leaf ${j + 1} claims update norm ${b.leaf.updateNorm}, the checkpoints give ${l2Distance(b.weights, a.weights)}`)

  const microBatches = params.replay?.microBatches ?? 1
  let runner: LocalStepRunner
  try {
    runner = new LocalStepRunner(config, hyper, { assigned: concatDatasets(params.shards.map((s) => s.dataset)) }, { microBatches })
  } catch (err) {
    return fail(`cannot replay with ${microBatches} micro-batches: ${(err as Error).message}`)
  }
  let replayed: OptimizerState & { weights: Float32Array }
  let loss: number
  try {
    await runner.setState({ weights: a.weights, ...a.state })
    for (let s = 0; s < toStep - fromStep; s++) {
      options.signal?.throwIfAborted()
      await runner.step('assigned', batches.subarray(s * hyper.batchSize, (s + 1) * hyper.batchSize))
    }
    loss = await runner.takeLoss()
    replayed = await runner.getState()
  } finally {
    await runner.dispose()
  }

  if (b.weights === null) {
    // Bit-exact here (checked above): the replay's bytes must be the committed ones, so their hashes must be the leaf's.
    const same = sha256Hex(float32ToBytes(replayed.weights)) === b.leaf.weightsHash && sha256Hex(encodeOptimizerState(replayed)) === b.leaf.optimizerHash && Object.is(loss, b.leaf.loss)
    if (!same) return { ok: false, reason: `segment ${j} replay differs on the worker's own backend class ${backendClass()} (the replayed state does not hash to leaf ${j + 1})`, distance: null, exact }
    const norm = l2Distance(replayed.weights, a.weights)
    if (norm !== b.leaf.updateNorm) return fail(`leaf ${j + 1} claims update norm ${b.leaf.updateNorm}, the checkpoints give ${norm}`)
    return { ok: true, reason: `segment ${j} replays bit for bit on ${backendClass()} (checked against leaf ${j + 1}'s hashes)`, distance: 0, exact }
  }
  const distances = {
    weights: l2Distance(replayed.weights, b.weights) / Math.max(l2Distance(b.weights, a.weights), l2Distance(replayed.weights, a.weights), 1e-30),
    m: relative(replayed.m, b.state.m),
    v: relative(replayed.v, b.state.v),
    loss: Math.abs(loss - b.leaf.loss) / Math.max(Math.abs(b.leaf.loss), Math.abs(loss), 1e-30)
  }
  const distance = Math.max(distances.weights, distances.m, distances.v, distances.loss)
  if (exact) {
    const same = bytesEqual(float32ToBytes(replayed.weights), params.to.weights) && bytesEqual(encodeOptimizerState(replayed), params.to.optimizer) && Object.is(loss, b.leaf.loss)
    return same
      ? { ok: true, reason: `segment ${j} replays bit for bit on ${backendClass()}`, distance, exact, distances }
      : { ok: false, reason: `segment ${j} replay differs on the worker's own backend class ${backendClass()} (relative distance ${distance.toExponential(2)})`, distance, exact, distances }
  }
  const threshold = params.threshold ?? DEFAULT_REPLAY_THRESHOLD
  if (!(distance <= threshold)) {
    const worst = (Object.entries(distances) as Array<[string, number]>).sort((x, y) => (Number.isNaN(y[1]) ? Infinity : y[1]) - (Number.isNaN(x[1]) ? Infinity : x[1]))[0]
    return { ok: false, reason: `segment ${j} replay differs: relative distance ${distance.toExponential(2)} (${worst[0]}) over threshold ${threshold.toExponential(1)}`, distance, exact, distances }
  }
  return { ok: true, reason: `segment ${j} replays within ${threshold.toExponential(1)} (distance ${distance.toExponential(2)}, ${params.replay?.backendClass ?? 'unknown'} vs ${backendClass()})`, distance, exact, distances }
}

/**
 * Checks that checkpoint 0 is the round's start: proof against the root,
 * leaf 0 fields (step 0, empty batch list, loss 0, norm 0), weights equal to
 * W_r by content id and the optimizer state all zero.
 */
export async function verifyStart (params: Pick<VerifyContext, 'round' | 'workerAddress' | 'hyper' | 'proofRoot'> & { startWeights: Float32Array | string, checkpoint: ServedCheckpoint }): Promise<VerifyResult> {
  const hyper = resolveHyperParams(params.hyper)
  const count = checkpointCount(hyper)
  const want = typeof params.startWeights === 'string' ? normalizeHex(params.startWeights, 32, 'start weights id') : weightsId(params.startWeights)
  const weightCount = params.checkpoint.weights.byteLength / 4
  const c = checkLeafAndBytes(params, params.checkpoint, 0, count, hyper, weightCount)
  if (typeof c === 'string') return fail(c)
  if (c.weights === null) throw new TypeError('the start check needs checkpoint 0\'s bytes, not its opening alone')
  if (c.leaf.weightsHash !== want) return fail(`checkpoint 0 is not the round's start weights (${c.leaf.weightsHash.slice(0, 10)}... vs W_r ${want.slice(0, 10)}...)`)
  if (!bytesEqual(params.checkpoint.optimizer, encodeOptimizerState(initialOptimizerState(weightCount)))) return fail('checkpoint 0 optimizer state is not the zero state')
  if (c.leaf.batchHash !== batchIndicesHash(new Uint32Array(0)) || c.leaf.loss !== 0 || c.leaf.updateNorm !== 0) return fail('leaf 0 must have no batches, loss 0 and update norm 0')
  return { ok: true, reason: 'checkpoint 0 is the round start', distance: 0, exact: true }
}

/**
 * Checks that the last checkpoint matches the submitted delta: proof and leaf
 * of checkpoint count-1 (step H), then `W_start - W_last` against the decoded
 * delta: bit-equal for a float32 delta; within each int8 chunk's quantisation
 * bound (scale/2, plus float32 rounding) for int8. With `commitment`, also
 * checks it equals computeCommitment over W_r's id, the delta hash and the
 * proof root.
 */
export async function verifyEnd (params: Pick<VerifyContext, 'round' | 'workerAddress' | 'hyper' | 'proofRoot'> & { startWeights: Float32Array, checkpoint: ServedCheckpoint, deltaBytes: Uint8Array, commitment?: string }): Promise<VerifyResult> {
  const hyper = resolveHyperParams(params.hyper)
  const count = checkpointCount(hyper)
  const c = checkLeafAndBytes(params, params.checkpoint, count - 1, count, hyper, params.startWeights.length)
  if (typeof c === 'string') return fail(c)
  if (c.weights === null) throw new TypeError(`the end check needs checkpoint ${count - 1}'s bytes, not its opening alone`)
  if (params.commitment !== undefined) {
    if (!isBytes32(params.proofRoot)) return fail('the proof root is not 32 bytes of hex')
    const want = computeCommitment({ round: params.round, startWeightsId: weightsId(params.startWeights), deltaHash: deltaHash(params.deltaBytes), proofRoot: params.proofRoot, workerAddress: params.workerAddress })
    if (want !== params.commitment.toLowerCase()) return fail('the commitment does not match W_r, the delta and the proof root')
  }
  let decoded: ReturnType<typeof decodeDelta>
  try {
    decoded = decodeDelta(params.deltaBytes, { expectedLength: params.startWeights.length })
  } catch (err) {
    return fail(`delta is malformed: ${(err as Error).message}`)
  }
  if (decoded.encoding !== hyper.deltaEncoding) return fail(`delta is ${decoded.encoding}, the round asks for ${hyper.deltaEncoding}`)
  const truth = computeDelta(params.startWeights, c.weights)
  if (decoded.quantized === undefined) {
    if (!bytesEqual(float32ToBytes(truth), float32ToBytes(decoded.values))) return fail('delta is not W_start - W_last (float32, bit for bit)')
    return { ok: true, reason: 'delta equals W_start - W_last', distance: 0, exact: true }
  }
  const { scales, chunkSize } = decoded.quantized
  if (chunkSize !== hyper.deltaChunk) return fail(`delta chunk size ${chunkSize}, the round asks for ${hyper.deltaChunk}`)
  let worst = 0
  for (let i = 0; i < truth.length; i++) {
    const scale = scales[Math.floor(i / chunkSize)]
    const err = Math.abs(truth[i] - decoded.values[i])
    const bound = 0.5 * scale * (1 + 1e-6) + 1.2e-7 * Math.abs(truth[i])
    if (!(err <= bound) || !Number.isFinite(scale)) return fail(`delta value ${i} is ${decoded.values[i]}, W_start - W_last is ${truth[i]} (beyond the int8 bound ${bound.toExponential(2)})`)
    if (scale > 0) worst = Math.max(worst, err / scale)
  }
  return { ok: true, reason: `int8 delta within its quantisation bound (worst ${worst.toFixed(3)} of a scale step)`, distance: worst, exact: false }
}

interface CheckedCheckpoint {
  leaf: ProofLeaf
  weights: Float32Array
  state: OptimizerState
}

/** An opening checked: its leaf, no bytes. */
interface CheckedOpening {
  leaf: ProofLeaf
  weights: null
  state: null
}

function checkLeafAndBytes (ctx: Pick<VerifyContext, 'round' | 'workerAddress' | 'proofRoot'> & { model?: VerifyContext['model'] }, c: ServedCheckpoint, index: number, count: number, hyper: TrainingHyperParams, weightCount?: number): CheckedCheckpoint | CheckedOpening | string {
  let leaf: ProofLeaf
  try {
    leaf = decodeLeaf(c.leaf)
  } catch (err) {
    return `leaf ${index} is malformed: ${(err as Error).message}`
  }
  if (typeof c.proof !== 'object' || c.proof === null) return `checkpoint ${index} comes without a Merkle proof`
  if (c.proof.index !== index || c.proof.count !== count) return `proof for checkpoint ${index} is for position ${c.proof.index} of ${c.proof.count} (expected ${index} of ${count})`
  if (!isBytes32(ctx.proofRoot)) return 'the proof root is not 32 bytes of hex'
  if (!verifyMerkleProof(leafHash(leaf), c.proof, ctx.proofRoot as Hex)) return `Merkle proof of checkpoint ${index} does not match the proof root`
  if (leaf.round !== ctx.round || leaf.workerAddress !== normalizeHex(ctx.workerAddress, 20, 'worker address') || leaf.index !== index) return `leaf ${index} is for round ${leaf.round}, worker ${leaf.workerAddress}, index ${leaf.index}`
  const step = checkpointStep(hyper, index)
  if (leaf.step !== step) return `leaf ${index} claims step ${leaf.step}, expected ${step}`
  if (c.weights.byteLength === 0 && c.optimizer.byteLength === 0) return { leaf, weights: null, state: null }
  if (sha256Hex(c.weights) !== leaf.weightsHash) return `checkpoint ${index} weights do not hash to the leaf's weights hash`
  if (sha256Hex(c.optimizer) !== leaf.optimizerHash) return `checkpoint ${index} optimizer state does not hash to the leaf's optimizer hash`
  const n = weightCount ?? (ctx.model !== undefined ? modelWeightCount(ctx.model) : c.weights.byteLength / 4)
  if (c.weights.byteLength !== n * 4) return `checkpoint ${index} holds ${c.weights.byteLength / 4} weights, the model has ${n}`
  let state: OptimizerState
  try {
    state = decodeOptimizerState(c.optimizer, n)
  } catch (err) {
    return `checkpoint ${index} optimizer state is malformed: ${(err as Error).message}`
  }
  if (state.step !== step) return `checkpoint ${index} optimizer state is at step ${state.step}, expected ${step}`
  return { leaf, weights: bytesToFloat32(c.weights), state }
}

/** Worker-supplied hashes are checked, not trusted to parse: malformed means a failed check, not an exception. */
function isBytes32 (h: unknown): h is string {
  return typeof h === 'string' && /^0x[0-9a-fA-F]{64}$/.test(h)
}

function relative (x: Float32Array, y: Float32Array): number {
  return l2Distance(x, y) / Math.max(norm(x), norm(y), 1e-30)
}

function norm (x: Float32Array): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i] * x[i]
  return Math.sqrt(s)
}
