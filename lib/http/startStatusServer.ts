import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MetricsRegistry } from '../metrics/MetricsRegistry.ts'

/** A running status server: its URL and how to stop it. */
export interface StatusServer {
  url: string
  stop: () => Promise<void>
}

/** What a status server serves besides /metrics: a page at `/` and its data at `/api/status`. */
export interface StatusServerOptions {
  metrics: MetricsRegistry
  /** The JSON at /api/status (the coordinator's dashboard data, the worker's state). */
  status?: () => unknown
  /** An HTML page at `/` (needs `status`). */
  page?: string
  host?: string
  port?: number
}

/**
 * The small HTTP server the worker and the coordinator share: Prometheus
 * metrics at `/metrics`, and when given, a page at `/` with its data at
 * `/api/status`. Binds 127.0.0.1 unless told otherwise: the data is not
 * secret, but an operator should choose to expose it.
 *
 * @example
 * const s = await startStatusServer({ metrics, port: 0 })
 * console.log(`${s.url}/metrics`)
 */
export async function startStatusServer (options: StatusServerOptions): Promise<StatusServer> {
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
    // Browsers ask for it on every page: an empty answer instead of a 404 in the operator's console.
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'max-age=86400' }).end()
      return
    }
    if (options.status != null && options.page != null && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(options.page)
      return
    }
    if (options.status != null && path === '/api/status') {
      // Any failure, serialising included, is a 500 for this request, never an unhandled rejection that ends the process.
      void (async () => {
        try {
          const body = JSON.stringify(await options.status!(), (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v)
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
