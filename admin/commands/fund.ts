import { formatEther } from 'viem'
import { fundRewardPool, readStaking } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { adminBaseOptions, ethArg, noMore, ownerClient, printResult, requireContract } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('admin fund ETH --contract ADDR', 'Adds ETH to the reward pool that pays contributions.', specs, [
  'npm run admin -- fund 10 --contract 0x5FbD...'
])

/** `admin fund`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  const [amountText, ...extra] = positionals
  noMore(extra, 'admin fund ETH')
  const value = ethArg(amountText, 'admin fund')
  const contract = requireContract(o.contract, 'fund')
  const client = await ownerClient(o)
  const r = await fundRewardPool(client, { address: contract, value })
  const pool = await readStaking(client, contract, 'rewardPool')
  printResult(o.json, { amount: value, rewardPool: pool, txHash: r.hash }, [`funded the reward pool with ${formatEther(value)} ETH (tx ${r.hash}); pool now ${formatEther(pool)} ETH`])
}

export const summary = 'add ETH to the reward pool'
