import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Address, Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { ChainError } from './errors.ts'
import { sleep } from '../async/sleep.ts'

/** The public mnemonic behind `hardhat node`'s default accounts; never use these keys on a real network. */
export const HARDHAT_DEV_MNEMONIC = 'test test test test test test test test test test test junk'

/** Chain id `hardhat node` answers with. */
export const HARDHAT_CHAIN_ID = 31337

/** A default dev account of `hardhat node` (10,000 ETH each; the keys are public). */
export type DevAccount = { address: Address, privateKey: Hex }

/** What {@link startLocalChain} takes. */
export type StartLocalChainParameters = {
  /** Port on 127.0.0.1; default: a free one. */
  port?: number
  /** Folder with `hardhat.config.ts` and `node_modules`; default: this repository. */
  cwd?: string
  /** How long to wait for JSON-RPC to answer; default 60 s. */
  timeoutMs?: number
  /** How many dev accounts to return (hardhat funds 20); default 20. */
  accounts?: number
  signal?: AbortSignal
}

/** A running `hardhat node`. */
export type LocalChain = {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  chainId: number
  /** The node's funded dev accounts, in hardhat's order. */
  accounts: DevAccount[]
  /** The child process id (the leader of its own process group). */
  pid: number
  /** Stops the node and everything it started; safe to call twice. */
  stop: () => Promise<void>
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Starts `hardhat node --hostname 127.0.0.1` as a child process (in its own
 * process group, with the current Node binary), waits until its JSON-RPC
 * answers, and returns its URL, the dev accounts, and `stop()`, which
 * terminates the whole process group (SIGTERM, then SIGKILL after 5 s). The
 * node is also killed if this process exits. Blocks are mined on every
 * transaction (automine).
 *
 * @example
 * const chain = await startLocalChain()
 * try { ... http(chain.url) ... } finally { await chain.stop() }
 */
export async function startLocalChain (params: StartLocalChainParameters = {}): Promise<LocalChain> {
  const cwd = params.cwd ?? repoRoot
  const port = params.port ?? await freePort()
  // Another node on the port would answer our readiness probe in place of ours.
  if (params.port != null && !await portIsFree(port)) {
    throw new ChainError(`port ${port} on 127.0.0.1 is in use`, { hint: 'stop what listens there or choose another --port' })
  }
  const url = `http://127.0.0.1:${port}`
  const cli = fileURLToPath(new URL('node_modules/hardhat/dist/src/cli.js', `file://${cwd.endsWith('/') ? cwd : cwd + '/'}`))
  const child = spawn(process.execPath, [cli, 'node', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(),
  })
  const pid = child.pid
  if (pid == null) throw new ChainError('could not start hardhat node', { hint: 'is hardhat installed (npm ci)?' })

  // Keep the last lines of output for an error message; drain the rest so the pipe never fills.
  let tail = ''
  const keep = (chunk: Buffer): void => { tail = (tail + chunk.toString('utf8')).slice(-4000) }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)

  let exited = false
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve() }))
  const killOnExit = (): void => { killGroup(pid, 'SIGKILL') }
  process.once('exit', killOnExit)

  let stopping: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', killOnExit)
      if (!exited) {
        killGroup(pid, 'SIGTERM')
        const timer = setTimeout(() => { killGroup(pid, 'SIGKILL') }, 5000)
        await exitedPromise
        clearTimeout(timer)
      }
      // The node may have left children of its own in the group.
      killGroup(pid, 'SIGKILL')
      child.stdout?.destroy()
      child.stderr?.destroy()
    })()
    return await stopping
  }

  try {
    const chainId = await waitForRpc(url, child, () => exited, () => tail, params.timeoutMs ?? 60_000, params.signal)
    const accounts = devAccounts(params.accounts ?? 20)
    return { url, port, chainId, accounts, pid, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/**
 * The first `count` dev accounts of `hardhat node` (derived from the public
 * test mnemonic at m/44'/60'/0'/0/i, as hardhat does).
 */
export function devAccounts (count = 20): DevAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const account = mnemonicToAccount(HARDHAT_DEV_MNEMONIC, { addressIndex: i })
    const privateKey = account.getHdKey().privateKey
    if (privateKey == null) throw new ChainError('could not derive a dev account')
    return { address: account.address, privateKey: `0x${Buffer.from(privateKey).toString('hex')}` }
  })
}

async function waitForRpc (url: string, child: ChildProcess, exited: () => boolean, tail: () => string, timeoutMs: number, signal?: AbortSignal): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    signal?.throwIfAborted()
    if (exited()) {
      const last = tail().trim().split('\n').slice(-3).join(' | ')
      throw new ChainError(`hardhat node exited with code ${child.exitCode ?? child.signalCode}: ${last}`, { hint: 'is the port free and are the dependencies installed (npm ci)?' })
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        signal: AbortSignal.timeout(2000),
      })
      if (res.ok) {
        const body = await res.json() as { result?: string }
        if (typeof body.result === 'string') return Number(BigInt(body.result))
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new ChainError(`hardhat node did not answer at ${url} within ${timeoutMs} ms`, { hint: 'the machine may be overloaded; raise timeoutMs' })
    await sleep(150)
  }
}

function killGroup (pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address != null ? address.port : 0
      server.close(() => { resolve(port) })
    })
  })
}

async function portIsFree (port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => { resolve(false) })
    server.listen(port, '127.0.0.1', () => { server.close(() => { resolve(true) }) })
  })
}

/** The node gets our environment minus the secrets a worker process may hold. */
function childEnv (): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
  delete env.COTRAIN_PRIVATE_KEY
  delete env.COTRAIN_KEYSTORE_PASSWORD
  return env
}
