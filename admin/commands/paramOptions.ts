import { parseEther } from 'viem'
import type { StakingParams } from '../../lib/chain/index.ts'
import type { OptionSpecs, ResolvedOptions } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'

/** One flag per contract parameter (amounts in ETH, durations in seconds, shares in bps). */
export const paramOptions = {
  'minimum-stake': { type: 'string', description: 'least stake to register and submit, ETH' },
  'stake-per-pending': { type: 'string', description: 'stake that backs one pending contribution, ETH' },
  'base-rewards': { type: 'string', description: 'base rewards ComputePower,Dataset,Validation in ETH, e.g. 0.01,0.02,0.005' },
  quorum: { type: 'number', description: 'validators that must agree (>= 2 and more than half of them)' },
  'reward-lock': { type: 'number', description: 'seconds a reward stays locked (and slashable)' },
  unbonding: { type: 'number', description: 'seconds between unstake and withdraw' },
  'slash-bps': { type: 'number', description: 'share of stake slashed per fraud finding, bps (100..5000)' },
  'reporter-share-bps': { type: 'number', description: 'share of a slash paid to the reporters, bps (0..2000)' },
  'pending-timeout': { type: 'number', description: 'seconds before unscored work expires' }
} as const satisfies OptionSpecs

const eth = (text: string, name: string): bigint => {
  if (!/^\d+(\.\d{1,18})?$/.test(text)) throw new InvalidInputError(`--${name}: "${text}" is not an amount of ETH`)
  return parseEther(text)
}

/** The parameters the flags set (the contract checks their bounds). */
export function paramChanges (o: ResolvedOptions<typeof paramOptions>): Partial<StakingParams> {
  const c: Partial<StakingParams> = {}
  if (o['minimum-stake'] !== undefined) c.minimumStake = eth(o['minimum-stake'], 'minimum-stake')
  if (o['stake-per-pending'] !== undefined) c.stakePerPending = eth(o['stake-per-pending'], 'stake-per-pending')
  if (o['base-rewards'] !== undefined) {
    const parts = o['base-rewards'].split(',')
    if (parts.length !== 3) throw new InvalidInputError('--base-rewards needs three amounts: ComputePower,Dataset,Validation')
    c.baseRewards = [eth(parts[0], 'base-rewards'), eth(parts[1], 'base-rewards'), eth(parts[2], 'base-rewards')]
  }
  if (o.quorum !== undefined) c.quorum = o.quorum
  if (o['reward-lock'] !== undefined) c.rewardLockPeriod = BigInt(o['reward-lock'])
  if (o.unbonding !== undefined) c.unbondingPeriod = BigInt(o.unbonding)
  if (o['slash-bps'] !== undefined) c.slashBps = o['slash-bps']
  if (o['reporter-share-bps'] !== undefined) c.reporterShareBps = o['reporter-share-bps']
  if (o['pending-timeout'] !== undefined) c.pendingTimeout = BigInt(o['pending-timeout'])
  return c
}
