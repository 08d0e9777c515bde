/**
 * The manifest of a contributed dataset: its shards (content ids, samples,
 * sizes), one sample's shape, the classes and the label histogram. The
 * dataset id binds the manifest (sha256 of its canonical JSON) to the
 * contributor's address, so the contributor, the coordinator and every
 * validator compute the same id from the same fields, the id goes on chain as
 * the Dataset contribution's dataHash, and nobody else can hold that id: a
 * copier of the manifest gets an id of its own (see {@link datasetIdOf}).
 */
import { encodePacked, keccak256, type Address } from 'viem'
import { InvalidInputError } from '../errors.ts'
import { isContentId, type ContentId } from '../hash/contentId.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import { sampleSize } from './Dataset.ts'
import type { Shard } from './shard.ts'
import { checkCharTokenizer, MAX_UINT8_SYMBOLS, type CharTokenizer } from './charTokenizer.ts'

/** Manifest format version: 2 writes shard ids as 0x content ids (1 wrote bare hex). */
export const DATASET_MANIFEST_VERSION = 2

/** One shard as the manifest lists it. */
export interface DatasetShardEntry {
  id: ContentId
  samples: number
  size: number
}

/** What a dataset holds; see {@link datasetIdOf}. */
export interface DatasetManifest {
  version: number
  sampleShape: number[]
  numClasses: number
  totalSamples: number
  /** Samples per label, `numClasses` entries. */
  labelHistogram: number[]
  shards: DatasetShardEntry[]
  /**
   * Text datasets only (samples are windows of token ids, lib/data/textDataset.ts):
   * the tokenizer that made the ids. Absent for labelled data.
   */
  tokenizer?: CharTokenizer
  /**
   * Text datasets only, optional: shards of the held-out windows (every 20th
   * window, lib/data/textDataset.ts), never assigned for training, so every
   * validator scores updates on text of the same corpus and tokenizer that no
   * worker trained on (training on them would fail replay: the batch
   * schedule names the assigned shards).
   */
  heldOut?: DatasetShardEntry[]
}

/**
 * Builds the manifest of shards made by `splitIntoShards` (or `decodeShard`).
 *
 * @example
 * const manifest = buildDatasetManifest(splitIntoShards(dataset, 10))
 */
export function buildDatasetManifest (shards: Shard[], options: { tokenizer?: CharTokenizer, heldOut?: Shard[] } = {}): DatasetManifest {
  if (shards.length === 0) throw new InvalidInputError('a dataset needs at least one shard')
  const first = shards[0].dataset
  const histogram = new Array<number>(first.numClasses).fill(0)
  let total = 0
  for (const { dataset } of shards) {
    if (dataset.sampleShape.join('x') !== first.sampleShape.join('x') || dataset.numClasses !== first.numClasses) {
      throw new InvalidInputError('all shards of a dataset must have the same sample shape and classes')
    }
    for (const label of dataset.labels) histogram[label]++
    total += dataset.count
  }
  return {
    version: DATASET_MANIFEST_VERSION,
    sampleShape: [...first.sampleShape],
    numClasses: first.numClasses,
    totalSamples: total,
    labelHistogram: histogram,
    shards: shards.map(shardEntry),
    ...(options.tokenizer !== undefined ? { tokenizer: { kind: options.tokenizer.kind, symbols: [...options.tokenizer.symbols] } } : {}),
    ...(options.heldOut !== undefined ? { heldOut: options.heldOut.map(shardEntry) } : {})
  }
}

/**
 * Every shard a dataset's publisher uploads, in upload order: the training
 * shards, then the held-out ones. An upload's index counts in this order, so
 * index manifest.shards.length is the first held-out shard.
 */
export function manifestEntries (m: Pick<DatasetManifest, 'shards' | 'heldOut'>): DatasetShardEntry[] {
  return m.heldOut === undefined ? m.shards : [...m.shards, ...m.heldOut]
}

function shardEntry (s: Shard): DatasetShardEntry {
  return { id: s.id, samples: s.dataset.count, size: s.bytes.byteLength }
}

/**
 * The canonical JSON text of a manifest: fixed key order, no spaces, the
 * tokenizer and then the held-out shards last and only when present (so
 * labelled datasets, and text datasets without a held-out list, keep their
 * ids). Its sha256 is the dataset id.
 */
export function canonicalManifestJson (m: DatasetManifest): string {
  return JSON.stringify({
    version: m.version,
    sampleShape: m.sampleShape,
    numClasses: m.numClasses,
    totalSamples: m.totalSamples,
    labelHistogram: m.labelHistogram,
    shards: m.shards.map((s) => ({ id: s.id, samples: s.samples, size: s.size })),
    ...(m.tokenizer !== undefined ? { tokenizer: { kind: m.tokenizer.kind, symbols: m.tokenizer.symbols } } : {}),
    ...(m.heldOut !== undefined ? { heldOut: m.heldOut.map((s) => ({ id: s.id, samples: s.samples, size: s.size })) } : {})
  })
}

/** sha256 of the canonical manifest JSON, 0x hex: what the manifest says, whoever contributes it. */
export function manifestHashOf (m: DatasetManifest): Hex {
  return sha256Hex(new TextEncoder().encode(canonicalManifestJson(m)))
}

/**
 * A manifest from its canonical JSON (as served by content id): well formed
 * (checkDatasetManifest) and canonical, so the bytes that hashed to the id
 * are exactly the manifest used. Anything else is an InvalidInputError.
 */
export function manifestFromCanonicalJson (text: string): DatasetManifest {
  let m: DatasetManifest
  try {
    m = JSON.parse(text) as DatasetManifest
  } catch {
    throw new InvalidInputError('dataset manifest is not JSON')
  }
  const list = (v: unknown): boolean => Array.isArray(v)
  if (m === null || typeof m !== 'object' || !list(m.sampleShape) || !list(m.labelHistogram) || !list(m.shards) || (m.heldOut !== undefined && !list(m.heldOut))) throw new InvalidInputError('dataset manifest: missing or malformed fields')
  checkDatasetManifest(m)
  if (canonicalManifestJson(m) !== text) throw new InvalidInputError('dataset manifest is not in canonical form')
  return m
}

/**
 * The dataset id: keccak256(contributor ‖ manifest hash), 0x hex (a bytes32),
 * the same packing as the staking contract's duplicate key. Binding the
 * contributor in matters off chain: the coordinator keys its intake by this
 * id, so someone who offers a copy of another's manifest first gets an id of
 * its own instead of taking (or blocking) the original; and a validator
 * recomputes it from the listed contributor, so a listing that names another
 * contributor for a dataset id is refused. A copier who sees the id in a
 * pending transaction learns nothing it could submit as its own.
 *
 * @example
 * await submitContribution(client, { address, ctype: ContributionType.Dataset, dataHash: datasetIdOf(manifest, account.address) })
 */
export function datasetIdOf (m: DatasetManifest, contributor: Address): Hex {
  return keccak256(encodePacked(['address', 'bytes32'], [contributor, manifestHashOf(m)]))
}

/**
 * Structural checks every party runs on a manifest from elsewhere: version,
 * shape, classes, the histogram and shard counts adding up, ids well formed
 * and distinct, each shard's size consistent with its sample count. Throws
 * InvalidInputError naming the problem.
 */
export function checkDatasetManifest (m: DatasetManifest, limits: { maxShards?: number, maxShardBytes?: number } = {}): void {
  const bad = (text: string): never => { throw new InvalidInputError(`dataset manifest: ${text}`) }
  if (m.version !== DATASET_MANIFEST_VERSION) bad(`unsupported version ${m.version}`)
  if (m.sampleShape.length < 1 || m.sampleShape.length > 4 || m.sampleShape.some((d) => !Number.isInteger(d) || d < 1)) bad(`bad sample shape [${m.sampleShape.join(', ')}]`)
  if (!Number.isInteger(m.numClasses) || m.numClasses < 1 || m.numClasses > 256) bad(`numClasses ${m.numClasses} is out of range 1..256`)
  if (m.labelHistogram.length !== m.numClasses) bad(`label histogram has ${m.labelHistogram.length} entries for ${m.numClasses} classes`)
  if (m.shards.length < 1) bad('no shards')
  if (limits.maxShards !== undefined && m.shards.length > limits.maxShards) bad(`${m.shards.length} shards, over the limit of ${limits.maxShards}`)
  const histogramTotal = m.labelHistogram.reduce((a, b) => a + b, 0)
  const shardTotal = m.shards.reduce((a, s) => a + s.samples, 0)
  if (histogramTotal !== m.totalSamples) bad(`label histogram sums to ${histogramTotal}, totalSamples is ${m.totalSamples}`)
  if (shardTotal !== m.totalSamples) bad(`shards hold ${shardTotal} samples, totalSamples is ${m.totalSamples}`)
  if (m.tokenizer !== undefined) {
    try {
      checkCharTokenizer(m.tokenizer)
    } catch (err) {
      bad((err as Error).message)
    }
    if (m.sampleShape.length !== 1 || m.sampleShape[0] < 2 || m.numClasses !== 1) bad(`a text dataset has samples of [contextLength + 1] token ids and 1 class, got [${m.sampleShape.join(', ')}] and ${m.numClasses}`)
  }
  if (m.heldOut !== undefined) {
    if (m.tokenizer === undefined) bad('only a text dataset lists held-out shards')
    if (m.heldOut.length < 1) bad('an empty held-out list')
    if (limits.maxShards !== undefined && m.heldOut.length > limits.maxShards) bad(`${m.heldOut.length} held-out shards, over the limit of ${limits.maxShards}`)
  }
  const header = 16 + 4 * m.sampleShape.length
  // Token ids are uint16 exactly when the tokenizer has more than 256 symbols (lib/data/shard.ts).
  const width = m.tokenizer !== undefined && m.tokenizer.symbols.length > MAX_UINT8_SYMBOLS ? 2 : 1
  const perSample = sampleSize(m) * width + 1
  const seen = new Set<string>()
  const checkEntry = (s: DatasetShardEntry, name: string): void => {
    if (s === null || typeof s !== 'object') bad(`${name} is not a shard entry`)
    if (!isContentId(s.id)) bad(`${name} id is not a content id (0x and 64 lower-case hex characters)`)
    if (seen.has(s.id)) bad(`${name} repeats shard id ${s.id}`)
    seen.add(s.id)
    if (!Number.isInteger(s.samples) || s.samples < 1) bad(`${name} has ${s.samples} samples`)
    if (s.size !== header + s.samples * perSample) bad(`${name} size ${s.size} does not fit ${s.samples} samples of [${m.sampleShape.join(', ')}]`)
    if (limits.maxShardBytes !== undefined && s.size > limits.maxShardBytes) bad(`${name} is ${s.size} bytes, over the limit of ${limits.maxShardBytes}`)
  }
  m.shards.forEach((s, i) => { checkEntry(s, `shard ${i}`) })
  m.heldOut?.forEach((s, i) => { checkEntry(s, `held-out shard ${i}`) })
}
