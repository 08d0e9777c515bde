/**
 * Recently served files, held in memory. A coordinator serves the same
 * global model and shards to every worker of a round; read from the file
 * for each of them, every 512 KiB chunk came into freshly allocated memory,
 * and serving from a file cost the sending process 1.4x-3x the CPU per MB
 * of serving the same bytes from memory (npm run bench:transfer -- --source
 * file). Files are read whole once, on first request, and then served as
 * views. Bounded in total, least recently used out first; a file larger
 * than maxObjectBytes is never held, and is streamed from disk as before.
 *
 * Entries are keyed by content id, not path: the bytes of an id never
 * change (the client checks them against it), so a hit touches no file, not
 * even its metadata. A stat per request was a thread-pool round trip for
 * every transfer of a thousand workers' round. Whether the object is still
 * to be served (a blob deleted since) is the provider's to say.
 */
import { open } from 'node:fs/promises'

const MiB = 1024 * 1024
/** First requests remembered: more than a round's shards at the largest fleets measured. */
const SEEN_ONCE_MAX = 8192

export interface FileContentCacheOptions {
  /** Bytes held at most (default 128 MiB). */
  maxBytes?: number
  /** Larger files are not held (default 64 MiB, the largest dataset shard). */
  maxObjectBytes?: number
}

interface Entry {
  size: number
  bytes: Promise<Uint8Array>
}

/**
 * @example
 * const cache = new FileContentCache({ maxBytes: 256 * 2 ** 20 })
 * const bytes = await cache.get(contentId, '/var/lib/cotrain/blobs/ab/ab12...') // undefined: too large to hold
 */
export class FileContentCache {
  readonly maxBytes: number
  readonly maxObjectBytes: number
  /** In Map order, least recently used first. */
  private readonly entries = new Map<string, Entry>()
  /** Ids asked for once and not held, oldest first (at most SEEN_ONCE_MAX). */
  private readonly seenOnce = new Set<string>()
  private held = 0
  hits = 0
  misses = 0
  /** First requests, left to the caller to stream. */
  passes = 0

  constructor (options: FileContentCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 128 * MiB
    this.maxObjectBytes = Math.min(options.maxObjectBytes ?? 64 * MiB, this.maxBytes)
  }

  /** Bytes held (or being read). */
  get heldBytes (): number {
    return this.held
  }

  /**
   * The bytes of content `contentId`, from memory, or read now from `path`
   * (the file that holds them) on its second request; undefined on its
   * first and when the file is too large to hold, for the caller to stream
   * from the file. Rejects as readFile would.
   */
  async get (contentId: string, path: string): Promise<Uint8Array | undefined> {
    const hit = this.entries.get(contentId)
    if (hit !== undefined) {
      this.entries.delete(contentId)
      this.entries.set(contentId, hit)
      this.hits++
      return await hit.bytes
    }
    if (!this.seenOnce.has(contentId)) {
      this.seenOnce.add(contentId)
      if (this.seenOnce.size > SEEN_ONCE_MAX) this.seenOnce.delete(this.seenOnce.values().next().value!)
      this.passes++
      return undefined
    }
    // One open for the size check and the read (stat, then readFile, opened it twice).
    const file = await open(path, 'r')
    let size: number
    try {
      size = (await file.stat()).size
    } catch (err) {
      await file.close()
      throw err
    }
    // Another request may have started the read while this one waited.
    const raced = this.entries.get(contentId)
    if (size > this.maxObjectBytes || raced !== undefined) {
      await file.close()
      if (raced === undefined) return undefined
      this.hits++
      return await raced.bytes
    }
    this.misses++
    this.seenOnce.delete(contentId)
    // Concurrent requests for the same object share this one read.
    const entry: Entry = {
      size,
      bytes: file.readFile().then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)).finally(async () => { await file.close() })
    }
    this.entries.set(contentId, entry)
    this.held += size
    entry.bytes.catch(() => { if (this.entries.get(contentId) === entry) this.drop(contentId) })
    for (const [oldest] of this.entries) {
      if (this.held <= this.maxBytes || oldest === contentId) break
      this.drop(oldest)
    }
    return await entry.bytes
  }

  private drop (contentId: string): void {
    const entry = this.entries.get(contentId)
    if (entry === undefined) return
    this.entries.delete(contentId)
    this.held -= entry.size
  }
}
