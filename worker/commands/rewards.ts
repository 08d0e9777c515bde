import path from 'node:path'
import { formatEther, type Address } from 'viem'
import { createChainClient, getRewards, loadAccount } from '../../lib/chain/index.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { WorkerState } from '../node/WorkerState.ts'
import { printResult, requireContract, workerBaseOptions } from './workerOptions.ts'

const specs = {
  ...workerBaseOptions,
  history: { type: 'boolean', description: 'per contribution kept in the data dir: round, score, reward, or why it was slashed', default: false }
} as const satisfies OptionSpecs

/** `worker rewards`. */
export const { summary, run } = defineCommand({
  summary: 'show earned, locked and claimable rewards (--history: per contribution)',
  usage: 'worker rewards --contract ADDR [options]',
  description: 'Rewards of the worker: earned in total, locked in the challenge window, claimable now. Reading needs no key: the address comes from the data dir (a key or keystore is used only when given).',
  options: specs,
  examples: ['worker rewards --data-dir w1 --contract 0x5FbD...', 'worker rewards --data-dir w1 --contract 0x5FbD... --history']
}, async (o) => {
  const contract = requireContract(o.contract, 'rewards')
  const state = WorkerState.read(path.join(o['data-dir'], 'worker-state.json'))
  // Reading is public: no key is asked for when the data dir knows the address.
  const address = (state.address ?? (await loadAccount({ keystorePath: o.keystore })).address) as Address
  const client = await createChainClient({ rpcUrl: o['rpc-url'] })
  const r = await getRewards(client, { address: contract, account: address })
  const rounds = Object.values(state.rounds).sort((a, b) => a.round - b.round)
  const lines = [
    `account: ${address}`,
    `earned: ${formatEther(r.earned)} ETH`,
    `locked: ${formatEther(r.locked)} ETH (in the challenge window)`,
    `claimable: ${formatEther(r.claimable)} ETH`
  ]
  if (o.history) {
    lines.push('history (rounds kept in the data dir; the worker updates them as it sees the chain):')
    if (rounds.length === 0) lines.push('  none yet')
    for (const rec of rounds) {
      const c = rec.chain
      const fate = c === undefined
        ? 'not seen on chain yet'
        : c.status === 'finalized'
          ? `scored ${c.score ?? '?'}/100 by ${c.scores} validator(s), reward ${formatEther(BigInt(c.reward ?? '0'))} ETH`
          : c.status === 'slashed'
            ? `SLASHED: fraud reported by ${c.reports} validator(s) (the failed segment and evidence are in the validators' reports)`
            : c.status === 'reported'
              ? `REPORTED for fraud by ${c.reports} validator(s), not yet slashed`
              : `pending, ${c.scores} score(s) so far`
      lines.push(`  round ${rec.round}: ${rec.contributionId !== undefined ? `contribution ${rec.contributionId}` : 'not on chain'}, ${rec.status} by the coordinator, ${fate}`)
    }
  }
  printResult(o.json, { address, ...r, ...(o.history ? { history: rounds } : {}) }, lines)
})
