import { createPublicClient, createWalletClient, formatEther, http, isAddress, type Address } from 'viem'
import { deployStaking } from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { adminBaseOptions, noMore, ownerClient, printResult } from './adminOptions.ts'
import { paramChanges, paramOptions } from './paramOptions.ts'

const specs = {
  ...adminBaseOptions,
  ...paramOptions,
  validators: { type: 'string', description: 'first validators, comma-separated addresses (added at once; later ones wait the change delay)' }
} as const satisfies OptionSpecs
const help = renderHelp('admin deploy --validators ADDR,ADDR [parameter options]',
  'Deploys CotrainStaking behind its proxy, owned by the key in COTRAIN_PRIVATE_KEY or --keystore, with the given parameters over the defaults and its first validators. Prints the proxy address to pass as --contract.', specs, [
    'COTRAIN_PRIVATE_KEY=0x... npm run admin -- deploy --validators 0xA...,0xB... --rpc-url http://127.0.0.1:8545'
  ])

/** `admin deploy`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  noMore(positionals, 'admin deploy --validators ADDR,ADDR')
  const validators = (o.validators ?? '').split(',').filter((v) => v !== '').map((v) => {
    if (!isAddress(v, { strict: false })) throw new InvalidInputError(`--validators: "${v}" is not an address`)
    return v as Address
  })
  const chainClient = await ownerClient(o) // checks the RPC and learns the chain id
  const walletClient = createWalletClient({ account: chainClient.account, chain: chainClient.chain, transport: http(o['rpc-url']) })
  const publicClient = createPublicClient({ chain: chainClient.chain, transport: http(o['rpc-url']) })
  const { address, implementation, params } = await deployStaking({ walletClient, publicClient, params: paramChanges(o), validators })
  printResult(o.json, { address, implementation, owner: walletClient.account.address, validators, params }, [
    `deployed CotrainStaking at ${address} (implementation ${implementation}), owner ${walletClient.account.address}`,
    `validators: ${validators.length === 0 ? 'none yet (add with: admin validators add ADDR)' : validators.join(', ')}; quorum ${params.quorum}; minimum stake ${formatEther(params.minimumStake)} ETH`,
    'fund its reward pool with: admin fund ETH --contract ' + address
  ])
}

export const summary = 'deploy the staking contract behind its proxy'
