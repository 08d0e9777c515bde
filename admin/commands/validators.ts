import { applyValidator, getPendingProposals, proposeValidator, readStaking, removeValidator, cancelProposal } from '../../lib/chain/index.ts'
import { validatorProposalId } from '../../lib/chain/proposalId.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { addressArg, adminBaseOptions, noMore, ownerClient, printResult, requireContract, when } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs
const usage = 'admin validators [list | add ADDR | cancel ADDR | remove ADDR] --contract ADDR'
const help = renderHelp(usage,
  'Manages the validators. add proposes a validator, and run again after the change delay it adds it (the delay lets contributors exit first); cancel withdraws the proposal; remove takes effect at once.', specs, [
    'npm run admin -- validators add 0xA... --contract 0x5FbD...',
    'npm run admin -- validators remove 0xA... --contract 0x5FbD... --json'
  ])

/** `admin validators`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  const [action = 'list', target, ...extra] = positionals
  if (!['list', 'add', 'cancel', 'remove'].includes(action)) throw new InvalidInputError(`unknown validators action "${action}"`, { hint: `usage: ${usage}` })
  noMore(action === 'list' ? [target, ...extra].filter((x) => x !== undefined) : extra, usage)
  const contract = requireContract(o.contract, 'validators')
  const client = await ownerClient(o)
  if (action === 'list') {
    const pending = (await getPendingProposals(client, { address: contract })).filter((p) => p.kind === 'validator')
    const count = await readStaking(client, contract, 'validatorCount')
    printResult(o.json, { validatorCount: count, proposed: pending }, [
      `${count} validators`,
      ...pending.map((p) => `proposed: ${p.target} (may be added from ${when(p.eta)})`)
    ])
    return
  }
  const validator = addressArg(target, `validators ${action}`)
  if (action === 'remove') {
    const r = await removeValidator(client, { address: contract, validator })
    printResult(o.json, { action, validator, txHash: r.hash }, [`removed validator ${validator} (tx ${r.hash})`])
  } else if (action === 'cancel') {
    const r = await cancelProposal(client, { address: contract, id: validatorProposalId(validator) })
    printResult(o.json, { action, validator, txHash: r.hash }, [`cancelled the proposal to add ${validator} (tx ${r.hash})`])
  } else {
    const eta = await readStaking(client, contract, 'proposalEta', [validatorProposalId(validator)])
    if (eta === 0n) {
      const r = await proposeValidator(client, { address: contract, validator })
      printResult(o.json, { action: 'proposed', validator, eta: r.eta, txHash: r.hash }, [
        `proposed validator ${validator} (tx ${r.hash}); run this again from ${when(r.eta)} to add it`
      ])
    } else {
      // ProposalNotReady says when, if it is too early
      const r = await applyValidator(client, { address: contract, validator })
      printResult(o.json, { action: 'added', validator, txHash: r.hash }, [`added validator ${validator} (tx ${r.hash})`])
    }
  }
}

export const summary = 'list, add (propose, then apply after the delay), cancel or remove validators'
