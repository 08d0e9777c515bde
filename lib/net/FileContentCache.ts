/**
 * Recently served files, held in memory. A coordinator serves the same
 * global model and shards to every worker of a round; read from the file
 * for each of them, every 512 KiB chunk came into freshly allocated memory,
 * and serving from a file cost the sending process 1.4x-3x the CPU per MB
 * of serving the same bytes from memory (npm run bench:transfer -- --source
 * file). Files are read whole once, on first request, and then served as
 * views. Bounded in total, least recently used out first; a file larger
 * than maxObjectBytes is never held, and is streamed from disk as before.
 * A file whose size or mtime changed is read again.
 */
import { readFile, stat } from 'node:fs/promises'

const MiB = 1024 * 1024

export interface FileContentCacheOptions {
  /** Bytes held at most (default 128 MiB). */
  maxBytes?: number
  /** Larger files are not held (default 64 MiB, the largest dataset shard). */
  maxObjectBytes?: number
}

interface Entry {
  size: number
  mtimeMs: number
  bytes: Promise<Uint8Array>
}

/**
 * @example
 * const cache = new FileContentCache({ maxBytes: 256 * 2 ** 20 })
 * const bytes = await cache.get('/var/lib/cotrain/blobs/ab/ab12...') // undefined: too large to hold
 */
export class FileContentCache {
  readonly maxBytes: number
  readonly maxObjectBytes: number
  /** In Map order, least recently used first. */
  private readonly entries = new Map<string, Entry>()
  private held = 0
  hits = 0
  misses = 0

  constructor (options: FileContentCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 128 * MiB
    this.maxObjectBytes = Math.min(options.maxObjectBytes ?? 64 * MiB, this.maxBytes)
  }

  /** Bytes held (or being read). */
  get heldBytes (): number {
    return this.held
  }

  /** The file's bytes, from memory or read now; undefined when it is too large to hold. Rejects as readFile would. */
  async get (path: string): Promise<Uint8Array | undefined> {
    const { size, mtimeMs } = await stat(path)
    if (size > this.maxObjectBytes) return undefined
    const hit = this.entries.get(path)
    if (hit !== undefined && hit.size === size && hit.mtimeMs === mtimeMs) {
      this.entries.delete(path)
      this.entries.set(path, hit)
      this.hits++
      return await hit.bytes
    }
    if (hit !== undefined) this.drop(path)
    this.misses++
    // Concurrent requests for the same file share this one read.
    const entry: Entry = {
      size,
      mtimeMs,
      bytes: readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
    }
    this.entries.set(path, entry)
    this.held += size
    entry.bytes.catch(() => { if (this.entries.get(path) === entry) this.drop(path) })
    for (const [oldest] of this.entries) {
      if (this.held <= this.maxBytes || oldest === path) break
      this.drop(oldest)
    }
    return await entry.bytes
  }

  private drop (path: string): void {
    const entry = this.entries.get(path)
    if (entry === undefined) return
    this.entries.delete(path)
    this.held -= entry.size
  }
}
