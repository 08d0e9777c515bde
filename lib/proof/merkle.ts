import { InvalidInputError } from '../errors.ts'
import { fromHex, sha256, toHex, type Hex } from '../hash/sha256.ts'

/**
 * Merkle tree over proof leaves (sha256), built so that no byte string can
 * play two roles:
 *
 * - leaf hash  = sha256(0x00 || leafBytes)
 * - inner node = sha256(0x01 || left || right)
 * - root       = sha256(0x02 || u32be(leafCount) || top)
 *
 * An odd node at the end of a level is promoted to the next level unchanged
 * (not duplicated: duplication lets two different leaf lists share a root, as
 * in Bitcoin's CVE-2012-2459). The leaf count is bound into the root, so a
 * proof cannot claim a different tree size; the path shape follows from
 * (index, count), so the verifier needs no left/right flags.
 */
export interface MerkleProof {
  index: number
  count: number
  /** Sibling hashes from the leaf level up; levels where the node was promoted have none. */
  siblings: Hex[]
}

const LEAF = new Uint8Array([0x00])
const NODE = new Uint8Array([0x01])
const ROOT = new Uint8Array([0x02])

/** Hash of one leaf's canonical bytes (with the 0x00 domain prefix). */
export function merkleLeafHash (leafBytes: Uint8Array): Hex {
  return toHex(sha256(LEAF, leafBytes))
}

/** The root over leaf hashes in order. At least one leaf. */
export function merkleRoot (leafHashes: readonly Hex[]): Hex {
  if (leafHashes.length === 0) throw new InvalidInputError('a Merkle tree needs at least one leaf')
  let level = leafHashes.map((h) => fromHex(h, 32, 'leaf hash'))
  while (level.length > 1) level = nextLevel(level)
  return toHex(finish(leafHashes.length, level[0]))
}

/** The inclusion proof of leaf `index`. */
export function merkleProof (leafHashes: readonly Hex[], index: number): MerkleProof {
  const count = leafHashes.length
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new InvalidInputError(`Merkle proof index ${index} is out of range 0..${count - 1}`)
  let level = leafHashes.map((h) => fromHex(h, 32, 'leaf hash'))
  const siblings: Hex[] = []
  let i = index
  while (level.length > 1) {
    const sib = i ^ 1
    if (sib < level.length) siblings.push(toHex(level[sib]))
    level = nextLevel(level)
    i >>= 1
  }
  return { index, count, siblings }
}

/**
 * True when `leafHash` sits at `proof.index` of a `proof.count`-leaf tree with
 * root `root`. Never throws on a wrong or malformed proof; returns false.
 */
export function verifyMerkleProof (leafHash: Hex, proof: MerkleProof, root: Hex): boolean {
  try {
    const { index, count, siblings } = proof
    if (!Number.isInteger(count) || count < 1 || count > 2 ** 32 - 1 || !Number.isInteger(index) || index < 0 || index >= count) return false
    let node = fromHex(leafHash, 32)
    let i = index
    let width = count
    let used = 0
    while (width > 1) {
      const sib = i ^ 1
      if (sib < width) {
        if (used >= siblings.length) return false
        const s = fromHex(siblings[used++], 32)
        node = (i & 1) === 0 ? sha256(NODE, node, s) : sha256(NODE, s, node)
      }
      i >>= 1
      width = Math.ceil(width / 2)
    }
    if (used !== siblings.length) return false
    return toHex(finish(count, node)) === fromHexNormalized(root)
  } catch {
    return false
  }
}

function nextLevel (level: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < level.length; i += 2) out.push(i + 1 < level.length ? sha256(NODE, level[i], level[i + 1]) : level[i])
  return out
}

function finish (count: number, top: Uint8Array): Uint8Array {
  const c = new Uint8Array(4)
  new DataView(c.buffer).setUint32(0, count, false)
  return sha256(ROOT, c, top)
}

function fromHexNormalized (h: Hex): Hex {
  return toHex(fromHex(h, 32))
}
