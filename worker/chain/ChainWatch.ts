import { formatEther, parseAbiItem, type Address } from 'viem'
import { getBlockNumber, getLogs } from 'viem/actions'
import type { ChainClient } from '../../lib/chain/index.ts'
import { challengeWindowSeconds } from '../../lib/challenge/challengeWindow.ts'
import { oneLine } from '../../lib/errors.ts'

/** What the watch reports about this worker's contributions. */
export type ChainWatchEvent =
  | { event: 'contribution:reported', contributionId: string, validator: string, evidenceHash: string, reportCount: number, block: string }
  | { event: 'contributor:slashed', contributionId: string, stakeSlashed: string, rewardsSlashed: string, block: string }

export interface ChainWatchOptions {
  client: ChainClient
  contract: Address
  /** The worker's address. */
  worker: Address
  /** This worker's contribution ids (the state file's), asked at every poll. */
  contributionIds: () => Iterable<string>
  onEvent: (e: ChainWatchEvent) => void
  /** Where poll failures are said. */
  log?: (line: string) => void
  pollMs?: number
}

const FRAUD_REPORTED = parseAbiItem('event FraudReported(uint256 indexed id, address indexed validator, bytes32 evidenceHash, uint8 reportCount)')
const SLASHED = parseAbiItem('event ContributorSlashed(uint256 indexed id, address indexed contributor, uint256 stakeSlashed, uint256 rewardsSlashed, uint256 toPool, uint256 toReporters)')

/** Margin added to the contract's window before a worker deletes checkpoints: a verifier at the window's edge still finds them. */
export const RETENTION_MARGIN_SECONDS = 600

/**
 * Watches the chain for what concerns this worker's stake: a fraud report on
 * one of its contributions and a slash, said at once (an event, which
 * `worker start` prints as a REPORTED / SLASHED line, for `worker status` and
 * the dashboard) rather than found later in a
 * smaller balance. Also reads how long a contribution can be challenged
 * (lib/challenge challengeWindowSeconds: pending timeout + reward lock
 * period), which is how long the worker keeps its checkpoints.
 *
 * @example
 * const watch = new ChainWatch({ client, contract, worker: address, contributionIds: () => ids, onEvent: emit, log })
 * await watch.start(signal); watch.challengeWindowSeconds // 300 on the devnet
 */
export class ChainWatch {
  readonly options: ChainWatchOptions
  /** Seconds a contribution can still be challenged after it is submitted (challengeWindowSeconds + margin); 0 until started. */
  challengeWindowSeconds = 0
  private fromBlock = 0n
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private readonly seen = new Set<string>()

  constructor (options: ChainWatchOptions) {
    this.options = options
  }

  async start (): Promise<void> {
    const { client, contract } = this.options
    this.challengeWindowSeconds = await challengeWindowSeconds(client, contract) + RETENTION_MARGIN_SECONDS
    // Reports from before this start are shown too: a worker restarted after being reported must still say so.
    this.fromBlock = 0n
    await this.poll()
    this.schedule()
  }

  stop (): void {
    this.stopped = true
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  private schedule (): void {
    if (this.stopped) return
    this.timer = setTimeout(() => { void this.poll().finally(() => { this.schedule() }) }, this.options.pollMs ?? 5000)
    this.timer.unref?.()
  }

  /** Reads new reports and slashes since the last poll. */
  async poll (): Promise<void> {
    const { client, contract, worker } = this.options
    try {
      const to = await getBlockNumber(client, { cacheTime: 0 })
      if (to < this.fromBlock) return
      const ids = new Set([...this.options.contributionIds()].map(String))
      const [reports, slashes] = await Promise.all([
        ids.size === 0 ? [] : getLogs(client, { address: contract, event: FRAUD_REPORTED, args: { id: [...ids].map(BigInt) }, fromBlock: this.fromBlock, toBlock: to }),
        getLogs(client, { address: contract, event: SLASHED, args: { contributor: worker }, fromBlock: this.fromBlock, toBlock: to })
      ])
      for (const l of reports) {
        const key = `r:${l.transactionHash}:${l.logIndex}`
        if (this.seen.has(key)) continue
        this.seen.add(key)
        const e = { event: 'contribution:reported' as const, contributionId: String(l.args.id), validator: String(l.args.validator), evidenceHash: String(l.args.evidenceHash), reportCount: Number(l.args.reportCount), block: l.blockNumber.toString() }
        this.options.onEvent(e)
      }
      for (const l of slashes) {
        const key = `s:${l.transactionHash}:${l.logIndex}`
        if (this.seen.has(key)) continue
        this.seen.add(key)
        const e = { event: 'contributor:slashed' as const, contributionId: String(l.args.id), stakeSlashed: formatEther(l.args.stakeSlashed as bigint), rewardsSlashed: formatEther(l.args.rewardsSlashed as bigint), block: l.blockNumber.toString() }
        this.options.onEvent(e)
      }
      this.fromBlock = to + 1n
    } catch (err) {
      this.options.log?.(`chain watch: ${oneLine(err)} (retried)`)
    }
  }
}
