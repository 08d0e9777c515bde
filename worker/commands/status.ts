import { InvalidInputError } from '../../lib/errors.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { formatEther, type Address } from 'viem'
import { createChainClient, getContributor } from '../../lib/chain/index.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { loadOrCreateIdentity } from '../../lib/net/index.ts'
import { requestControl, WorkerNotRunningError } from '../node/ControlSocket.ts'
import { WorkerState, type ChainOutcome } from '../node/WorkerState.ts'
import { printResult, workerBaseOptions } from './workerOptions.ts'

const specs = { ...workerBaseOptions } as const satisfies OptionSpecs

/** `worker status`: read-only; safe while the worker runs. */
export const { summary, run } = defineCommand({
  summary: "show the worker's identity, rounds, outbox and on-chain standing",
  usage: 'worker status [options]',
  description: "What a worker's data dir holds (identity, rounds, outbox) and, with --contract, its registration, stake and reputation on chain.",
  options: specs,
  examples: ['worker status --data-dir w1', 'worker status --data-dir w1 --contract 0x5FbD... --json']
}, async (o) => {
  const dir = o['data-dir']
  const keyFile = path.join(dir, 'peer.key')
  const peerId = existsSync(keyFile) ? peerIdFromPrivateKey(await loadOrCreateIdentity(keyFile)).toString() : null
  const state = WorkerState.read(path.join(dir, 'worker-state.json'))
  const outboxDir = path.join(dir, 'outbox')
  const outbox = { pending: 0, sent: 0, confirmed: 0, failed: 0 }
  const corrupt: string[] = []
  if (existsSync(outboxDir)) {
    for (const name of readdirSync(outboxDir).filter((n) => n.endsWith('.json'))) {
      const file = path.join(outboxDir, name)
      try {
        const e = JSON.parse(readFileSync(file, 'utf8')) as { state?: keyof typeof outbox }
        if (e.state !== undefined && e.state in outbox) outbox[e.state]++
        else corrupt.push(`${file} (unknown state ${JSON.stringify(e.state)})`)
      } catch (err) {
        corrupt.push(`${file} (${(err as Error).message.split('\n')[0]})`)
      }
    }
  }
  const rounds = Object.values(state.rounds).sort((a, b) => a.round - b.round)
  const result: Record<string, unknown> = { dataDir: dir, peerId, address: state.address ?? null, roundsDone: state.roundsDone, rounds, outbox, corruptOutboxEntries: corrupt }
  const lines = [
    `data dir: ${dir}`,
    `peer id: ${peerId ?? '(none yet: run worker start)'}`,
    `address: ${state.address ?? '(unknown until the first start)'}`,
    `rounds done: ${state.roundsDone}`,
    ...rounds.map((r) => `  round ${r.round}: ${r.status}${r.contributionId !== undefined ? `, contribution ${r.contributionId}` : ''}${describeOutcome(r.chain)}`),
    `outbox: ${outbox.pending} pending, ${outbox.sent} sent, ${outbox.confirmed} confirmed, ${outbox.failed} failed`,
    ...corrupt.map((c) => `CORRUPT outbox entry ${c}: the worker stops at it; move the file out of the outbox folder once you have checked the transaction on chain`)
  ]
  if (o.contract !== undefined) {
    if (state.address === undefined) throw new InvalidInputError(`no worker address known in ${dir}`, { hint: 'run worker start with this --data-dir first' })
    const client = await createChainClient({ rpcUrl: o['rpc-url'] })
    const c = await getContributor(client, { address: o.contract as Address, account: state.address as Address })
    result.chain = c
    lines.push(`registered: ${c.registered ? 'yes' : 'no'}, stake ${formatEther(c.stake)} ETH, reputation ${c.reputation}, pending contributions ${c.pendingContributions}/${c.maxPendingContributions}, slashed ${formatEther(c.totalSlashed)} ETH`)
  }
  // A running worker answers on its control socket: what it is doing now, and why it waits.
  try {
    const now = await requestControl(dir, 'status', { timeoutMs: 2000 })
    result.running = now
    const gate = now.gate as { running: boolean, reason?: string }
    lines.push(`now: ${gate.running ? '' : `HELD, ${gate.reason ?? ''}; `}${now.phase === 'waiting' ? String(now.waitingFor ?? 'waiting') : now.round !== null ? `${String(now.phase)} round ${String(now.round)}${now.phase === 'training' ? ` (step ${String(now.step)} of ${String(now.steps)})` : ''}` : String(now.phase)}`)
  } catch (err) {
    if (!(err instanceof WorkerNotRunningError)) throw err
    result.running = null
    lines.push('now: not running')
  }
  printResult(o.json, result, lines)
})

/** A contribution's fate on chain as status prints it. */
function describeOutcome (c: ChainOutcome | undefined): string {
  if (c === undefined) return ''
  switch (c.status) {
    case 'pending': return `, on chain: pending (${c.scores} score(s) so far)`
    case 'reported': return `, on chain: REPORTED for fraud by ${c.reports} validator(s)`
    case 'slashed': return ', on chain: SLASHED for fraud (see worker rewards --history)'
    case 'finalized': return `, on chain: scored ${c.score ?? '?'}/100, reward ${formatEther(BigInt(c.reward ?? '0'))} ETH`
  }
}
