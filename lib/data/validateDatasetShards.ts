/**
 * The dataset checker a validator runs on a contributed dataset (its
 * manifest and shards) before scoring the Dataset contribution on chain.
 *
 * Integrity (any failure: `ok = false`, score 1): the manifest is well
 * formed; every shard is present, decodes as a canonical shard, hashes to its
 * id, and has the manifest's sample count, size, sample shape and classes;
 * the label histogram the manifest claims is the one the shards hold; a text
 * dataset's token ids are all within its tokenizer; the
 * sample shape and classes are the ones the task expects (when given). A
 * text dataset must also list its held-out windows, intact like any shard,
 * and they must be the text's deterministic split (every 20th window of one
 * stream: lib/data/textDataset.ts checkHeldOutSplit).
 *
 * Quality, the score of an intact dataset:
 *
 *   score = 1 + round(99 x U^2 x B^2 x S x N^2)
 *
 * - U, usefulness: the fraction of samples that are new, i.e. neither in a
 *   shard the coordinator already held (`knownShardIds`) nor a repeat of an
 *   earlier sample's pixels (sha256 of each sample's pixels, across all
 *   shards and `knownSampleHashes`). Squared, so padding a dataset with copies
 *   costs more than it adds: doubling a dataset with itself scores about 26.
 * - B, balance: the label histogram's entropy divided by log(numClasses)
 *   (1 = every class equally often, 0 = one class only). Squared: MNIST's
 *   natural spread (B about 0.999) keeps 100; one class holding 90% of the
 *   samples (the rest spread evenly) gives B about 0.24 and a score of 7.
 * - S, size: min(1, samples / minSamples), so a handful of samples cannot
 *   earn a full score (minSamples default 1000).
 * - N, held-out novelty (text; 1 for labelled data): the fraction of the
 *   dataset's own held-out windows that occur verbatim nowhere else in its
 *   text. A text padded by repeating itself has distinct training
 *   windows (the repeats straddle window edges, so U misses them) but
 *   held-out windows found in the repeats: N near 0, score near 1.
 *
 * Warnings (reasons, no integrity failure): a class with no samples, a class
 * more than 10x as frequent as the rarest, duplicated samples, known shards.
 */
import { createHash } from 'node:crypto'
import { HashMismatchError } from '../errors.ts'
import { toContentId } from '../hash/contentId.ts'
import { concatDatasets, sampleSize, type Dataset } from './Dataset.ts'
import { checkDatasetManifest } from './datasetManifest.ts'
import type { DatasetManifest, DatasetShardEntry } from './datasetManifest.ts'
import { decodeShard } from './shard.ts'
import { checkHeldOutSplit } from './textDataset.ts'

/** What {@link validateDatasetShards} checks. */
export interface ValidateDatasetShardsParams {
  manifest: DatasetManifest
  /** Shard bytes by content id (hex, with or without 0x); a missing shard fails the check. */
  shards: Map<string, Uint8Array> | ((id: string) => Uint8Array | undefined)
  /** Content ids the coordinator held before this dataset (training shards, earlier datasets). */
  knownShardIds?: Iterable<string>
  /** sha256 hex of the pixels of samples already known (optional, e.g. from earlier datasets). */
  knownSampleHashes?: Set<string>
  /** The task's sample shape and classes; a dataset for another task is not ok. */
  expected?: { sampleShape?: number[], numClasses?: number }
  /** Samples needed for a full score; default 1000. */
  minSamples?: number
}

/** The verdict: `ok` (intact), the score 1-100 to put on chain, and why. */
export interface DatasetValidationResult {
  ok: boolean
  score: number
  reasons: string[]
  stats: {
    totalSamples: number
    uniqueNewSamples: number
    duplicateSamples: number
    knownShardSamples: number
    /** Normalized label entropy, 0..1. */
    balance: number
    usefulness: number
    sizeFactor: number
    /** Text: the fraction of held-out windows found verbatim nowhere else in the text (checkHeldOutSplit); 1 for labelled data. */
    heldOutNovelty: number
  }
}

/** Lowest and highest scores the contract accepts. */
export const MIN_SCORE = 1
export const MAX_SCORE = 100
/** A class this many times more frequent than the rarest one is flagged. */
const IMBALANCE_RATIO = 10

/**
 * Checks a dataset's manifest and shards and scores it 1-100 (see the file's
 * doc comment for the formula).
 *
 * @example
 * const { ok, score, reasons } = validateDatasetShards({ manifest, shards, knownShardIds })
 */
export function validateDatasetShards (params: ValidateDatasetShardsParams): DatasetValidationResult {
  const { manifest } = params
  const stats = { totalSamples: manifest.totalSamples, uniqueNewSamples: 0, duplicateSamples: 0, knownShardSamples: 0, balance: 0, usefulness: 0, sizeFactor: 0, heldOutNovelty: 1 }
  const failed = (reasons: string[]): DatasetValidationResult => ({ ok: false, score: MIN_SCORE, reasons, stats })

  try {
    checkDatasetManifest(manifest)
  } catch (err) {
    return failed([(err as Error).message])
  }
  const expected = params.expected
  if (expected?.sampleShape !== undefined && expected.sampleShape.join('x') !== manifest.sampleShape.join('x')) {
    return failed([`sample shape [${manifest.sampleShape.join(', ')}] is not the task's [${expected.sampleShape.join(', ')}]`])
  }
  if (expected?.numClasses !== undefined && expected.numClasses !== manifest.numClasses) {
    return failed([`${manifest.numClasses} classes, the task has ${expected.numClasses} (labels out of range)`])
  }

  const lookup = params.shards instanceof Map
    ? ((m: Map<string, Uint8Array>) => (id: string) => m.get(id))(params.shards)
    : params.shards
  const known = new Set([...(params.knownShardIds ?? [])].map((id) => toContentId(id)))
  const seenSamples = new Set<string>()
  const histogram = new Array<number>(manifest.numClasses).fill(0)
  const size = sampleSize(manifest)
  const reasons: string[] = []
  let knownShards = 0

  // Decodes a listed shard and checks it against its entry; a string says why it fails.
  const open = (entry: DatasetShardEntry, name: string): Dataset | string => {
    const bytes = lookup(entry.id)
    if (bytes === undefined) return `${name} (${entry.id}) is missing`
    let shard
    try {
      shard = decodeShard(bytes, { expectedId: entry.id })
    } catch (err) {
      return err instanceof HashMismatchError ? `${name} does not match its id: ${err.shortMessage}` : `${name} does not decode: ${(err as Error).message}`
    }
    const d = shard.dataset
    if (bytes.byteLength !== entry.size) return `${name} is ${bytes.byteLength} bytes, the manifest says ${entry.size}`
    if (d.count !== entry.samples) return `${name} holds ${d.count} samples, the manifest says ${entry.samples}`
    if (d.sampleShape.join('x') !== manifest.sampleShape.join('x')) return `${name} has samples of [${d.sampleShape.join(', ')}], the manifest says [${manifest.sampleShape.join(', ')}]`
    if (d.numClasses !== manifest.numClasses) return `${name} has ${d.numClasses} classes, the manifest says ${manifest.numClasses}`
    if (manifest.tokenizer !== undefined) {
      const vocab = manifest.tokenizer.symbols.length
      const bad = d.images.findIndex((t) => t >= vocab)
      if (bad >= 0) return `${name} has token id ${d.images[bad]} at ${bad}, the tokenizer has ${vocab} symbols`
    }
    return d
  }

  const trainParts: Dataset[] = []
  for (const [i, entry] of manifest.shards.entries()) {
    const d = open(entry, `shard ${i}`)
    if (typeof d === 'string') return failed([d])
    trainParts.push(d)

    const isKnown = known.has(entry.id)
    if (isKnown) {
      knownShards++
      stats.knownShardSamples += d.count
    }
    for (let s = 0; s < d.count; s++) {
      histogram[d.labels[s]]++
      if (isKnown) continue
      const hash = createHash('sha256').update(d.images.subarray(s * size, (s + 1) * size)).digest('hex')
      if (seenSamples.has(hash) || params.knownSampleHashes?.has(hash) === true) stats.duplicateSamples++
      else seenSamples.add(hash)
    }
  }
  const claimed = manifest.labelHistogram.join(',')
  if (histogram.join(',') !== claimed) return failed([`the shards' label histogram [${histogram.join(', ')}] is not the manifest's [${claimed}]`])

  if (manifest.tokenizer !== undefined) {
    // A text dataset is judged on its own held-out windows: they must be there, be the text's deterministic split, and be new text.
    if (manifest.heldOut === undefined) return failed(['a text dataset must list its held-out windows (every 20th window; dataset submit --text publishes them)'])
    const heldOutParts: Dataset[] = []
    for (const [i, entry] of manifest.heldOut.entries()) {
      const d = open(entry, `held-out shard ${i}`)
      if (typeof d === 'string') return failed([d])
      heldOutParts.push(d)
    }
    try {
      stats.heldOutNovelty = checkHeldOutSplit(concatDatasets(trainParts), concatDatasets(heldOutParts)).novel
    } catch (err) {
      return failed([(err as Error).message])
    }
  }

  const total = manifest.totalSamples
  stats.uniqueNewSamples = seenSamples.size
  stats.usefulness = stats.uniqueNewSamples / total
  stats.balance = normalizedEntropy(histogram)
  stats.sizeFactor = Math.min(1, total / (params.minSamples ?? 1000))

  if (knownShards > 0) reasons.push(`${knownShards} of ${manifest.shards.length} shards were already known (${stats.knownShardSamples} samples)`)
  if (stats.duplicateSamples > 0) reasons.push(`${stats.duplicateSamples} of ${total} samples repeat earlier samples`)
  const empty = histogram.filter((n) => n === 0).length
  const present = histogram.filter((n) => n > 0)
  if (empty > 0) reasons.push(`${empty} of ${manifest.numClasses} classes have no samples`)
  else if (Math.max(...present) > IMBALANCE_RATIO * Math.min(...present)) reasons.push(`heavy label imbalance: the commonest class has ${Math.max(...present)} samples, the rarest ${Math.min(...present)}`)
  if (stats.sizeFactor < 1) reasons.push(`only ${total} samples (a full score needs ${params.minSamples ?? 1000})`)
  if (stats.heldOutNovelty < 1) reasons.push(`${Math.round((1 - stats.heldOutNovelty) * 100)}% of the held-out windows occur verbatim elsewhere in the text`)

  const score = clampScore(1 + Math.round(99 * stats.usefulness ** 2 * stats.balance ** 2 * stats.sizeFactor * stats.heldOutNovelty ** 2))
  return { ok: true, score, reasons, stats }
}

/** Entropy of the histogram over log(number of classes): 1 for uniform, 0 for one class (and for a single class task). */
export function normalizedEntropy (histogram: number[]): number {
  const total = histogram.reduce((a, b) => a + b, 0)
  if (total === 0 || histogram.length < 2) return histogram.length === 1 && total > 0 ? 1 : 0
  let h = 0
  for (const n of histogram) if (n > 0) h -= (n / total) * Math.log(n / total)
  return h / Math.log(histogram.length)
}

function clampScore (n: number): number {
  return Math.max(MIN_SCORE, Math.min(MAX_SCORE, n))
}
