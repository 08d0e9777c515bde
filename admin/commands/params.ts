import type { Hex } from 'viem'
import { applyParams, cancelProposal, getPendingProposals, proposeParams } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { ChainError } from '../../lib/chain/errors.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { adminBaseOptions, noMore, ownerClient, printResult, requireContract, when } from './adminOptions.ts'
import { paramChanges, paramOptions } from './paramOptions.ts'

const specs = { ...adminBaseOptions, ...paramOptions } as const satisfies OptionSpecs
const usage = 'admin params [propose OPTIONS | apply | cancel [ID]] --contract ADDR'
const help = renderHelp(usage,
  'Changes the contract parameters in two steps: propose announces the new values (checked against their bounds now), apply makes them take effect once the change delay has passed (so contributors can exit first); cancel withdraws a proposal.', specs, [
    'npm run admin -- params propose --quorum 3 --slash-bps 2000 --contract 0x5FbD...',
    'npm run admin -- params apply --contract 0x5FbD...',
    'npm run admin -- params cancel --contract 0x5FbD...'
  ])

/** `admin params`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  const [action, id, ...extra] = positionals
  if (!['propose', 'apply', 'cancel'].includes(action ?? '')) throw new InvalidInputError(action === undefined ? 'admin params needs an action' : `unknown params action "${action}"`, { hint: `usage: ${usage}` })
  noMore(action === 'cancel' ? extra : [id, ...extra].filter((x) => x !== undefined), usage)
  const contract = requireContract(o.contract, 'params')
  const client = await ownerClient(o)
  if (action === 'propose') {
    const changes = paramChanges(o)
    if (Object.keys(changes).length === 0) throw new InvalidInputError('admin params propose needs at least one parameter option', { hint: 'e.g. --quorum 3; see --help' })
    const r = await proposeParams(client, { address: contract, changes })
    printResult(o.json, { action, id: r.id, eta: r.eta, params: r.params, txHash: r.hash }, [
      `proposed ${Object.keys(changes).join(', ')} (proposal ${r.id}, tx ${r.hash}); apply with admin params apply from ${when(r.eta)}`
    ])
  } else if (action === 'apply') {
    const r = await applyParams(client, { address: contract })
    printResult(o.json, { action, params: r.params, txHash: r.hash }, [`applied the proposed parameters (tx ${r.hash})`])
  } else {
    let target = id as Hex | undefined
    if (target === undefined) {
      const pending = (await getPendingProposals(client, { address: contract })).filter((p) => p.kind === 'params')
      if (pending.length !== 1) throw new ChainError(pending.length === 0 ? 'no parameter proposal is pending' : `${pending.length} parameter proposals are pending`, { hint: pending.length === 0 ? undefined : 'name the one to cancel: admin params cancel ID (ids in admin show)' })
      target = pending[0].id
    }
    const r = await cancelProposal(client, { address: contract, id: target })
    printResult(o.json, { action, id: target, txHash: r.hash }, [`cancelled parameter proposal ${target} (tx ${r.hash})`])
  }
}

export const summary = 'propose, apply (after the delay) or cancel parameter changes'
