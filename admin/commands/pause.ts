import { setPaused } from '../../lib/chain/index.ts'
import { defineCommand, type Command } from '../../lib/cli/defineCommand.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { adminBaseOptions, noMore, ownerClient, printResult, requireContract } from './adminOptions.ts'

const specs = { ...adminBaseOptions } as const satisfies OptionSpecs

/** `admin pause` (paused = true) or `admin unpause`: the same transaction with the flag set either way. */
export function pauseCommand (paused: boolean): Command {
  const name = paused ? 'pause' : 'unpause'
  return defineCommand({
    summary: paused ? 'pause the contract (exits keep working)' : 'unpause the contract',
    usage: `admin ${name} --contract ADDR`,
    description: paused
      ? 'Stops registering, staking, submitting and scoring at once (claims, unstaking, withdrawals, expiry and fraud reports go on).'
      : 'Lets registering, staking, submitting and scoring resume.',
    options: specs,
    examples: [`npm run admin -- ${name} --contract 0x5FbD...`],
    positionals: true
  }, async (o, { positionals }) => {
    noMore(positionals, `admin ${name}`)
    const contract = requireContract(o.contract, name)
    const client = await ownerClient(o)
    const r = await setPaused(client, { address: contract, paused })
    printResult(o.json, { paused, txHash: r.hash }, [`${paused ? 'paused' : 'unpaused'} the staking contract (tx ${r.hash})`])
  })
}

/** `admin pause`. */
export const { summary, run } = pauseCommand(true)
