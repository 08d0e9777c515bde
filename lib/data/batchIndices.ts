import { InvalidInputError } from '../errors.ts'
import { fromHex, taggedHash, toHex, type Hex } from '../hash/sha256.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { roundSeedBytes, type RoundSeed } from '../hash/roundSeed.ts'

/** Inputs of the batch schedule: nothing else influences which samples a step uses. */
export interface BatchScheduleParams {
  /** The round's seed. */
  roundSeed: RoundSeed
  /** The worker's Ethereum address, 20 bytes hex. */
  workerAddress: string
  /** Assigned shard ids (32 bytes hex each), in assignment order. */
  shardIds: string[]
  /** Sample count of each shard, same order as `shardIds`. */
  shardSizes: number[]
  batchSize: number
}

const TAG = 'cotrain/batch-schedule/v1'
const cache = new Map<string, Uint32Array>()
const CACHE_LIMIT = 4

/**
 * The sample indices of optimizer step `step` (0-based): `batchSize` indices
 * into the concatenation of the assigned shards in `shardIds` order.
 *
 * Definition (v1), so anyone can replay it without this code: let N = sum of
 * shardSizes and B = batchSize. Epoch e's order is a Fisher-Yates permutation
 * of 0..N-1 drawn from {@link SeededRandom} seeded with
 * `taggedHash('cotrain/batch-schedule/v1', roundSeed[32] || workerAddress[20]
 * || u32be(shardCount) || shardId[32]... || u32be(shardSize)... || u32be(e))`.
 * Step s takes positions p = s*B .. s*B+B-1 of the endless sequence epoch 0,
 * epoch 1, ...: index = perm_{floor(p/N)}[p mod N]. Each step is computable on
 * its own, so a verifier replays any segment without the steps before it.
 *
 * @example
 * batchIndices({ roundSeed, workerAddress, shardIds, shardSizes: [6000], step: 17, batchSize: 64 })
 */
export function batchIndices (params: BatchScheduleParams & { step: number }): Uint32Array {
  const { seedPrefix, total, batchSize } = prepare(params)
  if (!Number.isInteger(params.step) || params.step < 0) throw new InvalidInputError(`step must be a non-negative integer, got ${params.step}`)
  const out = new Uint32Array(batchSize)
  let p = params.step * batchSize
  for (let i = 0; i < batchSize; i++, p++) {
    const epoch = Math.floor(p / total)
    out[i] = epochPermutation(seedPrefix, epoch, total)[p - epoch * total]
  }
  return out
}

/** The batch indices of steps [fromStep, toStep), concatenated in step order. */
export function segmentBatchIndices (params: BatchScheduleParams, fromStep: number, toStep: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, toStep - fromStep) * params.batchSize)
  for (let s = fromStep; s < toStep; s++) out.set(batchIndices({ ...params, step: s }), (s - fromStep) * params.batchSize)
  return out
}

/**
 * Hash of the batch indices a segment used, as committed in a proof leaf:
 * `taggedHash('cotrain/batch-indices/v1', u32be(index)...)`. The empty list
 * (checkpoint 0) hashes too.
 */
export function batchIndicesHash (indices: Uint32Array): Hex {
  const bytes = new Uint8Array(indices.length * 4)
  const v = new DataView(bytes.buffer)
  for (let i = 0; i < indices.length; i++) v.setUint32(i * 4, indices[i], false)
  return toHex(taggedHash('cotrain/batch-indices/v1', bytes))
}

function prepare (params: BatchScheduleParams): { seedPrefix: Uint8Array, total: number, batchSize: number } {
  const { shardIds, shardSizes, batchSize } = params
  if (shardIds.length === 0) throw new InvalidInputError('batch schedule needs at least one shard id')
  if (shardIds.length !== shardSizes.length) throw new InvalidInputError(`batch schedule got ${shardIds.length} shard ids but ${shardSizes.length} sizes`)
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidInputError(`batch size must be a positive integer, got ${batchSize}`)
  let total = 0
  for (const s of shardSizes) {
    if (!Number.isInteger(s) || s < 1) throw new InvalidInputError(`shard sizes must be positive integers, got ${s}`)
    total += s
  }
  if (total >= 2 ** 32) throw new InvalidInputError(`assigned shards hold ${total} samples, over 2^32`)
  const counts = new Uint8Array(4 + 4 * shardSizes.length)
  const v = new DataView(counts.buffer)
  v.setUint32(0, shardIds.length, false)
  shardSizes.forEach((s, i) => v.setUint32(4 + 4 * i, s, false))
  const seedPrefix = concat([
    roundSeedBytes(params.roundSeed),
    fromHex(params.workerAddress, 20, 'worker address'),
    counts.subarray(0, 4),
    ...shardIds.map((id) => fromHex(id, 32, 'shard id')),
    counts.subarray(4)
  ])
  return { seedPrefix, total, batchSize }
}

function epochPermutation (seedPrefix: Uint8Array, epoch: number, total: number): Uint32Array {
  const e = new Uint8Array(4)
  new DataView(e.buffer).setUint32(0, epoch, false)
  const key = `${Buffer.from(seedPrefix).toString('base64')}:${epoch}`
  let perm = cache.get(key)
  if (perm === undefined) {
    perm = SeededRandom.fromParts(TAG, seedPrefix, e).permutation(total)
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    cache.set(key, perm)
  }
  return perm
}

function concat (parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0))
  let off = 0
  for (const p of parts) { out.set(p, off); off += p.byteLength }
  return out
}
