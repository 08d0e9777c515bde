import { InvalidInputError } from '../errors.ts'

/**
 * The values of a dataset's samples: uint8 (pixels, or token ids of a
 * vocabulary of at most 256), or uint16 (token ids of a larger vocabulary).
 */
export type SampleValues = Uint8Array | Uint16Array

/**
 * A labelled image/feature dataset held as raw values: `count` samples of
 * `sampleShape` uint8 (or, for text with a vocabulary over 256, uint16)
 * values, row-major, sample after sample, and one uint8 label per sample in
 * [0, numClasses). Models scale pixels to [0, 1].
 */
export interface Dataset {
  images: SampleValues
  labels: Uint8Array
  sampleShape: number[]
  count: number
  numClasses: number
}

/** A dataset of uint8 values (images, IDX files). */
export type Uint8Dataset = Dataset & { images: Uint8Array }

/** Number of values in one sample. */
export function sampleSize (dataset: Pick<Dataset, 'sampleShape'>): number {
  return dataset.sampleShape.reduce((a, b) => a * b, 1)
}

/** Throws {@link InvalidInputError} unless the dataset's arrays match its shape, count and classes. */
export function validateDataset (d: Dataset): void {
  if (!Number.isInteger(d.count) || d.count < 0) throw new InvalidInputError(`dataset count must be a non-negative integer, got ${d.count}`)
  if (d.sampleShape.length === 0 || d.sampleShape.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidInputError(`dataset sample shape must be positive integers, got [${d.sampleShape.join(', ')}]`)
  if (!Number.isInteger(d.numClasses) || d.numClasses < 1 || d.numClasses > 256) throw new InvalidInputError(`dataset numClasses must be in 1..256, got ${d.numClasses}`)
  if (d.images.length !== d.count * sampleSize(d)) throw new InvalidInputError(`dataset images hold ${d.images.length} values, expected ${d.count} x ${sampleSize(d)}`)
  if (d.labels.length !== d.count) throw new InvalidInputError(`dataset has ${d.labels.length} labels for ${d.count} samples`)
  for (let i = 0; i < d.count; i++) {
    if (d.labels[i] >= d.numClasses) throw new InvalidInputError(`dataset label ${d.labels[i]} at sample ${i} is out of range 0..${d.numClasses - 1}`)
  }
}

/** Samples [start, end) as a new dataset sharing no memory with the source. */
export function sliceDataset<T extends SampleValues> (d: Dataset & { images: T }, start: number, end: number): Dataset & { images: T } {
  const size = sampleSize(d)
  return {
    images: d.images.slice(start * size, end * size) as T,
    labels: d.labels.slice(start, end),
    sampleShape: [...d.sampleShape],
    count: end - start,
    numClasses: d.numClasses
  }
}

/** Samples [start, end) as a view of the source's memory (no copy): for reading, such as encoding a shard, while the source lives. */
export function viewDataset<T extends SampleValues> (d: Dataset & { images: T }, start: number, end: number): Dataset & { images: T } {
  const size = sampleSize(d)
  return {
    images: d.images.subarray(start * size, end * size) as T,
    labels: d.labels.subarray(start, end),
    sampleShape: [...d.sampleShape],
    count: end - start,
    numClasses: d.numClasses
  }
}

/** The datasets one after another (training on several shards uses their concatenation, in shard-id order as assigned). */
export function concatDatasets (parts: Dataset[]): Dataset {
  if (parts.length === 0) throw new InvalidInputError('cannot concatenate zero datasets')
  const [first] = parts
  for (const p of parts) {
    if (p.sampleShape.join('x') !== first.sampleShape.join('x')) throw new InvalidInputError(`datasets differ in sample shape: [${first.sampleShape}] vs [${p.sampleShape}]`)
    if (p.numClasses !== first.numClasses) throw new InvalidInputError(`datasets differ in numClasses: ${first.numClasses} vs ${p.numClasses}`)
  }
  if (parts.some((p) => p.images.BYTES_PER_ELEMENT !== first.images.BYTES_PER_ELEMENT)) throw new InvalidInputError('datasets differ in value type (uint8 and uint16)')
  if (parts.length === 1) return first
  const count = parts.reduce((a, p) => a + p.count, 0)
  const images = first.images instanceof Uint16Array ? new Uint16Array(count * sampleSize(first)) : new Uint8Array(count * sampleSize(first))
  const labels = new Uint8Array(count)
  let off = 0
  for (const p of parts) {
    images.set(p.images, off * sampleSize(first))
    labels.set(p.labels, off)
    off += p.count
  }
  return { images, labels, sampleShape: [...first.sampleShape], count, numClasses: first.numClasses }
}
