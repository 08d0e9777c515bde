import assert from 'node:assert/strict'
import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import { startStatusServer } from './startStatusServer.ts'
import type { DashboardStatus } from './DashboardStatus.ts'

describe('startStatusServer', () => {
  it('serves the page, the status JSON and the metrics on 127.0.0.1', async () => {
    const metrics = new MetricsRegistry()
    metrics.counter('cotrain_rounds_total', 'rounds').inc(4)
    const status: DashboardStatus = { coordinator: { peerId: 'p', addrs: [], model: 'mlp', aggregator: 'fedavg', startedAt: 1 }, rounds: [{ number: 1, state: 'done', accuracy: 0.9, loss: 0.3, accepted: 2, rejected: 0, openedAt: 1 }], workers: [], chain: { events: [] } }
    const server = await startStatusServer({ status: () => status, metrics })
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.match(await (await fetch(server.url + '/')).text(), /<title>cotrain coordinator<\/title>/)
      assert.deepEqual(await (await fetch(server.url + '/api/status')).json(), status)
      assert.match(await (await fetch(server.url + '/metrics')).text(), /^cotrain_rounds_total 4$/m)
      assert.equal((await fetch(server.url + '/nope')).status, 404)
      assert.equal((await fetch(server.url + '/', { method: 'POST' })).status, 405)
    } finally {
      await server.stop()
    }
  })
})
