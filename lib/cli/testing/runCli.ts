import { spawn } from 'node:child_process'

/** What a CLI process printed and how it exited. */
export interface CliRun { code: number | null, stdout: string, stderr: string }

/**
 * Runs one of the project's CLIs (`worker/cli.ts`, `admin/cli.ts`, ...) as a
 * real process under this Node, with `env` as its whole environment: tests
 * pass keys only through the environment, as users do.
 *
 * @example
 * const r = await runCli('admin/cli.ts', ['show'], { ...process.env, COTRAIN_PRIVATE_KEY: key })
 */
export async function runCli (script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(process.execPath, [script, ...args], { env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { code, stdout, stderr }
}

/** One JSON-RPC call to a dev chain (time travel, mining) whose answer the test does not need. */
export async function devChainRpc (url: string, method: string, params: unknown[]): Promise<void> {
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }), signal: AbortSignal.timeout(30_000) })
}
