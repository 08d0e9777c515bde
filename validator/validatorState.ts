import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { DialTarget } from '@libp2p/interface'
import { writeFileAtomicSync } from '../lib/fs/writeFileAtomic.ts'
import type { UnreachableRecord } from '../lib/validation/withholding.ts'
import { fetchContent, toContentId, type CotrainNode } from '../lib/net/index.ts'

/** What survives a restart: which contributions were handled, where the round loop stands. */
export interface ValidatorState {
  nextRound: number
  roundsDone: number
  /** contribution id -> score (1..100) or 'fraud'. */
  handled: Record<string, number | 'fraud'>
  /** contribution id -> first time the worker was unreachable (ms). */
  unreachableSince: Record<string, number>
  /** contribution id -> its unavailable verifications (lib/validation/withholding.ts decides when that is withholding). */
  unreachable?: Record<string, UnreachableRecord>
  /**
   * Verified updates whose scores are not on chain yet (the send failed or the
   * validator stopped first), so the next poll or run sends them without
   * replaying the training again.
   */
  verifiedUnsent?: Record<string, { round: number, improvement: number, startLoss: number }>
  /** Validation contribution ids of other validators already scored. */
  validationsScored: string[]
  /**
   * Those we could not score yet (no id in common with ours), so the event
   * saying so is sent once; they are looked at again after every round.
   */
  validationsAbstained?: string[]
  /** Block of our last Validation contribution. */
  lastValidationBlock: string
  /**
   * Compute scores on chain that no Validation contribution of ours covers
   * yet, in the order sent. Others rebuild our batch from every score since
   * our previous Validation contribution, so after a failed one the next
   * batch must cover these too, or its hash would not match (scored 1).
   */
  unrecordedScores?: Array<{ id: string, score: number }>
}

/**
 * `<dataDir>/validator-state.json`: handled ids and where the round loop
 * stands, so a restart never scores twice. `fresh` when there was none (where
 * to start is then decided at start()).
 */
export class ValidatorStateFile {
  readonly state: ValidatorState
  readonly fresh: boolean
  private readonly file: string

  constructor (dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.file = path.join(dataDir, 'validator-state.json')
    this.fresh = !existsSync(this.file)
    this.state = this.fresh
      ? { nextRound: 1, roundsDone: 0, handled: {}, unreachableSince: {}, validationsScored: [], lastValidationBlock: '0' }
      : JSON.parse(readFileSync(this.file, 'utf8')) as ValidatorState
  }

  save (): void {
    writeFileAtomicSync(this.file, JSON.stringify(this.state, null, 1))
  }
}

/** Content by id from the coordinator, cached in `<dataDir>/content` (content ids make the cache safe). */
export class ContentCache {
  private readonly dir: string

  constructor (dataDir: string) {
    this.dir = path.join(dataDir, 'content')
    mkdirSync(this.dir, { recursive: true })
  }

  async get (node: CotrainNode, coordinator: DialTarget, id: Uint8Array | string, signal: AbortSignal): Promise<Uint8Array> {
    const cid = toContentId(id)
    const file = path.join(this.dir, cid)
    if (existsSync(file)) { const b = readFileSync(file); return new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }
    const bytes = await fetchContent(node, coordinator, cid, { signal })
    writeFileAtomicSync(file, bytes)
    return bytes
  }
}
