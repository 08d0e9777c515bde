/** Rows of the coordinator's database, as the rest of the coordinator sees them. */
import type { RoundSeed } from '../../lib/hash/roundSeed.ts'


/** A round's life: open -> training -> collecting -> verifying -> aggregating -> done, or failed. */
export type RoundState = 'open' | 'training' | 'collecting' | 'verifying' | 'aggregating' | 'done' | 'failed'

export type WorkerStatus = 'active' | 'inactive' | 'banned'

/** What a worker reported about itself; `samplesPerSec` is its measured training speed. */
export interface WorkerCapabilities {
  samplesPerSec?: number
  [key: string]: unknown
}

export interface WorkerRecord {
  peerId: string
  /** Lower-case 0x-prefixed Ethereum address bound to the peer id. */
  address: string
  capabilities: WorkerCapabilities
  /** Speed the scheduler uses: reported, then smoothed with observed speed. */
  samplesPerSec: number
  status: WorkerStatus
  joinedAt: number
  lastSeen: number
}

/** A content-addressed data shard and how many samples it holds. */
export interface ShardInfo {
  id: string
  samples: number
}

export interface RoundRecord {
  number: number
  state: RoundState
  /** Content id of the global model W_r the round trains from. */
  modelId: string
  hyperParams: Record<string, unknown>
  /** Seed of the round's deterministic batch order. */
  seed: RoundSeed
  shards: ShardInfo[]
  minUpdates: number
  /** Deadline of the current state (ms since epoch). */
  deadline: number
  extensions: number
  openedAt: number
  closedAt?: number
  /** W_{r+1}, once aggregated. */
  resultModelId?: string
  /** Blob id of the Nesterov momentum after this round. */
  momentumId?: string
  loss?: number
  accuracy?: number
  failureReason?: string
}

export interface RoundTransition {
  id: number
  round: number
  from: RoundState | null
  to: RoundState
  at: number
  deadline: number
  reason: string
}

export type AssignmentState = 'assigned' | 'submitted' | 'missed'

export interface AssignmentRecord {
  id: number
  round: number
  worker: string
  shardIds: string[]
  samples: number
  state: AssignmentState
  deadline: number
  /** The missed assignment whose shards this one took over. */
  reassignedFrom?: number
  createdAt: number
}

export type VerificationStatus = 'pending' | 'accepted' | 'rejected'

export interface SubmissionRecord {
  id: number
  round: number
  worker: string
  assignmentId: number
  /** Hex commitment, the on-chain `dataHash`. */
  commitment: string
  deltaId: string
  proofRoot: string
  leafCount: number
  samples: number
  /** L2 norm of the delta as received (the clipping bound is a multiple of the round's median). */
  deltaNorm?: number
  /** On-chain contribution id (uint256 as a decimal string). */
  contributionId?: string
  status: VerificationStatus
  statusReason?: string
  receivedAt: number
  verifiedAt?: number
  /** The UpdateSubmission as received without its delta payload (leaves, replay spec, encoding, scales); absent only on rows of an old data dir not imported yet. */
  proof?: Uint8Array
}

export interface ScoreRecord {
  id: number
  submissionId: number
  validator: string
  score: number
  fraud: boolean
  evidence?: string
  createdAt: number
}

export interface ModelVersion {
  /** Content id: sha256 of the canonical float32 bytes. */
  id: string
  /** Round that produced it (0 = the initial model). */
  round: number
  numParams: number
  sizeBytes: number
  /** Path relative to the blob folder. */
  path: string
  loss?: number
  accuracy?: number
  createdAt: number
}

/** One line of the quality history: the model a round produced and how it scored. */
export interface RoundMetrics {
  round: number
  state: RoundState
  modelId?: string
  loss?: number
  accuracy?: number
  acceptedUpdates: number
  closedAt?: number
}
