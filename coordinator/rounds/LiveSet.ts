/**
 * The workers counted live, ordered by when they were last seen (a binary
 * min-heap indexed by peer id), so that finding those whose last-seen time
 * fell behind the liveness threshold costs O(expired · log N) instead of a
 * pass over every worker on each tick. A touch re-keys one entry (O(log N)).
 *
 * The threshold only moves forward (`expire`): a worker that expired comes
 * back only when it is seen (or set active) again, by `update`.
 *
 * @example
 * const live = new LiveSet()
 * live.update('peerA', now)
 * live.expire(now - 60_000) // peers seen before then leave
 * live.size
 */
export class LiveSet {
  private readonly ids: string[] = []
  private readonly seen: number[] = []
  private readonly index = new Map<string, number>()
  /** The latest threshold `expire` applied: nothing seen before it is a member. */
  private threshold = -Infinity

  get size (): number {
    return this.ids.length
  }

  /** The threshold last applied (-Infinity before the first `expire`). */
  get expiredBefore (): number {
    return this.threshold
  }

  has (peerId: string): boolean {
    return this.index.has(peerId)
  }

  /** Adds `peerId` seen at `at`, or moves it to `at`; ignored when `at` is already behind the threshold. */
  update (peerId: string, at: number): void {
    const i = this.index.get(peerId)
    if (i === undefined) {
      if (at < this.threshold) return
      this.ids.push(peerId)
      this.seen.push(at)
      this.index.set(peerId, this.ids.length - 1)
      this.up(this.ids.length - 1)
      return
    }
    this.seen[i] = at
    this.down(this.up(i))
  }

  remove (peerId: string): void {
    const i = this.index.get(peerId)
    if (i === undefined) return
    this.removeAt(i)
  }

  /** Drops every member seen before `seenSince` and returns how many left; an earlier threshold than the last changes nothing. */
  expire (seenSince: number): number {
    if (seenSince <= this.threshold) return 0
    this.threshold = seenSince
    let expired = 0
    while (this.ids.length > 0 && this.seen[0] < seenSince) {
      this.removeAt(0)
      expired++
    }
    return expired
  }

  private removeAt (i: number): void {
    const last = this.ids.length - 1
    this.index.delete(this.ids[i])
    if (i !== last) {
      this.ids[i] = this.ids[last]
      this.seen[i] = this.seen[last]
      this.index.set(this.ids[i], i)
    }
    this.ids.pop()
    this.seen.pop()
    if (i < this.ids.length) this.down(this.up(i))
  }

  private up (i: number): number {
    while (i > 0) {
      const parent = (i - 1) >>> 1
      if (this.seen[parent] <= this.seen[i]) break
      this.swap(i, parent)
      i = parent
    }
    return i
  }

  private down (i: number): number {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let min = i
      if (l < this.ids.length && this.seen[l] < this.seen[min]) min = l
      if (r < this.ids.length && this.seen[r] < this.seen[min]) min = r
      if (min === i) return i
      this.swap(i, min)
      i = min
    }
  }

  private swap (a: number, b: number): void {
    const id = this.ids[a]; this.ids[a] = this.ids[b]; this.ids[b] = id
    const t = this.seen[a]; this.seen[a] = this.seen[b]; this.seen[b] = t
    this.index.set(this.ids[a], a)
    this.index.set(this.ids[b], b)
  }
}
