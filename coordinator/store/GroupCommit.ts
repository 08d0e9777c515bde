/** How long the first write of a group waits for others before the group commits, by default. */
export const DEFAULT_GROUP_WINDOW_MS = 4
/** A group commits at once when this many writes are waiting. */
export const DEFAULT_GROUP_MAX = 512

interface Queued {
  fn: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

/**
 * Group commit: writes that arrive within a few milliseconds of each other
 * run in one transaction, so they share one durable commit (one fsync of the
 * WAL at synchronous = FULL) instead of paying one each; each write's promise
 * resolves only after that commit, so whoever acknowledges on it (a join, a
 * submission) acknowledges durable state. Each write runs in its own
 * savepoint (the store's nested transaction), so one that throws is rolled
 * back alone and rejects its own promise; a commit that fails rejects the
 * whole group.
 *
 * @example
 * const group = new GroupCommit((fn) => store.transaction(fn))
 * const row = await group.write(() => store.upsertWorker(input)) // durable here
 */
export class GroupCommit {
  private readonly transaction: (fn: () => void) => void
  private readonly windowMs: number
  private readonly max: number
  private queue: Queued[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  /** `transaction` runs its argument in one transaction, nested calls in savepoints (CoordinatorStore.transaction). */
  constructor (transaction: (fn: () => void) => void, options: { windowMs?: number, max?: number } = {}) {
    this.transaction = transaction
    this.windowMs = options.windowMs ?? DEFAULT_GROUP_WINDOW_MS
    this.max = options.max ?? DEFAULT_GROUP_MAX
  }

  /** Runs `fn` (synchronous writes) in the next group; resolves with its result once the group is committed. */
  async write<T> (fn: () => T): Promise<T> {
    return await new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject })
      if (this.queue.length >= this.max) this.flush()
      // Not unref'd: a process must not exit with acknowledged-to-be writes still queued.
      else this.timer ??= setTimeout(() => { this.flush() }, this.windowMs)
    })
  }

  /** Writes waiting for the next commit. */
  get pending (): number {
    return this.queue.length
  }

  /** Commits what is queued now (the store calls it before closing). */
  flush (): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.queue
    if (batch.length === 0) return
    this.queue = []
    const outcomes: Array<{ ok: true, value: unknown } | { ok: false, error: unknown }> = []
    try {
      this.transaction(() => {
        for (const q of batch) {
          try {
            outcomes.push({ ok: true, value: this.transactionOf(q.fn) })
          } catch (error) {
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      for (const q of batch) q.reject(error)
      return
    }
    batch.forEach((q, i) => {
      const o = outcomes[i]
      if (o.ok) q.resolve(o.value)
      else q.reject(o.error)
    })
  }

  /** One write in its own savepoint: nested in the group's transaction, rolled back alone when it throws. */
  private transactionOf (fn: () => unknown): unknown {
    let value: unknown
    this.transaction(() => { value = fn() })
    return value
  }
}
