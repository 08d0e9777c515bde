import { formatEther, parseEther, type Address } from 'viem'
import {
  addStake, createChainClient, getContributor, loadAccount, readStaking, registerContributor, requestUnstake, withdrawStake,
  type ChainClient, type Contributor
} from '../../lib/chain/index.ts'
import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { printResult, requireContract, workerBaseOptions } from './workerOptions.ts'

const specs = { ...workerBaseOptions } as const satisfies OptionSpecs
const help = renderHelp('worker stake [show | add ETH | unstake ETH | withdraw] --contract ADDR [options]',
  'Shows and manages the stake behind the worker account: add stake (registers the account when it is not yet), start unbonding part of it (it stays slashable until the unbonding period ends, and pending contributions keep what they need), and withdraw what has finished unbonding.', specs, [
    'COTRAIN_PRIVATE_KEY=0x... worker stake --contract 0x5FbD...',
    'COTRAIN_PRIVATE_KEY=0x... worker stake add 0.5 --contract 0x5FbD...',
    'worker stake unstake 1 --keystore key.json --contract 0x5FbD... --json',
    'COTRAIN_PRIVATE_KEY=0x... worker stake withdraw --contract 0x5FbD...'
  ])

/** `ETH` as wei: a positive decimal amount, else a one-line error naming the subcommand. */
function ethAmount (text: string | undefined, action: string): bigint {
  if (text === undefined) throw new InvalidInputError(`worker stake ${action} needs an amount in ETH`, { hint: `e.g. worker stake ${action} 0.5` })
  if (!/^\d+(\.\d{1,18})?$/.test(text)) throw new InvalidInputError(`worker stake ${action}: "${text}" is not an amount of ETH`, { hint: 'a positive decimal number such as 0.5' })
  const wei = parseEther(text)
  if (wei === 0n) throw new InvalidInputError(`worker stake ${action}: the amount must be more than 0`)
  return wei
}

/** The stake, what unbonds when, and what the contract requires, as printable lines. */
async function describeStake (client: ChainClient, contract: Address, account: Address): Promise<{ value: Record<string, unknown>, lines: string[] }> {
  const [c, minimum, perPending] = await Promise.all([
    getContributor(client, { address: contract, account }),
    readStaking(client, contract, 'minimumStake'),
    readStaking(client, contract, 'stakePerPending')
  ])
  const required = requiredStake(c, minimum, perPending)
  const unbonding = c.unbondingAmount === 0n
    ? 'nothing unbonding'
    : `${formatEther(c.unbondingAmount)} ETH unbonding, ${c.unbondingReleaseTime * 1000n <= BigInt(Date.now()) ? 'withdrawable now' : `withdrawable from ${new Date(Number(c.unbondingReleaseTime) * 1000).toISOString()}`}`
  const lines = [
    `${account}: ${c.registered ? 'registered' : 'not registered'}, stake ${formatEther(c.stake)} ETH (minimum ${formatEther(minimum)} ETH${c.stake < minimum && c.registered ? ', under-staked: top up with worker stake add' : ''})`,
    `${unbonding}; ${c.pendingContributions} pending contributions (up to ${c.maxPendingContributions}), which keep ${formatEther(required)} ETH staked; slashed so far ${formatEther(c.totalSlashed)} ETH`
  ]
  return { value: { address: account, ...c, minimumStake: minimum, stakePerPending: perPending, requiredWhilePending: required }, lines }
}

/** What requestUnstake leaves in place: pending x stakePerPending, at least the minimum, or nothing without pending work. */
function requiredStake (c: Contributor, minimum: bigint, perPending: bigint): bigint {
  if (c.pendingContributions === 0) return 0n
  const r = BigInt(c.pendingContributions) * perPending
  return r < minimum ? minimum : r
}

/** `worker stake`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  const [action = 'show', amountText, ...extra] = positionals
  if (!['show', 'add', 'unstake', 'withdraw'].includes(action)) throw new InvalidInputError(`unknown worker stake action "${action}"`, { hint: 'use show, add ETH, unstake ETH or withdraw' })
  const unexpected = action === 'add' || action === 'unstake' ? extra : [amountText, ...extra].filter((x) => x !== undefined)
  if (unexpected.length > 0) throw new InvalidInputError(`worker stake ${action}: unexpected argument "${unexpected[0]}"`, { hint: 'use show, add ETH, unstake ETH or withdraw' })
  const amount = action === 'add' || action === 'unstake' ? ethAmount(amountText, action) : 0n
  const contract = requireContract(o.contract, 'stake')
  const account = await loadAccount({ keystorePath: o.keystore })
  const client = await createChainClient({ rpcUrl: o['rpc-url'], account })
  let done: Record<string, unknown> = {}
  let said: string[] = []
  if (action === 'add') {
    const c = await getContributor(client, { address: contract, account: account.address })
    if (c.registered) {
      const r = await addStake(client, { address: contract, value: amount })
      done = { action, amount, stake: r.stake, txHash: r.hash }
      said = [`added ${formatEther(amount)} ETH (tx ${r.hash})`]
    } else {
      const r = await registerContributor(client, { address: contract, stake: amount })
      done = { action: 'register', amount, txHash: r.hash }
      said = [`registered ${account.address} with ${formatEther(amount)} ETH (tx ${r.hash})`]
    }
  } else if (action === 'unstake') {
    const r = await requestUnstake(client, { address: contract, amount })
    done = { action, amount, unbonding: r.unbonding, releaseTime: r.releaseTime, txHash: r.hash }
    said = [`unbonding ${formatEther(amount)} ETH more (tx ${r.hash}); withdraw with worker stake withdraw from ${new Date(Number(r.releaseTime) * 1000).toISOString()}`]
  } else if (action === 'withdraw') {
    // Nothing unbonding, or not yet released: the contract's revert is the one-line error.
    const r = await withdrawStake(client, { address: contract })
    done = { action, amount: r.amount, txHash: r.hash }
    said = [`withdrew ${formatEther(r.amount)} ETH to ${account.address} (tx ${r.hash})`]
  }
  const now = await describeStake(client, contract, account.address)
  printResult(o.json, action === 'show' ? now.value : { ...done, now: now.value }, [...said, ...now.lines])
}

export const summary = 'show, add, unbond and withdraw the stake behind the worker account'
