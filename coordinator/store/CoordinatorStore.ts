import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InvalidInputError } from '../../lib/errors.ts'
import { CorruptDatabaseError, DuplicateSubmissionError, NotFoundError, WorkerAddressTakenError } from '../errors.ts'
import type { BlobInfo } from './BlobStore.ts'
import { BlobStore } from './BlobStore.ts'
import { GroupCommit } from './GroupCommit.ts'
import { migrate } from './migrations.ts'
import type {
  AssignmentRecord, AssignmentState, ModelVersion, RoundMetrics, RoundRecord, RoundState, RoundTransition,
  ScoreRecord, ShardInfo, SubmissionRecord, VerificationStatus, WorkerCapabilities, WorkerRecord, WorkerStatus
} from './records.ts'
import type { Database } from './sqlite.ts'
import { DatabaseSync, isUniqueViolation } from './sqlite.ts'
import { parseRoundSeed, type RoundSeed } from '../../lib/hash/roundSeed.ts'

export interface OpenCoordinatorStoreOptions {
  /**
   * SQLite `synchronous` in WAL mode. FULL (default) makes every commit durable
   * across power loss; NORMAL survives a process crash but may lose the last
   * commits on power loss, for less fsync per write.
   */
  synchronous?: 'FULL' | 'NORMAL'
  /** Clock for migration timestamps (ms). */
  now?: () => number
  /** How long a group-committed write waits for others to share its commit (durableWrite); default 4 ms. */
  groupWindowMs?: number
}

/** Fields of a new submission; verification status starts `pending`. */
export type NewSubmission = Omit<SubmissionRecord, 'id' | 'status' | 'statusReason' | 'verifiedAt'>

/** File names inside the coordinator's data folder. */
export const DB_FILE = 'coordinator.sqlite'
export const BLOB_DIR = 'blobs'

const TERMINAL_STATES = "('done', 'failed')"

/**
 * The coordinator's persistent state: one SQLite database (WAL, foreign keys,
 * versioned migrations) plus a content-addressed blob folder for models,
 * deltas and optimizer state. Everything a restart needs is in these two; the
 * database holds blob ids, never blob bytes. Database calls are synchronous
 * (node:sqlite); blob calls are async.
 *
 * @example
 * const store = await CoordinatorStore.open('./data')
 * const genesis = await store.putModel(weights, { round: 0, createdAt: Date.now() })
 */
export class CoordinatorStore {
  readonly dir: string
  readonly blobs: BlobStore
  private readonly db: Database
  private closed = false
  /** Prepared statements by SQL text: preparing costs more than running the small queries here. */
  private readonly statements = new Map<string, ReturnType<Database['prepare']>>()
  /** The round in progress as last read or written here; undefined: not cached, null: none. */
  private activeRound: RoundRecord | null | undefined
  /**
   * One round's assignments by worker as last read here (null: none), asked
   * on every assign poll and twice per submission. Assignments change only
   * through this class, which drops an entry it writes and everything on a
   * rollback. Frozen: every caller gets the same object.
   */
  private readonly assignmentCache = { round: -1, byWorker: new Map<string, AssignmentRecord | null>(), workerOf: new Map<number, string>() }
  private readonly group: GroupCommit
  private savepoints = 0

  private constructor (dir: string, db: Database, blobs: BlobStore, groupWindowMs: number | undefined) {
    this.dir = dir
    this.db = db
    this.blobs = blobs
    this.group = new GroupCommit((fn) => { this.transaction(fn) }, { windowMs: groupWindowMs })
  }

  /** Opens (creating and migrating) the store in `dir`: `dir/coordinator.sqlite` and `dir/blobs/`. */
  static async open (dir: string, options: OpenCoordinatorStoreOptions = {}): Promise<CoordinatorStore> {
    mkdirSync(dir, { recursive: true })
    const file = join(dir, DB_FILE)
    // SQLite takes an empty file for a new database; here it is what is left of
    // a lost one (a failed copy, a full disk), and a fresh history would hide that.
    if (statSync(file, { throwIfNoEntry: false })?.size === 0) throw new CorruptDatabaseError(file, 'is empty (0 bytes)')
    let db: Database
    try {
      db = new DatabaseSync(file)
    } catch (err) {
      throw asCorruptDatabase(file, err)
    }
    try {
      // First: switching to WAL takes a lock, and another process (a running
      // coordinator checkpointing as it closes) may hold it for a moment.
      db.exec('PRAGMA busy_timeout = 5000')
      db.exec('PRAGMA journal_mode = WAL')
      db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`)
      db.exec('PRAGMA foreign_keys = ON')
      migrate(db, (options.now ?? Date.now)())
    } catch (err) {
      db.close()
      throw asCorruptDatabase(file, err)
    }
    const blobs = await BlobStore.open(join(dir, BLOB_DIR))
    return new CoordinatorStore(dir, db, blobs, options.groupWindowMs)
  }

  /** Commits queued group writes, then closes the database (checkpointing the WAL). Safe to call twice. */
  close (): void {
    if (this.closed) return
    this.group.flush()
    this.closed = true
    this.db.close()
  }

  /** A prepared statement for `text`, prepared once per store. */
  private sql (text: string): ReturnType<Database['prepare']> {
    let st = this.statements.get(text)
    if (st === undefined) {
      st = this.db.prepare(text)
      this.statements.set(text, st)
    }
    return st
  }

  /** `wal` when the database is in write-ahead-log mode. */
  journalMode (): string {
    return (this.sql('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode
  }

  /** Applied schema version. */
  schemaVersion (): number {
    return (this.sql('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v
  }

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE), rolled back if it
   * throws. A nested call runs in a savepoint of the outer transaction: if it
   * throws, only its own writes are undone (the caller may catch and go on,
   * as a group commit does for each of its writes).
   */
  transaction<T> (fn: () => T): T {
    if (this.db.isTransaction) {
      const name = `sp${++this.savepoints}`
      this.db.exec(`SAVEPOINT ${name}`)
      try {
        const result = fn()
        this.db.exec(`RELEASE ${name}`)
        return result
      } catch (err) {
        this.db.exec(`ROLLBACK TO ${name}`)
        this.db.exec(`RELEASE ${name}`)
        this.forgetCachedRows()
        throw err
      } finally {
        this.savepoints--
      }
    }
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.db.exec('COMMIT')
      return result
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK')
      this.forgetCachedRows()
      throw err
    }
  }

  /** Drops the cached rows: they may have been read or written inside a rolled-back transaction. */
  private forgetCachedRows (): void {
    this.activeRound = undefined
    this.assignmentCache.byWorker.clear()
    this.assignmentCache.workerOf.clear()
  }

  /**
   * Runs `fn` (synchronous writes) in a transaction shared with the other
   * writes made within a few milliseconds (GroupCommit): one durable commit
   * for the group instead of one each. Resolves once committed, so what is
   * acknowledged on it survives a crash (and, at synchronous = FULL, a power
   * cut); rejects with `fn`'s error, its writes undone, or the commit's.
   */
  async durableWrite<T> (fn: () => T): Promise<T> {
    if (this.closed) throw new InvalidInputError('the coordinator store is closed')
    return await this.group.write(fn)
  }

  // ---------------------------------------------------------------- workers

  /**
   * Adds a worker or refreshes one that joins again (same peer id): new
   * capabilities, status active, last seen now. An address already bound to a
   * different peer id is refused.
   */
  upsertWorker (input: { peerId: string, address: string, capabilities: WorkerCapabilities, samplesPerSec: number, at: number }): WorkerRecord {
    const address = input.address.toLowerCase()
    return this.transaction(() => {
      const owner = this.sql('SELECT peer_id FROM workers WHERE address = ?').get(address) as { peer_id: string } | undefined
      if (owner != null && owner.peer_id !== input.peerId) throw new WorkerAddressTakenError(address, owner.peer_id)
      this.sql(`
        INSERT INTO workers (peer_id, address, capabilities, samples_per_sec, status, joined_at, last_seen)
        VALUES (?, ?, ?, ?, 'active', ?, ?)
        ON CONFLICT (peer_id) DO UPDATE SET
          address = excluded.address, capabilities = excluded.capabilities,
          samples_per_sec = excluded.samples_per_sec, status = 'active', last_seen = excluded.last_seen
      `).run(input.peerId, address, JSON.stringify(input.capabilities), input.samplesPerSec, input.at, input.at)
      return this.requireWorker(input.peerId)
    })
  }

  getWorker (peerId: string): WorkerRecord | undefined {
    const row = this.sql('SELECT * FROM workers WHERE peer_id = ?').get(peerId)
    return row == null ? undefined : toWorker(row)
  }

  requireWorker (peerId: string): WorkerRecord {
    const w = this.getWorker(peerId)
    if (w == null) throw new NotFoundError(`unknown worker ${peerId}`, { hint: 'the worker must join first' })
    return w
  }

  /** Workers, optionally only those with a status and seen at or after `seenSince`; ordered by peer id. */
  listWorkers (filter: { status?: WorkerStatus, seenSince?: number } = {}): WorkerRecord[] {
    const rows = this.sql(`
      SELECT * FROM workers
      WHERE (:status IS NULL OR status = :status) AND (:seen IS NULL OR last_seen >= :seen)
      ORDER BY peer_id
    `).all({ status: filter.status ?? null, seen: filter.seenSince ?? null })
    return rows.map(toWorker)
  }

  /** Records that a worker was heard from. */
  touchWorker (peerId: string, at: number): void {
    const r = this.sql('UPDATE workers SET last_seen = MAX(last_seen, ?) WHERE peer_id = ?').run(at, peerId)
    if (r.changes === 0) throw new NotFoundError(`unknown worker ${peerId}`, { hint: 'the worker must join first' })
  }

  /**
   * Writes many workers' last-seen times in one transaction (the registry
   * keeps liveness in memory and flushes it every few seconds, instead of a
   * durable write per assign poll). Unknown peer ids are skipped.
   */
  touchWorkers (seen: Iterable<[string, number]>): void {
    this.transaction(() => {
      const st = this.sql('UPDATE workers SET last_seen = MAX(last_seen, ?) WHERE peer_id = ?')
      for (const [peerId, at] of seen) st.run(at, peerId)
    })
  }

  setWorkerStatus (peerId: string, status: WorkerStatus): void {
    this.sql('UPDATE workers SET status = ? WHERE peer_id = ?').run(status, peerId)
  }

  setWorkerSpeed (peerId: string, samplesPerSec: number): void {
    this.sql('UPDATE workers SET samples_per_sec = ? WHERE peer_id = ?').run(samplesPerSec, peerId)
  }

  setWorkerCapabilities (peerId: string, capabilities: WorkerCapabilities): void {
    this.sql('UPDATE workers SET capabilities = ? WHERE peer_id = ?').run(JSON.stringify(capabilities), peerId)
  }

  // ----------------------------------------------------------------- models

  /**
   * Stores weights as a model version: blob first (atomic), then its row.
   * Storing the same weights again returns the existing version.
   */
  async putModel (weights: Float32Array, meta: { round: number, createdAt: number, loss?: number, accuracy?: number }): Promise<ModelVersion> {
    const blob = await this.blobs.putFloats(weights)
    return this.recordModelVersion({ blob, numParams: weights.length, ...meta })
  }

  /** Inserts the row of a model whose blob is already written (idempotent). */
  recordModelVersion (input: { blob: BlobInfo, numParams: number, round: number, createdAt: number, loss?: number, accuracy?: number }): ModelVersion {
    this.sql(`
      INSERT INTO model_versions (id, round, num_params, size_bytes, path, loss, accuracy, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
    `).run(input.blob.id, input.round, input.numParams, input.blob.size, input.blob.path, input.loss ?? null, input.accuracy ?? null, input.createdAt)
    return this.getModel(input.blob.id)
  }

  /** Sets the evaluation metrics of a model version. */
  setModelMetrics (id: string, metrics: { loss: number, accuracy: number }): void {
    this.sql('UPDATE model_versions SET loss = ?, accuracy = ? WHERE id = ?').run(metrics.loss, metrics.accuracy, id)
  }

  /** A model version by content id; NotFoundError when unknown. */
  getModel (id: string): ModelVersion {
    const m = this.findModel(id)
    if (m == null) throw new NotFoundError(`unknown model ${id}`)
    return m
  }

  findModel (id: string): ModelVersion | undefined {
    const row = this.sql('SELECT * FROM model_versions WHERE id = ?').get(id)
    return row == null ? undefined : toModel(row)
  }

  /** The newest global model: highest round, then newest; undefined before the initial model is stored. */
  getLatestModel (): ModelVersion | undefined {
    const row = this.sql('SELECT * FROM model_versions ORDER BY round DESC, created_at DESC, rowid DESC LIMIT 1').get()
    return row == null ? undefined : toModel(row)
  }

  /** Every model version, oldest first. */
  listModels (): ModelVersion[] {
    return this.sql('SELECT * FROM model_versions ORDER BY round, created_at, rowid').all().map(toModel)
  }

  /** The weights of a model version, hash-checked. */
  async readModelWeights (id: string): Promise<Float32Array> {
    this.getModel(id)
    return await this.blobs.getFloats(id)
  }

  /** Quality per round: the model each round produced and its loss/accuracy, oldest first. */
  getMetricHistory (): RoundMetrics[] {
    const rows = this.sql(`
      SELECT r.number, r.state, r.result_model_id, r.loss, r.accuracy, r.closed_at,
             (SELECT COUNT(*) FROM submissions s WHERE s.round = r.number AND s.status = 'accepted') AS accepted
      FROM rounds r ORDER BY r.number
    `).all() as Array<Record<string, unknown>>
    return rows.map(r => ({
      round: r.number as number,
      state: r.state as RoundState,
      modelId: opt<string>(r.result_model_id),
      loss: opt<number>(r.loss),
      accuracy: opt<number>(r.accuracy),
      acceptedUpdates: r.accepted as number,
      closedAt: opt<number>(r.closed_at)
    }))
  }

  // ----------------------------------------------------------------- rounds

  /** Inserts a new round in state `open` and its first transition. */
  insertRound (input: { number: number, modelId: string, hyperParams: Record<string, unknown>, seed: RoundSeed, shards: ShardInfo[], minUpdates: number, deadline: number, openedAt: number }): RoundRecord {
    this.activeRound = undefined
    return this.transaction(() => {
      this.sql(`
        INSERT INTO rounds (number, state, model_id, hyper_params, seed, shards, min_updates, deadline, opened_at)
        VALUES (?, 'open', ?, ?, ?, ?, ?, ?, ?)
      `).run(input.number, input.modelId, JSON.stringify(input.hyperParams), input.seed, JSON.stringify(input.shards), input.minUpdates, input.deadline, input.openedAt)
      this.insertTransition(input.number, null, 'open', input.openedAt, input.deadline, 'opened')
      return this.requireRound(input.number)
    })
  }

  getRound (n: number): RoundRecord | undefined {
    const row = this.sql('SELECT * FROM rounds WHERE number = ?').get(n)
    return row == null ? undefined : toRound(row)
  }

  requireRound (n: number): RoundRecord {
    const r = this.getRound(n)
    if (r == null) throw new NotFoundError(`unknown round ${n}`)
    return r
  }

  /** The highest-numbered round, whatever its state. */
  getLatestRound (): RoundRecord | undefined {
    const row = this.sql('SELECT * FROM rounds ORDER BY number DESC LIMIT 1').get()
    return row == null ? undefined : toRound(row)
  }

  /** The round in progress (not done, not failed), if any. */
  getActiveRound (): RoundRecord | undefined {
    // Asked on every assign poll; rounds change only through this class, which drops the copy.
    if (this.activeRound === undefined) {
      const row = this.sql(`SELECT * FROM rounds WHERE state NOT IN ${TERMINAL_STATES} ORDER BY number DESC LIMIT 1`).get()
      this.activeRound = row == null ? null : toRound(row)
    }
    return this.activeRound ?? undefined
  }

  /** How many rounds are in `state`. */
  countRounds (state: RoundState): number {
    return (this.sql('SELECT COUNT(*) AS n FROM rounds WHERE state = ?').get(state) as { n: number }).n
  }

  listRounds (): RoundRecord[] {
    return this.sql('SELECT * FROM rounds ORDER BY number').all().map(toRound)
  }

  /**
   * Moves a round from `from` to `to` (or re-enters `from` with a new deadline,
   * an extension), records the transition, and applies `patch` to the row, all
   * in one transaction. Fails if the round is no longer in `from`.
   */
  transitionRound (n: number, input: {
    from: RoundState
    to: RoundState
    at: number
    deadline: number
    reason: string
    patch?: Partial<Pick<RoundRecord, 'extensions' | 'closedAt' | 'resultModelId' | 'momentumId' | 'loss' | 'accuracy' | 'failureReason'>>
  }): RoundRecord {
    this.activeRound = undefined
    return this.transaction(() => {
      const p = input.patch ?? {}
      const r = this.sql(`
        UPDATE rounds SET state = ?, deadline = ?,
          extensions = COALESCE(?, extensions), closed_at = COALESCE(?, closed_at),
          result_model_id = COALESCE(?, result_model_id), momentum_id = COALESCE(?, momentum_id),
          loss = COALESCE(?, loss), accuracy = COALESCE(?, accuracy), failure_reason = COALESCE(?, failure_reason)
        WHERE number = ? AND state = ?
      `).run(input.to, input.deadline, p.extensions ?? null, p.closedAt ?? null, p.resultModelId ?? null, p.momentumId ?? null,
        p.loss ?? null, p.accuracy ?? null, p.failureReason ?? null, n, input.from)
      if (r.changes === 0) {
        const cur = this.getRound(n)
        throw new NotFoundError(cur == null ? `unknown round ${n}` : `round ${n} is ${cur.state}, not ${input.from}`)
      }
      this.insertTransition(n, input.from, input.to, input.at, input.deadline, input.reason)
      return this.requireRound(n)
    })
  }

  /** Transitions of a round, oldest first. */
  listTransitions (n: number): RoundTransition[] {
    return this.sql('SELECT * FROM round_transitions WHERE round = ? ORDER BY id').all(n).map(toTransition)
  }

  /**
   * Momentum blob id of the newest done round before `beforeRound` (the
   * Nesterov state to resume from); undefined if there is none or that round
   * used FedAvg, so momentum restarts from zero. Failed rounds are skipped.
   */
  getLatestMomentumId (beforeRound: number): string | undefined {
    const row = this.sql(`
      SELECT momentum_id FROM rounds WHERE state = 'done' AND number < ?
      ORDER BY number DESC LIMIT 1
    `).get(beforeRound) as { momentum_id: string | null } | undefined
    return row?.momentum_id ?? undefined
  }

  private insertTransition (round: number, from: RoundState | null, to: RoundState, at: number, deadline: number, reason: string): void {
    this.sql('INSERT INTO round_transitions (round, from_state, to_state, at, deadline, reason) VALUES (?, ?, ?, ?, ?, ?)')
      .run(round, from, to, at, deadline, reason)
  }

  // ------------------------------------------------------------ assignments

  insertAssignment (input: { round: number, worker: string, shardIds: string[], samples: number, deadline: number, createdAt: number, reassignedFrom?: number }): AssignmentRecord {
    const r = this.sql(`
      INSERT INTO assignments (round, worker, shard_ids, samples, state, deadline, reassigned_from, created_at)
      VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?)
    `).run(input.round, input.worker, JSON.stringify(input.shardIds), input.samples, input.deadline, input.reassignedFrom ?? null, input.createdAt)
    if (input.round === this.assignmentCache.round) this.assignmentCache.byWorker.delete(input.worker)
    return this.requireAssignment(Number(r.lastInsertRowid))
  }

  requireAssignment (id: number): AssignmentRecord {
    const row = this.sql('SELECT * FROM assignments WHERE id = ?').get(id)
    if (row == null) throw new NotFoundError(`unknown assignment ${id}`)
    return toAssignment(row)
  }

  /** A worker's assignment in a round, if it has one. */
  getAssignmentFor (round: number, worker: string): AssignmentRecord | undefined {
    const cache = this.assignmentCache
    if (cache.round !== round) {
      // One round at a time (the active one, in practice): the cache never outgrows one round's workers.
      cache.byWorker.clear()
      cache.workerOf.clear()
      cache.round = round
    }
    let a = cache.byWorker.get(worker)
    if (a === undefined) {
      const row = this.sql('SELECT * FROM assignments WHERE round = ? AND worker = ?').get(round, worker)
      a = row == null ? null : frozen(toAssignment(row))
      cache.byWorker.set(worker, a)
      if (a !== null) cache.workerOf.set(a.id, worker)
    }
    return a ?? undefined
  }

  /** Assignments of a round, optionally in one state, oldest first. */
  listAssignments (round: number, state?: AssignmentState): AssignmentRecord[] {
    return this.sql('SELECT * FROM assignments WHERE round = :round AND (:state IS NULL OR state = :state) ORDER BY id')
      .all({ round, state: state ?? null }).map(toAssignment)
  }

  /** Assignments of a round still out (state `assigned`) whose deadline is at or before `now`, oldest first. */
  listOverdueAssignments (round: number, now: number): AssignmentRecord[] {
    return this.sql("SELECT * FROM assignments WHERE round = ? AND state = 'assigned' AND deadline <= ? ORDER BY id").all(round, now).map(toAssignment)
  }

  /** How many of a round's assignments are in `state`. */
  countAssignments (round: number, state: AssignmentState): number {
    return (this.sql('SELECT COUNT(*) AS n FROM assignments WHERE round = ? AND state = ?').get(round, state) as { n: number }).n
  }

  setAssignmentState (id: number, state: AssignmentState): void {
    this.sql('UPDATE assignments SET state = ? WHERE id = ?').run(state, id)
    const worker = this.assignmentCache.workerOf.get(id)
    if (worker !== undefined) this.assignmentCache.byWorker.delete(worker)
  }

  // ------------------------------------------------------------ submissions

  /**
   * Inserts a submission as `pending`. A second one for the same (round,
   * worker) or with the same commitment is a DuplicateSubmissionError and
   * leaves the first untouched.
   */
  insertSubmission (input: NewSubmission): SubmissionRecord {
    return this.transaction(() => {
      this.assertNotDuplicate(input.round, input.worker, input.commitment)
      try {
        const r = this.sql(`
          INSERT INTO submissions (round, worker, assignment_id, commitment, delta_id, proof_root, leaf_count, samples, delta_norm, contribution_id, status, received_at, proof)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
        `).run(input.round, input.worker, input.assignmentId, input.commitment, input.deltaId, input.proofRoot,
          input.leafCount, input.samples, input.deltaNorm ?? null, input.contributionId ?? null, input.receivedAt, input.proof ?? null)
        return this.requireSubmission(Number(r.lastInsertRowid))
      } catch (err) {
        // The checks above run in the same transaction, so this is a safety net only.
        if (isUniqueViolation(err)) this.assertNotDuplicate(input.round, input.worker, input.commitment)
        throw err
      }
    })
  }

  /** Throws DuplicateSubmissionError if (round, worker) or the commitment is already taken. */
  assertNotDuplicate (round: number, worker: string, commitment: string): void {
    const same = this.findSubmissionFor(round, worker)
    if (same != null) throw new DuplicateSubmissionError({ round, worker, conflict: 'round-worker', existingId: same.id })
    const byCommitment = this.findSubmissionByCommitment(commitment)
    if (byCommitment != null) throw new DuplicateSubmissionError({ round, worker, conflict: 'commitment', existingId: byCommitment.id })
  }

  requireSubmission (id: number): SubmissionRecord {
    const row = this.sql('SELECT * FROM submissions WHERE id = ?').get(id)
    if (row == null) throw new NotFoundError(`unknown submission ${id}`)
    return toSubmission(row)
  }

  findSubmissionFor (round: number, worker: string): SubmissionRecord | undefined {
    const row = this.sql('SELECT * FROM submissions WHERE round = ? AND worker = ?').get(round, worker)
    return row == null ? undefined : toSubmission(row)
  }

  findSubmissionByCommitment (commitment: string): SubmissionRecord | undefined {
    const row = this.sql('SELECT * FROM submissions WHERE commitment = ?').get(commitment)
    return row == null ? undefined : toSubmission(row)
  }

  /** Rows stored before proof metadata moved into the database (schema 3), to import from the old side folder. */
  listSubmissionsWithoutProof (): SubmissionRecord[] {
    return this.sql('SELECT * FROM submissions WHERE proof IS NULL').all().map(toSubmission)
  }

  /** Sets a submission's proof metadata and the blob of its wire delta payload (importing an old data dir). */
  setSubmissionProof (id: number, proof: Uint8Array, deltaId: string): void {
    const r = this.sql('UPDATE submissions SET proof = ?, delta_id = ? WHERE id = ?').run(proof, deltaId, id)
    if (r.changes === 0) throw new NotFoundError(`unknown submission ${id}`)
  }

  /** Submissions of a round, optionally with one status, ordered by worker (the aggregation order). */
  listSubmissions (round: number, status?: VerificationStatus): SubmissionRecord[] {
    return this.sql('SELECT * FROM submissions WHERE round = :round AND (:status IS NULL OR status = :status) ORDER BY worker')
      .all({ round, status: status ?? null }).map(toSubmission)
  }

  /** Delta norms of every submission of a round (whatever its status), for the clipping bound. */
  listDeltaNorms (round: number): number[] {
    return (this.sql('SELECT delta_norm FROM submissions WHERE round = ? AND delta_norm IS NOT NULL').all(round) as Array<{ delta_norm: number }>).map(r => r.delta_norm)
  }

  /** Counts a round's submissions by verification status. */
  countSubmissions (round: number): Record<VerificationStatus, number> {
    const counts: Record<VerificationStatus, number> = { pending: 0, accepted: 0, rejected: 0 }
    const rows = this.sql('SELECT status, COUNT(*) AS n FROM submissions WHERE round = ? GROUP BY status').all(round) as Array<{ status: VerificationStatus, n: number }>
    for (const r of rows) counts[r.status] = r.n
    return counts
  }

  /** Sets a submission's verification status (and the reason, e.g. why it was rejected). */
  setSubmissionStatus (id: number, status: VerificationStatus, input: { at: number, reason?: string }): SubmissionRecord {
    const r = this.sql('UPDATE submissions SET status = ?, status_reason = ?, verified_at = ? WHERE id = ?')
      .run(status, input.reason ?? null, status === 'pending' ? null : input.at, id)
    if (r.changes === 0) throw new NotFoundError(`unknown submission ${id}`)
    return this.requireSubmission(id)
  }

  /** Records the on-chain contribution id of a submission once known. */
  setContributionId (id: number, contributionId: string): void {
    this.sql('UPDATE submissions SET contribution_id = ? WHERE id = ?').run(contributionId, id)
  }

  // ------------------------------------------------------------ blob sweep

  /**
   * Finishes what a crash left in the blob folder, for the coordinator (the
   * one writer) at its start; readers of a running coordinator's data dir
   * must not call it, since what it removes may be writes in progress.
   * Temporary files go; so does what a crash left between a submission's
   * delta and its row (acceptSubmission writes the delta pending, commits
   * the row, then publishes the delta): a pending delta whose row was
   * committed is published, one without a row (the worker was never
   * acknowledged and sends it again) is removed.
   */
  async recoverBlobs (): Promise<{ published: number, discarded: number }> {
    await this.blobs.removeTempFiles()
    let published = 0
    let discarded = 0
    for (const p of await this.blobs.listPending()) {
      if (this.sql('SELECT 1 AS y FROM submissions WHERE delta_id = ? LIMIT 1').get(p.id) != null) {
        await p.publish()
        published++
      } else {
        await p.discard()
        discarded++
      }
    }
    return { published, discarded }
  }

  /**
   * Deletes the delta blobs of submissions in closed (done or failed) rounds
   * older than the `keepRounds` most recent closed ones: the rows stay (the
   * history, scores, contribution ids) and are marked pruned, so each delta
   * is visited once whatever the length of the history. A blob a kept
   * submission also points at (the same bytes) stays. Returns how many
   * blobs were deleted.
   */
  async pruneDeltas (keepRounds: number): Promise<number> {
    const closed = this.sql(`SELECT number FROM rounds WHERE state IN ${TERMINAL_STATES} ORDER BY number DESC LIMIT 1 OFFSET ?`).get(Math.max(0, keepRounds)) as { number: number } | undefined
    if (closed == null) return 0
    // Open rounds are newer than every closed one, so everything at or below this number is closed and out of the window.
    const rows = this.sql('SELECT id, delta_id FROM submissions WHERE delta_pruned = 0 AND round <= ?').all(closed.number) as Array<{ id: number, delta_id: string }>
    const kept = new Set((this.sql('SELECT delta_id FROM submissions WHERE round > ?').all(closed.number) as Array<{ delta_id: string }>).map(r => r.delta_id))
    let deleted = 0
    for (const r of rows) {
      if (kept.has(r.delta_id)) continue
      await this.blobs.delete(r.delta_id)
      deleted++
    }
    this.transaction(() => {
      const st = this.sql('UPDATE submissions SET delta_pruned = 1 WHERE id = ?')
      for (const r of rows) st.run(r.id)
    })
    return deleted
  }

  // ----------------------------------------------------------------- scores

  /** A validator's score (1-100) of a submission, with an optional fraud flag and evidence. One per validator. */
  insertScore (input: { submissionId: number, validator: string, score: number, fraud?: boolean, evidence?: string, createdAt: number }): ScoreRecord {
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 100) throw new InvalidInputError(`score must be an integer 1-100, got ${input.score}`)
    try {
      const r = this.sql('INSERT INTO scores (submission_id, validator, score, fraud, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.submissionId, input.validator, input.score, input.fraud === true ? 1 : 0, input.evidence ?? null, input.createdAt)
      return toScore(this.sql('SELECT * FROM scores WHERE id = ?').get(Number(r.lastInsertRowid)))
    } catch (err) {
      if (isUniqueViolation(err)) throw new InvalidInputError(`validator ${input.validator} already scored submission ${input.submissionId}`)
      throw err
    }
  }

  listScores (submissionId: number): ScoreRecord[] {
    return this.sql('SELECT * FROM scores WHERE submission_id = ? ORDER BY id').all(submissionId).map(toScore)
  }
}

// ------------------------------------------------------------- row mapping

type Row = Record<string, unknown>

function opt<T> (v: unknown): T | undefined {
  return v === null || v === undefined ? undefined : v as T
}

function toWorker (r: unknown): WorkerRecord {
  const row = r as Row
  return {
    peerId: row.peer_id as string,
    address: row.address as string,
    capabilities: JSON.parse(row.capabilities as string) as WorkerCapabilities,
    samplesPerSec: row.samples_per_sec as number,
    status: row.status as WorkerStatus,
    joinedAt: row.joined_at as number,
    lastSeen: row.last_seen as number
  }
}

function toModel (r: unknown): ModelVersion {
  const row = r as Row
  return {
    id: row.id as string,
    round: row.round as number,
    numParams: row.num_params as number,
    sizeBytes: row.size_bytes as number,
    path: row.path as string,
    loss: opt(row.loss),
    accuracy: opt(row.accuracy),
    createdAt: row.created_at as number
  }
}

function toRound (r: unknown): RoundRecord {
  const row = r as Row
  return {
    number: row.number as number,
    state: row.state as RoundState,
    modelId: row.model_id as string,
    hyperParams: JSON.parse(row.hyper_params as string) as Record<string, unknown>,
    seed: parseRoundSeed(row.seed as string, `round ${String(row.number)} seed in the database`),
    shards: JSON.parse(row.shards as string) as ShardInfo[],
    minUpdates: row.min_updates as number,
    deadline: row.deadline as number,
    extensions: row.extensions as number,
    openedAt: row.opened_at as number,
    closedAt: opt(row.closed_at),
    resultModelId: opt(row.result_model_id),
    momentumId: opt(row.momentum_id),
    loss: opt(row.loss),
    accuracy: opt(row.accuracy),
    failureReason: opt(row.failure_reason)
  }
}

function toTransition (r: unknown): RoundTransition {
  const row = r as Row
  return {
    id: row.id as number,
    round: row.round as number,
    from: (row.from_state as RoundState | null) ?? null,
    to: row.to_state as RoundState,
    at: row.at as number,
    deadline: row.deadline as number,
    reason: row.reason as string
  }
}

/** An assignment every caller of the cache shares: no caller can change what the next one reads. */
function frozen (a: AssignmentRecord): AssignmentRecord {
  Object.freeze(a.shardIds)
  return Object.freeze(a)
}

function toAssignment (r: unknown): AssignmentRecord {
  const row = r as Row
  return {
    id: row.id as number,
    round: row.round as number,
    worker: row.worker as string,
    shardIds: JSON.parse(row.shard_ids as string) as string[],
    samples: row.samples as number,
    state: row.state as AssignmentState,
    deadline: row.deadline as number,
    reassignedFrom: opt(row.reassigned_from),
    createdAt: row.created_at as number
  }
}

function toSubmission (r: unknown): SubmissionRecord {
  const row = r as Row
  return {
    id: row.id as number,
    round: row.round as number,
    worker: row.worker as string,
    assignmentId: row.assignment_id as number,
    commitment: row.commitment as string,
    deltaId: row.delta_id as string,
    proofRoot: row.proof_root as string,
    leafCount: row.leaf_count as number,
    samples: row.samples as number,
    deltaNorm: opt(row.delta_norm),
    contributionId: opt(row.contribution_id),
    status: row.status as VerificationStatus,
    statusReason: opt(row.status_reason),
    receivedAt: row.received_at as number,
    verifiedAt: opt(row.verified_at),
    proof: row.proof == null ? undefined : new Uint8Array(row.proof as Uint8Array)
  }
}

function toScore (r: unknown): ScoreRecord {
  const row = r as Row
  return {
    id: row.id as number,
    submissionId: row.submission_id as number,
    validator: row.validator as string,
    score: row.score as number,
    fraud: row.fraud === 1,
    evidence: opt(row.evidence),
    createdAt: row.created_at as number
  }
}

/** SQLITE_CORRUPT and SQLITE_NOTADB become a {@link CorruptDatabaseError} naming the file; anything else passes through. */
function asCorruptDatabase (file: string, err: unknown): unknown {
  const code = (err as { errcode?: number } | null)?.errcode
  // Extended codes keep the primary code in the low byte.
  if (code !== undefined && ((code & 0xff) === 11 || (code & 0xff) === 26)) return new CorruptDatabaseError(file, `is unreadable (${(err as Error).message.split('\n')[0]})`, { cause: err })
  return err
}
