import { InvalidInputError } from '../../lib/errors.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { formatEther, type Address } from 'viem'
import { createChainClient, getContributor } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { loadOrCreateIdentity } from '../../lib/net/index.ts'
import { WorkerState } from '../node/WorkerState.ts'
import { printResult, workerBaseOptions } from './workerOptions.ts'

const specs = { ...workerBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('worker status [options]', "What a worker's data dir holds (identity, rounds, outbox) and, with --contract, its registration, stake and reputation on chain.", specs, [
  'worker status --data-dir w1',
  'worker status --data-dir w1 --contract 0x5FbD... --json'
])

/** `worker status`: read-only; safe while the worker runs. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const dir = o['data-dir']
  const keyFile = path.join(dir, 'peer.key')
  const peerId = existsSync(keyFile) ? peerIdFromPrivateKey(await loadOrCreateIdentity(keyFile)).toString() : null
  const state = WorkerState.read(path.join(dir, 'worker-state.json'))
  const outboxDir = path.join(dir, 'outbox')
  const outbox = { pending: 0, sent: 0, confirmed: 0, failed: 0 }
  if (existsSync(outboxDir)) {
    for (const name of readdirSync(outboxDir).filter((n) => n.endsWith('.json'))) {
      try {
        const e = JSON.parse(readFileSync(path.join(outboxDir, name), 'utf8')) as { state?: keyof typeof outbox }
        if (e.state !== undefined && e.state in outbox) outbox[e.state]++
      } catch {}
    }
  }
  const rounds = Object.values(state.rounds).sort((a, b) => a.round - b.round)
  const result: Record<string, unknown> = { dataDir: dir, peerId, address: state.address ?? null, roundsDone: state.roundsDone, rounds, outbox }
  const lines = [
    `data dir: ${dir}`,
    `peer id: ${peerId ?? '(none yet: run worker start)'}`,
    `address: ${state.address ?? '(unknown until the first start)'}`,
    `rounds done: ${state.roundsDone}${rounds.length > 0 ? ` (kept: ${rounds.map((r) => `${r.round}:${r.status}`).join(', ')})` : ''}`,
    `outbox: ${outbox.pending} pending, ${outbox.sent} sent, ${outbox.confirmed} confirmed, ${outbox.failed} failed`
  ]
  if (o.contract !== undefined) {
    if (state.address === undefined) throw new InvalidInputError(`no worker address known in ${dir}`, { hint: 'run worker start with this --data-dir first' })
    const client = await createChainClient({ rpcUrl: o['rpc-url'] })
    const c = await getContributor(client, { address: o.contract as Address, account: state.address as Address })
    result.chain = c
    lines.push(`registered: ${c.registered ? 'yes' : 'no'}, stake ${formatEther(c.stake)} ETH, reputation ${c.reputation}, pending contributions ${c.pendingContributions}/${c.maxPendingContributions}, slashed ${formatEther(c.totalSlashed)} ETH`)
  }
  printResult(o.json, result, lines)
}

export const summary = "show the worker's identity, rounds, outbox and on-chain standing"
