import type { Address } from 'viem'
import type { ChainClient } from '../../lib/chain/index.ts'
import type { AnnouncementListeners } from '../../lib/net/index.ts'
import type { ModelConfig } from '../../lib/model/config.ts'
import type { CoordinatorEvent } from '../events.ts'
import type { RoundManager } from '../rounds/RoundManager.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { ShardInfo } from '../store/records.ts'
import type { CoordinatorMetrics } from './CoordinatorMetrics.ts'
import type { JoinStakeCheck } from './JoinStakeCheck.ts'
import type { ListenAddrBook } from './ListenAddrBook.ts'
import type { ProviderBook } from '../scheduling/ProviderBook.ts'

/** One shard of the training set: what the rounds schedule and the content service serves (its samples are in the blob store, not in memory). */
export interface ShardEntry { info: ShardInfo, index: number, size: number }

/**
 * What the coordinator's protocol handlers and round-opening policy work
 * with: the store, the round logic, the shards, the chain (when a contract
 * is set), the metrics and the event stream. CoordinatorService builds it at
 * start, once each part exists.
 */
export interface CoordinatorContext {
  readonly store: CoordinatorStore
  readonly rounds: RoundManager
  readonly model: ModelConfig
  readonly shards: ReadonlyMap<string, ShardEntry>
  readonly chain: { client: ChainClient, contract: Address } | undefined
  readonly metrics: CoordinatorMetrics
  readonly addrs: ListenAddrBook
  /** Peers subscribed to the round announcements: they are woken by the next one and need not poll for it. */
  readonly listeners: AnnouncementListeners
  /** Swarm distribution: who holds the round's model and shards; undefined when it is off. */
  readonly providers: ProviderBook | undefined
  /** With a contract: refuses a join from an address without enough stake. */
  readonly stakeCheck: JoinStakeCheck | undefined
  emit: (e: CoordinatorEvent) => void
  /** Why no round is training now, in the words a waiting worker logs. */
  whyNoRound: () => string
}
