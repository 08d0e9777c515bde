import { InvalidInputError } from '../errors.ts'
import { HashMismatchError } from '../errors.ts'
import { contentIdOf, toContentId, type ContentId } from '../hash/contentId.ts'
import { sampleSize, sliceDataset, validateDataset, viewDataset, type Dataset, type SampleValues } from './Dataset.ts'
import { ShardFormatError } from './errors.ts'

/**
 * The canonical shard format, version 1. All integers big-endian.
 *
 * | offset      | size      | field                                        |
 * |-------------|-----------|----------------------------------------------|
 * | 0           | 4         | magic `CTSH` (0x43 0x54 0x53 0x48)           |
 * | 4           | 2         | version = 1                                  |
 * | 6           | 1         | value type: 1 = uint8, 2 = uint16            |
 * | 7           | 1         | rank r of one sample's shape, 1..4           |
 * | 8           | 2         | numClasses, 1..256                           |
 * | 10          | 2         | reserved, 0                                  |
 * | 12          | 4         | count N >= 1                                 |
 * | 16          | 4r        | sample dims, each >= 1                       |
 * | 16+4r       | N*prod(d)*w | values, sample after sample (w = 1 or 2;   |
 * |             |           | uint16 values big-endian)                    |
 * | ...         | N         | labels, uint8, each < numClasses             |
 *
 * uint16 values are for text whose tokenizer has more than 256 symbols
 * (lib/data/charTokenizer.ts); images and smaller vocabularies are uint8.
 * Nothing follows the labels. The shard's content id is sha256 of these bytes
 * (0x hex), so one dataset slice has exactly one id.
 */
export const SHARD_MAGIC = 'CTSH'
export const SHARD_VERSION = 1
/** Largest shard accepted (1 GiB), so a forged header cannot force a huge allocation. */
export const MAX_SHARD_BYTES = 2 ** 30

/** A shard: its content id, canonical bytes, and decoded dataset. */
export interface Shard {
  id: ContentId
  bytes: Uint8Array
  dataset: Dataset
}

/** Encodes a dataset in the canonical shard format (validating it first). */
export function encodeShard (dataset: Dataset): Uint8Array {
  validateDataset(dataset)
  const rank = dataset.sampleShape.length
  if (rank > 4) throw new InvalidInputError(`shard sample rank must be 1..4, got ${rank}`)
  if (dataset.count < 1) throw new InvalidInputError('a shard needs at least one sample')
  const header = 16 + 4 * rank
  const width = dataset.images.BYTES_PER_ELEMENT
  const valueBytes = dataset.images.length * width
  const total = header + valueBytes + dataset.count
  if (total > MAX_SHARD_BYTES) throw new InvalidInputError(`shard would be ${total} bytes, over the ${MAX_SHARD_BYTES} limit`, { hint: 'split the dataset into more shards' })
  const out = new Uint8Array(total)
  const v = new DataView(out.buffer)
  out.set(new TextEncoder().encode(SHARD_MAGIC), 0)
  v.setUint16(4, SHARD_VERSION, false)
  out[6] = width
  out[7] = rank
  v.setUint16(8, dataset.numClasses, false)
  v.setUint32(12, dataset.count, false)
  dataset.sampleShape.forEach((d, i) => v.setUint32(16 + 4 * i, d, false))
  if (width === 1) out.set(dataset.images, header)
  else for (let i = 0; i < dataset.images.length; i++) v.setUint16(header + 2 * i, dataset.images[i], false)
  out.set(dataset.labels, header + valueBytes)
  return out
}

/**
 * Decodes and validates shard bytes: magic, version, pixel type, rank, exact
 * length, labels in range. With `expectedId`, the bytes must also hash to it
 * (throws {@link HashMismatchError}). Other problems throw {@link ShardFormatError}
 * naming the field.
 *
 * @example
 * const { id, dataset } = decodeShard(bytes, { expectedId })
 */
export function decodeShard (bytes: Uint8Array, options: { expectedId?: string } = {}): Shard {
  if (bytes.byteLength > MAX_SHARD_BYTES) throw new ShardFormatError(`shard is ${bytes.byteLength} bytes, over the ${MAX_SHARD_BYTES} limit`)
  if (bytes.byteLength < 16) throw new ShardFormatError(`shard is ${bytes.byteLength} bytes, shorter than its 16-byte header`)
  const magic = new TextDecoder().decode(bytes.subarray(0, 4))
  if (magic !== SHARD_MAGIC) throw new ShardFormatError(`not a cotrain shard: magic '${magic.replace(/[^\x20-\x7e]/g, '?')}', expected '${SHARD_MAGIC}'`)
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = v.getUint16(4, false)
  if (version !== SHARD_VERSION) throw new ShardFormatError(`unsupported shard version ${version}`, { hint: 'upgrade cotrain' })
  const width = bytes[6]
  if (width !== 1 && width !== 2) throw new ShardFormatError(`unsupported shard value type ${width} (1 = uint8, 2 = uint16)`)
  const rank = bytes[7]
  if (rank < 1 || rank > 4) throw new ShardFormatError(`shard sample rank ${rank} is out of range 1..4`)
  const numClasses = v.getUint16(8, false)
  if (numClasses < 1 || numClasses > 256) throw new ShardFormatError(`shard numClasses ${numClasses} is out of range 1..256`)
  if (v.getUint16(10, false) !== 0) throw new ShardFormatError('shard reserved header bytes are not zero')
  const count = v.getUint32(12, false)
  if (count < 1) throw new ShardFormatError('shard has zero samples')
  const header = 16 + 4 * rank
  if (bytes.byteLength < header) throw new ShardFormatError(`shard is ${bytes.byteLength} bytes, shorter than its ${header}-byte header`)
  const sampleShape: number[] = []
  for (let i = 0; i < rank; i++) {
    const d = v.getUint32(16 + 4 * i, false)
    if (d < 1) throw new ShardFormatError(`shard sample dimension ${i} is 0`)
    sampleShape.push(d)
  }
  const size = sampleSize({ sampleShape })
  const expected = header + count * size * width + count
  if (bytes.byteLength !== expected) {
    throw new ShardFormatError(`shard length ${bytes.byteLength} does not match its header (${count} samples of [${sampleShape.join(', ')}] need ${expected} bytes)`, { hint: 'the shard is truncated or corrupt; fetch it again' })
  }
  const labelsStart = header + count * size * width
  const labels = bytes.slice(labelsStart, labelsStart + count)
  for (let i = 0; i < count; i++) {
    if (labels[i] >= numClasses) throw new ShardFormatError(`shard label ${labels[i]} at sample ${i} is out of range 0..${numClasses - 1}`)
  }
  const id = contentIdOf(bytes)
  if (options.expectedId !== undefined) {
    const want = toContentId(options.expectedId)
    if (want !== id) throw new HashMismatchError('shard', want, id)
  }
  let images: SampleValues
  if (width === 1) {
    images = bytes.slice(header, labelsStart)
  } else {
    images = new Uint16Array(count * size)
    for (let i = 0; i < images.length; i++) images[i] = v.getUint16(header + 2 * i, false)
  }
  return { id, bytes, dataset: { images, labels, sampleShape, count, numClasses } }
}

/**
 * Splits a dataset into `n` contiguous shards in sample order, sizes as equal
 * as possible (the first `count % n` shards get one extra sample).
 * Deterministic: the same dataset and n give the same shard ids anywhere.
 * Each shard's dataset is a copy (see {@link eachShard} for views).
 *
 * @example
 * const shards = splitIntoShards(await loadMnist(), 10) // 10 x 6000 samples
 */
export function splitIntoShards (dataset: Dataset, n: number): Shard[] {
  return Array.from(eachShard(dataset, n), (s) => ({ id: s.id, bytes: s.bytes, dataset: sliceDataset(dataset, s.start, s.start + s.dataset.count) }))
}

/**
 * The shards of {@link splitIntoShards} (same ids and bytes) one at a time,
 * each dataset a view of `dataset`'s memory rather than a copy: a caller
 * that stores each shard and keeps only its id holds one shard's bytes at
 * a time beside the dataset, not every shard's bytes and a copy of its
 * samples (90 MB for MNIST). `start` is the shard's first sample.
 */
export function * eachShard (dataset: Dataset, n: number): Generator<Shard & { start: number }> {
  if (!Number.isInteger(n) || n < 1) throw new InvalidInputError(`shard count must be a positive integer, got ${n}`)
  if (n > dataset.count) throw new InvalidInputError(`cannot split ${dataset.count} samples into ${n} shards`)
  const base = Math.floor(dataset.count / n)
  const extra = dataset.count % n
  let start = 0
  for (let i = 0; i < n; i++) {
    const end = start + base + (i < extra ? 1 : 0)
    const part = viewDataset(dataset, start, end)
    const bytes = encodeShard(part)
    yield { id: contentIdOf(bytes), bytes, dataset: part, start }
    start = end
  }
}
