/**
 * The wire messages, decoded and checked. `decodeX(bytes)` turns bytes into a
 * message or throws InvalidInputError naming the bad field; `checkX(msg)` runs
 * the same schema checks on a message about to be sent. The checks are the
 * structural ones every party needs (lengths, counts, finite numbers); round
 * numbers, deadlines and duplicates are the callbacks' business.
 */
import { InvalidInputError } from '../errors.ts'
import { cotrain } from '../proto/cotrain.js'
import { LIMITS } from './constants.ts'
import { ROUND_SEED_BYTES } from '../hash/roundSeed.ts'

/** The generated protobuf classes of package cotrain.v1. */
export const pb = cotrain.v1

export type Capabilities = cotrain.v1.Capabilities.$Properties
export type Join = cotrain.v1.Join.$Properties
export type JoinAccepted = cotrain.v1.JoinAccepted.$Properties
export type HyperParameters = cotrain.v1.HyperParameters.$Properties
export type RoundAnnouncement = cotrain.v1.RoundAnnouncement.$Properties
export type AssignmentRequest = cotrain.v1.AssignmentRequest.$Properties
export type ShardRef = cotrain.v1.ShardRef.$Properties
export type Assignment = cotrain.v1.Assignment.$Properties
export type ContentProviders = cotrain.v1.ContentProviders.$Properties
export type Provider = cotrain.v1.Provider.$Properties
export type HaveNotice = cotrain.v1.HaveNotice.$Properties
export type HaveAck = cotrain.v1.HaveAck.$Properties
export type ContentRequest = cotrain.v1.ContentRequest.$Properties
export type ContentChunk = cotrain.v1.ContentChunk.$Properties
export type LeafSummary = cotrain.v1.LeafSummary.$Properties
export type UpdateSubmission = cotrain.v1.UpdateSubmission.$Properties
export type SubmissionAck = cotrain.v1.SubmissionAck.$Properties
export type CheckpointRequest = cotrain.v1.CheckpointRequest.$Properties
export type Leaf = cotrain.v1.Leaf.$Properties
export type CheckpointReply = cotrain.v1.CheckpointReply.$Properties
export type SubmissionsRequest = cotrain.v1.SubmissionsRequest.$Properties
export type SubmissionSummary = cotrain.v1.SubmissionSummary.$Properties
export type SubmissionList = cotrain.v1.SubmissionList.$Properties
export type WireError = cotrain.v1.Error.$Properties

/** Decoded messages: every scalar present (defaults filled in). */
export type DecodedJoin = cotrain.v1.Join
export type DecodedAssignmentRequest = cotrain.v1.AssignmentRequest
export type DecodedContentRequest = cotrain.v1.ContentRequest
export type DecodedHaveNotice = cotrain.v1.HaveNotice
export type DecodedUpdateSubmission = cotrain.v1.UpdateSubmission
export type DecodedCheckpointRequest = cotrain.v1.CheckpointRequest
export type DecodedRoundAnnouncement = cotrain.v1.RoundAnnouncement
export type DecodedSubmissionsRequest = cotrain.v1.SubmissionsRequest

const ADDRESS_BYTES = 20
const HASH_BYTES = 32

function fail (message: string, field: string): never {
  throw new InvalidInputError(`${message}: ${field}`)
}

function bytes (value: Uint8Array | null | undefined, field: string, length: number | [number, number]): void {
  const n = value?.byteLength ?? 0
  const [min, max] = typeof length === 'number' ? [length, length] : length
  if (n < min || n > max) fail(min === max ? `expected ${min} bytes, got ${n}` : `expected ${min}-${max} bytes, got ${n}`, field)
}

function text (value: string | null | undefined, field: string, max: number, required = false): void {
  const n = value?.length ?? 0
  if (n > max) fail(`longer than ${max} characters`, field)
  if (required && n === 0) fail('missing', field)
}

function uint (value: number | null | undefined, field: string, min = 0): void {
  const n = value ?? 0
  if (!Number.isInteger(n) || n < min || n > 0xffffffff) fail(`expected an integer >= ${min}`, field)
}

function finite (value: number | null | undefined, field: string, min = -Infinity): void {
  const n = value ?? 0
  if (!Number.isFinite(n) || n < min) fail(min === -Infinity ? 'expected a finite number' : `expected a finite number >= ${min}`, field)
}

function oneOf (value: number | null | undefined, field: string, allowed: readonly number[]): void {
  if (!allowed.includes(value ?? 0)) fail(`unsupported value ${value ?? 0}`, field)
}

function present<T> (value: T | null | undefined, field: string): T {
  if (value == null) fail('missing', field)
  return value
}

export function checkCapabilities (c: Capabilities, field = 'capabilities'): void {
  text(c.backend, `${field}.backend`, 32, true)
  text(c.tfjsVersion, `${field}.tfjs_version`, 32)
  finite(c.samplesPerSecond, `${field}.samples_per_second`, 0)
  finite(c.gflops, `${field}.gflops`, 0)
  uint(c.cpuCores, `${field}.cpu_cores`)
  uint(c.memoryMib, `${field}.memory_mib`)
  text(c.gpu, `${field}.gpu`, 128)
  uint(c.gpuMemoryMib, `${field}.gpu_memory_mib`)
}

export function checkJoin (m: Join): void {
  checkCapabilities(present(m.capabilities, 'capabilities'))
  bytes(m.workerAddress, 'worker_address', ADDRESS_BYTES)
  uint(m.issuedAt, 'issued_at', 1)
  bytes(m.nonce, 'nonce', 16)
  bytes(m.signature, 'signature', 65)
  text(m.clientVersion, 'client_version', 64)
}

export function checkRoundAnnouncement (m: RoundAnnouncement, field = 'announcement'): void {
  uint(m.round, `${field}.round`, 1)
  bytes(m.modelId, `${field}.model_id`, HASH_BYTES)
  const h = present(m.hyperParameters, `${field}.hyper_parameters`)
  uint(h.innerSteps, `${field}.hyper_parameters.inner_steps`, 1)
  uint(h.batchSize, `${field}.hyper_parameters.batch_size`, 1)
  finite(h.learningRate, `${field}.hyper_parameters.learning_rate`, 0)
  uint(h.checkpointInterval, `${field}.hyper_parameters.checkpoint_interval`, 1)
  text(h.optimizer, `${field}.hyper_parameters.optimizer`, 32)
  finite(h.beta1, `${field}.hyper_parameters.beta1`, 0)
  finite(h.beta2, `${field}.hyper_parameters.beta2`, 0)
  finite(h.epsilon, `${field}.hyper_parameters.epsilon`, 0)
  oneOf(h.deltaEncoding, `${field}.hyper_parameters.delta_encoding`, [cotrain.v1.DeltaEncoding.DELTA_ENCODING_FLOAT32, cotrain.v1.DeltaEncoding.DELTA_ENCODING_INT8_SCALED])
  uint(h.deltaChunk, `${field}.hyper_parameters.delta_chunk`, 1)
  bytes(m.roundSeed, `${field}.round_seed`, ROUND_SEED_BYTES)
  text(m.modelConfigJson, `${field}.model_config_json`, LIMITS.modelConfigJson)
  uint(m.openedAt, `${field}.opened_at`)
  uint(m.trainDeadline, `${field}.train_deadline`)
  uint(m.submitDeadline, `${field}.submit_deadline`)
  if ((m.submitDeadline ?? 0) < (m.trainDeadline ?? 0)) fail('submit deadline before train deadline', `${field}.submit_deadline`)
  bytes(m.datasetId, `${field}.dataset_id`, [0, HASH_BYTES])
  if ((m.datasetId?.byteLength ?? 0) !== 0) bytes(m.datasetId, `${field}.dataset_id`, HASH_BYTES)
}

export function checkJoinAccepted (m: JoinAccepted): void {
  bytes(m.workerAddress, 'worker_address', ADDRESS_BYTES)
  uint(m.serverTime, 'server_time')
  text(m.announcementTopic, 'announcement_topic', 128)
  if (m.currentRound != null && (m.currentRound.round ?? 0) !== 0) checkRoundAnnouncement(m.currentRound, 'current_round')
  uint(m.retryAfter, 'retry_after')
}

export function checkAssignmentRequest (m: AssignmentRequest): void {
  uint(m.round, 'round')
  bytes(m.workerAddress, 'worker_address', ADDRESS_BYTES)
}

export function checkAssignment (m: Assignment): void {
  const shards = m.shards ?? []
  uint(m.retryAfter, 'retry_after')
  if (shards.length === 0 && (m.retryAfter ?? 0) > 0) {
    // "Wait": no work now, ask again later.
    uint(m.round, 'round')
  } else {
    uint(m.round, 'round', 1)
  }
  bytes(m.workerAddress, 'worker_address', ADDRESS_BYTES)
  if (m.announcement != null) {
    checkRoundAnnouncement(m.announcement, 'announcement')
    if (m.announcement.round !== m.round) fail('announcement is for another round', 'announcement.round')
  }
  if (shards.length > 100_000) fail('more than 100000 shards', 'shards')
  let total = 0
  shards.forEach((s, i) => {
    bytes(s.contentId, `shards[${i}].content_id`, HASH_BYTES)
    uint(s.index, `shards[${i}].index`)
    uint(s.samples, `shards[${i}].samples`)
    uint(s.size, `shards[${i}].size`)
    total += s.samples ?? 0
  })
  if (total !== (m.totalSamples ?? 0)) fail(`expected the sum of the shards' samples (${total})`, 'total_samples')
  const providers = m.providers ?? []
  // One entry per content id of the assignment: the model and each shard.
  if (providers.length > shards.length + 1) fail(`more than ${shards.length + 1} entries (the model and each shard)`, 'providers')
  providers.forEach((c, i) => {
    const f = `providers[${i}]`
    bytes(c.contentId, `${f}.content_id`, HASH_BYTES)
    uint(c.size, `${f}.size`)
    const list = c.providers ?? []
    if (list.length > LIMITS.providers) fail(`more than ${LIMITS.providers} providers`, `${f}.providers`)
    list.forEach((p, j) => {
      text(p.peerId, `${f}.providers[${j}].peer_id`, 128, true)
      const addrs = p.addrs ?? []
      if (addrs.length === 0 || addrs.length > LIMITS.providerAddrs) fail(`expected 1-${LIMITS.providerAddrs} addresses`, `${f}.providers[${j}].addrs`)
      addrs.forEach((a, k) => { text(a, `${f}.providers[${j}].addrs[${k}]`, 256, true) })
    })
  })
}

export function checkHaveNotice (m: HaveNotice): void {
  uint(m.round, 'round', 1)
  bytes(m.workerAddress, 'worker_address', ADDRESS_BYTES)
  const ids = m.contentIds ?? []
  if (ids.length === 0 || ids.length > LIMITS.haveIds) fail(`expected 1-${LIMITS.haveIds} content ids`, 'content_ids')
  ids.forEach((id, i) => { bytes(id, `content_ids[${i}]`, HASH_BYTES) })
  const failed = m.failedProviders ?? []
  if (failed.length > LIMITS.haveFailures) fail(`expected at most ${LIMITS.haveFailures} failed providers`, 'failed_providers')
  failed.forEach((f, i) => {
    bytes(f.contentId, `failed_providers[${i}].content_id`, HASH_BYTES)
    text(f.peerId, `failed_providers[${i}].peer_id`, 128, true)
    const fault = f.fault ?? 0
    if (fault !== pb.ProviderFault.PROVIDER_FAULT_WRONG_BYTES && fault !== pb.ProviderFault.PROVIDER_FAULT_UNAVAILABLE) fail('expected fault WRONG_BYTES or UNAVAILABLE', `failed_providers[${i}].fault`)
  })
}

export function checkHaveAck (m: HaveAck): void {
  uint(m.round, 'round')
  uint(m.recorded, 'recorded')
}

export function checkContentRequest (m: ContentRequest): void {
  bytes(m.contentId, 'content_id', HASH_BYTES)
  uint(m.offset, 'offset')
  uint(m.maxLength, 'max_length')
}

const DELTA = cotrain.v1.DeltaEncoding

/** Bytes the encoded delta of `m` must have. */
export function expectedDeltaBytes (m: UpdateSubmission): number {
  const params = m.numParams ?? 0
  return m.encoding === DELTA.DELTA_ENCODING_FLOAT32 ? 4 * params : params
}

export function checkUpdateSubmission (m: UpdateSubmission): void {
  checkSubmissionMetadata(m)
  const deltaBytes = m.delta?.byteLength ?? 0
  if (deltaBytes !== expectedDeltaBytes(m)) fail(`expected ${expectedDeltaBytes(m)} bytes for ${m.numParams ?? 0} parameters, got ${deltaBytes}`, 'delta')
}

/** Everything in a submission but the delta bytes themselves. */
export function checkSubmissionMetadata (m: UpdateSubmission, field = ''): void {
  const f = (name: string): string => field === '' ? name : `${field}.${name}`
  uint(m.round, f('round'), 1)
  bytes(m.workerAddress, f('worker_address'), ADDRESS_BYTES)
  bytes(m.baseModelId, f('base_model_id'), HASH_BYTES)
  bytes(m.commitment, f('commitment'), HASH_BYTES)
  oneOf(m.encoding, f('encoding'), [DELTA.DELTA_ENCODING_FLOAT32, DELTA.DELTA_ENCODING_INT8_SCALED])
  uint(m.numParams, f('num_params'), 1)
  const params = m.numParams ?? 0
  const scaleBytes = m.scales?.byteLength ?? 0
  if (m.encoding === DELTA.DELTA_ENCODING_FLOAT32) {
    if (scaleBytes !== 0) fail('expected no scales for float32', f('scales'))
  } else {
    uint(m.scaleBlock, f('scale_block'), 1)
    const blocks = Math.ceil(params / (m.scaleBlock ?? 1))
    if (scaleBytes !== 4 * blocks) fail(`expected 4 x ${blocks} blocks = ${4 * blocks} bytes, got ${scaleBytes}`, f('scales'))
  }
  bytes(m.deltaHash, f('delta_hash'), HASH_BYTES)
  bytes(m.proofRoot, f('proof_root'), HASH_BYTES)
  uint(m.leafCount, f('leaf_count'), 1)
  const leaves = m.leaves ?? []
  if (leaves.length !== m.leafCount) fail(`expected leaf_count = ${m.leafCount ?? 0} summaries, got ${leaves.length}`, f('leaves'))
  if (leaves.length > LIMITS.leaves) fail(`more than ${LIMITS.leaves} leaves`, f('leaves'))
  leaves.forEach((l, i) => {
    finite(l.loss, f(`leaves[${i}].loss`))
    finite(l.updateNorm, f(`leaves[${i}].update_norm`), 0)
  })
  uint(m.samples, f('samples'), 1)
  if (!/^(|0|[1-9][0-9]{0,77})$/.test(m.contributionId ?? '')) fail('expected a decimal uint256', f('contribution_id'))
  bytes(m.txHash, f('tx_hash'), [0, HASH_BYTES])
  if ((m.txHash?.byteLength ?? 0) !== 0) bytes(m.txHash, f('tx_hash'), HASH_BYTES)
  text(m.backendClass, f('backend_class'), 128)
  uint(m.microBatches, f('micro_batches'))
}

export function checkSubmissionAck (m: SubmissionAck): void {
  uint(m.round, 'round', 1)
  bytes(m.commitment, 'commitment', HASH_BYTES)
  uint(m.receivedAt, 'received_at')
  uint(m.retryAfter, 'retry_after')
}

export function checkCheckpointRequest (m: CheckpointRequest): void {
  uint(m.round, 'round', 1)
  uint(m.index, 'index')
}

export function checkCheckpointReply (m: CheckpointReply): void {
  uint(m.round, 'round', 1)
  uint(m.index, 'index')
  const leaf = present(m.leaf, 'leaf')
  uint(leaf.round, 'leaf.round', 1)
  bytes(leaf.workerAddress, 'leaf.worker_address', ADDRESS_BYTES)
  uint(leaf.index, 'leaf.index')
  bytes(leaf.weightsHash, 'leaf.weights_hash', HASH_BYTES)
  bytes(leaf.optimizerHash, 'leaf.optimizer_hash', HASH_BYTES)
  bytes(leaf.batchHash, 'leaf.batch_hash', HASH_BYTES)
  finite(leaf.loss, 'leaf.loss')
  finite(leaf.updateNorm, 'leaf.update_norm', 0)
  if (leaf.round !== m.round || leaf.index !== m.index) fail('leaf is not the one asked for', 'leaf')
  const proof = m.proof ?? []
  if (proof.length > LIMITS.proofDepth) fail(`more than ${LIMITS.proofDepth} siblings`, 'proof')
  proof.forEach((p, i) => { bytes(p, `proof[${i}]`, HASH_BYTES) })
  bytes(m.checkpointId, 'checkpoint_id', HASH_BYTES)
  uint(m.checkpointSize, 'checkpoint_size')
  const inline = m.checkpoint?.byteLength ?? 0
  if (inline > LIMITS.inlineCheckpoint) fail(`inline checkpoint over ${LIMITS.inlineCheckpoint} bytes`, 'checkpoint')
  if (inline !== 0 && inline !== m.checkpointSize) fail(`expected checkpoint_size = ${m.checkpointSize ?? 0} bytes, got ${inline}`, 'checkpoint')
}

export function checkSubmissionsRequest (m: SubmissionsRequest): void {
  uint(m.round, 'round', 1)
  uint(m.start, 'start')
  uint(m.limit, 'limit')
}

export function checkSubmissionList (m: SubmissionList): void {
  uint(m.round, 'round', 1)
  uint(m.total, 'total')
  const list = m.submissions ?? []
  list.forEach((s, i) => {
    const f = `submissions[${i}]`
    text(s.workerPeerId, `${f}.worker_peer_id`, 128, true)
    const addrs = s.workerAddrs ?? []
    if (addrs.length > 16) fail('more than 16 addresses', `${f}.worker_addrs`)
    addrs.forEach((a, j) => { text(a, `${f}.worker_addrs[${j}]`, 256) })
    const sub = present(s.submission, `${f}.submission`)
    checkSubmissionMetadata(sub, `${f}.submission`)
    if ((sub.delta?.byteLength ?? 0) !== 0) fail('expected the delta left out', `${f}.submission.delta`)
    if (sub.round !== m.round) fail('submission of another round', `${f}.submission.round`)
    bytes(s.deltaId, `${f}.delta_id`, HASH_BYTES)
    const shardIds = s.shardIds ?? []
    if (shardIds.length > 1024) fail('more than 1024 shard ids', `${f}.shard_ids`)
    shardIds.forEach((id, j) => { bytes(id, `${f}.shard_ids[${j}]`, HASH_BYTES) })
    if (s.announcement != null && (s.announcement.round ?? 0) !== 0) checkRoundAnnouncement(s.announcement, `${f}.announcement`)
    if (s.deltaSize !== expectedDeltaBytes(sub)) fail(`expected ${expectedDeltaBytes(sub)} bytes`, `${f}.delta_size`)
    text(s.status, `${f}.status`, 32)
  })
}

export function checkError (m: WireError): void {
  if ((m.code ?? 0) === 0) fail('missing', 'code')
  text(m.message, 'message', LIMITS.errorMessage * 4)
}

/** Decodes protobuf bytes, turning the decoder's errors into InvalidInputError. */
export function decodeWith<T> (type: { decode: (b: Uint8Array) => T }, data: Uint8Array, what: string): T {
  try {
    return type.decode(data)
  } catch (err) {
    throw new InvalidInputError(`${what} does not decode: ${(err as Error).message}`, { cause: err })
  }
}

function decoder<T> (type: { decode: (b: Uint8Array) => T }, what: string, check: (m: T) => void): (data: Uint8Array) => T {
  return (data) => {
    const m = decodeWith(type, data, what)
    try {
      check(m)
    } catch (err) {
      if (err instanceof InvalidInputError) throw new InvalidInputError(`${what}: ${err.shortMessage}`, { cause: err })
      throw err
    }
    return m
  }
}

/** Decode and check; each throws InvalidInputError on bad bytes. */
export const decodeJoin = decoder(pb.Join, 'Join', checkJoin)
export const decodeRoundAnnouncement = decoder(pb.RoundAnnouncement, 'RoundAnnouncement', checkRoundAnnouncement)
export const decodeAssignmentRequest = decoder(pb.AssignmentRequest, 'AssignmentRequest', checkAssignmentRequest)
export const decodeHaveNotice = decoder(pb.HaveNotice, 'HaveNotice', checkHaveNotice)
export const decodeContentRequest = decoder(pb.ContentRequest, 'ContentRequest', checkContentRequest)
export const decodeUpdateSubmission = decoder(pb.UpdateSubmission, 'UpdateSubmission', checkUpdateSubmission)
export const decodeCheckpointRequest = decoder(pb.CheckpointRequest, 'CheckpointRequest', checkCheckpointRequest)
export const decodeSubmissionsRequest = decoder(pb.SubmissionsRequest, 'SubmissionsRequest', checkSubmissionsRequest)
