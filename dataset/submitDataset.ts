/**
 * A dataset contribution from start to end: pack the IDX files into shards,
 * make sure the contributor is registered with stake, publish shards and
 * manifest to the coordinator over /cotrain/dataset/1.0.0, and submit the
 * Dataset contribution (dataHash = dataset id, which binds the manifest to
 * this account: lib/data/datasetManifest.ts datasetIdOf) on chain. Rerunning after a
 * failure resumes: held shards are skipped, and a contribution already on
 * chain for this dataset by this account is reported, not resubmitted.
 */
import { join } from 'node:path'
import { formatEther, type Address, type Hex } from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import { multiaddr } from '@multiformats/multiaddr'
import { createChainClient } from '../lib/chain/createChainClient.ts'
import { getContributionIdByHash } from '../lib/chain/actions/getContributionIdByHash.ts'
import { getContributor } from '../lib/chain/actions/getContributor.ts'
import { registerContributor } from '../lib/chain/actions/registerContributor.ts'
import { submitContribution } from '../lib/chain/actions/submitContribution.ts'
import { ContributionType } from '../lib/chain/types.ts'
import { datasetIdOf, manifestEntries } from '../lib/data/datasetManifest.ts'
import { CotrainError, oneLine } from '../lib/errors.ts'
import { createNode } from '../lib/net/createNode.ts'
import { publishDataset } from '../lib/net/dataset.ts'
import { TIMEOUTS } from '../lib/net/constants.ts'
import { ProtocolError } from '../lib/net/ProtocolError.ts'
import { DatasetContributionError, DatasetPublishError } from './errors.ts'
import { packIdxFiles, packTextFiles } from './packDataset.ts'

/** Events of a submission, in order; `--json` prints each as one line. */
export type DatasetSubmitEvent =
  | { event: 'dataset:packed', datasetId: Hex, shards: number, samples: number, bytes: number, sampleShape: number[], numClasses: number, heldOutShards?: number, heldOutSamples?: number }
  | { event: 'contributor:registered', address: Address, stake: string, txHash: Hex }
  | { event: 'shard:sent', index: number, sent: number, needed: number, bytes: number }
  | { event: 'dataset:published', datasetId: Hex, coordinator: string, sent: number, skipped: number }
  | { event: 'contribution:submitted', contributionId: string, datasetId: Hex, txHash?: Hex, blockNumber?: string, alreadySubmitted: boolean }

/** What {@link submitDataset} takes. */
export interface SubmitDatasetParams {
  /** The coordinator's multiaddr (with /p2p/PEER_ID). */
  coordinator: string
  /** MNIST-format IDX files; or `text` instead. */
  images?: string
  labels?: string
  /** UTF-8 text files for a language model (packed by packTextFiles), instead of images and labels. */
  text?: string[]
  /** Context length of the text windows (default 64, the gpt default). */
  contextLength?: number
  /** Shards to cut; 0 = about 8 MiB each. */
  shards?: number
  numClasses?: number
  rpcUrl: string
  contract: Address
  account: PrivateKeyAccount
  /** Register with stake when not registered yet (default true). */
  autoRegister?: boolean
  /** Stake to register with, wei; default the contract's minimum. */
  stake?: bigint
  /** Keeps the libp2p identity in `<dataDir>/identity.key`; else a fresh one. */
  dataDir?: string
}

/** What {@link submitDataset} did. */
export interface SubmitDatasetResult {
  datasetId: Hex
  contributionId: bigint
  alreadySubmitted: boolean
}

/**
 * Submits a dataset contribution; see the file's doc comment.
 *
 * @example
 * const { contributionId } = await submitDataset({ coordinator, images, labels, rpcUrl, contract, account: await loadAccount() })
 */
export async function submitDataset (params: SubmitDatasetParams, options: { signal?: AbortSignal, onEvent?: (e: DatasetSubmitEvent) => void } = {}): Promise<SubmitDatasetResult> {
  const emit = options.onEvent ?? (() => {})
  let target
  try {
    target = multiaddr(params.coordinator)
  } catch {
    throw new DatasetPublishError(`--coordinator "${params.coordinator}" is not a multiaddr`, { hint: 'pass /ip4/HOST/tcp/PORT/p2p/PEER_ID from the coordinator\'s coordinator.json' })
  }
  const packed = params.text !== undefined && params.text.length > 0
    ? await packTextFiles(params.text, { contextLength: params.contextLength ?? 64, shards: params.shards })
    : await packIdxFiles(params.images ?? '', params.labels ?? '', { shards: params.shards, numClasses: params.numClasses })
  const { manifest } = packed
  const me = params.account.address
  const datasetId = datasetIdOf(manifest, me)
  emit({
    event: 'dataset:packed', datasetId, shards: manifest.shards.length, samples: manifest.totalSamples, bytes: manifestEntries(manifest).reduce((a, s) => a + s.size, 0), sampleShape: manifest.sampleShape, numClasses: manifest.numClasses,
    ...(manifest.heldOut !== undefined ? { heldOutShards: manifest.heldOut.length, heldOutSamples: manifest.heldOut.reduce((a, s) => a + s.samples, 0) } : {})
  })

  const client = await createChainClient({ rpcUrl: params.rpcUrl, account: params.account })
  // this account's contribution of this dataset, if a run before this one got that far (the id names us, so it is ours)
  const existingId = await getContributionIdByHash(client, { address: params.contract, dataHash: datasetId, contributor: me })

  const node = await createNode({ listen: [], identityPath: params.dataDir === undefined ? undefined : join(params.dataDir, 'identity.key') })
  try {
    // Reach the coordinator before any stake is put down.
    let coordinator
    try {
      coordinator = (await node.dial(target, { signal: AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(TIMEOUTS.request)]) })).remotePeer
    } catch (err) {
      throw new DatasetPublishError(`cannot reach the coordinator at ${params.coordinator}: ${oneLine(err)}`, { hint: 'is it running? check --coordinator', cause: err })
    }

    const contributor = await getContributor(client, { address: params.contract })
    if (!contributor.registered) {
      if (params.autoRegister === false) {
        throw new DatasetContributionError(`${me} is not registered as a contributor`, { hint: 'register with stake first (drop COTRAIN_AUTO_REGISTER=false to let dataset submit register with the minimum stake)' })
      }
      const reg = await registerContributor(client, { address: params.contract, stake: params.stake })
      if (!reg.alreadyRegistered) emit({ event: 'contributor:registered', address: me, stake: formatEther(reg.stake), txHash: reg.hash })
    }

    let published
    try {
      published = await publishDataset(node, coordinator, { manifest, shards: [...packed.shards, ...(packed.heldOut ?? [])], signer: params.account }, {
        signal: options.signal,
        onProgress: (p) => emit({ event: 'shard:sent', index: p.index, sent: p.sent, needed: p.needed, bytes: p.bytes })
      })
    } catch (err) {
      if (err instanceof ProtocolError && err.remote) throw new DatasetPublishError(`coordinator refused the dataset: ${err.message}`, { cause: err })
      if (err instanceof CotrainError) throw err
      throw new DatasetPublishError(`publishing to the coordinator at ${params.coordinator} failed: ${oneLine(err)}`, { hint: 'rerun to resume; held shards are skipped', cause: err })
    }
    emit({ event: 'dataset:published', datasetId, coordinator: published.coordinator.toString(), sent: published.sent, skipped: published.skipped })
  } finally {
    await node.stop()
  }

  if (existingId !== 0n) {
    emit({ event: 'contribution:submitted', contributionId: existingId.toString(), datasetId, alreadySubmitted: true })
    return { datasetId, contributionId: existingId, alreadySubmitted: true }
  }
  const { id, hash, blockNumber } = await submitContribution(client, { address: params.contract, ctype: ContributionType.Dataset, dataHash: datasetId })
  emit({ event: 'contribution:submitted', contributionId: id.toString(), datasetId, txHash: hash, blockNumber: blockNumber.toString(), alreadySubmitted: false })
  return { datasetId, contributionId: id, alreadySubmitted: false }
}
