import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { getContribution } from '../../lib/chain/actions/getContribution.ts'
import { getContributor } from '../../lib/chain/actions/getContributor.ts'
import { startLocalStaking } from '../../lib/chain/testing/localStaking.ts'
import type { LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { ContributionType } from '../../lib/chain/types.ts'
import { encodeIdxUint8 } from '../../lib/data/idx.ts'
import { loadMnist } from '../../lib/data/loadMnist.ts'
import { validateDatasetShards } from '../../lib/data/validateDatasetShards.ts'
import { createNode } from '../../lib/net/createNode.ts'
import type { CotrainNode } from '../../lib/net/createNode.ts'
import { fetchContent, startContentService } from '../../lib/net/content.ts'
import type { ContentService } from '../../lib/net/content.ts'
import { datasetSummaryToWire, listDatasets, startDatasetService, type ListedDataset } from '../../lib/net/dataset.ts'
import { registerDatasetIntake } from '../../coordinator/datasets/DatasetIntake.ts'
import type { DatasetIntakeHandle } from '../../coordinator/datasets/DatasetIntake.ts'
import { BlobStore } from '../../coordinator/store/BlobStore.ts'
import { tempDir } from '../../coordinator/testing/tempDir.ts'
import { packDataset, packIdxFiles } from '../../dataset/packDataset.ts'
import { loadBrownText } from '../../lib/data/brownCorpus.ts'
import { datasetIdOf } from '../../lib/data/datasetManifest.ts'
import { distributeRewardsBatch } from '../../lib/chain/actions/distributeRewardsBatch.ts'
import { ValidatorService, type ValidatorEvent } from '../../validator/ValidatorService.ts'
import { scoreDatasets } from '../../validator/scoreDatasets.ts'
import { registerContributor } from '../../lib/chain/actions/registerContributor.ts'
import { submitContribution } from '../../lib/chain/actions/submitContribution.ts'
import { readStaking } from '../../lib/chain/stakingCall.ts'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '..', '..', 'dataset', 'cli.ts')

interface CliResult { code: number, stdout: string, stderr: string }

async function cli (args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('dataset submit (CLI) against a coordinator intake and a hardhat node', function () {
  this.timeout(60_000)
  let local: LocalStaking
  let coordinator: CotrainNode
  let validator: CotrainNode
  let datasets: DatasetIntakeHandle
  let content: ContentService
  let tmp: { dir: string, remove: () => void }
  let images: string
  let labels: string
  let env: Record<string, string>
  let coordinatorAddr: string

  before(async () => {
    tmp = tempDir('cotrain-dataset-')
    const mnist = await loadMnist({ split: 'test', limit: 1200 })
    images = join(tmp.dir, 'images.idx')
    labels = join(tmp.dir, 'labels.idx')
    await writeFile(images, encodeIdxUint8([mnist.count, 28, 28], mnist.images))
    await writeFile(labels, encodeIdxUint8([mnist.count], mnist.labels))
    local = await startLocalStaking({ validators: [1, 7] })
    ;[coordinator, validator] = await Promise.all([createNode(), createNode()])
    const blobs = await BlobStore.open(join(tmp.dir, 'coordinator', 'blobs'))
    datasets = await registerDatasetIntake(coordinator, { blobs, dataDir: join(tmp.dir, 'coordinator') })
    await datasets.start()
    content = await startContentService(coordinator, { provider: (id) => datasets.contentSource(id) })
    coordinatorAddr = coordinator.getMultiaddrs()[0].toString()
    env = { COTRAIN_PRIVATE_KEY: local.chain.accounts[5].privateKey, COTRAIN_RPC_URL: local.chain.url, COTRAIN_CONTRACT: local.address }
  })

  /** Runs `fn` while a second node lists `record` as its only dataset, as a dishonest coordinator could. */
  async function withListing<T> (record: ListedDataset, fn: (lying: CotrainNode) => Promise<T>): Promise<T> {
    const lying = await createNode()
    const listing = await startDatasetService(lying, { onManifest: () => ({ missing: [] }), onShard: () => ({ complete: true }), onList: () => ({ total: 1, datasets: [datasetSummaryToWire(record)] }) })
    try {
      return await fn(lying)
    } finally {
      await listing.stop()
      await lying.stop()
    }
  }

  /** One pass of the validator's dataset scoring (validator/scoreDatasets) as dev account `account`, listing from `listing`, shards from the coordinator. */
  async function scoreOnce (account: number, listing: CotrainNode = coordinator): Promise<{ events: ValidatorEvent[], wallet: Awaited<ReturnType<LocalStaking['clientFor']>> }> {
    const events: ValidatorEvent[] = []
    const wallet = await local.clientFor(account)
    await validator.dial(listing.getMultiaddrs()[0])
    await scoreDatasets({
      options: { dataDir: tmp.dir, coordinator: '', wallet, contract: local.address },
      node: validator,
      address: wallet.account.address,
      coordinator: listing.peerId,
      signal: new AbortController().signal,
      state: { nextRound: 0, roundsDone: 0, handled: {}, unreachableSince: {}, validationsScored: [], lastValidationBlock: '0' },
      save: () => {},
      content: async (id) => await fetchContent(validator, coordinator.peerId, id),
      emit: (e) => events.push(e)
    })
    return { events, wallet }
  }

  after(async () => {
    await datasets?.stop()
    await content?.stop()
    await Promise.all([coordinator?.stop(), validator?.stop()])
    await local?.stop()
    tmp?.remove()
  })

  it('registers, publishes the shards, and ends with a Dataset contribution on chain', async () => {
    const r = await cli(['submit', '--coordinator', coordinatorAddr, '--images', images, '--labels', labels, '--shards', '3', '--json'], env)
    assert.equal(r.code, 0, r.stderr + r.stdout)
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    assert.deepEqual(events.map((e) => e.event), ['dataset:packed', 'contributor:registered', 'shard:sent', 'shard:sent', 'shard:sent', 'dataset:published', 'contribution:submitted'])
    const done = events.at(-1)
    const { manifest } = await packIdxFiles(images, labels, { shards: 3 })
    const datasetId = datasetIdOf(manifest, local.chain.accounts[5].address)
    assert.equal(done.datasetId, datasetId)

    const client = await local.clientFor(0)
    const c = await getContribution(client, { address: local.address, id: BigInt(done.contributionId) })
    assert.equal(c.ctype, ContributionType.Dataset)
    assert.equal(c.dataHash, datasetId)
    assert.equal(c.contributor, local.chain.accounts[5].address)
    assert.equal((await getContributor(client, { address: local.address, account: local.chain.accounts[5].address })).registered, true)

    // A validator lists it, fetches the shards from the coordinator, and checks them.
    await validator.dial(coordinator.getMultiaddrs()[0])
    const page = await listDatasets(validator, coordinator.peerId)
    assert.equal(page.total, 1)
    const listed = page.datasets[0]
    assert.equal(listed.datasetId, datasetId)
    assert.equal(listed.complete, true)
    assert.equal(listed.contributor, local.chain.accounts[5].address)
    const shards = new Map<string, Uint8Array>()
    for (const s of listed.manifest.shards) shards.set(s.id, await fetchContent(validator, coordinator.peerId, s.id))
    const verdict = validateDatasetShards({ manifest: listed.manifest, shards, knownShardIds: listed.knownShardIds, minSamples: 1000 })
    assert.equal(verdict.ok, true, verdict.reasons.join('; '))
    assert.ok(verdict.score >= 90, `score ${verdict.score}`)
  })

  it('is scored on chain by a running validator service', async () => {
    const owner = await local.clientFor(0)
    const wallet = await local.clientFor(1)
    const events: ValidatorEvent[] = []
    // fromRound 1: this intake-only coordinator serves no submissions listing, so the validator cannot look up the current round (and need not: only datasets are scored here).
    const service = new ValidatorService({ dataDir: join(tmp.dir, 'validator'), coordinator: coordinatorAddr, wallet, contract: local.address, fromRound: 1, pollMs: 200, validationContributions: false, onEvent: (e) => events.push(e) })
    await service.start()
    try {
      const until = Date.now() + 30_000
      while (!events.some((e) => e.event === 'scores:sent') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      await service.stop()
    }
    const validated = events.find((e) => e.event === 'dataset:validated')
    assert.ok(validated != null && validated.event === 'dataset:validated', `no dataset:validated event: ${JSON.stringify(events)}`)
    assert.equal(validated.ok, true)
    assert.ok(validated.score >= 90, `score ${validated.score}`)
    // Quorum 2: the second validator's equal score finalizes the contribution with that median.
    await distributeRewardsBatch(await local.clientFor(7), { address: local.address, scores: [{ id: BigInt(validated.contributionId), score: validated.score }] })
    const c = await getContribution(owner, { address: local.address, id: BigInt(validated.contributionId) })
    assert.equal(c.ctype, ContributionType.Dataset)
    assert.equal(c.status, 1)
    assert.equal(c.medianScore, validated.score)
  })

  it('a validator refuses a listing that names a copier for another contributor\'s dataset id', async () => {
    // The copier takes the victim's dataset id from the chain and submits it as its own (the contract
    // gives it a contribution under its own key); a coordinator then lists the victim's dataset under
    // the copier's name. Without the id check the validator would score the copier's contribution.
    const victim = local.chain.accounts[5].address
    const { manifest } = await packIdxFiles(images, labels, { shards: 3 })
    const datasetId = datasetIdOf(manifest, victim)
    const copier = await local.clientFor(8)
    await registerContributor(copier, { address: local.address })
    const { id: copiedId } = await submitContribution(copier, { address: local.address, ctype: ContributionType.Dataset, dataHash: datasetId })
    const held = datasets.intake.get(datasetId)
    assert.ok(held !== undefined)
    const { events, wallet } = await withListing({ ...held, contributor: copier.account.address }, async (lying) => await scoreOnce(7, lying))
    assert.deepEqual(events, [], 'nothing scored')
    assert.equal(await readStaking(wallet, local.address, 'hasScored', [copiedId, wallet.account.address]), false)
  })

  it('a validator derives the dataset id from the manifest it fetched: a contribution whose id names other data is not scored for that data', async () => {
    // A contributor puts the id of a worthless dataset of its own on chain (1 sample, a tenth of the
    // classes), and a coordinator it runs lists that id, under its name, with another contributor's
    // good manifest, whose shards the validator can fetch. Scored as listed, the worthless contribution
    // would earn the good dataset's score; the validator recomputes keccak(contributor, sha256(manifest))
    // from what it fetched, finds another id, and scores nothing.
    const cheat = await local.clientFor(10)
    await registerContributor(cheat, { address: local.address })
    const junk = packDataset({ images: new Uint8Array(28 * 28), labels: new Uint8Array(1), sampleShape: [28, 28], count: 1, numClasses: 10 }, 1)
    const junkId = datasetIdOf(junk.manifest, cheat.account.address)
    const { id: junkContribution } = await submitContribution(cheat, { address: local.address, ctype: ContributionType.Dataset, dataHash: junkId })
    const good = datasets.intake.get(datasetIdOf((await packIdxFiles(images, labels, { shards: 3 })).manifest, local.chain.accounts[5].address))
    assert.ok(good !== undefined)
    const { events, wallet } = await withListing({ ...good, datasetId: junkId, contributor: cheat.account.address }, async (lying) => await scoreOnce(7, lying))
    assert.deepEqual(events, [], 'nothing scored')
    assert.equal(await readStaking(wallet, local.address, 'hasScored', [junkContribution, wallet.account.address]), false)
  })

  it('`dataset submit --text` publishes the held-out windows too, and validators score the dataset on them: new text high, repeated text near 1', async () => {
    // 60,000 characters of Brown: 1,874 windows of 33 tokens, 93 held out; and, from another contributor, the same text three
    // times over, each copy a character after a window edge, so its training windows are all distinct.
    const prose = loadBrownText().slice(0, 60_000)
    const file = join(tmp.dir, 'prose.txt')
    const padded = join(tmp.dir, 'padded.txt')
    await writeFile(file, prose)
    await writeFile(padded, [prose, prose, prose].join('\n'))
    const r = await cli(['submit', '--coordinator', coordinatorAddr, '--text', file, '--context-length', '32', '--shards', '2', '--json'], { ...env, COTRAIN_PRIVATE_KEY: local.chain.accounts[11].privateKey })
    assert.equal(r.code, 0, r.stderr + r.stdout)
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    const packed = events[0]
    assert.deepEqual({ event: packed.event, shards: packed.shards, heldOutShards: packed.heldOutShards }, { event: 'dataset:packed', shards: 2, heldOutShards: 1 })
    assert.equal(packed.samples + packed.heldOutSamples, Math.floor((prose.length - 1) / 32))
    assert.equal(packed.heldOutSamples, Math.floor(packed.samples / 19), 'every 20th window held out')
    assert.equal(events.filter((e) => e.event === 'shard:sent').length, 3, 'two training shards and the held-out one')
    const held = datasets.intake.get(packed.datasetId)
    assert.ok(held?.complete === true && held.manifest.heldOut?.length === 1)
    assert.ok(datasets.contentSource(held.manifest.heldOut[0].id) !== undefined, 'the coordinator serves the held-out shard')
    const r2 = await cli(['submit', '--coordinator', coordinatorAddr, '--text', padded, '--context-length', '32', '--json'], { ...env, COTRAIN_PRIVATE_KEY: local.chain.accounts[12].privateKey })
    assert.equal(r2.code, 0, r2.stderr + r2.stdout)
    const paddedId = JSON.parse(r2.stdout.split('\n')[0]).datasetId

    const { events: scored } = await scoreOnce(7)
    const verdict = (id: string): Extract<ValidatorEvent, { event: 'dataset:validated' }> => {
      const e = scored.find((v) => v.event === 'dataset:validated' && v.datasetId === id)
      assert.ok(e !== undefined && e.event === 'dataset:validated', `no verdict on ${id}: ${JSON.stringify(scored)}`)
      return e
    }
    const fresh = verdict(packed.datasetId)
    assert.equal(fresh.ok, true, fresh.reason)
    assert.ok(fresh.score >= 90, `score ${fresh.score}: ${fresh.reason}`)
    const repeated = verdict(paddedId)
    assert.equal(repeated.ok, true, repeated.reason)
    assert.ok(repeated.score <= 5, `score ${repeated.score}: ${repeated.reason}`)
    assert.match(repeated.reason, /\d+% of the held-out windows occur verbatim elsewhere in the text/)
  })

  it('reports a rerun as already on chain instead of submitting twice', async () => {
    const r = await cli(['submit', '--coordinator', coordinatorAddr, '--images', images, '--labels', labels, '--shards', '3'], env)
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^contribution #\d+ \(Dataset 0x[0-9a-f]{64}\) was already on chain$/m)
  })

  it('says in one line what is wrong: mismatched counts, unreachable coordinator, missing key', async () => {
    const mnist = await loadMnist({ split: 'test', limit: 10 })
    const short = join(tmp.dir, 'short-labels.idx')
    await writeFile(short, encodeIdxUint8([9], mnist.labels.subarray(0, 9)))
    const mismatch = await cli(['submit', '--coordinator', coordinatorAddr, '--images', images, '--labels', short], env)
    assert.equal(mismatch.code, 1)
    assert.match(mismatch.stderr, /^error: .*1200 images but 9 labels\n$/)

    const offline = await cli(['submit', '--coordinator', '/ip4/127.0.0.1/tcp/1/p2p/' + coordinator.peerId.toString(), '--images', images, '--labels', labels, '--shards', '4'], { ...env, COTRAIN_PRIVATE_KEY: local.chain.accounts[6].privateKey })
    assert.equal(offline.code, 1)
    assert.match(offline.stderr, /\nerror: cannot reach the coordinator at \/ip4\/127\.0\.0\.1\/tcp\/1\/.*\(is it running\? check --coordinator\)\n$/)
    assert.doesNotMatch(offline.stderr, /registered/, 'no stake is put down before the coordinator answers')

    const noKey = await cli(['submit', '--coordinator', coordinatorAddr, '--images', images, '--labels', labels], { COTRAIN_RPC_URL: local.chain.url, COTRAIN_CONTRACT: local.address })
    assert.equal(noKey.code, 1)
    assert.match(noKey.stderr, /^error: no signing key .*COTRAIN_PRIVATE_KEY.*\n$/)
  })
})
