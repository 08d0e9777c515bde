import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { DialTarget, Libp2p } from '@libp2p/interface'
import { fetchContentToFile } from '../../lib/net/index.ts'
import { contentIdHexBody, contentIdOf, toContentId, type ContentId } from '../../lib/hash/contentId.ts'
import { HashMismatchError } from '../../lib/errors.ts'

/**
 * Models and shards by content id in `<data-dir>/content/<id>`. A file there
 * has been hash-checked (fetchContentToFile renames the `.partial` into place
 * only when sha256 matches), so a second round with the same shard fetches
 * nothing, and a transfer broken by a crash resumes from the `.partial`.
 */
export class ContentCache {
  readonly dir: string

  constructor (dataDir: string) {
    this.dir = path.join(dataDir, 'content')
  }

  pathOf (id: ContentId): string {
    return path.join(this.dir, contentIdHexBody(id))
  }

  has (id: ContentId): boolean {
    return existsSync(this.pathOf(id))
  }

  /** The object's bytes: from the cache, else fetched from `peer` (resumable, hash-checked). `fetched` is the bytes transferred (0 on a hit). */
  async get (node: Libp2p, peer: DialTarget, id: string | Uint8Array, options: { signal?: AbortSignal, onProgress?: (received: number, total: number) => void } = {}): Promise<{ bytes: Uint8Array, fetched: number }> {
    const cid = toContentId(id)
    const file = this.pathOf(cid)
    let fetched = 0
    if (!existsSync(file)) {
      await mkdir(this.dir, { recursive: true })
      const r = await fetchContentToFile(node, peer, cid, file, { signal: options.signal, onProgress: options.onProgress })
      fetched = r.size
    }
    const b = await readFile(file)
    const bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    // Re-check: the cache folder is the operator's disk, not ours alone.
    if (fetched === 0 && contentIdOf(bytes) !== cid) throw new HashMismatchError(`cached content ${file}`, cid, contentIdOf(bytes))
    return { bytes, fetched }
  }
}
