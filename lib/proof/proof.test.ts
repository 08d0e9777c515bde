import assert from 'node:assert/strict'
import { fromHex, sha256, sha256Hex, toHex, type Hex } from '../hash/sha256.ts'
import { computeCommitment } from './commitment.ts'
import { computeDelta, decodeDelta, dequantizeDelta, encodeDelta, quantizeDelta } from './delta.ts'
import { decodeLeaf, encodeLeaf, LEAF_BYTES, leafHash, type ProofLeaf } from './leaf.ts'
import { merkleLeafHash, merkleProof, merkleRoot, verifyMerkleProof } from './merkle.ts'
import { selectSegments } from './selectSegments.ts'

const leaves = (n: number): Hex[] => Array.from({ length: n }, (_, i) => merkleLeafHash(new Uint8Array([i, 1, 2])))

describe('proof: Merkle tree', () => {
  it('every inclusion proof verifies, for 1..17 leaves', () => {
    for (let n = 1; n <= 17; n++) {
      const ls = leaves(n)
      const root = merkleRoot(ls)
      for (let i = 0; i < n; i++) assert.ok(verifyMerkleProof(ls[i], merkleProof(ls, i), root), `n=${n} i=${i}`)
    }
  })

  it('wrong proofs fail', () => {
    const ls = leaves(7)
    const root = merkleRoot(ls)
    const p = merkleProof(ls, 4)
    assert.equal(verifyMerkleProof(ls[5], p, root), false, 'other leaf')
    assert.equal(verifyMerkleProof(ls[4], { ...p, index: 5 }, root), false, 'other index')
    assert.equal(verifyMerkleProof(ls[4], { ...p, count: 8 }, root), false, 'other count')
    assert.equal(verifyMerkleProof(ls[4], { ...p, siblings: [...p.siblings].reverse() }, root), false, 'sibling order')
    assert.equal(verifyMerkleProof(ls[4], { ...p, siblings: p.siblings.slice(1) }, root), false, 'missing sibling')
    assert.equal(verifyMerkleProof(ls[4], { ...p, siblings: [...p.siblings, p.siblings[0]] }, root), false, 'extra sibling')
    assert.equal(verifyMerkleProof(ls[4], p, merkleRoot(leaves(8))), false, 'other root')
    assert.equal(verifyMerkleProof(ls[4], { ...p, siblings: ['0x12'] }, root), false, 'malformed')
  })

  it('binds the leaf count and separates leaves from nodes', () => {
    const ls = leaves(3)
    // Promotion, not duplication: [a, b, c] and [a, b, c, c] differ.
    assert.notEqual(merkleRoot(ls), merkleRoot([...ls, ls[2]]))
    // An inner node of a 4-leaf tree, presented as a leaf of a 2-leaf tree, does not verify against the root.
    const four = leaves(4)
    const node = (a: Hex, b: Hex): Hex => toHex(sha256(new Uint8Array([1]), fromHex(a), fromHex(b)))
    const n01 = node(four[0], four[1])
    const n23 = node(four[2], four[3])
    assert.equal(verifyMerkleProof(n01, { index: 0, count: 2, siblings: [n23] }, merkleRoot(four)), false)
    assert.throws(() => merkleRoot([]), /at least one leaf/)
  })
})

describe('proof: leaves, commitment, delta', () => {
  const leaf: ProofLeaf = {
    round: 3, workerAddress: ('0x' + 'ab'.repeat(20)) as Hex, index: 2, step: 20,
    weightsHash: sha256Hex(new Uint8Array([1])), optimizerHash: sha256Hex(new Uint8Array([2])), batchHash: sha256Hex(new Uint8Array([3])),
    loss: Math.fround(0.4321), updateNorm: 1.25
  }

  it('leaf bytes round-trip (149 bytes, CTLF) and every field changes the hash', () => {
    const bytes = encodeLeaf(leaf)
    assert.equal(bytes.length, LEAF_BYTES)
    assert.deepEqual(decodeLeaf(bytes), leaf)
    for (const change of [{ round: 4 }, { index: 3 }, { step: 21 }, { loss: 0.5 }, { updateNorm: 1.5 }, { batchHash: leaf.weightsHash }]) {
      assert.notEqual(leafHash({ ...leaf, ...change }), leafHash(leaf))
    }
    assert.throws(() => decodeLeaf(bytes.subarray(1)), /149/)
  })

  it('commitment is a bytes32 over round, W_r id, delta hash, root and worker', () => {
    const input = { round: 3, startWeightsId: leaf.weightsHash, deltaHash: leaf.optimizerHash, proofRoot: leaf.batchHash, workerAddress: leaf.workerAddress }
    const c = computeCommitment(input)
    assert.match(c, /^0x[0-9a-f]{64}$/)
    assert.equal(c, computeCommitment({ ...input, workerAddress: input.workerAddress.toUpperCase().replace('0X', '0x') }))
    assert.notEqual(c, computeCommitment({ ...input, round: 4 }))
    assert.notEqual(c, computeCommitment({ ...input, proofRoot: leaf.weightsHash }))
  })

  it('int8 delta is deterministic and within scale/2 of the float32 delta', () => {
    const start = new Float32Array(3000).map((_, i) => Math.sin(i) * 0.1)
    const end = start.map((x, i) => x - Math.cos(i * 7) * 1e-3 * (i % 1024 === 5 ? 50 : 1))
    const d = computeDelta(start, end)
    const q = quantizeDelta(d, 1024)
    assert.equal(q.scales.length, 3)
    const dq = dequantizeDelta(q)
    for (let i = 0; i < d.length; i++) assert.ok(Math.abs(d[i] - dq[i]) <= q.scales[Math.floor(i / 1024)] / 2 * (1 + 1e-6), `i=${i}`)
    const bytes = encodeDelta(q)
    assert.equal(toHex(bytes), toHex(encodeDelta(quantizeDelta(d, 1024))))
    const back = decodeDelta(bytes, { expectedLength: 3000 })
    assert.equal(back.encoding, 'int8')
    assert.deepEqual(back.values, dq)
    assert.deepEqual(decodeDelta(encodeDelta(d)).values, d)
    assert.throws(() => decodeDelta(bytes.subarray(0, 100)), /needs/)
    assert.throws(() => decodeDelta(bytes, { expectedLength: 10 }), /3000 values/)
    assert.deepEqual([...quantizeDelta(new Float32Array(4)).q], [0, 0, 0, 0])
  })

  it('selects segments deterministically from the challenge: first, last, and random in between', () => {
    const pick = selectSegments({ challenge: leaf.weightsHash, commitment: leaf.batchHash, segments: 10, random: 3 })
    assert.equal(pick.length, 5)
    assert.ok(pick[0] === 0 && pick.at(-1) === 9, 'first and last segments always')
    assert.deepEqual(pick, selectSegments({ challenge: leaf.weightsHash, commitment: leaf.batchHash, segments: 10, random: 3 }))
    assert.notDeepEqual(pick, selectSegments({ challenge: leaf.optimizerHash, commitment: leaf.batchHash, segments: 10, random: 3 }))
  })
})
