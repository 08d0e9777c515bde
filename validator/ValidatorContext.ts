import type { DialTarget } from '@libp2p/interface'
import type { Address } from 'viem'
import { ContractRevertedError, type WalletChainClient } from '../lib/chain/index.ts'
import type { CotrainNode } from '../lib/net/index.ts'
import type { BackendName } from '../lib/training/selectBackend.ts'
import type { ValidatorState } from './validatorState.ts'
import type { ValidatorEvent } from './events.ts'

export interface ValidatorServiceOptions {
  dataDir: string
  /** The coordinator's multiaddr (with /p2p/<id>). */
  coordinator: string
  wallet: WalletChainClient
  contract: Address
  /** Stop after this many rounds are validated (0 = run until stop()). */
  rounds?: number
  /**
   * First round to look at (default: where the saved state left off, else the
   * coordinator's current round: a new validator does not go back over
   * contributions whose checkpoints may be gone and whose challenge window
   * may have passed).
   */
  fromRound?: number
  /** Submissions verified at once (default 2): one slow or stalling worker does not hold the others. */
  concurrency?: number
  pollMs?: number
  heldOutSamples?: number
  /** How long a worker may be unreachable before its silence counts as withholding its proof. */
  proofWindowMs?: number
  /** Mine a block for a challenge seed that is not ready (dev chains; default: chain id 31337). */
  mineSeeds?: boolean
  /** Submit a Validation contribution per batch and score other validators' (default true). */
  validationContributions?: boolean
  /**
   * The TensorFlow.js backend replays run on (default auto: the fastest that
   * loads). Replaying is most of a validator's work: on the pure-JS cpu
   * backend it is about 4x slower than on wasm.
   */
  backend?: BackendName | 'auto'
  node?: CotrainNode
  onEvent?: (e: ValidatorEvent) => void
}

/**
 * What every validator job (verify and report, dataset scoring, validation
 * batches) works with, made once by ValidatorService.start().
 */
export interface ValidatorContext {
  readonly options: ValidatorServiceOptions
  readonly node: CotrainNode
  readonly address: Address
  readonly coordinator: DialTarget
  /** Aborted by stop(): every wait and transfer ends with it. */
  readonly signal: AbortSignal
  /** The persisted state (mutated in place, then save()). */
  readonly state: ValidatorState
  save: () => void
  /** Content by id from the coordinator, cached on disk. */
  content: (id: Uint8Array | string) => Promise<Uint8Array>
  emit: (e: ValidatorEvent) => void
}

/** Errors that retrying cannot mend: the account lacks the validator role. */
export function isFatal (err: unknown): boolean {
  return err instanceof ContractRevertedError && err.errorName === 'ValidatorUnauthorized'
}
