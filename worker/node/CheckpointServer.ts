import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Libp2p } from '@libp2p/interface'
import {
  ErrorCode, ProtocolError, startCheckpointService, startContentService,
  type CheckpointReply, type CheckpointService, type ContentService, type ContentId, type ContentSource
} from '../../lib/net/index.ts'
import { checkpointOpening, checkpointOpeningOnly } from '../../lib/validation/checkpointOpening.ts'
import { decodeLeaf, leafHash } from '../../lib/proof/leaf.ts'
import { merkleProof, merkleRoot } from '../../lib/proof/merkle.ts'
import { encodeServedCheckpoint } from '../../lib/proof/servedCheckpoint.ts'
import { DirCheckpointStore, roundCheckpointDir, type CheckpointManifest } from '../../lib/training/CheckpointStore.ts'

interface LoadedRound {
  store: DirCheckpointStore
  leafHashes: `0x${string}`[]
  proofRoot: string
}

/**
 * Answers /cotrain/checkpoint for the rounds this worker submitted, from the
 * checkpoint folders on disk (`<root>/round-<r>`), with Merkle proofs against
 * the committed root. Checkpoints over the inline limit are served by content
 * id over /cotrain/content from the same node. Only rounds marked servable
 * (submitted) are answered: a half-trained round is nobody's business.
 */
export class CheckpointServer {
  readonly root: string
  private readonly node: Libp2p
  private readonly servable = new Set<number>()
  private readonly loaded = new Map<number, LoadedRound>()
  /**
   * Where each opened checkpoint lives, by content id (a few dozen bytes per
   * checkpoint, dropped with its round): the bytes are read from disk for
   * every transfer, so any number of verifiers fetching at once all get them
   * for as long as the round is kept. (A 16-entry in-memory FIFO evicted
   * them under 3 concurrent verifiers, who then reported an honest worker.)
   */
  private readonly opened = new Map<ContentId, { round: number, index: number }>()
  private checkpointService: CheckpointService | undefined
  private contentService: ContentService | undefined
  private readonly onServed: (round: number, index: number) => void
  private readonly alsoServe: (id: ContentId) => ContentSource | undefined
  private readonly onContentServed: (bytes: number) => void

  /**
   * `alsoServe`: other objects the node's one content service hands out (a
   * libp2p node has one handler per protocol), i.e. the round's model and
   * shards this worker holds, for swarm distribution.
   */
  constructor (node: Libp2p, root: string, options: { onServed?: (round: number, index: number) => void, alsoServe?: (id: ContentId) => ContentSource | undefined, onContentServed?: (bytes: number) => void } = {}) {
    this.node = node
    this.root = root
    this.onServed = options.onServed ?? (() => {})
    this.alsoServe = options.alsoServe ?? (() => undefined)
    this.onContentServed = options.onContentServed ?? (() => {})
  }

  async start (): Promise<void> {
    this.contentService = await startContentService(this.node, { provider: async (id) => await this.openedBlob(id) ?? this.alsoServe(id) })
    this.contentService.on('content:served', ({ bytes }) => { this.onContentServed(bytes) })
    this.checkpointService = await startCheckpointService(this.node, { onCheckpointRequest: async (req) => await this.reply(req.round, req.index, { openingOnly: req.openingOnly }) })
  }

  async stop (): Promise<void> {
    await this.checkpointService?.stop()
    await this.contentService?.stop()
  }

  /** Starts answering for `round` (after its submission). */
  serve (round: number): void {
    this.servable.add(round)
  }

  /** Stops answering for `round` and deletes its checkpoints. */
  async drop (round: number): Promise<void> {
    this.servable.delete(round)
    this.loaded.delete(round)
    for (const [id, at] of this.opened) if (at.round === round) this.opened.delete(id)
    await rm(roundCheckpointDir(this.root, round), { recursive: true, force: true })
  }

  /** The rounds with a checkpoint folder on disk. */
  roundsOnDisk (names: string[]): number[] {
    return names.map((n) => /^round-(\d+)$/.exec(n)?.[1]).filter((x): x is string => x !== undefined).map(Number)
  }

  /**
   * The reply for checkpoint `index` of `round`: leaf fields, Merkle proof,
   * the bytes inline or by content id; with `openingOnly` never the bytes
   * (and no blob built), though they stay fetchable by content id.
   */
  async reply (round: number, index: number, options: { openingOnly?: boolean } = {}): Promise<CheckpointReply> {
    if (!this.servable.has(round)) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no submitted round ${round} here`)
    const r = await this.load(round)
    if (index >= r.leafHashes.length) throw new ProtocolError(ErrorCode.ERROR_CODE_OUT_OF_RANGE, `round ${round} has checkpoints 0..${r.leafHashes.length - 1}`)
    const files = { ...await r.store.read(index), proof: merkleProof(r.leafHashes, index) }
    const { reply, contentId } = options.openingOnly === true ? checkpointOpeningOnly(files) : checkpointOpening(files)
    if (reply.checkpoint?.byteLength === 0) this.opened.set(contentId, { round, index })
    this.onServed(round, index)
    return reply
  }

  /** The served bytes of an opened checkpoint, read again from disk (undefined once its round is dropped). */
  private async openedBlob (id: ContentId): Promise<Uint8Array | undefined> {
    const at = this.opened.get(id)
    if (at === undefined || !this.servable.has(at.round)) return undefined
    const r = await this.load(at.round)
    return encodeServedCheckpoint(await r.store.read(at.index))
  }

  /** The proof root of a round's checkpoints on disk (what the worker committed). */
  async proofRoot (round: number): Promise<string> {
    return (await this.load(round)).proofRoot
  }

  private async load (round: number): Promise<LoadedRound> {
    const have = this.loaded.get(round)
    if (have !== undefined) return have
    const dir = roundCheckpointDir(this.root, round)
    const manifestFile = path.join(dir, 'manifest.json')
    if (!existsSync(manifestFile)) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no checkpoints of round ${round} here`)
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as CheckpointManifest
    const store = new DirCheckpointStore(dir)
    const leafHashes: `0x${string}`[] = []
    for (let j = 0; j < manifest.checkpointCount; j++) leafHashes.push(leafHash(decodeLeaf(await store.readLeaf(j))))
    const loaded = { store, leafHashes, proofRoot: merkleRoot(leafHashes) }
    this.loaded.set(round, loaded)
    return loaded
  }
}
