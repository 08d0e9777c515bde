import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { CotrainError } from '../../lib/errors.ts'
import { writeFileAtomicSync } from '../../lib/fs/writeFileAtomic.ts'
import path from 'node:path'

/** What the worker did with one round (kept so a restart neither re-trains a finished round nor submits it twice). */
export interface RoundRecord {
  round: number
  commitment: string
  proofRoot: string
  contributionId?: string
  txHash?: string
  /** committed: on chain (or no chain), not yet acknowledged; accepted / rejected: the coordinator's answer. */
  status: 'committed' | 'accepted' | 'rejected'
  reason?: string
  /** The fault mode the round ran with ('none' for honest work). */
  fault: string
  /** What became of the contribution on chain, as last seen. */
  chain?: ChainOutcome
  updatedAt: number
  /** When the round was first committed (unix seconds): its challenge window runs from here. */
  committedAt?: number
}

/** A contribution's fate on chain: pending, reported for fraud, slashed, or finalized with a median score and a reward (wei, decimal). */
export interface ChainOutcome {
  status: 'pending' | 'reported' | 'slashed' | 'finalized'
  scores: number
  reports: number
  score?: number
  reward?: string
}

/** worker-state.json exists but cannot be read: never silently replaced by an empty state. */
export class CorruptStateError extends CotrainError {
  override name = 'CorruptStateError'
}

interface StateFile {
  format: 'cotrain-worker-state/1'
  address?: string
  roundsDone: number
  rounds: Record<string, RoundRecord>
}

/**
 * The worker's small state file `<data-dir>/worker-state.json`: rounds done
 * and, per round, the commitment and what became of it. Written to a temp
 * file and renamed, so a kill leaves the old or the new version.
 */
export class WorkerState {
  readonly file: string
  private data: StateFile

  constructor (dataDir: string) {
    this.file = path.join(dataDir, 'worker-state.json')
    this.data = WorkerState.read(this.file)
  }

  /**
   * The state as stored, or an empty one when there is no file yet. A file
   * that is there but unreadable (truncated, not JSON, another format) is a
   * CorruptStateError naming the file and how to recover: replacing it with
   * an empty state would forget which rounds were committed and submitted.
   */
  static read (file: string): StateFile {
    if (!existsSync(file)) return { format: 'cotrain-worker-state/1', roundsDone: 0, rounds: {} }
    let why: string
    try {
      const text = readFileSync(file, 'utf8')
      if (text.length === 0) {
        why = 'it is empty'
      } else {
        const d = JSON.parse(text) as StateFile
        if (d?.format === 'cotrain-worker-state/1' && typeof d.roundsDone === 'number' && typeof d.rounds === 'object' && d.rounds !== null) return d
        why = `it is not a cotrain-worker-state/1 file (format ${JSON.stringify(d?.format)})`
      }
    } catch (err) {
      why = (err as Error).message.split('\n')[0]
    }
    const backup = `${file}.bak`
    throw new CorruptStateError(`cannot read the worker state ${file}: ${why}`, {
      hint: existsSync(backup)
        ? `restore the previous version with: cp ${backup} ${file}`
        : `move it away to start the round history afresh (checkpoints, outbox and identity are kept): mv ${file} ${file}.corrupt`
    })
  }

  get roundsDone (): number { return this.data.roundsDone }
  get address (): string | undefined { return this.data.address }

  record (round: number): RoundRecord | undefined {
    return this.data.rounds[String(round)]
  }

  /** All round records, oldest first. */
  records (): RoundRecord[] {
    return Object.values(this.data.rounds).sort((a, b) => a.round - b.round)
  }

  setAddress (address: string): void {
    this.data.address = address
    this.save()
  }

  put (rec: Omit<RoundRecord, 'updatedAt' | 'committedAt'>): RoundRecord {
    const now = Math.floor(Date.now() / 1000)
    const before = this.data.rounds[String(rec.round)]
    const full = { ...rec, updatedAt: now, committedAt: before?.commitment === rec.commitment ? before.committedAt ?? before.updatedAt : now }
    const wasFinal = before?.status
    this.data.rounds[String(rec.round)] = full
    if (rec.status !== 'committed' && (wasFinal === undefined || wasFinal === 'committed')) this.data.roundsDone++
    this.save()
    return full
  }

  /** Forgets the given rounds (their checkpoints were dropped). */
  forget (rounds: readonly number[]): void {
    for (const r of rounds) delete this.data.rounds[String(r)]
    if (rounds.length > 0) this.save()
  }

  private save (): void {
    mkdirSync(path.dirname(this.file), { recursive: true })
    // The previous version stays as .bak: a file broken later (a disk error, a hand edit) can be rolled back.
    if (existsSync(this.file)) copyFileSync(this.file, `${this.file}.bak`)
    writeFileAtomicSync(this.file, JSON.stringify(this.data, null, 2))
  }
}
