/**
 * The coordinator's intake of contributed datasets: shards go into the
 * BlobStore by content id (so the content service serves them like training
 * shards), and each dataset's record (manifest, contributor, when, complete,
 * shards already held before) is a JSON file under `<dataDir>/datasets/`,
 * written atomically, so a restart keeps every accepted dataset and a
 * contributor can resume an upload. The SQLite schema is untouched.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../lib/fs/writeFileAtomic.ts'
import { getAddress, type Address, type Hex } from 'viem'
import type { Libp2p } from '@libp2p/interface'
import { canonicalManifestJson, checkDatasetManifest, datasetIdOf, manifestEntries, manifestHashOf } from '../../lib/data/datasetManifest.ts'
import type { DatasetManifest } from '../../lib/data/datasetManifest.ts'
import { DatasetService, datasetSummaryToWire } from '../../lib/net/dataset.ts'
import type { DatasetList, ListedDataset, VerifiedDatasetOffer, VerifiedDatasetShard } from '../../lib/net/dataset.ts'
import type { ContentSource } from '../../lib/net/content.ts'
import { ErrorCode, ProtocolError } from '../../lib/net/ProtocolError.ts'
import { StoreSchemaError } from '../errors.ts'
import type { BlobStore } from '../store/BlobStore.ts'
import { TypedEventTarget } from '../../lib/events/TypedEventTarget.ts'

/** One dataset the coordinator holds (the form validators list). */
export type DatasetRecord = ListedDataset

/** Datasets per list page when the caller leaves the limit to the server. */
const DEFAULT_PAGE = 16
const MAX_PAGE = 64

/**
 * Stores offered datasets and their shards. Emits `dataset:offered` and
 * `dataset:complete` (detail: the DatasetRecord).
 *
 * @example
 * const intake = await DatasetIntake.open({ blobs, dataDir })
 * const { missing } = await intake.offer(verifiedOffer)
 */
/** Events of a {@link DatasetIntake}: a dataset was first offered, or has all its shards. */
export interface DatasetIntakeEvents {
  'dataset:offered': DatasetRecord
  'dataset:complete': DatasetRecord
}

export class DatasetIntake extends TypedEventTarget<DatasetIntakeEvents> {
  readonly dir: string
  private readonly blobs: BlobStore
  private readonly records = new Map<Hex, DatasetRecord>()
  private readonly shardOwners = new Set<string>()

  private constructor (blobs: BlobStore, dir: string) {
    super()
    this.blobs = blobs
    this.dir = dir
  }

  /** Opens (creating) `<dataDir>/datasets` and loads the records there. */
  static async open (options: { blobs: BlobStore, dataDir: string }): Promise<DatasetIntake> {
    const intake = new DatasetIntake(options.blobs, join(options.dataDir, 'datasets'))
    await mkdir(intake.dir, { recursive: true })
    for (const name of await readdir(intake.dir)) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue
      const { record, legacy } = parseRecord(await readFile(join(intake.dir, name), 'utf8'), join(intake.dir, name))
      if (legacy) {
        // Written when the id was the manifest hash alone: kept under the id that names its
        // contributor (the contributor reruns `dataset submit` to put that id on chain).
        await intake.save(record)
        await rm(join(intake.dir, name))
        continue
      }
      intake.records.set(record.datasetId, record)
      for (const s of manifestEntries(record.manifest)) intake.shardOwners.add(s.id)
    }
    return intake
  }

  /**
   * Records an offer and returns the indexes of the shards still needed.
   * A dataset id names its contributor (datasetIdOf), so another contributor
   * offering the same manifest gets a record of its own and never takes or
   * blocks this one; an id that does not bind the offering contributor is
   * refused (INVALID). The same contributor offering again resumes.
   */
  async offer (offer: Pick<VerifiedDatasetOffer, 'datasetId' | 'manifest' | 'contributor'>): Promise<{ missing: number[] }> {
    if (datasetIdOf(offer.manifest, offer.contributor) !== offer.datasetId) {
      throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `dataset id ${offer.datasetId} is not ${offer.contributor}'s id for this manifest`)
    }
    const existing = this.records.get(offer.datasetId)
    const record: DatasetRecord = existing ?? {
      datasetId: offer.datasetId,
      manifest: offer.manifest,
      contributor: offer.contributor,
      receivedAt: Math.floor(Date.now() / 1000),
      complete: false,
      // Decided once, at the first offer, so a resumed upload does not count its own shards as known.
      knownShardIds: manifestEntries(offer.manifest).map((s) => s.id).filter((id) => this.blobs.has(id))
    }
    const missing = manifestEntries(record.manifest).flatMap((s, i) => this.blobs.has(s.id) ? [] : [i])
    const isNew = existing === undefined
    record.complete = missing.length === 0
    await this.save(record)
    if (isNew) this.emit('dataset:offered', record)
    if (record.complete) this.emit('dataset:complete', record)
    return { missing }
  }

  /** Stores a verified shard of an offered dataset; returns whether the dataset is now complete. */
  async storeShard (shard: Pick<VerifiedDatasetShard, 'datasetId' | 'index' | 'data'>): Promise<{ complete: boolean }> {
    const record = this.records.get(shard.datasetId)
    if (record === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no offer of dataset ${shard.datasetId}`)
    const entry = manifestEntries(record.manifest)[shard.index]
    const { id } = await this.blobs.put(shard.data)
    if (entry === undefined || id !== entry.id) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `shard ${shard.index} is not the manifest's`)
    if (!record.complete && manifestEntries(record.manifest).every((s) => this.blobs.has(s.id))) {
      record.complete = true
      await this.save(record)
      this.emit('dataset:complete', record)
    }
    return { complete: record.complete }
  }

  /** The dataset with this id, if held. */
  get (datasetId: string): DatasetRecord | undefined {
    return this.records.get(datasetId.toLowerCase() as Hex)
  }

  /** A page of the datasets, oldest first. */
  list (start = 0, limit = DEFAULT_PAGE): { datasets: DatasetRecord[], total: number } {
    const all = [...this.records.values()].sort((a, b) => a.receivedAt - b.receivedAt || a.datasetId.localeCompare(b.datasetId))
    const n = Math.min(limit === 0 ? DEFAULT_PAGE : limit, MAX_PAGE)
    return { datasets: all.slice(start, start + n), total: all.length }
  }

  /**
   * A content provider for the coordinator's content service: the file of a
   * shard of any held dataset, undefined otherwise. Chain it after the
   * provider for weights and training shards.
   */
  contentSource (contentId: string): ContentSource | undefined {
    if (!this.shardOwners.has(contentId) || !this.blobs.has(contentId)) return undefined
    return { path: this.blobs.pathOf(contentId) }
  }

  private async save (record: DatasetRecord): Promise<void> {
    // The manifest is kept in its canonical text, so its hash can be checked by hand.
    const text = JSON.stringify({ ...record, manifest: JSON.parse(canonicalManifestJson(record.manifest)) }, null, 2) + '\n'
    await writeFileAtomic(join(this.dir, `${record.datasetId.slice(2)}.json`), text)
    this.records.set(record.datasetId, record)
    for (const s of manifestEntries(record.manifest)) this.shardOwners.add(s.id)
  }
}

/** A record file; `legacy` when its id is the manifest hash alone (before ids named the contributor), re-keyed. */
function parseRecord (text: string, path: string): { record: DatasetRecord, legacy: boolean } {
  try {
    const r = JSON.parse(text) as DatasetRecord
    const manifest = r.manifest as DatasetManifest
    checkDatasetManifest(manifest)
    const contributor = getAddress(r.contributor)
    const datasetId = datasetIdOf(manifest, contributor)
    const legacy = r.datasetId !== datasetId
    if (legacy && r.datasetId !== manifestHashOf(manifest)) throw new Error('manifest does not hash to the dataset id')
    return { record: { datasetId, manifest, contributor, receivedAt: r.receivedAt, complete: r.complete, knownShardIds: r.knownShardIds ?? [] }, legacy }
  } catch (err) {
    throw new StoreSchemaError(`dataset record ${path} is unreadable: ${(err as Error).message}`, { hint: 'remove the file to drop that dataset' })
  }
}

/** What {@link registerDatasetIntake} takes. */
export interface RegisterDatasetIntakeOptions {
  blobs: BlobStore
  /** The coordinator's data folder; records go to `<dataDir>/datasets/`. */
  dataDir: string
  /**
   * Decides whether `contributor` may contribute (e.g. registered with stake
   * on chain); throw a ProtocolError FORBIDDEN to refuse. Default: anyone
   * whose binding checks out.
   */
  authorize?: (contributor: Address) => void | Promise<void>
  /** Largest shard accepted, bytes; default DATASET_MAX_SHARD_BYTES (64 MiB). */
  maxShardBytes?: number
}

/** A dataset intake wired to a node: start() serves /cotrain/dataset/1.0.0, stop() stops. */
export interface DatasetIntakeHandle {
  intake: DatasetIntake
  service: DatasetService
  /** For the content service: a held dataset shard's file, or undefined. */
  contentSource: (contentId: string) => ContentSource | undefined
  start: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * Opens the intake under `dataDir` and builds the dataset service on `node`;
 * the coordinator calls `start()` with its other services.
 *
 * @example
 * const datasets = await registerDatasetIntake(node, { blobs, dataDir })
 * await datasets.start()
 * // content provider: (id) => blobsForRound(id) ?? datasets.contentSource(id)
 */
export async function registerDatasetIntake (node: Libp2p, options: RegisterDatasetIntakeOptions): Promise<DatasetIntakeHandle> {
  const intake = await DatasetIntake.open(options)
  const service = new DatasetService(node, {
    maxShardBytes: options.maxShardBytes,
    onManifest: async (offer) => {
      await options.authorize?.(offer.contributor)
      return await intake.offer(offer)
    },
    onShard: async (shard) => await intake.storeShard(shard),
    onList: ({ start, limit }): DatasetList => {
      const page = intake.list(start, limit)
      return { total: page.total, datasets: page.datasets.map(datasetSummaryToWire) }
    }
  })
  return {
    intake,
    service,
    contentSource: (id) => intake.contentSource(id),
    start: async () => { await service.start() },
    stop: async () => { await service.stop() }
  }
}
