import assert from 'node:assert/strict'
import { sleep } from './sleep.ts'

describe('sleep', () => {
  it('waits at least the time asked', async () => {
    const start = performance.now()
    await sleep(30)
    assert.ok(performance.now() - start >= 29)
  })

  it('rejects with the reason as soon as the signal aborts, and at once when it already has', async () => {
    const c = new AbortController()
    const start = performance.now()
    setTimeout(() => c.abort(new Error('stopped')), 20)
    await assert.rejects(sleep(60_000, { signal: c.signal }), /stopped/)
    assert.ok(performance.now() - start < 10_000, 'did not wait out the sleep')
    await assert.rejects(sleep(60_000, { signal: c.signal }), /stopped/)
  })
})
