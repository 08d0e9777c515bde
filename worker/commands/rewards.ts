import { formatEther } from 'viem'
import { createChainClient, getRewards, loadAccount } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { printResult, requireContract, workerBaseOptions } from './workerOptions.ts'

const specs = { ...workerBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('worker rewards --contract ADDR [options]', 'Rewards of the worker account: earned in total, locked in the challenge window, claimable now.', specs, [
  'COTRAIN_PRIVATE_KEY=0x... worker rewards --contract 0x5FbD...'
])

/** `worker rewards`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const contract = requireContract(o.contract, 'rewards')
  const account = await loadAccount({ keystorePath: o.keystore })
  const client = await createChainClient({ rpcUrl: o['rpc-url'], account })
  const r = await getRewards(client, { address: contract })
  printResult(o.json, { address: account.address, ...r }, [
    `account: ${account.address}`,
    `earned: ${formatEther(r.earned)} ETH`,
    `locked: ${formatEther(r.locked)} ETH (in the challenge window)`,
    `claimable: ${formatEther(r.claimable)} ETH`
  ])
}

export const summary = 'show earned, locked and claimable rewards'
