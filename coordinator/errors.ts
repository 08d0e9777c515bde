import { CotrainError } from '../lib/errors.ts'

/** A second submission for the same (round, worker) or the same commitment; the first stays. */
export class DuplicateSubmissionError extends CotrainError {
  override name = 'DuplicateSubmissionError'
  readonly round: number
  readonly worker: string
  readonly conflict: 'round-worker' | 'commitment'
  readonly existingId: number
  constructor (input: { round: number, worker: string, conflict: 'round-worker' | 'commitment', existingId: number }) {
    const what = input.conflict === 'commitment'
      ? `commitment already submitted (submission ${input.existingId})`
      : `worker ${input.worker} already submitted for round ${input.round} (submission ${input.existingId})`
    super(`duplicate submission: ${what}`, { hint: 'each worker submits once per round, each commitment once' })
    this.round = input.round
    this.worker = input.worker
    this.conflict = input.conflict
    this.existingId = input.existingId
  }
}

/** An action the round's current state does not allow (e.g. a submission while verifying). */
export class RoundStateError extends CotrainError {
  override name = 'RoundStateError'
  readonly round: number
  readonly state: string
  constructor (round: number, state: string, action: string, hint?: string) {
    super(`round ${round} is ${state}: cannot ${action}`, hint == null ? {} : { hint })
    this.round = round
    this.state = state
  }
}

/** A message about a round other than the current one. */
export class StaleRoundError extends CotrainError {
  override name = 'StaleRoundError'
  readonly round: number
  readonly current: number | undefined
  constructor (round: number, current: number | undefined) {
    super(`round ${round} is not the current round (current: ${current ?? 'none'})`, { hint: 'fetch the current round and its assignment' })
    this.round = round
    this.current = current
  }
}

/** A worker's assignment is missing, reassigned to someone else, or already used. */
export class AssignmentError extends CotrainError {
  override name = 'AssignmentError'
}

/** A delta that cannot be aggregated: wrong length or a NaN/Infinity value. */
export class InvalidDeltaError extends CotrainError {
  override name = 'InvalidDeltaError'
  readonly index?: number
  constructor (message: string, options: { index?: number, hint?: string } = {}) {
    super(message, { hint: options.hint })
    this.index = options.index
  }
}

/** A row or blob that is not in the store. */
export class NotFoundError extends CotrainError {
  override name = 'NotFoundError'
}

/** An Ethereum address already bound to another peer id. */
export class WorkerAddressTakenError extends CotrainError {
  override name = 'WorkerAddressTakenError'
  constructor (address: string, peerId: string) {
    super(`address ${address} is already bound to peer ${peerId}`, { hint: 'restart the worker with its original identity file' })
  }
}

/** Too few live workers to schedule a round that needs a minimum of updates. */
export class NotEnoughWorkersError extends CotrainError {
  override name = 'NotEnoughWorkersError'
  constructor (live: number, needed: number) {
    super(`only ${live} live workers, the round needs at least ${needed}`, { hint: 'wait for more workers to join or lower minUpdates' })
  }
}

/** A database made by a newer cotrain, or a migration that failed. */
export class StoreSchemaError extends CotrainError {
  override name = 'StoreSchemaError'
}

/** A banned worker trying to join again. */
export class WorkerBannedError extends CotrainError {
  override name = 'WorkerBannedError'
  constructor (peerId: string) {
    super(`worker ${peerId} is banned`)
  }
}

/**
 * The coordinator's database file is empty or not a readable SQLite database.
 * Never replaced by a fresh one: that would silently drop the history of
 * rounds, submissions and scores.
 */
export class CorruptDatabaseError extends CotrainError {
  override name = 'CorruptDatabaseError'
  readonly path: string
  constructor (path: string, problem: string, options: { cause?: unknown } = {}) {
    super(`coordinator database ${path} ${problem}`, {
      hint: `restore it from a backup (stop the coordinator, copy the backup over ${path}, delete ${path}-wal and ${path}-shm); only if no round history needs keeping, move it away and start again for a fresh history`,
      cause: options.cause
    })
    this.path = path
  }
}
