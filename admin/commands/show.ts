import { formatEther, type Address } from 'viem'
import { createChainClient, getPendingProposals, readStaking } from '../../lib/chain/index.ts'
import { cotrainStakingAbi } from '../../lib/chain/abi/cotrainStakingAbi.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { readContract } from 'viem/actions'
import { adminBaseOptions, noMore, printResult, requireContract, when } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('admin show --contract ADDR', 'Shows the contract: owner, pause, parameters, pool and totals, validators, the change delay and every pending proposal. Needs no key.', specs, [
  'npm run admin -- show --contract 0x5FbD... --json'
])

/** `admin show`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  noMore(positionals, 'admin show')
  const contract = requireContract(o.contract, 'show')
  const client = await createChainClient({ rpcUrl: o['rpc-url'] })
  const params = await readStaking(client, contract, 'params') // first: says "no contract at" for a wrong address
  const [owner, paused, validatorCount, changeDelay, rewardPool, totalStaked, totalOwedRewards, version, pending] = await Promise.all([
    readContract(client, { address: contract, abi: cotrainStakingAbi, functionName: 'owner' }) as Promise<Address>,
    readContract(client, { address: contract, abi: cotrainStakingAbi, functionName: 'paused' }) as Promise<boolean>,
    readStaking(client, contract, 'validatorCount'),
    readStaking(client, contract, 'changeDelay'),
    readStaking(client, contract, 'rewardPool'),
    readStaking(client, contract, 'totalStaked'),
    readStaking(client, contract, 'totalOwedRewards'),
    readStaking(client, contract, 'version'),
    getPendingProposals(client, { address: contract })
  ])
  printResult(o.json, { contract, version, owner, paused, validatorCount, changeDelay, rewardPool, totalStaked, totalOwedRewards, params, pending }, [
    `CotrainStaking ${version} at ${contract}, owner ${owner}${paused ? ', PAUSED' : ''}`,
    `pool ${formatEther(rewardPool)} ETH; staked ${formatEther(totalStaked)} ETH; rewards owed ${formatEther(totalOwedRewards)} ETH`,
    `${validatorCount} validators, quorum ${params.quorum}; minimum stake ${formatEther(params.minimumStake)} ETH (${formatEther(params.stakePerPending)} per pending); base rewards ${params.baseRewards.map((r) => formatEther(r)).join(' / ')} ETH`,
    `slash ${params.slashBps / 100}% per incident, reporters ${params.reporterShareBps / 100}%; reward lock ${params.rewardLockPeriod} s, unbonding ${params.unbondingPeriod} s, pending timeout ${params.pendingTimeout} s; changes wait ${changeDelay} s`,
    ...(pending.length === 0 ? ['no pending proposals'] : pending.map((p) => `pending ${p.kind} ${p.id}${p.target != null ? ` (${p.target})` : ''}: applicable from ${when(p.eta)}`))
  ])
}

export const summary = 'show parameters, pool, validators and pending proposals'
