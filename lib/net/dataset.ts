/**
 * /cotrain/dataset/1.0.0: a dataset contributor publishes a dataset to a
 * coordinator, and validators list the datasets the coordinator holds.
 *
 * Publishing is an offer (the manifest plus the contributor's signed address
 * binding, the same text as a join binding) followed by one message per shard
 * the coordinator still lacks, each on its own stream. Only the peer whose
 * offer was accepted may upload that dataset's shards; each shard must have
 * the size and sha256 its manifest entry names. Shards are then served like
 * any other content by id over /cotrain/content/1.0.0.
 */
import { bytesToHex, getAddress, hexToBytes } from 'viem'
import type { Address, Hex } from 'viem'
import type { DialTarget, Libp2p, PeerId } from '@libp2p/interface'
import { InvalidInputError } from '../errors.ts'
import { checkDatasetManifest, datasetIdOf, manifestEntries } from '../data/datasetManifest.ts'
import type { DatasetManifest, DatasetShardEntry } from '../data/datasetManifest.ts'
import type { CharTokenizer } from '../data/charTokenizer.ts'
import type { cotrain } from '../proto/cotrain.js'
import { TIMEOUTS } from './constants.ts'
import { contentIdBytes, contentIdOf, toContentId } from '../hash/contentId.ts'
import { signJoinBinding } from './joinBinding.ts'
import type { BindingSigner } from './joinBinding.ts'
import { pb } from './messages.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { BindingCheck } from './BindingCheck.ts'
import type { BindingCheckOptions } from './BindingCheck.ts'
import { ProtocolService, defineProtocol, sendRequest, started } from './protocol.ts'
import type { HandlerContext, ProtocolDefinition, RequestOptions, ServiceOptions } from './protocol.ts'

export type DatasetRequest = cotrain.v1.DatasetRequest.$Properties
export type DecodedDatasetRequest = cotrain.v1.DatasetRequest
export type DatasetReply = cotrain.v1.DatasetReply.$Properties
export type DatasetList = cotrain.v1.DatasetList.$Properties
export type DatasetSummary = cotrain.v1.DatasetSummary.$Properties

/** Contributor -> coordinator: a dataset's manifest and shards; validator -> coordinator: the datasets held. */
export const DATASET_PROTOCOL = '/cotrain/dataset/1.0.0'
/** Default largest shard a coordinator takes in one message (the whole shard travels at once). */
export const DATASET_MAX_SHARD_BYTES = 64 * 1024 * 1024
/** Largest reply (a page of manifests). */
export const DATASET_RESPONSE_BYTES = 4 * 1024 * 1024
/** Streams one peer may have open on this protocol per connection. */
export const DATASET_MAX_INBOUND_STREAMS = 4
/** Default most shards in one manifest. */
export const DATASET_MAX_SHARDS = 4096
/** Offers the service remembers while their shards arrive; the oldest is dropped beyond this. */
const MAX_PENDING_OFFERS = 1024

function fail (message: string, field: string): never {
  throw new InvalidInputError(`${message}: ${field}`)
}

function checkBytes (value: Uint8Array | null | undefined, field: string, length: number): void {
  const n = value?.byteLength ?? 0
  if (n !== length) fail(`expected ${length} bytes, got ${n}`, field)
}

function checkWireManifest (m: cotrain.v1.DatasetManifest.$Properties | null | undefined, field: string): void {
  if (m == null) fail('missing', field)
  if ((m.shards?.length ?? 0) > DATASET_MAX_SHARDS) fail(`more than ${DATASET_MAX_SHARDS} shards`, `${field}.shards`)
  if ((m.heldOut?.length ?? 0) > DATASET_MAX_SHARDS) fail(`more than ${DATASET_MAX_SHARDS} shards`, `${field}.held_out`)
  if ((m.sampleShape?.length ?? 0) > 4) fail('rank over 4', `${field}.sample_shape`)
  if ((m.labelHistogram?.length ?? 0) > 256) fail('more than 256 classes', `${field}.label_histogram`)
  m.shards?.forEach((s, i) => checkBytes(s.contentId, `${field}.shards[${i}].content_id`, 32))
  m.heldOut?.forEach((s, i) => checkBytes(s.contentId, `${field}.held_out[${i}].content_id`, 32))
}

function checkDatasetRequest (m: DatasetRequest): void {
  const kinds = [m.offer, m.shard, m.list].filter((k) => k != null).length
  if (kinds !== 1) fail('exactly one of offer, shard, list', 'kind')
  if (m.offer != null) {
    checkWireManifest(m.offer.manifest, 'offer.manifest')
    checkBytes(m.offer.contributorAddress, 'offer.contributor_address', 20)
    if ((m.offer.issuedAt ?? 0) < 1) fail('missing', 'offer.issued_at')
    checkBytes(m.offer.nonce, 'offer.nonce', 16)
    checkBytes(m.offer.signature, 'offer.signature', 65)
  }
  if (m.shard != null) {
    checkBytes(m.shard.datasetId, 'shard.dataset_id', 32)
    if ((m.shard.data?.byteLength ?? 0) === 0) fail('empty', 'shard.data')
  }
}

function checkDatasetReply (m: DatasetReply): void {
  const kinds = [m.offered, m.stored, m.list].filter((k) => k != null).length
  if (kinds !== 1) fail('exactly one of offered, stored, list', 'kind')
  if (m.offered != null) checkBytes(m.offered.datasetId, 'offered.dataset_id', 32)
  if (m.stored != null) checkBytes(m.stored.datasetId, 'stored.dataset_id', 32)
  m.list?.datasets?.forEach((d, i) => {
    checkBytes(d.datasetId, `list.datasets[${i}].dataset_id`, 32)
    checkWireManifest(d.manifest, `list.datasets[${i}].manifest`)
    checkBytes(d.contributorAddress, `list.datasets[${i}].contributor_address`, 20)
    d.knownShardIds?.forEach((id, j) => checkBytes(id, `list.datasets[${i}].known_shard_ids[${j}]`, 32))
  })
}

/**
 * The protocol with a request limit fitting one shard of `maxShardBytes`;
 * a larger shard message is refused with TOO_LARGE before its body is read.
 */
export function datasetProtocolFor (maxShardBytes: number = DATASET_MAX_SHARD_BYTES): ProtocolDefinition<DatasetRequest, DecodedDatasetRequest, DatasetReply, cotrain.v1.DatasetReply> {
  return defineProtocol({
    id: DATASET_PROTOCOL,
    name: 'dataset',
    // A manifest of DATASET_MAX_SHARDS entries is about 200 KiB.
    limits: { request: Math.max(maxShardBytes, 512 * 1024) + 4 * 1024, response: DATASET_RESPONSE_BYTES },
    timeoutMs: TIMEOUTS.submit,
    maxInboundStreams: DATASET_MAX_INBOUND_STREAMS,
    request: pb.DatasetRequest,
    checkRequest: checkDatasetRequest,
    response: pb.DatasetResponse,
    okField: 'reply',
    checkOk: checkDatasetReply,
    decodedOk: undefined as unknown as cotrain.v1.DatasetReply
  })
}

/** The protocol at its default limits. */
export const datasetProtocol = datasetProtocolFor()

/** A manifest in its wire form (content ids as 32 bytes). */
export function manifestToWire (m: DatasetManifest): cotrain.v1.DatasetManifest.$Properties {
  return {
    version: m.version,
    sampleShape: m.sampleShape,
    numClasses: m.numClasses,
    totalSamples: m.totalSamples,
    labelHistogram: m.labelHistogram,
    shards: m.shards.map(entryToWire),
    tokenizerJson: m.tokenizer === undefined ? '' : JSON.stringify({ kind: m.tokenizer.kind, symbols: m.tokenizer.symbols }),
    heldOut: (m.heldOut ?? []).map(entryToWire)
  }
}

/** A manifest from its wire form (content ids as hex). */
export function manifestFromWire (m: cotrain.v1.DatasetManifest.$Properties): DatasetManifest {
  return {
    version: m.version ?? 0,
    sampleShape: [...(m.sampleShape ?? [])],
    numClasses: m.numClasses ?? 0,
    totalSamples: m.totalSamples ?? 0,
    labelHistogram: [...(m.labelHistogram ?? [])],
    shards: (m.shards ?? []).map(entryFromWire),
    ...(m.tokenizerJson != null && m.tokenizerJson !== '' ? { tokenizer: parseTokenizerJson(m.tokenizerJson) } : {}),
    // An empty list is no list: the canonical JSON (and so the id) of a manifest without held-out shards has no heldOut key.
    ...(m.heldOut != null && m.heldOut.length > 0 ? { heldOut: m.heldOut.map(entryFromWire) } : {})
  }
}

function entryToWire (s: DatasetShardEntry): cotrain.v1.DatasetShardInfo.$Properties {
  return { contentId: contentIdBytes(s.id), samples: s.samples, size: s.size }
}

function entryFromWire (s: cotrain.v1.DatasetShardInfo.$Properties): DatasetShardEntry {
  return { id: toContentId(s.contentId ?? new Uint8Array()), samples: s.samples ?? 0, size: s.size ?? 0 }
}

/** A manifest's tokenizer JSON; malformed JSON is an InvalidInputError (checkDatasetManifest checks the rest). */
function parseTokenizerJson (text: string): CharTokenizer {
  try {
    return JSON.parse(text) as CharTokenizer
  } catch {
    throw new InvalidInputError('dataset manifest: tokenizer is not JSON')
  }
}

/** An offer whose binding checked out and whose manifest is well formed. */
export interface VerifiedDatasetOffer {
  datasetId: Hex
  manifest: DatasetManifest
  /** Checksummed address the contributor proved it holds. */
  contributor: Address
  peer: PeerId
}

/** A shard whose size and sha256 match its manifest entry. */
export interface VerifiedDatasetShard {
  datasetId: Hex
  index: number
  /** Content id (hex, no 0x). */
  contentId: string
  data: Uint8Array
  contributor: Address
  manifest: DatasetManifest
}

export interface DatasetServiceOptions extends ServiceOptions, BindingCheckOptions {
  /**
   * Decides on an offer: return the indexes of the shards still needed
   * (empty when all are held), or throw a ProtocolError (e.g. FORBIDDEN for
   * an unstaked contributor, DUPLICATE for a dataset someone else offered).
   */
  onManifest: (offer: VerifiedDatasetOffer, ctx: HandlerContext) => { missing: number[] } | Promise<{ missing: number[] }>
  /** Stores a verified shard; returns whether the dataset is now complete. */
  onShard: (shard: VerifiedDatasetShard, ctx: HandlerContext) => { complete: boolean } | Promise<{ complete: boolean }>
  /** A page of the datasets held; without it, list requests get UNSUPPORTED. */
  onList?: (req: { start: number, limit: number }, ctx: HandlerContext) => DatasetList | Promise<DatasetList>
  /** Largest shard accepted, bytes; default DATASET_MAX_SHARD_BYTES. */
  maxShardBytes?: number
  /** Most shards in one manifest; default DATASET_MAX_SHARDS. */
  maxShards?: number
}

interface PendingOffer {
  peer: string
  contributor: Address
  manifest: DatasetManifest
}

/** The coordinator's side of /cotrain/dataset/1.0.0. */
export class DatasetService extends ProtocolService<DatasetRequest, DecodedDatasetRequest, DatasetReply, cotrain.v1.DatasetReply> {
  private readonly offers = new Map<string, PendingOffer>()

  constructor (node: Libp2p, options: DatasetServiceOptions) {
    const maxShardBytes = options.maxShardBytes ?? DATASET_MAX_SHARD_BYTES
    const maxShards = options.maxShards ?? DATASET_MAX_SHARDS
    const bindingCheck = new BindingCheck('offers', options)
    const protocol = datasetProtocolFor(maxShardBytes)
    super(node, protocol, async (req, ctx, lp) => {
      let reply: DatasetReply
      if (req.offer != null) {
        const offer = req.offer as cotrain.v1.DatasetOffer
        const { address: contributor } = await bindingCheck.verify(
          { workerAddress: offer.contributorAddress, issuedAt: offer.issuedAt, nonce: offer.nonce, signature: offer.signature }, ctx.peer, node.peerId)
        const manifest = manifestFromWire(offer.manifest as cotrain.v1.DatasetManifest)
        const entries = manifestEntries(manifest)
        const oversized = entries.findIndex((s) => s.size > maxShardBytes)
        if (oversized >= 0) throw new ProtocolError(ErrorCode.ERROR_CODE_TOO_LARGE, `shard ${oversized} is ${entries[oversized].size} bytes, over the limit of ${maxShardBytes}`)
        try {
          checkDatasetManifest(manifest, { maxShards })
        } catch (err) {
          throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, (err as InvalidInputError).shortMessage, { cause: err })
        }
        // bound to the address the binding proved: a copy of another's manifest gets an id of its own
        const datasetId = datasetIdOf(manifest, contributor)
        const { missing } = await options.onManifest({ datasetId, manifest, contributor, peer: ctx.peer }, ctx)
        this.remember(datasetId, { peer: ctx.peer.toString(), contributor, manifest })
        reply = { offered: { datasetId: hexToBytes(datasetId), missing } }
      } else if (req.shard != null) {
        const upload = req.shard as cotrain.v1.DatasetShardUpload
        const datasetId = bytesToHex(upload.datasetId)
        const pending = this.offers.get(datasetId)
        if (pending === undefined || pending.peer !== ctx.peer.toString()) {
          throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, `no accepted offer of dataset ${datasetId} from this peer`)
        }
        const index = upload.index
        const entries = manifestEntries(pending.manifest)
        const entry = entries[index]
        if (entry === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_OUT_OF_RANGE, `shard index ${index} is outside the manifest's ${entries.length} shards`)
        const data = upload.data
        if (data.byteLength !== entry.size) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `shard ${index} is ${data.byteLength} bytes, the manifest says ${entry.size}`)
        const contentId = contentIdOf(data)
        if (contentId !== entry.id) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `shard ${index} hashes to ${contentId}, the manifest says ${entry.id}`)
        const { complete } = await options.onShard({ datasetId, index, contentId, data, contributor: pending.contributor, manifest: pending.manifest }, ctx)
        if (complete) this.offers.delete(datasetId)
        reply = { stored: { datasetId: upload.datasetId, index, complete } }
      } else {
        if (options.onList == null) throw new ProtocolError(ErrorCode.ERROR_CODE_UNSUPPORTED, 'this node does not list datasets')
        const list = req.list as cotrain.v1.DatasetListRequest
        reply = { list: await options.onList({ start: list.start, limit: list.limit }, ctx) }
      }
      await lp.write(protocol.encodeOk(reply), { signal: ctx.signal })
    }, options)
  }

  private remember (datasetId: string, offer: PendingOffer): void {
    this.offers.delete(datasetId)
    if (this.offers.size >= MAX_PENDING_OFFERS) this.offers.delete(this.offers.keys().next().value as string)
    this.offers.set(datasetId, offer)
  }
}

/**
 * Starts taking datasets on `node` (a coordinator).
 *
 * @example
 * await startDatasetService(node, { onManifest: (o) => intake.offer(o), onShard: (s) => intake.store(s) })
 */
export async function startDatasetService (node: Libp2p, options: DatasetServiceOptions): Promise<DatasetService> {
  return await started(new DatasetService(node, options))
}

/** What {@link publishDataset} sends. */
export interface PublishDatasetParams {
  manifest: DatasetManifest
  /** The shards' bytes, in upload order: the manifest's shards, then its held-out shards (manifestEntries). */
  shards: Array<Uint8Array | { bytes: Uint8Array }>
  /** Holds the contributor's Ethereum key; signs the binding. */
  signer: BindingSigner
}

/** Progress of a publication: `sent` of the `needed` shards uploaded so far. */
export interface PublishProgress {
  datasetId: Hex
  index: number
  sent: number
  needed: number
  bytes: number
}

/** What {@link publishDataset} did. */
export interface PublishDatasetResult {
  coordinator: PeerId
  datasetId: Hex
  /** Shards uploaded now. */
  sent: number
  /** Shards the coordinator already held. */
  skipped: number
  complete: boolean
}

/**
 * Publishes a dataset to `coordinator` (peer id or multiaddr): offers the
 * manifest with a signed binding of `signer.address` to this node's peer id,
 * then uploads each shard the coordinator reports missing. Throws
 * ProtocolError when refused; rerunning it resumes (held shards are skipped).
 *
 * @example
 * const { datasetId } = await publishDataset(node, addr, { manifest, shards, signer: account }, { onProgress: (p) => bar.update(p.sent, p.needed) })
 */
export async function publishDataset (node: Libp2p, coordinator: DialTarget, params: PublishDatasetParams, options: RequestOptions & { onProgress?: (p: PublishProgress) => void } = {}): Promise<PublishDatasetResult> {
  const { manifest } = params
  const entries = manifestEntries(manifest).length
  if (params.shards.length !== entries) throw new InvalidInputError(`${params.shards.length} shards given for a manifest of ${entries}`)
  const connection = await node.dial(coordinator, { signal: AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(options.timeoutMs ?? TIMEOUTS.request)]) })
  const peer = connection.remotePeer
  const binding = await signJoinBinding({ signer: params.signer, workerPeerId: node.peerId, coordinatorPeerId: peer })
  const offered = (await sendRequest(node, peer, datasetProtocol, {
    offer: { manifest: manifestToWire(manifest), contributorAddress: binding.workerAddress, issuedAt: binding.issuedAt, nonce: binding.nonce, signature: binding.signature }
  }, { signal: options.signal, timeoutMs: options.timeoutMs ?? TIMEOUTS.request })).offered as cotrain.v1.DatasetOfferAccepted | null | undefined
  const datasetId = datasetIdOf(manifest, params.signer.address)
  if (offered == null || bytesToHex(offered.datasetId) !== datasetId) {
    throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, 'coordinator acknowledged a different dataset', { remote: true, protocol: DATASET_PROTOCOL })
  }
  const missing = [...new Set(offered.missing)]
  let complete = missing.length === 0
  let sent = 0
  for (const index of missing) {
    const shard = params.shards[index]
    if (shard === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `coordinator asked for shard ${index}, outside the manifest`, { remote: true, protocol: DATASET_PROTOCOL })
    const data = shard instanceof Uint8Array ? shard : shard.bytes
    const stored = (await sendRequest(node, peer, datasetProtocol, { shard: { datasetId: hexToBytes(datasetId), index, data } }, options)).stored as cotrain.v1.DatasetShardStored | null | undefined
    if (stored == null || stored.index !== index) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, `coordinator did not confirm shard ${index}`, { remote: true, protocol: DATASET_PROTOCOL })
    complete = stored.complete
    sent++
    options.onProgress?.({ datasetId, index, sent, needed: missing.length, bytes: data.byteLength })
  }
  return { coordinator: peer, datasetId, sent, skipped: entries - missing.length, complete }
}

/** One listed dataset, decoded. */
export interface ListedDataset {
  datasetId: Hex
  manifest: DatasetManifest
  contributor: Address
  receivedAt: number
  complete: boolean
  /** Shards the coordinator held before the dataset was offered (hex content ids). */
  knownShardIds: string[]
}

/**
 * One page of the datasets `coordinator` holds (a validator's call); fetch
 * shards by id over /cotrain/content/1.0.0 from the same coordinator.
 *
 * @example
 * const { datasets, total } = await listDatasets(node, coordinator, { start: 0 })
 */
export async function listDatasets (node: Libp2p, coordinator: DialTarget, req: { start?: number, limit?: number } = {}, options: RequestOptions = {}): Promise<{ datasets: ListedDataset[], total: number }> {
  const reply = await sendRequest(node, coordinator, datasetProtocol, { list: { start: req.start ?? 0, limit: req.limit ?? 0 } }, { timeoutMs: TIMEOUTS.request, ...options })
  if (reply.list == null) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, 'reply to a list request is not a list', { remote: true, protocol: DATASET_PROTOCOL })
  const list = reply.list as cotrain.v1.DatasetList
  return {
    total: list.total,
    datasets: (list.datasets as cotrain.v1.DatasetSummary[]).map((d) => ({
      datasetId: bytesToHex(d.datasetId),
      manifest: manifestFromWire(d.manifest as cotrain.v1.DatasetManifest),
      contributor: getAddress(bytesToHex(d.contributorAddress)),
      receivedAt: d.receivedAt,
      complete: d.complete,
      knownShardIds: d.knownShardIds.map((id) => toContentId(id))
    }))
  }
}

/** The wire form of a dataset summary, for a service's `onList`. */
export function datasetSummaryToWire (d: ListedDataset): DatasetSummary {
  return {
    datasetId: hexToBytes(d.datasetId),
    manifest: manifestToWire(d.manifest),
    contributorAddress: hexToBytes(d.contributor),
    receivedAt: d.receivedAt,
    complete: d.complete,
    knownShardIds: d.knownShardIds.map((id) => contentIdBytes(id))
  }
}
