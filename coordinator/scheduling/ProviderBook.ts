import { LIMITS } from '../../lib/net/constants.ts'
import type { FailedProvider } from '../../lib/net/have.ts'

/** How one worker gets one object: from these providers, from the coordinator (a seed), or not yet. */
export type FetchPlan =
  | { kind: 'providers', providers: Array<{ peerId: string, addrs: string[] }> }
  | { kind: 'coordinator' }
  | { kind: 'wait' }

export interface ProviderBookOptions {
  /** Workers the coordinator serves an object to itself while no peer holds it yet: the roots of the fetch tree (default 3). */
  seeds?: number
  /** A seed that has not reported the object after this long frees its slot (it may have died; default 60 s). */
  seedTimeoutMs?: number
  /** Providers named per object (default and most: LIMITS.providers). */
  maxProviders?: number
  /**
   * Fetchers one holder is named first to at once (default 4): more wait for
   * the next holders. Without it, everyone waiting for the model came back
   * to the 3 seeds at once and their transfers ran past the deadline.
   */
  fanOut?: number
  /**
   * Distinct fetchers that must report a holder unavailable for an object
   * before it is no longer named for it (default 3): one fetcher's network
   * fault, or one lying fetcher, does not evict an honest holder.
   */
  unavailableReports?: number
  now?: () => number
}

/** What a fetcher says a holder it was named did: sent wrong bytes, or was not there. */
export type ProviderFaultKind = FailedProvider['fault']

/** What a report did: nothing (not a holder named to the reporter), counted, or the holder is no longer named for the object. */
export type ProviderReportOutcome = 'ignored' | 'counted' | 'dropped'

interface Holder {
  /** Its direct addresses, as the coordinator saw them when it reported. */
  addrs: string[]
  /** Fetchers it was named first to that have not reported yet, and when: its load now. */
  fetching: Map<string, number>
  /** Times it was named first in all. */
  named: number
  since: number
  /** Fetchers it was named to (first or not): only they may report it. */
  namedTo: Set<string>
  /** Distinct fetchers that reported it unavailable. */
  unavailableFrom: Set<string>
}

/**
 * Who holds which of the round's objects (the model, shards), for swarm
 * distribution. A worker is a holder only once it has reported the object
 * over /cotrain/have after its hash-checked fetch, and only with a direct
 * address (the caller decides dialability). The first `seeds` workers to ask
 * for an object nobody holds get it from the coordinator; the rest wait
 * until a seed reports, then fetch from holders, least loaded first, so the
 * set of holders grows like a tree and the coordinator serves each object
 * about `seeds` times whatever the number of workers. A holder is named
 * first to at most `fanOut` fetchers at a time (until they report); when
 * every holder is that busy, a worker waits for the model like before the
 * first holder, so each generation of the tree multiplies the holders by
 * about fanOut + 1 instead of piling every fetcher on the first few.
 *
 * A fetcher reports holders it was named that failed it (`report`), and a
 * holder stops being named for that object, for good (its have notices for
 * it are ignored), after one report of wrong bytes or `unavailableReports`
 * reports of unavailability from distinct fetchers. The coordinator cannot
 * check either claim, so a lying fetcher is bounded instead: it may report
 * only holders it was named for that object, and only its first wrong-bytes
 * report per object evicts at once (further ones count as unavailable). A
 * staked liar thus evicts at most one honest holder per object it fetches
 * (it only stops being named; the coordinator still serves everyone), while
 * an honest fetcher, which rarely meets two liars for one object, loses one
 * retry per liar instead of one per round.
 *
 * @example
 * const book = new ProviderBook({ seeds: 3 })
 * book.plan(modelId, 'peerA') // { kind: 'coordinator' }: a seed
 * book.record('peerA', [modelId], ['/ip4/10.0.0.5/tcp/4002'])
 * book.plan(modelId, 'peerB') // { kind: 'providers', providers: [{ peerId: 'peerA', ... }] }
 */
export class ProviderBook {
  private readonly seeds: number
  private readonly seedTimeoutMs: number
  private readonly maxProviders: number
  private readonly fanOut: number
  private readonly now: () => number
  private readonly holders = new Map<string, Map<string, Holder>>()
  /** Per object: seeds sent to the coordinator and when, until they report. */
  private readonly seeding = new Map<string, Map<string, number>>()
  /** Per object: holders no longer named for it. */
  private readonly distrusted = new Map<string, Set<string>>()
  /** Per object: fetchers that have spent their one evicting wrong-bytes report. */
  private readonly wrongReported = new Map<string, Set<string>>()
  private readonly unavailableReports: number
  private model: string | undefined
  /** Fetchers told to hold on (`untilCapacity`), oldest first. */
  private readonly waiters: Array<() => void> = []

  constructor (options: ProviderBookOptions = {}) {
    this.seeds = Math.max(1, options.seeds ?? 3)
    this.seedTimeoutMs = options.seedTimeoutMs ?? 60_000
    this.maxProviders = Math.min(LIMITS.providers, Math.max(1, options.maxProviders ?? LIMITS.providers))
    this.fanOut = Math.max(1, options.fanOut ?? 4)
    this.unavailableReports = Math.max(1, options.unavailableReports ?? 3)
    this.now = options.now ?? Date.now
  }

  /** The round's model is `modelId`: holders of an earlier model are forgotten (shards stay: they do not change between rounds). */
  useModel (modelId: string): void {
    if (this.model === modelId) return
    if (this.model !== undefined) this.drop(this.model)
    this.model = modelId
  }

  /**
   * `peerId` holds `contentIds` and serves them at `addrs` (direct, dialable;
   * empty: it cannot serve, so nothing is recorded). Returns how many ids it
   * will be named for.
   */
  record (peerId: string, contentIds: readonly string[], addrs: readonly string[]): number {
    const direct = addrs.slice(0, LIMITS.providerAddrs)
    let n = 0
    let slots = 0
    for (const id of contentIds) {
      this.seeding.get(id)?.delete(peerId)
      let h = this.holders.get(id)
      // It got it: the holder it was sent to is free for the next fetcher.
      for (const holder of h?.values() ?? []) if (holder.fetching.delete(peerId)) slots++
      if (direct.length === 0 || this.distrusted.get(id)?.has(peerId) === true) continue
      if (h === undefined) this.holders.set(id, h = new Map())
      const had = h.get(peerId)
      if (had === undefined) slots += this.fanOut
      h.set(peerId, { addrs: [...direct], fetching: had?.fetching ?? new Map(), named: had?.named ?? 0, since: had?.since ?? this.now(), namedTo: had?.namedTo ?? new Set(), unavailableFrom: had?.unavailableFrom ?? new Set() })
      n++
    }
    for (const wake of this.waiters.splice(0, slots)) wake()
    return n
  }

  /**
   * Resolves when a fetch slot may have opened (a holder reported, or a
   * fetcher it served did), oldest waiter first and as many as slots opened,
   * or after `ms`. A fetcher told to wait for the model holds its request
   * open on this instead of polling again: a thousand workers woken by one
   * announcement all find the model's first holders busy, and each poll
   * costs the coordinator a stream.
   */
  async untilCapacity (ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        const i = this.waiters.indexOf(done)
        if (i >= 0) this.waiters.splice(i, 1)
        resolve()
      }
      const timer = setTimeout(done, Math.max(0, ms))
      this.waiters.push(done)
    })
  }

  /**
   * `reporter` says `holder`, named to it for `contentId`, failed it. See the
   * class comment for when the holder stops being named.
   */
  report (reporter: string, contentId: string, holder: string, fault: ProviderFaultKind): ProviderReportOutcome {
    const h = this.holders.get(contentId)
    const held = h?.get(holder)
    if (h === undefined || held === undefined || reporter === holder || !held.namedTo.has(reporter)) return 'ignored'
    let spent = this.wrongReported.get(contentId)
    if (fault === 'wrong-bytes' && spent?.has(reporter) !== true) {
      if (spent === undefined) this.wrongReported.set(contentId, spent = new Set())
      spent.add(reporter)
    } else {
      held.unavailableFrom.add(reporter)
      if (held.unavailableFrom.size < this.unavailableReports) return 'counted'
    }
    h.delete(holder)
    let d = this.distrusted.get(contentId)
    if (d === undefined) this.distrusted.set(contentId, d = new Set())
    d.add(holder)
    return 'dropped'
  }

  /** Holders recorded now: the round's model's, and all shards' together (for metrics). */
  holderCounts (): { model: number, shards: number } {
    let shards = 0
    for (const [id, h] of this.holders) if (id !== this.model) shards += h.size
    return { model: this.model === undefined ? 0 : this.holders.get(this.model)?.size ?? 0, shards }
  }

  /** `peerId` is gone (left, banned, not live): never named again. */
  forget (peerId: string): void {
    for (const h of this.holders.values()) {
      h.delete(peerId)
      for (const holder of h.values()) holder.fetching.delete(peerId)
    }
    for (const s of this.seeding.values()) s.delete(peerId)
  }

  /** Holders of `contentId` (for tests and metrics). */
  holdersOf (contentId: string): string[] {
    return [...(this.holders.get(contentId)?.keys() ?? [])]
  }

  /**
   * How `requester` gets `contentId`. `usable(peerId)` says whether a holder
   * may be named now (live, not banned); the requester itself never is.
   */
  plan (contentId: string, requester: string, usable: (peerId: string) => boolean = () => true): FetchPlan {
    const held = this.holders.get(contentId)
    if (held?.has(requester) === true) return { kind: 'providers', providers: [] }
    const now = this.now()
    const candidates = [...(held ?? new Map<string, Holder>()).entries()].filter(([p]) => usable(p))
    for (const [, h] of candidates) for (const [p, at] of h.fetching) if (now - at > this.seedTimeoutMs) h.fetching.delete(p)
    // Asking again while fetching: the same holder first (it counts once).
    const mine = candidates.find(([, h]) => h.fetching.has(requester))
    if (mine !== undefined || candidates.some(([, h]) => h.fetching.size < this.fanOut)) {
      // Least busy first, then least named, then the longest held: load
      // spreads over the holders, and each new holder takes its share as
      // soon as it reports.
      candidates.sort(([pa, a], [pb, b]) => a.fetching.size - b.fetching.size || a.named - b.named || a.since - b.since || (pa < pb ? -1 : pa > pb ? 1 : 0))
      if (mine !== undefined) {
        candidates.splice(candidates.indexOf(mine), 1)
        candidates.unshift(mine)
      }
      const picked = candidates.slice(0, this.maxProviders)
      for (const [, h] of picked) h.namedTo.add(requester)
      if (mine === undefined) {
        picked[0][1].fetching.set(requester, now)
        picked[0][1].named++
      }
      return { kind: 'providers', providers: picked.map(([peerId, h]) => ({ peerId, addrs: [...h.addrs] })) }
    }
    // Holders exist but are all busy: wait for the ones they are serving now, not another copy from the coordinator.
    if (candidates.length > 0) return { kind: 'wait' }
    let s = this.seeding.get(contentId)
    if (s === undefined) this.seeding.set(contentId, s = new Map())
    for (const [p, at] of s) if (now - at > this.seedTimeoutMs) s.delete(p)
    if (s.has(requester) || s.size < this.seeds) {
      if (!s.has(requester)) s.set(requester, now)
      return { kind: 'coordinator' }
    }
    return { kind: 'wait' }
  }

  private drop (contentId: string): void {
    this.holders.delete(contentId)
    this.seeding.delete(contentId)
    this.distrusted.delete(contentId)
    this.wrongReported.delete(contentId)
  }
}
