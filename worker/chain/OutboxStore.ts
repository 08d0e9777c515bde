import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CotrainError } from '../../lib/errors.ts'
import { writeFileAtomic } from '../../lib/fs/writeFileAtomic.ts'

/** The outbox folder cannot be used: locked by a live process, unreadable, or holding a corrupt entry. */
export class OutboxStoreError extends CotrainError {
  override name = 'OutboxStoreError'
}

const LOCK = 'outbox.lock'

/**
 * One JSON file per entry in a folder, each written atomically (temp file,
 * fsync, rename, fsync of the folder), so a crash leaves either the old or
 * the new version of an entry, never half of one. A lock file with the
 * owner's pid keeps two live processes from driving the same outbox (a
 * stale lock from a crashed process is taken over). Bigints survive the
 * round trip as `{ "$bigint": "123" }`.
 */
export class OutboxStore<T extends { id: string }> {
  readonly dir: string
  private locked = false

  constructor (dir: string) {
    this.dir = dir
  }

  /** Creates the folder, takes the lock, and returns every entry, oldest id first. */
  async open (): Promise<T[]> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await this.lock()
    const names = (await readdir(this.dir)).sort()
    const out: T[] = []
    for (const name of names) {
      // Leftovers of a write cut short by a crash: the rename never happened, the old file is intact.
      if (name.endsWith('.tmp')) { await rm(join(this.dir, name), { force: true }); continue }
      if (!name.endsWith('.json')) continue
      const text = await readFile(join(this.dir, name), 'utf8')
      try {
        out.push(JSON.parse(text, revive) as T)
      } catch {
        throw new OutboxStoreError(`outbox entry ${join(this.dir, name)} is not valid JSON`, { hint: 'move the file out of the outbox folder to continue; nothing else was touched' })
      }
    }
    return out
  }

  /** Writes (or replaces) one entry durably. */
  async put (entry: T): Promise<void> {
    const path = join(this.dir, `${entry.id}.json`)
    await writeFileAtomic(path, JSON.stringify(entry, replace, 2) + '\n', { mode: 0o600 })
  }

  /** Releases the lock (entries stay). */
  async close (): Promise<void> {
    if (!this.locked) return
    this.locked = false
    await rm(join(this.dir, LOCK), { force: true })
  }

  private async lock (): Promise<void> {
    if (this.locked) return
    const path = join(this.dir, LOCK)
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
        this.locked = true
        return
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new OutboxStoreError(`outbox ${this.dir} is in use by process ${pid}`, { hint: 'stop the other worker, or give this one its own --data-dir' })
      }
      await rm(path, { force: true }) // stale: its owner is gone
    }
    throw new OutboxStoreError(`could not lock outbox ${this.dir}`, { hint: 'another process keeps taking the lock' })
  }

}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function replace (_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? { $bigint: value.toString() } : value
}

function revive (_key: string, value: unknown): unknown {
  if (value != null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$bigint') return BigInt((value as { $bigint: string }).$bigint)
  }
  return value
}
