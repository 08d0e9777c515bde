import { formatEther, getAddress, type Address } from 'viem'
import { getContributor, readStaking, type ChainClient, type Contributor } from '../../lib/chain/index.ts'
import { oneLine } from '../../lib/errors.ts'
import { ErrorCode, ProtocolError } from '../../lib/net/index.ts'

/** Why a contributor record cannot commit work on chain, or undefined when it can. */
export function ineligibility (c: Contributor, minimum: bigint): string | undefined {
  if (!c.registered) return 'not registered on the staking contract'
  if (c.stake < minimum) return `stake ${formatEther(c.stake)} ETH is below the minimum ${formatEther(minimum)} ETH`
  return undefined
}

/** How long the contract's minimum stake is trusted (the owner changes it by a timelocked proposal, so rarely). */
const MINIMUM_TTL_MS = 60_000
/** How long an address found staked is let in without a read (a slash later is caught before each round by a fresh read). */
const ELIGIBLE_TTL_MS = 30_000
/** Addresses remembered as staked; past it the oldest are forgotten (they cost one read more, nothing else). */
const MAX_ELIGIBLE = 10_000

/**
 * The coordinator's stake check at join, when it runs with a contract: an
 * address that is not registered with at least the minimum stake is refused
 * with NOT_STAKED before it gets a worker row, an assignment or a place in
 * the live count, so unstaked identities cost the coordinator one chain read
 * and nothing else.
 *
 * Cheap: the minimum stake and the addresses found staked are cached; one
 * `getContributor` read per join of an address not found staked lately. Never refuses on stale data: a refusal always rests on a read
 * made for this join (a worker that staked a moment ago and joins again must
 * get in), and a chain that does not answer gives BUSY (try again), not a
 * refusal.
 *
 * @example
 * const stake = new JoinStakeCheck({ client, contract })
 * await stake.check(address) // throws ProtocolError NOT_STAKED or BUSY
 */
export class JoinStakeCheck {
  private readonly client: ChainClient
  private readonly contract: Address
  private readonly now: () => number
  private minimum: { at: number, value: Promise<bigint> } | undefined
  private readonly eligible = new Map<string, number>()

  constructor (init: { client: ChainClient, contract: Address, now?: () => number }) {
    this.client = init.client
    this.contract = init.contract
    this.now = init.now ?? Date.now
  }

  /** Resolves when `address` may join; throws ProtocolError NOT_STAKED (with the minimum) or BUSY (chain unreachable). */
  async check (address: Address): Promise<void> {
    const key = address.toLowerCase()
    const t = this.now()
    const seen = this.eligible.get(key)
    if (seen !== undefined && t - seen < ELIGIBLE_TTL_MS) return
    let record: Contributor
    let minimum: bigint
    try {
      [record, minimum] = await Promise.all([
        getContributor(this.client, { address: this.contract, account: getAddress(address) }),
        this.minimumStake()
      ])
    } catch (err) {
      throw new ProtocolError(ErrorCode.ERROR_CODE_BUSY, `cannot read the staking contract to check the stake: ${oneLine(err).slice(0, 120)}`, { cause: err })
    }
    const reason = ineligibility(record, minimum)
    if (reason !== undefined) {
      this.eligible.delete(key)
      throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_STAKED, `${getAddress(address)} cannot join: ${reason} (contract ${this.contract}); stake at least ${formatEther(minimum)} ETH, then join again`)
    }
    if (this.eligible.size >= MAX_ELIGIBLE) this.eligible.delete(this.eligible.keys().next().value as string)
    this.eligible.set(key, t)
  }

  private async minimumStake (): Promise<bigint> {
    const t = this.now()
    if (this.minimum != null && t - this.minimum.at < MINIMUM_TTL_MS) return await this.minimum.value
    const value = readStaking(this.client, this.contract, 'minimumStake')
    this.minimum = { at: t, value }
    value.catch(() => { if (this.minimum?.value === value) this.minimum = undefined })
    return await value
  }
}
