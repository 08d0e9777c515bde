import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { DialTarget, Libp2p } from '@libp2p/interface'
import { fetchFromSwarmToFile, type ProviderRef, type SwarmFetchOptions } from '../../lib/net/index.ts'
import { contentIdHexBody, contentIdOf, toContentId, type ContentId } from '../../lib/hash/contentId.ts'
import { HashMismatchError } from '../../lib/errors.ts'

/** Objects served to other workers at once, at most (the round's model and shards; older ones stop being served). */
const MAX_SERVED = 64

/**
 * Models and shards by content id in `<data-dir>/content/<id>`. A file there
 * has been hash-checked (fetchContentToFile renames the `.partial` into place
 * only when sha256 matches), so a second round with the same shard fetches
 * nothing, and a transfer broken by a crash resumes from the `.partial`.
 * The objects marked `serve` are offered to other workers over the worker's
 * content service (swarm distribution).
 */
export class ContentCache {
  readonly dir: string
  /** Served ids, oldest first. */
  private readonly served = new Set<ContentId>()

  constructor (dataDir: string) {
    this.dir = path.join(dataDir, 'content')
  }

  pathOf (id: ContentId): string {
    return path.join(this.dir, contentIdHexBody(id))
  }

  has (id: ContentId): boolean {
    return existsSync(this.pathOf(id))
  }

  /**
   * The object's bytes: from the cache, else fetched from `providers` (other
   * workers the assignment named) and then `peer` (the coordinator),
   * resumable and hash-checked. `fetched` is the bytes transferred (0 on a
   * hit), `provider` the peer that served it when that was another worker.
   */
  async get (node: Libp2p, peer: DialTarget, id: string | Uint8Array, options: { signal?: AbortSignal, onProgress?: (received: number, total: number) => void, providers?: readonly ProviderRef[], size?: number, onProviderFailed?: SwarmFetchOptions['onProviderFailed'] } = {}): Promise<{ bytes: Uint8Array, fetched: number, provider?: string }> {
    const cid = toContentId(id)
    const file = this.pathOf(cid)
    let fetched = 0
    let provider: string | undefined
    if (!existsSync(file)) {
      await mkdir(this.dir, { recursive: true })
      const r = await fetchFromSwarmToFile(node, { contentId: cid, size: options.size, providers: options.providers ?? [], coordinator: peer }, file, { signal: options.signal, onProgress: options.onProgress, onProviderFailed: options.onProviderFailed })
      fetched = r.value.size
      provider = r.provider
    }
    const b = await readFile(file)
    const bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    // Re-check: the cache folder is the operator's disk, not ours alone.
    if (fetched === 0 && contentIdOf(bytes) !== cid) throw new HashMismatchError(`cached content ${file}`, cid, contentIdOf(bytes))
    return { bytes, fetched, provider }
  }

  /** Offers `id` (held, hash-checked) to other workers; the oldest of more than MAX_SERVED stops being offered. */
  serve (id: ContentId): void {
    this.served.delete(id)
    this.served.add(id)
    for (const old of this.served) {
      if (this.served.size <= MAX_SERVED) break
      this.served.delete(old)
    }
  }

  /** What the content service hands out for `id`: the file, only when offered and still on disk. */
  source (id: ContentId): { path: string } | undefined {
    return this.served.has(id) && this.has(id) ? { path: this.pathOf(id) } : undefined
  }
}
