import assert from 'node:assert/strict'
import { LIMITS } from '../../lib/net/constants.ts'
import { ProviderBook, type FetchPlan } from './ProviderBook.ts'
import { dialableAddrs } from './dialableAddrs.ts'

const MODEL = `0x${'aa'.repeat(32)}`
const addr = (i: number): string[] => [`/ip4/10.0.0.${i}/tcp/4002`]
const names = (p: FetchPlan): string[] => p.kind === 'providers' ? p.providers.map((x) => x.peerId) : []

describe('ProviderBook (swarm distribution)', () => {
  it('sends the first `seeds` workers to the coordinator and makes the rest wait while nobody holds the model', () => {
    const book = new ProviderBook({ seeds: 2 })
    assert.equal(book.plan(MODEL, 'w1').kind, 'coordinator')
    assert.equal(book.plan(MODEL, 'w2').kind, 'coordinator')
    assert.equal(book.plan(MODEL, 'w3').kind, 'wait')
    // A seed asking again keeps its slot.
    assert.equal(book.plan(MODEL, 'w1').kind, 'coordinator')
  })

  it('names no provider before it has reported the content, and names it after', () => {
    const book = new ProviderBook({ seeds: 1 })
    assert.equal(book.plan(MODEL, 'w1').kind, 'coordinator')
    // w1 is fetching but has not reported: w2 is not told to fetch from it.
    const before = book.plan(MODEL, 'w2')
    assert.equal(before.kind, 'wait')
    assert.deepEqual(names(before), [])
    book.record('w1', [MODEL], addr(1))
    const after = book.plan(MODEL, 'w2')
    assert.deepEqual(after, { kind: 'providers', providers: [{ peerId: 'w1', addrs: addr(1) }] })
  })

  it('never names the requesting worker itself', () => {
    const book = new ProviderBook()
    book.record('w1', [MODEL], addr(1))
    book.record('w2', [MODEL], addr(2))
    for (const p of ['w1', 'w2']) {
      const plan = book.plan(MODEL, p)
      assert.equal(plan.kind, 'providers')
      assert.ok(!names(plan).includes(p), `${p} named to itself`)
    }
    // A holder asking for what it holds gets no list (it fetches nothing).
    assert.deepEqual(book.plan(MODEL, 'w1'), { kind: 'providers', providers: [] })
    assert.deepEqual(names(book.plan(MODEL, 'w3')).sort(), ['w1', 'w2'])
  })

  it('bounds the list and the fan-out: each holder serves at most fanOut fetchers at once, spread evenly', () => {
    const book = new ProviderBook({ fanOut: 4 })
    for (let i = 1; i <= 10; i++) book.record(`h${i}`, [MODEL], addr(i))
    const first = new Map<string, number>()
    for (let r = 0; r < 40; r++) {
      const list = names(book.plan(MODEL, `r${r}`))
      assert.ok(list.length >= 1 && list.length <= LIMITS.providers, `list of ${list.length}`)
      assert.equal(new Set(list).size, list.length, 'no provider twice')
      first.set(list[0], (first.get(list[0]) ?? 0) + 1)
    }
    assert.deepEqual([...first.values()], new Array(10).fill(4))
    // Every holder is busy: the next one waits rather than piling on (or going to the coordinator).
    assert.equal(book.plan(MODEL, 'r40').kind, 'wait')
    // Asking again while fetching names the same holder first, without counting twice.
    const again = names(book.plan(MODEL, 'r0'))[0]
    assert.equal(again, names(book.plan(MODEL, 'r0'))[0])
    assert.equal(book.plan(MODEL, 'r40').kind, 'wait')
    // r0 reports: its holder has a free slot, and r0 itself is a holder now.
    book.record('r0', [MODEL], addr(99))
    const next = names(book.plan(MODEL, 'r40'))
    assert.ok(next[0] === 'r0' || next[0] === again, `named ${next[0]}`)
  })

  it('grows the tree: a worker that reports takes its share of later requests at once', () => {
    const book = new ProviderBook({ seeds: 1, fanOut: 4 })
    book.record('h1', [MODEL], addr(1))
    for (let r = 0; r < 4; r++) assert.equal(names(book.plan(MODEL, `r${r}`))[0], 'h1')
    assert.equal(book.plan(MODEL, 'late').kind, 'wait')
    book.record('r0', [MODEL], addr(9))
    // h1 serves r1-r3, r0 nobody: r0 goes first.
    assert.equal(names(book.plan(MODEL, 'late'))[0], 'r0')
  })

  it('frees a holder\'s slot from a fetcher that never reports', () => {
    let now = 0
    const book = new ProviderBook({ fanOut: 1, seedTimeoutMs: 1000, now: () => now })
    book.record('h1', [MODEL], addr(1))
    assert.equal(names(book.plan(MODEL, 'dies'))[0], 'h1')
    assert.equal(book.plan(MODEL, 'w2').kind, 'wait')
    now = 1001
    assert.equal(names(book.plan(MODEL, 'w2'))[0], 'h1')
  })

  it('skips holders that are not usable (gone, banned) and holders without a direct address', () => {
    const book = new ProviderBook({ seeds: 1 })
    assert.equal(book.record('natted', [MODEL], []), 0)
    book.record('gone', [MODEL], addr(2))
    const plan = book.plan(MODEL, 'w', (p) => p !== 'gone')
    // Nobody usable holds it: w is a seed, from the coordinator.
    assert.equal(plan.kind, 'coordinator')
    book.forget('gone')
    assert.deepEqual(book.holdersOf(MODEL), [])
  })

  it('frees the slot of a seed that never reports', () => {
    let now = 0
    const book = new ProviderBook({ seeds: 1, seedTimeoutMs: 1000, now: () => now })
    assert.equal(book.plan(MODEL, 'dies').kind, 'coordinator')
    assert.equal(book.plan(MODEL, 'w2').kind, 'wait')
    now = 1001
    assert.equal(book.plan(MODEL, 'w2').kind, 'coordinator')
  })

  it('forgets the holders of the last model when the round moves on, and keeps the shards', () => {
    const book = new ProviderBook()
    const shard = `0x${'bb'.repeat(32)}`
    book.useModel(MODEL)
    book.record('h1', [MODEL, shard], addr(1))
    book.useModel(`0x${'cc'.repeat(32)}`)
    assert.deepEqual(book.holdersOf(MODEL), [])
    assert.deepEqual(book.holdersOf(shard), ['h1'])
  })
})

describe('dialableAddrs', () => {
  it('keeps the direct listen addresses on the host the connection came from', () => {
    assert.deepEqual(dialableAddrs(['/ip4/10.1.2.3/tcp/4002', '/ip4/127.0.0.1/tcp/4002', '/ip4/10.1.2.3/tcp/4002/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp/p2p-circuit'], '/ip4/10.1.2.3/tcp/51234'), ['/ip4/10.1.2.3/tcp/4002'])
  })

  it('gives nothing for a worker behind NAT (its packets come from an address it does not listen on)', () => {
    assert.deepEqual(dialableAddrs(['/ip4/192.168.1.20/tcp/4002'], '/ip4/203.0.113.7/tcp/40000'), [])
    assert.deepEqual(dialableAddrs(['/ip4/192.168.1.20/tcp/4002'], undefined), [])
  })
})

describe('ProviderBook: holders that fail their fetchers', () => {
  /** w1 holds the model and has been named to each of `fetchers`. */
  function namedTo (fetchers: string[], options: ConstructorParameters<typeof ProviderBook>[0] = {}): ProviderBook {
    const book = new ProviderBook({ fanOut: 100, ...options })
    book.record('w1', [MODEL], addr(1))
    for (const f of fetchers) assert.deepEqual(names(book.plan(MODEL, f)), ['w1'])
    return book
  }

  it('stops naming a holder for an object after one wrong-bytes report, even when it reports holding it again', () => {
    const book = namedTo(['f1', 'f2'])
    assert.equal(book.report('f1', MODEL, 'w1', 'wrong-bytes'), 'dropped')
    assert.deepEqual(book.holdersOf(MODEL), [])
    assert.equal(book.record('w1', [MODEL], addr(1)), 0)
    assert.equal(book.plan(MODEL, 'f2').kind, 'coordinator')
    // Only for that object: a shard it holds is still named.
    const SHARD = `0x${'bb'.repeat(32)}`
    assert.equal(book.record('w1', [SHARD], addr(1)), 1)
    assert.deepEqual(names(book.plan(SHARD, 'f2')), ['w1'])
  })

  it('stops naming a holder after `unavailableReports` distinct fetchers report it unavailable, not before', () => {
    const book = namedTo(['f1', 'f2', 'f3'])
    assert.equal(book.report('f1', MODEL, 'w1', 'unavailable'), 'counted')
    // The same fetcher again counts once.
    assert.equal(book.report('f1', MODEL, 'w1', 'unavailable'), 'counted')
    assert.equal(book.report('f2', MODEL, 'w1', 'unavailable'), 'counted')
    assert.deepEqual(book.holdersOf(MODEL), ['w1'])
    assert.equal(book.report('f3', MODEL, 'w1', 'unavailable'), 'dropped')
    assert.deepEqual(book.holdersOf(MODEL), [])
  })

  it('ignores reports from fetchers the holder was never named to, and against non-holders', () => {
    const book = namedTo(['f1'])
    assert.equal(book.report('stranger', MODEL, 'w1', 'wrong-bytes'), 'ignored')
    assert.equal(book.report('f1', MODEL, 'w9', 'wrong-bytes'), 'ignored')
    assert.equal(book.report('w1', MODEL, 'w1', 'wrong-bytes'), 'ignored')
    assert.deepEqual(book.holdersOf(MODEL), ['w1'])
  })

  it('lets one lying fetcher evict at most one holder per object at once', () => {
    const book = new ProviderBook({ fanOut: 100 })
    for (let i = 1; i <= 4; i++) book.record(`w${i}`, [MODEL], addr(i))
    const named = names(book.plan(MODEL, 'liar'))
    assert.equal(named.length, 4)
    assert.deepEqual(named.map((h) => book.report('liar', MODEL, h, 'wrong-bytes')), ['dropped', 'counted', 'counted', 'counted'])
    assert.equal(book.holdersOf(MODEL).length, 3)
  })

  it('forgets its verdicts with the round\'s model', () => {
    const book = namedTo(['f1'])
    book.report('f1', MODEL, 'w1', 'wrong-bytes')
    const NEXT = `0x${'cc'.repeat(32)}`
    book.useModel(MODEL)
    book.useModel(NEXT)
    assert.equal(book.record('w1', [NEXT], addr(1)), 1)
    assert.deepEqual(book.holderCounts(), { model: 1, shards: 0 })
  })
  it('wakes fetchers held waiting as slots open, oldest first and one per slot, or lets them go at their deadline', async () => {
    const book = new ProviderBook({ seeds: 1, fanOut: 1 })
    assert.equal(book.plan(MODEL, 'seed').kind, 'coordinator')
    assert.equal(book.plan(MODEL, 'b').kind, 'wait')
    assert.equal(book.plan(MODEL, 'c').kind, 'wait')
    const woke: string[] = []
    const started = Date.now()
    const b = book.untilCapacity(5_000).then(() => { woke.push('b') })
    const c = book.untilCapacity(5_000).then(() => { woke.push('c') })
    // The seed reports: one new holder with one slot wakes the oldest waiter only.
    book.record('seed', [MODEL], addr(1))
    await b
    assert.deepEqual(woke, ['b'])
    assert.deepEqual(names(book.plan(MODEL, 'b')), ['seed'])
    assert.equal(book.plan(MODEL, 'c').kind, 'wait', 'the one slot went to b')
    // b reports: the seed's slot frees and b holds now: c wakes.
    book.record('b', [MODEL], addr(2))
    await c
    assert.deepEqual(woke, ['b', 'c'])
    assert.ok(Date.now() - started < 1_000, `woken by the reports, not the 5 s deadline (${Date.now() - started} ms)`)
    assert.equal(book.plan(MODEL, 'c').kind, 'providers')
    // Nothing opens: a waiter goes at its deadline.
    const t = Date.now()
    await book.untilCapacity(50)
    assert.ok(Date.now() - t >= 45)
  })
})
