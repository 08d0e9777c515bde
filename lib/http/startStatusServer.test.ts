import assert from 'node:assert/strict'
import { MetricsRegistry } from '../metrics/MetricsRegistry.ts'
import { startStatusServer } from './startStatusServer.ts'

describe('startStatusServer', () => {
  it('serves the page, the status JSON and the metrics on 127.0.0.1; no 404 for the favicon', async () => {
    const metrics = new MetricsRegistry()
    metrics.counter('cotrain_rounds_total', 'rounds').inc(4)
    const status = { rounds: [{ number: 1, state: 'done' }], stake: 10n ** 18n }
    const server = await startStatusServer({ status: () => status, page: '<title>a page</title>', metrics })
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.match(await (await fetch(server.url + '/')).text(), /<title>a page<\/title>/)
      assert.deepEqual(await (await fetch(server.url + '/api/status')).json(), { rounds: [{ number: 1, state: 'done' }], stake: '1000000000000000000' })
      assert.match(await (await fetch(server.url + '/metrics')).text(), /^cotrain_rounds_total 4$/m)
      assert.equal((await fetch(server.url + '/favicon.ico')).status, 204)
      assert.equal((await fetch(server.url + '/nope')).status, 404)
      assert.equal((await fetch(server.url + '/', { method: 'POST' })).status, 405)
    } finally {
      await server.stop()
    }
  })

  it('serves only /metrics when given no status', async () => {
    const server = await startStatusServer({ metrics: new MetricsRegistry() })
    try {
      assert.equal((await fetch(server.url + '/metrics')).status, 200)
      assert.equal((await fetch(server.url + '/')).status, 404)
      assert.equal((await fetch(server.url + '/api/status')).status, 404)
    } finally {
      await server.stop()
    }
  })

  it('answers 500 for a status that throws and keeps serving', async () => {
    const server = await startStatusServer({ metrics: new MetricsRegistry(), status: () => { throw new Error('store closed') } })
    try {
      const r = await fetch(server.url + '/api/status')
      assert.equal(r.status, 500)
      assert.match(await r.text(), /status failed: store closed/)
      assert.equal((await fetch(server.url + '/metrics')).status, 200)
    } finally {
      await server.stop()
    }
  })
})
