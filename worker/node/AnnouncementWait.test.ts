import assert from 'node:assert/strict'
import { AnnouncementWait } from './AnnouncementWait.ts'

describe('AnnouncementWait', () => {
  const elapsed = async (f: () => Promise<void>): Promise<number> => { const t = Date.now(); await f(); return Date.now() - t }

  it('ends a wait when a round is announced during it', async () => {
    const waits = new AnnouncementWait()
    const signal = new AbortController().signal
    waits.mark()
    setTimeout(() => { waits.announced(3) }, 20)
    assert.ok(await elapsed(async () => { await waits.wait(5_000, signal) }) < 1_000)
    assert.equal(waits.newest, 3)
  })

  it('does not lose an announcement heard while the poll was in flight: the next wait returns at once, and only that one', async () => {
    const waits = new AnnouncementWait()
    const signal = new AbortController().signal
    waits.mark()
    // The poll is in flight; its answer ("no round yet") was written before the round opened.
    waits.announced(1)
    assert.ok(await elapsed(async () => { await waits.wait(5_000, signal) }) < 100, 'not a 20 s sleep through the round')
    // The next poll sees the round; a later wait waits again.
    waits.mark()
    assert.ok(await elapsed(async () => { await waits.wait(150, signal) }) >= 140)
  })

  it('ends on stop: interrupt, or the signal', async () => {
    const waits = new AnnouncementWait()
    const controller = new AbortController()
    waits.mark()
    setTimeout(() => { waits.interrupt() }, 20)
    assert.ok(await elapsed(async () => { await waits.wait(5_000, controller.signal) }) < 1_000)
    setTimeout(() => { controller.abort() }, 20)
    assert.ok(await elapsed(async () => { await waits.wait(5_000, controller.signal) }) < 1_000)
    assert.ok(await elapsed(async () => { await waits.wait(5_000, controller.signal) }) < 50, 'aborted: no wait at all')
  })
})
