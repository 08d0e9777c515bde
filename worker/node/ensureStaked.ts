import { formatEther, type Address } from 'viem'
import { getContributor, readStaking, type WalletChainClient } from '../../lib/chain/index.ts'
import { CotrainError, InvalidInputError } from '../../lib/errors.ts'
import type { Outbox } from '../chain/Outbox.ts'

/** The worker's account has no stake on the contract and the user did not agree to stake. */
export class NotStakedError extends CotrainError {
  override name = 'NotStakedError'
}

/** How the user agrees to stake: an amount given up front (--stake), or a question asked at a terminal. */
export interface StakeConsent {
  /** Wei the user agreed to stake when the account is not registered. */
  stake?: bigint
  /** Asked when `stake` is not given: resolves true only on an explicit yes. Absent: nobody to ask. */
  confirm?: (question: { minimum: bigint, address: Address, contract: Address }) => Promise<boolean>
}

/**
 * Makes sure the account is registered before any work is committed, moving
 * money only with the user's word: an amount given as `--stake`, or a yes at
 * a terminal prompt. Runs after the coordinator answered the join, and reads
 * the contract first (so a wrong --contract fails here, with nothing sent).
 * A registration the outbox already holds (agreed to before a restart) is
 * resumed, not repeated.
 */
export async function ensureStaked (chain: WalletChainClient, outbox: Outbox, params: { contract: Address, address: Address, consent: StakeConsent, log: (line: string) => void, signal: AbortSignal }): Promise<{ staked: bigint | null }> {
  const { contract, address, consent, log, signal } = params
  const me = await getContributor(chain, { address: contract })
  if (me.registered) {
    if (consent.stake !== undefined) log(`${address} is registered already with ${formatEther(me.stake)} ETH staked; --stake is not used (worker stake add ETH adds more)`)
    return { staked: null }
  }
  const pending = outbox.entries().find((e) => e.intent.kind === 'registerContributor' && e.state !== 'failed')
  if (pending !== undefined) {
    log(`resuming the registration of ${address} sent before the restart`)
    await outbox.waitFor(pending.id, { signal })
    return { staked: null }
  }
  const minimum = await readStaking(chain, contract, 'minimumStake')
  let amount = consent.stake
  if (amount === undefined && consent.confirm !== undefined && await consent.confirm({ minimum, address, contract })) amount = minimum
  if (amount === undefined) {
    throw new NotStakedError(`${address} is not registered on the staking contract ${contract}; the worker stakes only when told to`, { hint: `pass --stake ${formatEther(minimum)} (the minimum, in ETH), or run worker stake add ${formatEther(minimum)} first` })
  }
  if (amount < minimum) throw new InvalidInputError(`--stake ${formatEther(amount)} ETH is under the contract's minimum of ${formatEther(minimum)} ETH`, { hint: `pass --stake ${formatEther(minimum)} or more` })
  log(`registering ${address} with a stake of ${formatEther(amount)} ETH`)
  const entry = await outbox.enqueue({ kind: 'registerContributor', stake: amount })
  await outbox.waitFor(entry.id, { signal })
  return { staked: amount }
}
