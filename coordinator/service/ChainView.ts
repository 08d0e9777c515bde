import type { Address } from 'viem'
import { getBlock, getContractEvents } from 'viem/actions'
import { cotrainStakingAbi, getContributor, type ChainClient, type Contributor } from '../../lib/chain/index.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'

type ChainEvent = DashboardStatus['chain']['events'][number]

const KINDS: Record<string, ChainEvent['kind']> = {
  ContributionSubmitted: 'submitted',
  ContributionScored: 'scored',
  ContributionFinalized: 'finalized',
  FraudReported: 'fraud',
  ContributorSlashed: 'slashed',
  RewardsClaimed: 'claimed'
}

/** The newest events the dashboard lists. */
const MAX_EVENTS = 200

/**
 * What the coordinator shows of the chain: each worker's contributor record
 * (reputation, rewards, slashes) and the staking contract's settlement events.
 * Read-only, no key. Reads are cached for `ttlMs` so a dashboard polling every
 * second does not turn into an RPC flood.
 */
export class ChainView {
  readonly client: ChainClient
  readonly contract: Address
  private readonly ttlMs: number
  private cache: { at: number, value: Promise<ChainSnapshot> } | undefined
  /** Block number -> its timestamp (ms); a block's time never changes, so each is read once. */
  private readonly blockTimes = new Map<number, number>()

  constructor (init: { client: ChainClient, contract: Address, ttlMs?: number }) {
    this.client = init.client
    this.contract = init.contract
    this.ttlMs = init.ttlMs ?? 2000
  }

  /** Contributor records of `addresses` and the contract's events, from block 0 (devnet-sized chains). */
  async snapshot (addresses: Address[]): Promise<ChainSnapshot> {
    const now = Date.now()
    if (this.cache != null && now - this.cache.at < this.ttlMs) return await this.cache.value
    const value = this.read(addresses)
    this.cache = { at: now, value }
    value.catch(() => { this.cache = undefined })
    return await value
  }

  private async read (addresses: Address[]): Promise<ChainSnapshot> {
    const contributors = new Map<string, Contributor>()
    await Promise.all(addresses.map(async (account) => {
      contributors.set(account.toLowerCase(), await getContributor(this.client, { address: this.contract, account }))
    }))
    const logs = await getContractEvents(this.client, { address: this.contract, abi: cotrainStakingAbi, fromBlock: 0n })
    const events: ChainEvent[] = []
    for (const log of logs as unknown as Array<{ eventName: string, args: Record<string, unknown>, blockNumber: bigint }>) {
      const kind = KINDS[log.eventName]
      if (kind === undefined) continue
      const a = log.args
      const amount = a.reward ?? a.stakeSlashed ?? a.amount
      events.push({
        kind,
        contributionId: a.id === undefined ? undefined : Number(a.id),
        account: String(a.contributor ?? a.validator ?? a.account ?? ''),
        amountWei: amount === undefined ? undefined : String(amount),
        score: a.medianScore !== undefined ? Number(a.medianScore) : a.qualityScore !== undefined ? Number(a.qualityScore) : undefined,
        block: Number(log.blockNumber)
      })
    }
    const shown = events.slice(-MAX_EVENTS)
    // Event times for people (the page shows them in the browser's local time), one block read per new block.
    const unknown = [...new Set(shown.map(e => e.block))].filter(b => !this.blockTimes.has(b))
    await Promise.all(unknown.map(async (b) => {
      const block = await getBlock(this.client, { blockNumber: BigInt(b) })
      this.blockTimes.set(b, Number(block.timestamp) * 1000)
    }))
    for (const e of shown) e.at = this.blockTimes.get(e.block)
    return { contributors, events: shown }
  }
}

/** One read of the chain: contributors by lower-case address, and events oldest first. */
export interface ChainSnapshot {
  contributors: Map<string, Contributor>
  events: ChainEvent[]
}
