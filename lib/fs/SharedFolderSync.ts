import { syncDir } from './writeFileAtomic.ts'

/**
 * fsyncs of one folder, shared by the writers that need one at about the same
 * time: many files renamed into the folder at once (the submissions of one
 * group commit) cost about two folder fsyncs, not one each. Each `sync()`
 * resolves only after an fsync that started after the call, so it covers
 * every rename the caller made before calling: as durable as an fsync of its
 * own. A call made while an fsync runs waits for that one and then shares
 * the next with every call that arrived meanwhile.
 *
 * @example
 * const folder = new SharedFolderSync(dir)
 * await writeFileAtomic(join(dir, name), bytes, { syncFolder: folder.sync })
 */
export class SharedFolderSync {
  readonly dir: string
  private readonly syncOnce: (dir: string) => Promise<void>
  /** The fsync in progress. */
  private running: Promise<void> | undefined
  /** The fsync after it, which the calls made while `running` runs share. */
  private next: Promise<void> | undefined

  /** `syncOnce` is the fsync itself (syncDir; a test passes one it can hold). */
  constructor (dir: string, syncOnce: (dir: string) => Promise<void> = syncDir) {
    this.dir = dir
    this.syncOnce = syncOnce
  }

  /** Resolves once the folder was fsynced after this call (rejects with that fsync's error). Bound, so it can be passed as a callback. */
  readonly sync = async (): Promise<void> => {
    if (this.running === undefined) return await this.start()
    // The running fsync may have begun before this caller's rename: it must not count.
    this.next ??= this.running.then(noop, noop).then(async () => {
      this.next = undefined
      return await this.start()
    })
    return await this.next
  }

  private async start (): Promise<void> {
    const run = this.syncOnce(this.dir).finally(() => {
      if (this.running === run) this.running = undefined
    })
    this.running = run
    return await run
  }
}

function noop (): void {}
