import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { WorkerCapabilities, WorkerRecord, WorkerStatus } from '../store/records.ts'
import { NotFoundError } from '../errors.ts'
import { LiveSet } from './LiveSet.ts'

/** How often liveness is written to the database by default. */
export const DEFAULT_LIVENESS_FLUSH_MS = 5000

/**
 * The workers the coordinator knows, held in memory over the store's
 * `workers` table. Joins, status and speed changes are written through at
 * once (they are rare and must survive a restart); "last seen" changes on
 * every assign poll, so it is kept in memory and written for all workers in
 * one transaction every few seconds (`flush`), with the listen addresses
 * identify reported since. A durable write per poll was
 * the coordinator's largest cost with 300 idle workers (24 % of the event
 * loop); a crash loses at most one flush interval of liveness, which only
 * makes a worker look idle a few seconds longer.
 *
 * The counts the gauges and the round loop ask for on every tick (active
 * workers, live workers) are kept as workers join, poll and change status,
 * not counted by a pass over all workers: live ones sit in a `LiveSet`
 * ordered by last-seen, so a tick only looks at the workers that expired.
 *
 * @example
 * const workers = new WorkerRegistry(store)
 * workers.touch(peerId, Date.now())
 * workers.live(Date.now() - 60_000)
 */
export class WorkerRegistry {
  private readonly store: CoordinatorStore
  private readonly byPeer = new Map<string, WorkerRecord>()
  private readonly dirty = new Map<string, number>()
  /** Workers whose listen addresses changed since the last flush. */
  private readonly dirtyAddrs = new Set<string>()
  private sorted: WorkerRecord[] | undefined
  /** Active workers not yet expired by `liveCount`. */
  private readonly live = new LiveSet()
  private active = 0

  constructor (store: CoordinatorStore) {
    this.store = store
    for (const w of store.listWorkers()) this.put(w)
  }

  /**
   * Adds or refreshes a worker; resolves once the row is durable (joins
   * arriving together share one commit, CoordinatorStore.durableWrite).
   */
  async upsert (input: { peerId: string, address: string, capabilities: WorkerCapabilities, samplesPerSec: number, at: number }): Promise<WorkerRecord> {
    const w = await this.store.durableWrite(() => this.store.upsertWorker(input))
    // A poll may have touched it while the row waited for its commit.
    const seen = this.byPeer.get(w.peerId)?.lastSeen ?? 0
    if (seen > w.lastSeen) w.lastSeen = seen
    else this.dirty.delete(w.peerId)
    this.put(w)
    return w
  }

  get (peerId: string): WorkerRecord | undefined {
    return this.byPeer.get(peerId)
  }

  require (peerId: string): WorkerRecord {
    const w = this.byPeer.get(peerId)
    if (w == null) throw new NotFoundError(`unknown worker ${peerId}`, { hint: 'the worker must join first' })
    return w
  }

  /** Records that a worker was heard from; written at the next flush. */
  touch (peerId: string, at: number): void {
    const w = this.require(peerId)
    if (at <= w.lastSeen) return
    w.lastSeen = at
    this.dirty.set(peerId, at)
    if (w.status === 'active') this.live.update(peerId, at)
  }

  setStatus (peerId: string, status: WorkerStatus): void {
    this.store.setWorkerStatus(peerId, status)
    const w = this.byPeer.get(peerId)
    if (w == null || w.status === status) return
    this.count(w, -1)
    w.status = status
    this.count(w, 1)
  }

  /**
   * Replaces the worker's recorded listen addresses (identify reported them
   * after the join stored none, e.g. after a coordinator restart), so they
   * survive the next restart too. Unknown workers are ignored.
   */
  setAddrs (peerId: string, addrs: string[]): void {
    const w = this.byPeer.get(peerId)
    if (w == null) return
    w.capabilities = { ...w.capabilities, addrs }
    // Written at the next flush, with liveness: identify usually reports just
    // after the join stored the connection's addresses, and a durable write of
    // its own cost every join a commit of its own (4 ms each on the event loop
    // at 200 joins). A crash before the flush loses nothing identify does not
    // report again when the worker reconnects.
    this.dirtyAddrs.add(peerId)
  }

  /** Active workers. */
  get activeCount (): number {
    return this.active
  }

  /**
   * Active workers seen at or after `seenSince`: kept as workers poll, so
   * a call costs the workers that expired since the last one, not a pass
   * over all. A threshold earlier than the last one asked (the clock went
   * back) is answered by a scan.
   */
  liveCount (seenSince: number): number {
    if (seenSince < this.live.expiredBefore) return this.list({ status: 'active', seenSince }).length
    this.live.expire(seenSince)
    return this.live.size
  }

  setSpeed (peerId: string, samplesPerSec: number): void {
    this.store.setWorkerSpeed(peerId, samplesPerSec)
    const w = this.byPeer.get(peerId)
    if (w != null) w.samplesPerSec = samplesPerSec
  }

  /** Workers ordered by peer id, optionally only those with `status` and seen at or after `seenSince`. */
  list (filter: { status?: WorkerStatus, seenSince?: number } = {}): WorkerRecord[] {
    this.sorted ??= [...this.byPeer.values()].sort((a, b) => a.peerId < b.peerId ? -1 : a.peerId > b.peerId ? 1 : 0)
    if (filter.status === undefined && filter.seenSince === undefined) return [...this.sorted]
    return this.sorted.filter(w => (filter.status === undefined || w.status === filter.status) && (filter.seenSince === undefined || w.lastSeen >= filter.seenSince))
  }

  /** How many workers are known. */
  get size (): number {
    return this.byPeer.size
  }

  /** Last-seen times and address lists not yet written. */
  get pendingWrites (): number {
    return this.dirty.size + this.dirtyAddrs.size
  }

  /** Writes every changed last-seen time and address list in one transaction. */
  flush (): void {
    if (this.dirty.size === 0 && this.dirtyAddrs.size === 0) return
    const batch = [...this.dirty]
    const addrs = [...this.dirtyAddrs]
    this.dirty.clear()
    this.dirtyAddrs.clear()
    try {
      this.store.transaction(() => {
        this.store.touchWorkers(batch)
        for (const peerId of addrs) {
          const w = this.byPeer.get(peerId)
          if (w != null) this.store.setWorkerCapabilities(peerId, w.capabilities)
        }
      })
    } catch (err) {
      for (const [peer, at] of batch) if (!this.dirty.has(peer)) this.dirty.set(peer, at)
      for (const peer of addrs) this.dirtyAddrs.add(peer)
      throw err
    }
  }

  /** Keeps the sorted list in step (binary search, one splice) instead of sorting all workers again after each join. */
  private put (w: WorkerRecord): void {
    const old = this.byPeer.get(w.peerId)
    const known = old !== undefined
    if (old !== undefined) this.count(old, -1)
    this.byPeer.set(w.peerId, w)
    this.count(w, 1)
    if (this.sorted === undefined) return
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.sorted[mid].peerId < w.peerId) lo = mid + 1
      else hi = mid
    }
    this.sorted.splice(lo, known ? 1 : 0, w)
  }

  /** Adds (`sign` 1) or takes away (-1) `w` from the active count and the live set. */
  private count (w: WorkerRecord, sign: 1 | -1): void {
    if (w.status !== 'active') return
    this.active += sign
    if (sign === 1) this.live.update(w.peerId, w.lastSeen)
    else this.live.remove(w.peerId)
  }
}
