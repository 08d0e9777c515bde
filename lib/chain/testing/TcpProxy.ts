import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A TCP forwarder for fault injection: put it between a client and a node,
 * `cut()` to make the node unreachable (listener closed, open connections
 * destroyed: the client sees ECONNREFUSED / resets), `restore()` to listen on
 * the same port again.
 *
 * @example
 * const proxy = await TcpProxy.start({ target: 8545 }); proxy.url // http://127.0.0.1:PORT
 */
export class TcpProxy {
  readonly targetPort: number
  /** Where it listens (default 127.0.0.1; a test gives another address to reach the node from a network namespace). */
  readonly host: string
  port = 0
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()

  private constructor (targetPort: number, host: string) {
    this.targetPort = targetPort
    this.host = host
  }

  static async start (options: { target: number, port?: number, host?: string }): Promise<TcpProxy> {
    const proxy = new TcpProxy(options.target, options.host ?? '127.0.0.1')
    await proxy.listen(options.port ?? 0)
    return proxy
  }

  get url (): string {
    return `http://${this.host}:${this.port}`
  }

  /** Stops accepting and drops every open connection. */
  async cut (): Promise<void> {
    const server = this.server
    this.server = undefined
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    if (server != null) await new Promise<void>((resolve) => server.close(() => { resolve() }))
  }

  /** Listens again on the same port. */
  async restore (): Promise<void> {
    if (this.server == null) await this.listen(this.port)
  }

  async stop (): Promise<void> {
    await this.cut()
  }

  private async listen (port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1')
      this.sockets.add(client)
      this.sockets.add(upstream)
      const drop = (): void => { client.destroy(); upstream.destroy(); this.sockets.delete(client); this.sockets.delete(upstream) }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      client.pipe(upstream)
      upstream.pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, this.host, () => { server.off('error', reject); resolve() })
    })
    const address = server.address()
    this.port = typeof address === 'object' && address != null ? address.port : port
    this.server = server
  }
}
