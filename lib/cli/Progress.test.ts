import assert from 'node:assert/strict'
import { Progress } from './Progress.ts'
import { formatBytes, formatDuration, formatMoment } from './humanUnits.ts'

/** A non-TTY stream (a log file, journald) that keeps what is written. */
function sink (): NodeJS.WriteStream & { text: () => string[] } {
  const out: string[] = []
  return { isTTY: false, write: (s: string) => { out.push(s); return true }, text: () => out.join('').split('\n').filter((l) => l !== '') } as unknown as NodeJS.WriteStream & { text: () => string[] }
}

describe('Progress (plain lines, as in a log)', () => {
  it('prints one line per transfer, not one per chunk', () => {
    let t = 0
    const stream = sink()
    const p = new Progress({ stream, now: () => t })
    const total = 1_234_567
    for (let got = 0; got < total; got += 65_536) { p.transfer('round 1 model', got, total); t += 20 }
    p.transfer('round 1 model', total, total)
    assert.deepEqual(stream.text(), ['round 1 model fetched: 1.2 MB in 0.4 s'])
  })

  it('adds a line every interval only for a long transfer or phase', () => {
    let t = 0
    const stream = sink()
    const p = new Progress({ stream, now: () => t, intervalMs: 10_000 })
    for (let step = 1; step <= 100; step++) { t += 250; p.update('round 2', step, 100, 'loss 0.5') }
    assert.deepEqual(stream.text(), ['round 2: 41/100 loss 0.5', 'round 2: 81/100 loss 0.5', 'round 2: 100/100 loss 0.5, in 25 s'])
    const q = sink()
    const slow = new Progress({ stream: q, now: () => t, intervalMs: 10_000 })
    slow.transfer('shard 3', 0, 10_000_000)
    t += 12_000
    slow.transfer('shard 3', 2_500_000, 10_000_000)
    t += 3_000
    slow.transfer('shard 3', 10_000_000, 10_000_000)
    assert.deepEqual(q.text(), ['shard 3: 2.5 MB of 10 MB (25 %), 12 s so far', 'shard 3 fetched: 10 MB in 15 s'])
  })

  it('prints nothing in --json mode', () => {
    const stream = sink()
    const p = new Progress({ stream, json: true })
    p.transfer('m', 10, 10)
    p.update('r', 1, 1)
    p.line('x')
    assert.deepEqual(stream.text(), [])
  })

  it('formats amounts and durations for people', () => {
    assert.deepEqual([0, 999, 1000, 12_345, 1_234_567, 3.4e9].map(formatBytes), ['0 B', '999 B', '1.0 kB', '12 kB', '1.2 MB', '3.4 GB'])
    assert.deepEqual([0.012, 0.42, 12.4, 150, 3900].map(formatDuration), ['12 ms', '0.4 s', '12 s', '2m 30s', '1h 05m'])
  })
})

describe('formatMoment', () => {
  it('says local time and how far away, never epoch ms', () => {
    const now = new Date(2026, 11, 6, 14, 2, 39).getTime()
    const soon = formatMoment(now + 150_000, now)
    assert.equal(soon, `${new Date(now + 150_000).toLocaleTimeString()} (in 2m 30s)`)
    assert.match(formatMoment(now - 40_000, now), /\(40 s ago\)$/)
    assert.ok(!soon.includes(String(now + 150_000)))
  })
})
