import { formatEther } from 'viem'
import { ChainError, claimRewards, createChainClient, getRewards, loadAccount } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { printResult, requireContract, workerBaseOptions } from './workerOptions.ts'

const specs = { ...workerBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('worker claim --contract ADDR [options]', 'Claims the rewards past their lock window (pull payment to the worker account).', specs, [
  'COTRAIN_PRIVATE_KEY=0x... worker claim --contract 0x5FbD...'
])

/** `worker claim`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const contract = requireContract(o.contract, 'claim')
  const account = await loadAccount({ keystorePath: o.keystore })
  const client = await createChainClient({ rpcUrl: o['rpc-url'], account })
  const before = await getRewards(client, { address: contract })
  if (before.claimable === 0n) {
    throw new ChainError(`nothing to claim for ${account.address} (${formatEther(before.locked)} ETH still locked)`, { hint: 'locked rewards become claimable when their challenge window ends; see worker rewards' })
  }
  const r = await claimRewards(client, { address: contract })
  printResult(o.json, { address: account.address, amount: r.amount, txHash: r.hash, blockNumber: r.blockNumber }, [`claimed ${formatEther(r.amount)} ETH to ${account.address} (tx ${r.hash})`])
}

export const summary = 'claim rewards past their lock window'
