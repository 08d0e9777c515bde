import assert from 'node:assert/strict'
import { encodePacked, keccak256 } from 'viem'
import { buildDatasetManifest, datasetIdOf, manifestHashOf } from './datasetManifest.ts'
import { loadMnist } from './loadMnist.ts'
import { splitIntoShards } from './shard.ts'

const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const bob = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

describe('data: dataset ids name their contributor', () => {
  it('gives the same manifest a different id per contributor, and the same id to the same one however the address is written', async () => {
    const manifest = buildDatasetManifest(splitIntoShards(await loadMnist({ split: 'test', limit: 100 }), 2))
    const id = datasetIdOf(manifest, alice)
    assert.notEqual(id, datasetIdOf(manifest, bob))
    assert.equal(id, datasetIdOf(manifest, alice.toLowerCase() as `0x${string}`))
    // the packing of the contract's duplicate key: keccak256(20-byte address ‖ 32-byte hash)
    assert.equal(id, keccak256(encodePacked(['address', 'bytes32'], [alice, manifestHashOf(manifest)])))
    assert.match(id, /^0x[0-9a-f]{64}$/)
  })
})
