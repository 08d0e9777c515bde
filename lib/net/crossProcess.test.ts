import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { multiaddr } from '@multiformats/multiaddr'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { requestJoin } from './join.ts'
import { sendRequest } from './protocol.ts'
import { joinProtocol } from './join.ts'
import { signJoinBinding } from './joinBinding.ts'
import { fetchContent } from './content.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { JOIN_PROTOCOL } from './constants.ts'
import { framed, rawRequest } from './testing/rawRequest.ts'
import { pb } from './messages.ts'
import { seededBlob } from './testing/seededBlob.ts'

const SERVE = fileURLToPath(new URL('./testing/serve.ts', import.meta.url))
const MiB = 1024 * 1024

interface Served { child: ChildProcess, multiaddr: string, peerId: string, contentId: string, size: number }

/** Starts the serve script in a child process and waits for its address line. */
async function serve (args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [SERVE, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! })
    rl.once('line', (l) => { rl.close(); resolve(l) })
    child.once('exit', (code) => { reject(new Error(`serve exited with ${code}`)) })
  })
  return { child, ...JSON.parse(line) }
}

describe('two OS processes', function () {
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-xproc-'))
  const identity = join(dir, 'server.key')
  const size = 32 * MiB
  let client: CotrainNode
  let server: Served | undefined

  before(async () => {
    client = await createNode()
    server = await serve(['--identity', identity, '--size', String(size), '--seed', 'x'])
  })

  after(async () => {
    server?.child.kill('SIGKILL')
    await client.stop()
  })

  it('joins with a valid binding and is refused with a forged one', async () => {
    const signer = privateKeyToAccount(generatePrivateKey())
    const { coordinator } = await requestJoin(client, multiaddr(server!.multiaddr), { signer, capabilities: { backend: 'wasm' } })
    assert.equal(coordinator.toString(), server!.peerId)
    const binding = await signJoinBinding({ signer: privateKeyToAccount(generatePrivateKey()), workerPeerId: client.peerId, coordinatorPeerId: coordinator })
    await assert.rejects(sendRequest(client, coordinator, joinProtocol, { capabilities: { backend: 'wasm' }, ...binding, workerAddress: Buffer.from(signer.address.slice(2), 'hex') }),
      (e: unknown) => e instanceof ProtocolError && e.code === ErrorCode.ERROR_CODE_UNAUTHENTICATED)
    const reply = await rawRequest(client, coordinator, JOIN_PROTOCOL, framed(new Uint8Array(5000)))
    assert.equal(pb.JoinResponse.decode(reply!).error?.code, ErrorCode.ERROR_CODE_TOO_LARGE)
  })

  it('resumes a transfer after the serving process is killed mid-way and restarted', async () => {
    const first = server!
    let killed = false
    let restarted: Promise<Served> | undefined
    const offsets: number[] = []
    const retriedFrom: number[] = []
    const got = await fetchContent(client, multiaddr(first.multiaddr), first.contentId, {
      retryDelayMs: 100,
      onRetry: (_err, offset) => retriedFrom.push(offset),
      maxAttempts: 12,
      onProgress: (n) => {
        offsets.push(n)
        if (!killed && n >= 8 * MiB) {
          killed = true
          first.child.kill('SIGKILL')
          // Same identity and port: the same peer comes back at the same address.
          const port = first.multiaddr.split('/')[4]
          restarted = serve(['--identity', identity, '--port', port, '--size', String(size), '--seed', 'x'])
        }
      }
    })
    server = await restarted
    assert.ok(killed)
    assert.equal(server!.peerId, first.peerId)
    assert.ok(Buffer.from(got).equals(seededBlob(size, 'x')))
    // Progress never went back: the second process served from the offset already held.
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b))
    assert.equal(offsets.at(-1), size)
    assert.ok(retriedFrom.length > 0 && retriedFrom.every((o) => o >= 8 * MiB && o < size), `retried from ${retriedFrom.join(', ')}`)
  })
})
