import type { Address } from 'viem'
import { getAddress } from 'viem'
import { readStaking, type ChainClient } from '../../lib/chain/index.ts'
import { getContributor } from '../../lib/chain/actions/getContributor.ts'
import type { CoordinatorEvent } from '../events.ts'
import type { ChainView } from '../service/ChainView.ts'
import { ineligibility } from '../service/JoinStakeCheck.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { ShardInfo, WorkerRecord } from '../store/records.ts'
import type { RoundManager } from './RoundManager.ts'
import { acceptsSubmissions } from './roundStates.ts'

/** How often the stake of a worker with an overdue assignment is read again. */
const RECHECK_MS = 10_000

/** What the opening policy reads and does. */
export interface RoundOpenerInit {
  store: CoordinatorStore
  rounds: RoundManager
  /** Stop after this many done rounds; 0 runs forever. */
  maxRounds: number
  /** Workers the first round waits for. */
  minWorkers: number
  minUpdates: number
  /** The shards and stored plan (hyper-parameters, model) of every round. */
  shards: () => ShardInfo[]
  plan: Record<string, unknown>
  chain?: { client: ChainClient, contract: Address, view: ChainView }
  emit: (e: CoordinatorEvent) => void
}

/**
 * The round-opening policy: when no round runs, open the next one once
 * enough workers are live; finish after `maxRounds` done rounds. The first
 * round waits for the initial fleet (--min-workers); later ones for as many
 * of --min-workers as still exist (a slashed or departed worker is not
 * waited for), never fewer than --min-updates. With a contract, workers that
 * can no longer commit on chain are set inactive first.
 *
 * @example
 * const opener = new RoundOpener({ store, rounds, maxRounds: 2, minWorkers: 3, minUpdates: 2, shards, plan, emit })
 * setInterval(() => { opener.step() }, 500)
 * await opener.finished
 */
export class RoundOpener {
  /** Resolves when `maxRounds` rounds are done (never for 0). */
  readonly finished: Promise<void>
  private readonly init: RoundOpenerInit
  private resolveFinished!: () => void
  private done = false
  private stepping: Promise<void> | undefined
  /** When each overdue worker's stake was last read (dropIneligibleOverdue). */
  private readonly checkedAt = new Map<string, number>()

  constructor (init: RoundOpenerInit) {
    this.init = init
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve })
  }

  /**
   * Opens the next round when none runs and enough workers are live. Calls
   * made while one is in progress share it: the timer fires every 500 ms and
   * the chain read in between can take longer, and a second step that passed
   * the "no round yet" check before the first opened one failed with
   * "cannot open a new round" (logged as tick:failed in normal flow).
   */
  async step (): Promise<void> {
    if (this.stepping !== undefined) return await this.stepping
    this.stepping = this.stepOnce().finally(() => { this.stepping = undefined })
    return await this.stepping
  }

  private async stepOnce (): Promise<void> {
    const { rounds } = this.init
    if (this.done) return
    const current = rounds.currentRound()
    if (current != null) {
      if (acceptsSubmissions(current.state)) await this.dropIneligibleOverdue(current.number)
      return
    }
    const doneRounds = this.doneRounds()
    if (this.init.maxRounds > 0 && doneRounds >= this.init.maxRounds) {
      this.done = true
      this.init.emit({ event: 'coordinator:finished', rounds: doneRounds })
      this.resolveFinished()
      return
    }
    // Stakes are read only when enough workers are live to open a round: the
    // check lists every live worker, and while a fleet gathers it ran on every
    // 500 ms tick. Dropping one makes the count short again, so the next
    // check waits for the next worker to come live.
    if (rounds.liveCount() < this.workersNeeded()) return
    await this.dropIneligibleWorkers()
    if (rounds.currentRound() != null || rounds.liveCount() < this.workersNeeded()) return
    rounds.openRound({ shards: this.init.shards(), hyperParams: this.init.plan })
    await rounds.tick()
  }

  /** Why no round is open, in the words a waiting worker logs ("waiting for 1 more worker to join"). */
  whyNoRound (): string {
    const doneRounds = this.doneRounds()
    if (this.init.maxRounds > 0 && doneRounds >= this.init.maxRounds) return `the coordinator finished its ${doneRounds} round(s)`
    const live = this.init.rounds.liveCount()
    const needed = this.workersNeeded()
    if (live < needed) return `waiting for ${needed - live} more worker${needed - live === 1 ? '' : 's'} to join (the coordinator needs ${needed})`
    return 'waiting for the next round to open'
  }

  /** A count in SQL: asked on every idle poll (whyNoRound), where reading every round ever run would grow with the history. */
  private doneRounds (): number {
    return this.init.store.countRounds('done')
  }

  private workersNeeded (): number {
    const { store, rounds, minWorkers, minUpdates } = this.init
    if (store.getLatestRound() == null) return minWorkers
    const active = rounds.workers.activeCount
    return Math.max(minUpdates, Math.min(minWorkers, active))
  }

  /**
   * A worker slashed below the minimum stake after its round was scheduled
   * can no longer commit its update, and it keeps polling (or stops) while
   * the round waits for it: the liveness window is twice the round timeout,
   * so without this the round sat out its whole training deadline (a devnet
   * whose cheater was slashed just after round 2 opened waited 10 minutes).
   * Only workers whose assignment is already overdue are read, each at most
   * once per `recheckMs`, so an honest round costs no chain reads; an
   * ineligible one is set inactive, which makes its assignment abandoned
   * (decideRoundStep) and lets the round go on without it.
   */
  private async dropIneligibleOverdue (round: number): Promise<void> {
    const chain = this.init.chain
    if (chain == null) return
    const now = this.init.rounds.clock()
    const workers = new Set(this.init.store.listOverdueAssignments(round, now).map(a => a.worker))
    const due = [...workers].map(id => this.init.rounds.workers.get(id))
      .filter((w): w is WorkerRecord => w != null && w.status === 'active' && (this.checkedAt.get(w.peerId) ?? -Infinity) <= now - RECHECK_MS)
    if (due.length === 0) return
    const minimum = await readStaking(chain.client, chain.contract, 'minimumStake')
    for (const w of due) {
      this.checkedAt.set(w.peerId, now)
      const reason = ineligibility(await getContributor(chain.client, { address: chain.contract, account: getAddress(w.address) }), minimum)
      if (reason === undefined) continue
      this.init.rounds.workers.setStatus(w.peerId, 'inactive')
      this.init.emit({ event: 'worker:ineligible', peerId: w.peerId, address: w.address, reason })
    }
  }

  /**
   * With a contract, a worker that can no longer commit on chain (unregistered,
   * or slashed below the minimum stake) is set inactive before a round is
   * scheduled, so it is neither given shards nor waited for. Joining again
   * (after adding stake) makes it active again.
   */
  private async dropIneligibleWorkers (): Promise<void> {
    const chain = this.init.chain
    if (chain == null) return
    const live = this.init.rounds.liveWorkers()
    if (live.length === 0) return
    const [snapshot, minimum] = await Promise.all([
      chain.view.snapshot(live.map(w => getAddress(w.address))),
      readStaking(chain.client, chain.contract, 'minimumStake')
    ])
    for (const w of live) {
      const cached = snapshot.contributors.get(w.address.toLowerCase())
      if (cached == null || ineligibility(cached, minimum) === undefined) continue
      // The snapshot is cached for the dashboard and may predate the worker's
      // registration: a worker that joined, staked and joined again within
      // the cache's lifetime was set inactive on stale data and waited
      // forever. Confirm with a fresh read before acting on it.
      const fresh = await getContributor(chain.client, { address: chain.contract, account: getAddress(w.address) })
      const reason = ineligibility(fresh, minimum)
      if (reason === undefined) continue
      this.init.rounds.workers.setStatus(w.peerId, 'inactive')
      this.init.emit({ event: 'worker:ineligible', peerId: w.peerId, address: w.address, reason })
    }
  }
}
