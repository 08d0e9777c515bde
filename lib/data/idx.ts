import { readFile } from 'node:fs/promises'
import { IdxFormatError } from './errors.ts'
import type { Dataset, Uint8Dataset } from './Dataset.ts'

/** IDX element types by their type byte (the format of MNIST's files). */
const IDX_TYPES = {
  0x08: { name: 'uint8', size: 1 },
  0x09: { name: 'int8', size: 1 },
  0x0b: { name: 'int16', size: 2 },
  0x0c: { name: 'int32', size: 4 },
  0x0d: { name: 'float32', size: 4 },
  0x0e: { name: 'float64', size: 8 }
} as const

export type IdxDtype = (typeof IDX_TYPES)[keyof typeof IDX_TYPES]['name']

/** A parsed IDX tensor: element type, dimensions, and the values (typed array by dtype; multi-byte values converted from big-endian). */
export interface IdxTensor {
  dtype: IdxDtype
  shape: number[]
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array
}

/** Largest IDX payload accepted (2 GiB), so a forged header cannot ask for absurd allocations. */
export const MAX_IDX_BYTES = 2 ** 31

/**
 * Parses an IDX file: magic `00 00 <type> <rank>`, `rank` big-endian uint32
 * dimensions, then the values big-endian, row-major. The byte length must match
 * the header exactly. uint8 values are a view of `bytes` (they share its
 * memory); other types are decoded into new arrays.
 *
 * @example
 * const { shape, data } = parseIdx(await readFile('train-images-idx3-ubyte')) // [60000, 28, 28]
 */
export function parseIdx (bytes: Uint8Array, what = 'IDX file'): IdxTensor {
  if (bytes.byteLength < 4) throw new IdxFormatError(`${what}: ${bytes.byteLength} bytes is too short for an IDX header`)
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new IdxFormatError(`${what}: bad magic (first two bytes must be 0)`, { hint: 'is the file gzip-compressed? decompress it first' })
  const type = IDX_TYPES[bytes[2] as keyof typeof IDX_TYPES]
  if (type === undefined) throw new IdxFormatError(`${what}: unknown element type 0x${bytes[2].toString(16)}`)
  const rank = bytes[3]
  if (rank < 1) throw new IdxFormatError(`${what}: rank 0`)
  const headerLen = 4 + rank * 4
  if (bytes.byteLength < headerLen) throw new IdxFormatError(`${what}: truncated header (${bytes.byteLength} bytes, rank ${rank})`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const shape: number[] = []
  for (let i = 0; i < rank; i++) shape.push(view.getUint32(4 + i * 4, false))
  const count = shape.reduce((a, b) => a * b, 1)
  const payload = count * type.size
  if (payload > MAX_IDX_BYTES) throw new IdxFormatError(`${what}: header declares ${payload} bytes of data, over the ${MAX_IDX_BYTES} limit`)
  if (bytes.byteLength !== headerLen + payload) {
    throw new IdxFormatError(`${what}: header [${shape.join(', ')}] of ${type.name} needs ${headerLen + payload} bytes, file has ${bytes.byteLength}`)
  }
  const body = bytes.subarray(headerLen)
  let data: IdxTensor['data']
  switch (type.name) {
    // A view, not a copy: MNIST's training images are 47 MB, and a copy doubled what loading them took.
    case 'uint8': data = body; break
    case 'int8': data = new Int8Array(body.slice().buffer); break
    default: {
      const bv = new DataView(body.buffer, body.byteOffset, body.byteLength)
      if (type.name === 'int16') { data = new Int16Array(count); for (let i = 0; i < count; i++) data[i] = bv.getInt16(i * 2, false) } else if (type.name === 'int32') { data = new Int32Array(count); for (let i = 0; i < count; i++) data[i] = bv.getInt32(i * 4, false) } else if (type.name === 'float32') { data = new Float32Array(count); for (let i = 0; i < count; i++) data[i] = bv.getFloat32(i * 4, false) } else { data = new Float64Array(count); for (let i = 0; i < count; i++) data[i] = bv.getFloat64(i * 8, false) }
    }
  }
  return { dtype: type.name, shape, data }
}

/** Encodes a uint8 tensor as an IDX file (the inverse of {@link parseIdx} for uint8; used by dataset tooling and tests). */
export function encodeIdxUint8 (shape: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + shape.length * 4 + data.byteLength)
  out[2] = 0x08
  out[3] = shape.length
  const view = new DataView(out.buffer)
  shape.forEach((d, i) => view.setUint32(4 + i * 4, d, false))
  out.set(data, 4 + shape.length * 4)
  return out
}

/**
 * A dataset from an IDX images file (uint8, shape [N, ...sample]) and an IDX
 * labels file (uint8, shape [N]). `numClasses` defaults to max label + 1.
 */
export function datasetFromIdx (images: Uint8Array, labels: Uint8Array, options: { numClasses?: number, what?: string } = {}): Uint8Dataset {
  const what = options.what ?? 'dataset'
  const img = parseIdx(images, `${what} images`)
  const lab = parseIdx(labels, `${what} labels`)
  if (img.dtype !== 'uint8') throw new IdxFormatError(`${what} images: element type ${img.dtype}, only uint8 images are supported`)
  if (lab.dtype !== 'uint8' || lab.shape.length !== 1) throw new IdxFormatError(`${what} labels: expected a rank-1 uint8 IDX file, got rank ${lab.shape.length} ${lab.dtype}`)
  if (img.shape.length < 2) throw new IdxFormatError(`${what} images: expected rank >= 2 ([count, ...sample]), got [${img.shape.join(', ')}]`)
  const count = img.shape[0]
  if (lab.shape[0] !== count) throw new IdxFormatError(`${what}: ${count} images but ${lab.shape[0]} labels`)
  const labelArr = lab.data as Uint8Array
  let maxLabel = 0
  for (let i = 0; i < count; i++) if (labelArr[i] > maxLabel) maxLabel = labelArr[i]
  const numClasses = options.numClasses ?? maxLabel + 1
  if (maxLabel >= numClasses) throw new IdxFormatError(`${what} labels: label ${maxLabel} is out of range for ${numClasses} classes`)
  return { images: img.data as Uint8Array, labels: labelArr, sampleShape: img.shape.slice(1), count, numClasses }
}

/** Reads an images IDX file and a labels IDX file from disk into a {@link Dataset}. */
export async function readIdxDataset (imagesPath: string, labelsPath: string, options: { numClasses?: number } = {}): Promise<Uint8Dataset> {
  const [images, labels] = await Promise.all([readFile(imagesPath), readFile(labelsPath)])
  return datasetFromIdx(new Uint8Array(images.buffer, images.byteOffset, images.byteLength), new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength), { ...options, what: imagesPath })
}
