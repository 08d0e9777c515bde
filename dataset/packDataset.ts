/**
 * Packs a labelled dataset into canonical content-addressed shards and the
 * manifest whose hash, bound to the contributor's address (datasetIdOf), is
 * the dataset id: what a contributor publishes and puts on chain.
 */
import { readFile } from 'node:fs/promises'
import type { Hex } from 'viem'
import type { Dataset } from '../lib/data/Dataset.ts'
import { buildDatasetManifest, manifestHashOf } from '../lib/data/datasetManifest.ts'
import type { DatasetManifest } from '../lib/data/datasetManifest.ts'
import { datasetFromIdx } from '../lib/data/idx.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import type { Shard } from '../lib/data/shard.ts'
import { DatasetInputError } from './errors.ts'
import type { CharTokenizer } from '../lib/data/charTokenizer.ts'
import { loadTextCorpus } from '../lib/data/loadTextCorpus.ts'
import { heldOutShards } from '../lib/data/textDataset.ts'

/** Target shard size when the shard count is left to {@link packDataset} (well under the 64 MiB message limit). */
export const AUTO_SHARD_BYTES = 8 * 1024 * 1024

/** A packed dataset: shards in order, their manifest, and its hash (the dataset id is datasetIdOf(manifest, contributor)). */
export interface PackedDataset {
  shards: Shard[]
  /** Text: the held-out windows' shards, listed as the manifest's `heldOut`. */
  heldOut?: Shard[]
  manifest: DatasetManifest
  manifestHash: Hex
}

/**
 * Splits `dataset` into `shards` shards (0 = enough for about 8 MiB each) and
 * builds the manifest.
 *
 * @example
 * const { manifest, shards } = packDataset(await readIdxDataset(images, labels), 10)
 */
export function packDataset (dataset: Dataset, shards = 0, options: { tokenizer?: CharTokenizer, heldOut?: Shard[] } = {}): PackedDataset {
  const bytes = dataset.images.byteLength + dataset.count
  const n = shards > 0 ? shards : Math.min(dataset.count, Math.max(1, Math.ceil(bytes / AUTO_SHARD_BYTES)))
  if (n > dataset.count) throw new DatasetInputError(`cannot split ${dataset.count} samples into ${n} shards`, { hint: 'use a smaller --shards' })
  const parts = splitIntoShards(dataset, n)
  const manifest = buildDatasetManifest(parts, options)
  return { shards: parts, ...(options.heldOut !== undefined ? { heldOut: options.heldOut } : {}), manifest, manifestHash: manifestHashOf(manifest) }
}

/**
 * Reads an MNIST-format pair of IDX files (uint8 images [N, ...sample],
 * uint8 labels [N]) and packs them; bad files and mismatched counts are
 * one-line errors naming the file.
 */
export async function packIdxFiles (imagesPath: string, labelsPath: string, options: { shards?: number, numClasses?: number } = {}): Promise<PackedDataset> {
  const [images, labels] = await Promise.all([readInput(imagesPath, '--images'), readInput(labelsPath, '--labels')])
  const dataset = datasetFromIdx(images, labels, { numClasses: options.numClasses, what: imagesPath })
  return packDataset(dataset, options.shards ?? 0)
}

/**
 * Packs UTF-8 text files for a language model: a character tokenizer built
 * from the text (recorded in the manifest), windows of contextLength + 1
 * token ids cut into training windows and the held-out split (every 20th
 * window, lib/data/textDataset.ts), the same cut a coordinator makes of its
 * own text. The held-out windows are listed in the manifest (`heldOut`) and
 * published with the training shards: validators check that they are that
 * split of one text and score the dataset on them (validateDatasetShards),
 * and a run on this text evaluates on them. Training on them instead of the
 * assigned shards fails replay, so publishing them helps no cheat.
 */
export async function packTextFiles (files: string[], options: { contextLength: number, shards?: number }): Promise<PackedDataset> {
  if (files.length === 0) throw new DatasetInputError('--text needs at least one file')
  const corpus = await loadTextCorpus({ contextLength: options.contextLength, files })
  return packDataset(corpus.train, options.shards ?? 0, { tokenizer: corpus.tokenizer, heldOut: heldOutShards(corpus.heldOut) })
}

async function readInput (path: string, flag: string): Promise<Uint8Array> {
  try {
    const buf = await readFile(path)
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DatasetInputError(`cannot read ${flag} file ${path}${code != null ? ` (${code})` : ''}`, { hint: `check the ${flag} path` })
  }
}
