import { mkdirSync, readFileSync } from 'node:fs'
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
  updatedAt: number
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

  /** The state as stored (or an empty one), without taking ownership of the folder. */
  static read (file: string): StateFile {
    try {
      const d = JSON.parse(readFileSync(file, 'utf8')) as StateFile
      if (d.format === 'cotrain-worker-state/1') return d
    } catch {}
    return { format: 'cotrain-worker-state/1', roundsDone: 0, rounds: {} }
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

  put (rec: Omit<RoundRecord, 'updatedAt'>): RoundRecord {
    const full = { ...rec, updatedAt: Math.floor(Date.now() / 1000) }
    const wasFinal = this.data.rounds[String(rec.round)]?.status
    this.data.rounds[String(rec.round)] = full
    if (rec.status !== 'committed' && (wasFinal === undefined || wasFinal === 'committed')) this.data.roundsDone++
    this.save()
    return full
  }

  /** Forgets rounds older than the newest `keep` (their checkpoints are pruned too). */
  prune (keep: number): number[] {
    const rounds = Object.keys(this.data.rounds).map(Number).sort((a, b) => a - b)
    const drop = rounds.slice(0, Math.max(0, rounds.length - keep))
    for (const r of drop) delete this.data.rounds[String(r)]
    if (drop.length > 0) this.save()
    return drop
  }

  private save (): void {
    mkdirSync(path.dirname(this.file), { recursive: true })
    writeFileAtomicSync(this.file, JSON.stringify(this.data, null, 2))
  }
}
