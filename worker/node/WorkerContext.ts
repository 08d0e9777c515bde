import type { Address } from 'viem'
import type { WalletChainClient } from '../../lib/chain/index.ts'
import type { CotrainNode } from '../../lib/net/index.ts'
import type { BackendSelection } from '../../lib/training/selectBackend.ts'
import type { Outbox } from '../chain/Outbox.ts'
import type { HardwareInfo } from '../hardware/detectHardware.ts'
import type { Capability } from '../hardware/measureCapability.ts'
import type { CheckpointServer } from './CheckpointServer.ts'
import type { ContentCache } from './ContentCache.ts'
import type { CoordinatorLink } from './CoordinatorLink.ts'
import type { WorkerEvent } from './events.ts'
import type { WorkerNodeOptions } from './WorkerNode.ts'
import type { WorkerMetrics } from './workerMetrics.ts'
import type { TrainingGate } from './TrainingGate.ts'
import type { WorkerState } from './WorkerState.ts'

/**
 * Everything a running worker has set up, complete before the first round:
 * what `WorkerNode.start` builds and the round runner works with. Nothing in
 * it is filled in later, so nothing needs a cast.
 */
export interface WorkerContext {
  readonly options: WorkerNodeOptions
  readonly address: Address
  /** Aborted by stop() or the caller's signal; every wait passes it on. */
  readonly signal: AbortSignal
  readonly log: (line: string) => void
  readonly emit: (e: WorkerEvent) => void
  readonly hardware: HardwareInfo
  readonly capability: Capability
  readonly backend: BackendSelection
  readonly node: CotrainNode
  readonly coordinator: CoordinatorLink
  readonly checkpoints: CheckpointServer
  readonly cache: ContentCache
  readonly state: WorkerState
  readonly metrics: WorkerMetrics
  /** Chain transactions, exactly once; absent without --contract. */
  readonly outbox: Outbox | undefined
  /** The chain client (with --contract), for reading the worker's standing. */
  readonly chain: WalletChainClient | undefined
  /**
   * Seconds a contribution can still be challenged after it is committed
   * (lib/challenge challengeWindowSeconds + a margin): how long checkpoints
   * are kept. 0 without --contract (nothing can be slashed).
   */
  readonly challengeWindowSeconds: number
  /** Holds training between steps (pause, schedule, idle, CPU limit). */
  readonly gate: TrainingGate
  /** What the worker is doing now, for `worker status` over the control socket. */
  readonly live: LiveStatus
}

/** What the worker is doing now (updated as it goes). */
export interface LiveStatus {
  phase: 'starting' | 'waiting' | 'fetching' | 'training' | 'committing' | 'submitting' | 'serving'
  round: number | null
  step: number
  steps: number
  /** Why it waits, as the coordinator said (e.g. "waiting for 1 more worker"). */
  waitingFor?: string
}
