import assert from 'node:assert/strict'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { hexToBytes } from 'viem'
import { buildDatasetManifest, datasetIdOf } from '../data/datasetManifest.ts'
import type { DatasetManifest } from '../data/datasetManifest.ts'
import { loadMnist } from '../data/loadMnist.ts'
import { splitIntoShards } from '../data/shard.ts'
import type { Shard } from '../data/shard.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { DATASET_PROTOCOL, datasetProtocol, listDatasets, manifestToWire, publishDataset, startDatasetService } from './dataset.ts'
import type { DatasetService, VerifiedDatasetOffer } from './dataset.ts'
import { signJoinBinding } from './joinBinding.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { sendRequest } from './protocol.ts'

const refused = (code: ErrorCode) => (e: unknown) => e instanceof ProtocolError && e.remote && e.code === code

describe('/cotrain/dataset/1.0.0 between in-process nodes', function () {
  this.timeout(20_000)
  let coordinator: CotrainNode
  let contributor: CotrainNode
  let intruder: CotrainNode
  let service: DatasetService
  let small: DatasetService
  let smallNode: CotrainNode
  let shards: Shard[]
  let manifest: DatasetManifest
  const signer = privateKeyToAccount(generatePrivateKey())
  const offers: VerifiedDatasetOffer[] = []
  const stored = new Map<string, Uint8Array>()

  before(async () => {
    [coordinator, contributor, intruder, smallNode] = await Promise.all([createNode(), createNode(), createNode(), createNode()])
    shards = splitIntoShards(await loadMnist({ split: 'test', limit: 600 }), 3)
    manifest = buildDatasetManifest(shards)
    service = await startDatasetService(coordinator, {
      onManifest: (offer) => {
        offers.push(offer)
        return { missing: offer.manifest.shards.flatMap((s, i) => stored.has(s.id) ? [] : [i]) }
      },
      onShard: (shard) => {
        stored.set(shard.contentId, shard.data)
        return { complete: shard.manifest.shards.every((s) => stored.has(s.id)) }
      },
      onList: () => ({ total: offers.length, datasets: [] })
    })
    for (const n of [contributor, intruder]) await n.dial(coordinator.getMultiaddrs()[0])
    await contributor.dial(smallNode.getMultiaddrs()[0])
    small = await startDatasetService(smallNode, { maxShardBytes: 64 * 1024, onManifest: () => ({ missing: [] }), onShard: () => ({ complete: true }) })
  })

  after(async () => {
    await Promise.all([service.stop(), small.stop()])
    await Promise.all([coordinator, contributor, intruder, smallNode].map(async (n) => { await n.stop() }))
  })

  it('publishes a dataset: the binding names the signer, every shard arrives hash-checked, a rerun skips held shards', async () => {
    const progress: number[] = []
    const result = await publishDataset(contributor, coordinator.getMultiaddrs()[0], { manifest, shards, signer }, { onProgress: (p) => progress.push(p.sent) })
    assert.equal(result.datasetId, datasetIdOf(manifest, signer.address))
    assert.equal(result.sent, 3)
    assert.equal(result.complete, true)
    assert.deepEqual(progress, [1, 2, 3])
    assert.equal(offers.at(-1)?.contributor, signer.address)
    assert.equal(offers.at(-1)?.peer.toString(), contributor.peerId.toString())
    for (const s of shards) assert.deepEqual(stored.get(s.id), s.bytes)
    const again = await publishDataset(contributor, coordinator.peerId, { manifest, shards, signer })
    assert.deepEqual([again.sent, again.skipped, again.complete], [0, 3, true])
  })

  it('refuses a forged binding (signed for another peer) with UNAUTHENTICATED', async () => {
    const before = offers.length
    const forged = await signJoinBinding({ signer, workerPeerId: contributor.peerId, coordinatorPeerId: coordinator.peerId })
    await assert.rejects(sendRequest(intruder, coordinator.peerId, datasetProtocol, {
      offer: { manifest: manifestToWire(manifest), contributorAddress: forged.workerAddress, issuedAt: forged.issuedAt, nonce: forged.nonce, signature: forged.signature }
    }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
    assert.equal(offers.length, before)
  })

  it('refuses shards from a peer without an accepted offer, and shards that do not match the manifest', async () => {
    const datasetId = hexToBytes(datasetIdOf(manifest, signer.address))
    await assert.rejects(sendRequest(intruder, coordinator.peerId, datasetProtocol, { shard: { datasetId, index: 0, data: shards[0].bytes } }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
    // A fresh dataset so the offer is pending, then a wrong shard for index 0.
    const other = splitIntoShards(await loadMnist({ split: 'test', limit: 100 }), 2)
    const otherManifest = buildDatasetManifest(other)
    const binding = await signJoinBinding({ signer, workerPeerId: contributor.peerId, coordinatorPeerId: coordinator.peerId })
    const reply = await sendRequest(contributor, coordinator.peerId, datasetProtocol, { offer: { manifest: manifestToWire(otherManifest), contributorAddress: binding.workerAddress, issuedAt: binding.issuedAt, nonce: binding.nonce, signature: binding.signature } })
    assert.deepEqual(reply.offered?.missing, [0, 1])
    const otherId = hexToBytes(datasetIdOf(otherManifest, signer.address))
    await assert.rejects(sendRequest(contributor, coordinator.peerId, datasetProtocol, { shard: { datasetId: otherId, index: 0, data: other[1].bytes } }), refused(ErrorCode.ERROR_CODE_INVALID))
    await assert.rejects(sendRequest(contributor, coordinator.peerId, datasetProtocol, { shard: { datasetId: otherId, index: 7, data: other[1].bytes } }), refused(ErrorCode.ERROR_CODE_OUT_OF_RANGE))
    // A replayed binding nonce is refused.
    await assert.rejects(sendRequest(contributor, coordinator.peerId, datasetProtocol, { offer: { manifest: manifestToWire(otherManifest), contributorAddress: binding.workerAddress, issuedAt: binding.issuedAt, nonce: binding.nonce, signature: binding.signature } }), refused(ErrorCode.ERROR_CODE_DUPLICATE))
  })

  it('refuses an oversized shard: in the manifest, and on the wire before reading it', async () => {
    await assert.rejects(publishDataset(contributor, smallNode.peerId, { manifest, shards, signer }), refused(ErrorCode.ERROR_CODE_TOO_LARGE))
    const big = new Uint8Array(700 * 1024).fill(7)
    await assert.rejects(sendRequest(contributor, smallNode.peerId, datasetProtocol, { shard: { datasetId: new Uint8Array(32), index: 0, data: big } }), refused(ErrorCode.ERROR_CODE_TOO_LARGE))
  })

  it('lists datasets and serves the next client after refusals', async () => {
    const page = await listDatasets(intruder, coordinator.peerId)
    assert.equal(page.total, offers.length)
    assert.equal(DATASET_PROTOCOL, '/cotrain/dataset/1.0.0')
  })
})
