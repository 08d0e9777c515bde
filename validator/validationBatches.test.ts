import assert from 'node:assert/strict'
import type { Address, Hex } from 'viem'
import { ContributionType } from '../lib/chain/types.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import { validationBatches, type ScoredLog, type SubmittedLog } from './validationBatches.ts'

const A = '0x00000000000000000000000000000000000000aa' as Address
const B = '0x00000000000000000000000000000000000000bb' as Address
const W = '0x00000000000000000000000000000000000000cc' as Address
const H = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`

describe('validationBatches', () => {
  it('counts only a validator\'s compute scores since its previous batch, so a batch that also scored datasets and other validators still matches its hash', () => {
    const scoredByB: Array<{ id: bigint, score: number }> = [{ id: 6n, score: 85 }]
    const submitted: SubmittedLog[] = [
      { id: 1n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(1), blockNumber: 1n },
      { id: 2n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(2), blockNumber: 1n },
      { id: 3n, contributor: A, ctype: ContributionType.Validation, dataHash: validationBatchHash(A, [{ id: 1n, score: 88 }, { id: 2n, score: 90 }]), blockNumber: 4n },
      { id: 4n, contributor: B, ctype: ContributionType.Validation, dataHash: validationBatchHash(B, [{ id: 1n, score: 87 }, { id: 2n, score: 91 }]), blockNumber: 6n },
      { id: 5n, contributor: W, ctype: ContributionType.Dataset, dataHash: H(5), blockNumber: 7n },
      { id: 6n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(6), blockNumber: 8n },
      { id: 7n, contributor: B, ctype: ContributionType.Validation, dataHash: validationBatchHash(B, scoredByB), blockNumber: 10n }
    ]
    const scored: ScoredLog[] = [
      { id: 1n, validator: A, score: 88, blockNumber: 3n },
      { id: 2n, validator: A, score: 90, blockNumber: 3n },
      { id: 1n, validator: B, score: 87, blockNumber: 5n },
      { id: 2n, validator: B, score: 91, blockNumber: 5n },
      // Between B's two batches: B scores A's batch and a dataset, then round 2's update.
      { id: 3n, validator: B, score: 100, blockNumber: 7n },
      { id: 5n, validator: B, score: 70, blockNumber: 8n },
      { id: 6n, validator: B, score: 85, blockNumber: 9n }
    ]
    const batches = validationBatches(submitted, scored)
    assert.deepEqual(batches.map((b) => b.id), [3n, 4n, 7n])
    assert.deepEqual(batches[0].batch, [{ id: 1n, score: 88 }, { id: 2n, score: 90 }])
    assert.deepEqual(batches[2].batch, scoredByB)
    for (const b of batches) assert.equal(validationBatchHash(b.contributor, b.batch), b.dataHash, `batch #${b.id} should match its hash`)
  })

  it('gives a batch with scores it did not hash a mismatch', () => {
    const submitted: SubmittedLog[] = [
      { id: 1n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(1), blockNumber: 1n },
      { id: 2n, contributor: A, ctype: ContributionType.Validation, dataHash: validationBatchHash(A, [{ id: 1n, score: 99 }]), blockNumber: 3n }
    ]
    const [b] = validationBatches(submitted, [{ id: 1n, validator: A, score: 60, blockNumber: 2n }])
    assert.notEqual(validationBatchHash(b.contributor, b.batch), b.dataHash)
  })

  it('after a Validation contribution that failed, the next batch covers both rounds (what ValidatorService hashes), not only the last', () => {
    // A scored round 1 (id 1), its Validation contribution never landed, then it scored round 2 (id 2).
    const both = [{ id: 1n, score: 80 }, { id: 2n, score: 90 }]
    const submitted = (dataHash: Hex): SubmittedLog[] => [
      { id: 1n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(1), blockNumber: 1n },
      { id: 2n, contributor: W, ctype: ContributionType.ComputePower, dataHash: H(2), blockNumber: 4n },
      { id: 3n, contributor: A, ctype: ContributionType.Validation, dataHash, blockNumber: 6n }
    ]
    const scored: ScoredLog[] = [{ id: 1n, validator: A, score: 80, blockNumber: 2n }, { id: 2n, validator: A, score: 90, blockNumber: 5n }]
    const [covering] = validationBatches(submitted(validationBatchHash(A, both)), scored)
    assert.equal(validationBatchHash(A, covering.batch), covering.dataHash)
    const [lastOnly] = validationBatches(submitted(validationBatchHash(A, both.slice(1))), scored)
    assert.notEqual(validationBatchHash(A, lastOnly.batch), lastOnly.dataHash)
  })
})
