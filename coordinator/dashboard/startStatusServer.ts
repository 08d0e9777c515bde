import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dashboardPage } from './dashboardPage.ts'
import type { DashboardStatus } from './DashboardStatus.ts'
import type { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'

/** A running status server: its URL and how to stop it. */
export interface StatusServer {
  url: string
  stop: () => Promise<void>
}

/**
 * Serves the dashboard page at `/`, its data at `/api/status` and Prometheus
 * metrics at `/metrics`. Binds 127.0.0.1 unless told otherwise: the data is
 * not secret, but an operator should choose to expose it.
 */
export async function startStatusServer (options: {
  status?: () => DashboardStatus | Promise<DashboardStatus>
  metrics: MetricsRegistry
  host?: string
  port?: number
}): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end('method not allowed\n')
      return
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(options.metrics.render())
      return
    }
    if (options.status != null && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(dashboardPage)
      return
    }
    if (options.status != null && path === '/api/status') {
      // Any failure, serialising included, is a 500 for this request, never an unhandled rejection that ends the coordinator.
      void (async () => {
        try {
          const body = JSON.stringify(await options.status!())
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body)
        } catch (err) {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`status failed: ${err instanceof Error ? err.message : String(err)}\n`)
        }
      })()
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve() })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop: async () => await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) })
  }
}
