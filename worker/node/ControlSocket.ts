import { existsSync, unlinkSync, chmodSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import path from 'node:path'
import { CotrainError, InvalidInputError } from '../../lib/errors.ts'

/** What `worker pause | resume | status` ask a running worker over its control socket. */
export type ControlCommand = 'pause' | 'resume' | 'status'
const COMMANDS: readonly string[] = ['pause', 'resume', 'status']
/** A request or reply line is small; anything longer is refused. */
const MAX_LINE = 64 * 1024
/** How long a client waits for the worker's answer. */
const REPLY_TIMEOUT_MS = 5000

/** No worker answers on the data dir's control socket. */
export class WorkerNotRunningError extends CotrainError {
  override name = 'WorkerNotRunningError'
}

/** The control socket of a data dir: `<data-dir>/control.sock` (a unix socket, mode 0600: only the owner may pause the worker). */
export function controlSocketPath (dataDir: string): string {
  return path.resolve(dataDir, 'control.sock')
}

/** A listening control socket. */
export interface ControlSocket {
  path: string
  stop: () => Promise<void>
}

/**
 * The worker's side: answers one JSON line per request line,
 * `{"command":"pause"}` -> `{"ok":true,...}`. A socket left by a crashed
 * worker is replaced; one a running worker answers on is an error (two
 * workers on one data dir would corrupt each other's state).
 */
export async function startControlSocket (dataDir: string, handler: (command: ControlCommand) => unknown): Promise<ControlSocket> {
  const file = controlSocketPath(dataDir)
  if (Buffer.byteLength(file) > 100) throw new InvalidInputError(`the control socket path ${file} is too long for a unix socket`, { hint: 'use a shorter --data-dir path' })
  if (existsSync(file)) {
    if (await answers(file)) throw new InvalidInputError(`another worker is running with the data dir ${dataDir} (it answers on ${file})`, { hint: 'stop it first, or use another --data-dir' })
    unlinkSync(file)
  }
  const server: Server = createServer((socket) => { serve(socket, handler) })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(file, () => { server.off('error', reject); resolve() })
  })
  chmodSync(file, 0o600)
  return {
    path: file,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      try { unlinkSync(file) } catch {}
    }
  }
}

function serve (socket: Socket, handler: (command: ControlCommand) => unknown): void {
  let buf = ''
  socket.setEncoding('utf8')
  socket.setTimeout(REPLY_TIMEOUT_MS, () => socket.destroy())
  socket.on('error', () => {})
  socket.on('data', (chunk: string) => {
    buf += chunk
    if (buf.length > MAX_LINE) { socket.end(JSON.stringify({ ok: false, error: 'request too long' }) + '\n'); return }
    let nl: number
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl)
      buf = buf.slice(nl + 1)
      let reply: unknown
      try {
        const req = JSON.parse(line) as { command?: unknown }
        if (typeof req.command !== 'string' || !COMMANDS.includes(req.command)) throw new Error(`unknown command ${JSON.stringify(req.command)} (${COMMANDS.join(', ')})`)
        reply = { ok: true, ...(handler(req.command as ControlCommand) as object) }
      } catch (err) {
        reply = { ok: false, error: (err as Error).message }
      }
      socket.write(JSON.stringify(reply) + '\n')
    }
  })
}

async function answers (file: string): Promise<boolean> {
  try {
    await requestControl(path.dirname(file), 'status', { timeoutMs: 1000 })
    return true
  } catch {
    return false
  }
}

/** The client's side: sends one command to the worker running on `dataDir` and returns its answer. */
export async function requestControl (dataDir: string, command: ControlCommand, options: { timeoutMs?: number } = {}): Promise<Record<string, unknown>> {
  const file = controlSocketPath(dataDir)
  return await new Promise((resolve, reject) => {
    const socket = createConnection(file)
    let buf = ''
    const fail = (err: Error): void => { socket.destroy(); reject(err) }
    const timer = setTimeout(() => fail(new WorkerNotRunningError(`the worker on ${dataDir} did not answer within ${(options.timeoutMs ?? REPLY_TIMEOUT_MS) / 1000} s`, { hint: 'is it busy or stuck? see its log' })), options.timeoutMs ?? REPLY_TIMEOUT_MS)
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.write(JSON.stringify({ command }) + '\n'))
    socket.on('data', (chunk: string) => {
      buf += chunk
      if (buf.length > MAX_LINE) { clearTimeout(timer); fail(new CotrainError('the worker\'s answer is too long')); return }
      const nl = buf.indexOf('\n')
      if (nl < 0) return
      clearTimeout(timer)
      socket.end()
      try {
        const reply = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>
        if (reply.ok !== true) reject(new CotrainError(`the worker refused "${command}": ${String(reply.error)}`))
        else resolve(reply)
      } catch (err) {
        reject(new CotrainError(`the worker's answer is not JSON: ${(err as Error).message}`))
      }
    })
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') fail(new WorkerNotRunningError(`no worker is running with the data dir ${dataDir} (nothing answers on ${file})`, { hint: 'start it with worker start, or pass the --data-dir it runs with' }))
      else fail(err)
    })
  })
}
