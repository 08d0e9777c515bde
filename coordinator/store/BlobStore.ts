import { existsSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { SharedFolderSync } from '../../lib/fs/SharedFolderSync.ts'
import { syncDir, writeFileAtomic } from '../../lib/fs/writeFileAtomic.ts'
import { HashMismatchError } from '../../lib/errors.ts'
import { contentIdHexBody, contentIdOf, toContentId, type ContentId } from '../../lib/hash/contentId.ts'
import { bytesToFloat32, float32View } from '../../lib/hash/float32Bytes.ts'
import { NotFoundError } from '../errors.ts'

/** Where a blob lives: its content id, its path relative to the blob folder, its size. */
export interface BlobInfo {
  id: ContentId
  path: string
  size: number
}

/**
 * A blob written durably under a name no reader looks for, until `publish`
 * moves it under its id: for a blob that only exists together with a
 * database row (a submission's delta), written before the row is committed.
 */
export interface PendingBlob extends BlobInfo {
  /** Moves it under its id (atomic; durable without a sync, since what a crash leaves is finished on open, see listPending). */
  publish: () => Promise<void>
  /** Removes it (its row was not written). */
  discard: () => Promise<void>
}

/** A pending blob's file: `pending/<hex>.<random>.pending` (`<fan>/<hex>.<random>.pending` before pending blobs had their own folder). */
const PENDING = /^([0-9a-f]{64})\.[0-9a-f]+\.pending$/
/** The folder of pending blobs: one folder, so the submissions of one group commit share its fsyncs. */
const PENDING_DIR = 'pending'

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * Content-addressed files on disk: a blob's name is the sha256 of its bytes,
 * fanned out as `ab/abcdef...`. Writes are atomic and durable (temp file,
 * fsync, rename, fsync of the folder), so a crash leaves either the whole blob
 * or none; reads re-hash and refuse corrupted content.
 *
 * @example
 * const blobs = await BlobStore.open('/var/lib/cotrain/blobs')
 * const { id } = await blobs.putFloats(weights)
 * const again = await blobs.getFloats(id)
 */
export class BlobStore {
  readonly dir: string
  /** Folders this process created or found (or is creating): a mkdir per write cost more than the write (only this process writes here, and nothing removes a folder). */
  private readonly folders = new Map<string, Promise<void>>()
  private readonly pendingSync: SharedFolderSync

  private constructor (dir: string) {
    this.dir = dir
    this.pendingSync = new SharedFolderSync(join(dir, PENDING_DIR))
  }

  /**
   * Opens (creating) the folder. Readers open it too (coordinator status,
   * round, dashboard, beside a running coordinator), so opening changes
   * nothing there; the one writer clears what a crash left with
   * removeTempFiles.
   */
  static async open (dir: string): Promise<BlobStore> {
    const store = new BlobStore(dir)
    await mkdir(dir, { recursive: true })
    return store
  }

  /**
   * Removes the temporary files a crash mid-put left beside the blobs
   * (writeFileAtomic never leaves a torn blob). Only for the process that
   * writes here, at its start: another process's temporary files are its
   * writes in progress.
   */
  async removeTempFiles (): Promise<void> {
    await rm(join(this.dir, 'tmp'), { recursive: true, force: true }) // where older versions kept them
    for (const folder of await this.blobFolders()) {
      for (const name of await readdir(folder)) {
        if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true })
      }
    }
  }

  /** The fan-out folders and the pending folder, as they are on disk. */
  private async blobFolders (): Promise<string[]> {
    const names = (await readdir(this.dir)).filter(name => /^[0-9a-f]{2}$/.test(name) || name === PENDING_DIR)
    return names.map(name => join(this.dir, name))
  }

  /**
   * Creates a folder once per process (concurrent callers share the mkdir).
   * `durable`: its entry in the parent folder is fsynced too, for a folder
   * whose files are acknowledged as durable (a power cut must not lose the
   * folder with them); a fan-out folder a pending blob is published into
   * needs none (publishing is finished on open, see listPending).
   */
  private async folder (dir: string, durable: boolean): Promise<void> {
    // Kept apart by durability: a folder a publish made first has no fsynced entry, and a put() into it later still needs one.
    const key = durable ? dir : `${dir}\0unsynced`
    let made = this.folders.get(key)
    if (made === undefined) {
      made = (async () => {
        await mkdir(dir, { recursive: true })
        if (durable) await syncDir(dirname(dir))
      })()
      this.folders.set(key, made)
      made.catch(() => this.folders.delete(key)) // the next write tries again
    }
    await made
  }

  /** Path of a blob relative to the folder (what the database records). */
  relativePath (id: string): string {
    const name = fileName(id)
    return join(name.slice(0, 2), name)
  }

  /** Absolute path of a blob, e.g. to stream it to a peer. */
  pathOf (id: string): string {
    return join(this.dir, this.relativePath(id))
  }

  has (id: string): boolean {
    try {
      return existsSync(this.pathOf(id))
    } catch {
      return false
    }
  }

  /** Size in bytes of a stored blob (NotFoundError when absent). */
  sizeOf (id: string): number {
    try {
      return statSync(this.pathOf(id)).size
    } catch {
      throw new NotFoundError(`blob ${id} is not in ${this.dir}`, { hint: 'the blob folder must be kept together with the database' })
    }
  }

  /** Stores bytes under their sha256; storing the same bytes again is a no-op. */
  async put (bytes: Uint8Array): Promise<BlobInfo> {
    const id = contentIdOf(bytes)
    const path = this.relativePath(id)
    const finalPath = join(this.dir, path)
    const existing = await stat(finalPath).catch(() => undefined)
    if (existing?.size === bytes.byteLength) return { id, path, size: bytes.byteLength }

    await this.folder(dirname(finalPath), true)
    await writeFileAtomic(finalPath, bytes)
    return { id, path, size: bytes.byteLength }
  }

  /**
   * Writes bytes durably as a pending blob (see PendingBlob): not served or
   * read under its id until published. Each call has its own file, so two
   * submissions of the same bytes never share one. Durable when it resolves,
   * as with writeFileAtomic: the file is fsynced, renamed into the pending
   * folder and the folder fsynced after the rename; only that folder fsync
   * is shared with the pending writes made at the same moment.
   */
  async putPending (bytes: Uint8Array): Promise<PendingBlob> {
    const id = contentIdOf(bytes)
    const path = this.relativePath(id)
    const finalPath = join(this.dir, path)
    const pendingDir = this.pendingSync.dir
    const pendingPath = join(pendingDir, `${basename(path)}.${randomBytes(6).toString('hex')}.pending`)
    await this.folder(pendingDir, true)
    await writeFileAtomic(pendingPath, bytes, { syncFolder: this.pendingSync.sync })
    return {
      id,
      path,
      size: bytes.byteLength,
      publish: async () => {
        await this.folder(dirname(finalPath), false)
        await rename(pendingPath, finalPath)
      },
      discard: async () => { await rm(pendingPath, { force: true }) }
    }
  }

  /** Pending blobs a crash left behind (written, never published or discarded), for the store to publish or discard by its rows. */
  async listPending (): Promise<Array<{ id: ContentId, publish: () => Promise<void>, discard: () => Promise<void> }>> {
    const found: Array<{ id: ContentId, publish: () => Promise<void>, discard: () => Promise<void> }> = []
    for (const folder of await this.blobFolders()) {
      for (const name of await readdir(folder)) {
        const m = PENDING.exec(name)
        if (m == null) continue
        const file = join(folder, name)
        const id = toContentId(m[1])
        const publish = async (): Promise<void> => {
          await mkdir(dirname(this.pathOf(id)), { recursive: true })
          await rename(file, this.pathOf(id))
        }
        found.push({ id, publish, discard: async () => { await rm(file, { force: true }) } })
      }
    }
    return found
  }

  /** Stores a float32 vector by its content id (sha256 of its canonical bytes). */
  async putFloats (values: Float32Array): Promise<BlobInfo> {
    return await this.put(float32View(values))
  }

  /**
   * Reads a blob and checks its hash; NotFoundError or HashMismatchError
   * otherwise. `alloc` gives the memory it is read into (see ReadBuffer);
   * by default a fresh buffer.
   */
  async get (id: string, alloc: (size: number) => Uint8Array = (size) => Buffer.allocUnsafe(size)): Promise<Uint8Array> {
    let file
    try {
      file = await open(this.pathOf(id), 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`blob ${id} is not in ${this.dir}`, { hint: 'the blob folder must be kept together with the database' })
      throw err
    }
    let bytes: Uint8Array
    try {
      const { size } = await file.stat()
      bytes = alloc(size)
      let at = 0
      while (at < size) {
        const { bytesRead } = await file.read(bytes, at, size - at, at)
        if (bytesRead === 0) break
        at += bytesRead
      }
      // A blob is written once under its id: one that shrank while read is as wrong as one whose bytes changed.
      if (at < size) bytes = bytes.subarray(0, at)
    } finally {
      await file.close()
    }
    const actual = contentIdOf(bytes)
    if (actual !== toContentId(id)) throw new HashMismatchError(`blob ${this.pathOf(id)}`, id, actual)
    return bytes
  }

  /** Reads a float32 vector blob (hash checked). */
  async getFloats (id: string): Promise<Float32Array> {
    const bytes = await this.get(id)
    if (LITTLE_ENDIAN_HOST && bytes.byteOffset % 4 === 0 && bytes.byteLength % 4 === 0) {
      return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
    }
    return bytesToFloat32(bytes)
  }

  /** Removes a blob (no error if absent). */
  async delete (id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true })
  }
}

/** The bare hex file name of a blob; anything that is not a content id is not found. */
function fileName (id: string): string {
  try {
    return contentIdHexBody(id)
  } catch {
    throw new NotFoundError(`"${id.slice(0, 80)}" is not a content id (64 hex characters)`)
  }
}

