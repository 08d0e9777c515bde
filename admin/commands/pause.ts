import { setPaused } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { adminBaseOptions, noMore, ownerClient, printResult, requireContract } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('admin pause --contract ADDR',
  'Stops registering, staking, submitting and scoring at once (claims, unstaking, withdrawals, expiry and fraud reports go on).', specs, ['npm run admin -- pause --contract 0x5FbD...'])

/** `admin pause`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  noMore(positionals, 'admin pause')
  const contract = requireContract(o.contract, 'pause')
  const client = await ownerClient(o)
  const r = await setPaused(client, { address: contract, paused: true })
  printResult(o.json, { paused: true, txHash: r.hash }, [`paused the staking contract (tx ${r.hash})`])
}

export const summary = 'pause the contract (exits keep working)'
