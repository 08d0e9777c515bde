import { InvalidInputError } from '../errors.ts'
import { fromHex, toHex, type Hex } from '../hash/sha256.ts'
import { ProofFormatError } from './errors.ts'
import { merkleLeafHash } from './merkle.ts'
import { roundBytes } from './roundNumber.ts'

/**
 * What a worker commits for checkpoint `index` (taken after `step` optimizer
 * steps). Leaf 0 is the start state: no batches (hash of the empty list),
 * loss 0, update norm 0. Leaf j >= 1 covers the steps since checkpoint j-1.
 */
export interface ProofLeaf {
  round: number
  workerAddress: Hex
  index: number
  step: number
  /** sha256 of the checkpoint's canonical float32 weights bytes. */
  weightsHash: Hex
  /** sha256 of the checkpoint's optimizer-state bytes (see encodeOptimizerState). */
  optimizerHash: Hex
  /** batchIndicesHash of the indices of the segment's steps. */
  batchHash: Hex
  /** Mean training loss over the segment's steps, a float32 value. */
  loss: number
  /** L2 norm of (weights_j - weights_{j-1}) computed in float64 from the checkpoint bytes. */
  updateNorm: number
}

/**
 * Canonical leaf bytes, version 1 (149 bytes, big-endian):
 * `CTLF` | u8 version=1 | u64 round | address[20] | u32 index | u32 step |
 * weightsHash[32] | optimizerHash[32] | batchHash[32] | f32 loss | f64 updateNorm.
 * The Merkle leaf hash is sha256(0x00 || these bytes).
 */
export const LEAF_BYTES = 149
const MAGIC = [0x43, 0x54, 0x4c, 0x46]

/** Encodes a leaf in its canonical 149-byte form. */
export function encodeLeaf (leaf: ProofLeaf): Uint8Array {
  for (const k of ['index', 'step'] as const) {
    if (!Number.isInteger(leaf[k]) || leaf[k] < 0 || leaf[k] >= 2 ** 32) throw new InvalidInputError(`leaf ${k} must be a uint32, got ${leaf[k]}`)
  }
  const out = new Uint8Array(LEAF_BYTES)
  const v = new DataView(out.buffer)
  out.set(MAGIC, 0)
  out[4] = 1
  out.set(roundBytes(leaf.round), 5)
  out.set(fromHex(leaf.workerAddress, 20, 'worker address'), 13)
  v.setUint32(33, leaf.index, false)
  v.setUint32(37, leaf.step, false)
  out.set(fromHex(leaf.weightsHash, 32, 'weights hash'), 41)
  out.set(fromHex(leaf.optimizerHash, 32, 'optimizer hash'), 73)
  out.set(fromHex(leaf.batchHash, 32, 'batch hash'), 105)
  v.setFloat32(137, leaf.loss, false)
  v.setFloat64(141, leaf.updateNorm, false)
  return out
}

/** Decodes canonical leaf bytes; throws {@link ProofFormatError} on anything else. */
export function decodeLeaf (bytes: Uint8Array): ProofLeaf {
  if (bytes.byteLength !== LEAF_BYTES) throw new ProofFormatError(`proof leaf is ${bytes.byteLength} bytes, expected ${LEAF_BYTES}`)
  if (MAGIC.some((m, i) => bytes[i] !== m)) throw new ProofFormatError('proof leaf has a bad magic (expected CTLF)')
  if (bytes[4] !== 1) throw new ProofFormatError(`unsupported proof leaf version ${bytes[4]}`)
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const round = v.getBigUint64(5, false)
  if (round > BigInt(Number.MAX_SAFE_INTEGER)) throw new ProofFormatError(`proof leaf round ${round} is beyond 2^53`)
  return {
    round: Number(round),
    workerAddress: toHex(bytes.subarray(13, 33)),
    index: v.getUint32(33, false),
    step: v.getUint32(37, false),
    weightsHash: toHex(bytes.subarray(41, 73)),
    optimizerHash: toHex(bytes.subarray(73, 105)),
    batchHash: toHex(bytes.subarray(105, 137)),
    loss: v.getFloat32(137, false),
    updateNorm: v.getFloat64(141, false)
  }
}

/** The Merkle leaf hash of a leaf: sha256(0x00 || encodeLeaf(leaf)). */
export function leafHash (leaf: ProofLeaf): Hex {
  return merkleLeafHash(encodeLeaf(leaf))
}
