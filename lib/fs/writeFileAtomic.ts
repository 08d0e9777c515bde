/**
 * The one way cotrain replaces a file: write a temporary file beside it,
 * fsync it, rename it over the target, fsync the folder. A crash (or power
 * loss) at any point leaves the old file or the new one, never a torn one,
 * and once the call returns the new content survives a power loss. Temporary
 * files end in `.tmp`; a folder's owner may delete leftovers on open.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { link, open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname } from 'node:path'

/** What {@link writeFileAtomic} takes. */
export interface WriteFileAtomicOptions {
  /** File mode of a new file (default 0o644; keys and outbox entries pass 0o600). */
  mode?: number
  /**
   * false skips the fsyncs: still atomic against a process crash, not against
   * a power cut. Only for hot paths that sync in a batch later (checkpoints,
   * see DirCheckpointStore.flush); an fsync costs about 20 ms here.
   */
  durable?: boolean
  /**
   * Create-once: fail with EEXIST where `path` already exists instead of
   * replacing it (the temporary file is linked, not renamed, into place), for
   * files nobody may overwrite, like keys. The file still appears whole or not
   * at all.
   */
  exclusive?: boolean
  /**
   * How the folder is fsynced after the rename (default syncDir): a writer
   * that renames many files into one folder at once passes a shared one
   * (SharedFolderSync), as durable but with one fsync for many files.
   */
  syncFolder?: (dir: string) => Promise<void>
  /**
   * Fault injection for tests: called after the data is written and synced,
   * before the rename. Throwing (or killing the process) here is a crash
   * mid-write.
   */
  beforeRename?: (tmpPath: string) => void
}

/**
 * Writes `data` to `path` atomically and durably.
 *
 * @example
 * await writeFileAtomic(join(dir, 'state.json'), JSON.stringify(state))
 */
export async function writeFileAtomic (path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const tmp = tempPathFor(path)
  try {
    const fh = await open(tmp, 'wx', options.mode ?? 0o644)
    try {
      await fh.writeFile(data)
      if (options.durable !== false) await fh.sync()
    } finally {
      await fh.close()
    }
    options.beforeRename?.(tmp)
    if (options.exclusive === true) await link(tmp, path)
    else await rename(tmp, path)
  } finally {
    // After a rename the temporary name is gone; after a link (or a failure) it is removed here.
    await rm(tmp, { force: true })
  }
  if (options.durable !== false) await (options.syncFolder ?? syncDir)(dirname(path))
}

/** {@link writeFileAtomic} for callers that cannot await (state saved from a synchronous path). */
export function writeFileAtomicSync (path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): void {
  const tmp = tempPathFor(path)
  try {
    const fd = openSync(tmp, 'wx', options.mode ?? 0o644)
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data
      let off = 0
      while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off)
      if (options.durable !== false) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    options.beforeRename?.(tmp)
    if (options.exclusive === true) linkSync(tmp, path)
    else renameSync(tmp, path)
  } finally {
    rmSync(tmp, { force: true })
  }
  if (options.durable !== false) syncDirSync(dirname(path))
}

function tempPathFor (path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

// Some file systems and platforms cannot fsync a folder; the rename is still atomic there.
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES'])

/** fsyncs a folder, so renames into it survive a power cut (a no-op where the platform cannot). */
export async function syncDir (dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r')
    try { await fh.sync() } finally { await fh.close() }
  } catch (err) {
    if (!DIR_SYNC_UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err
  }
}

function syncDirSync (dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try { fsyncSync(fd) } finally { closeSync(fd) }
  } catch (err) {
    if (!DIR_SYNC_UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err
  }
}
