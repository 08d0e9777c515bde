import { setPaused } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { adminBaseOptions, noMore, ownerClient, printResult, requireContract } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('admin unpause --contract ADDR',
  'Lets registering, staking, submitting and scoring resume.', specs, ['npm run admin -- unpause --contract 0x5FbD...'])

/** `admin unpause`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  noMore(positionals, 'admin unpause')
  const contract = requireContract(o.contract, 'unpause')
  const client = await ownerClient(o)
  const r = await setPaused(client, { address: contract, paused: false })
  printResult(o.json, { paused: false, txHash: r.hash }, [`unpaused the staking contract (tx ${r.hash})`])
}

export const summary = 'unpause the contract'
