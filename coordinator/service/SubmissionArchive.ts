import { mkdirSync, readFileSync } from 'node:fs'
import { writeFileAtomicSync } from '../../lib/fs/writeFileAtomic.ts'
import { join } from 'node:path'
import { pb, type DecodedUpdateSubmission } from '../../lib/net/index.ts'

/** What the archive keeps of a submission besides its row: the wire message minus the delta bytes. */
export interface ArchivedSubmission {
  /** The UpdateSubmission as received, `delta` emptied. */
  submission: DecodedUpdateSubmission
  /** Content id (64 hex) and size of the wire delta bytes, served over /cotrain/content. */
  wireDeltaId: string
  wireDeltaSize: number
}

/**
 * The proof metadata of every stored submission (leaf summaries, replay spec,
 * encoding, scales), one small file per commitment under
 * `<data-dir>/submissions/`. The database row has what the round logic needs;
 * a verifier needs the rest, and it must survive a restart like the row.
 */
export class SubmissionArchive {
  readonly dir: string

  constructor (dir: string) {
    this.dir = dir
    mkdirSync(dir, { recursive: true })
  }

  /** Writes atomically and durably; the same commitment again overwrites with the same bytes. */
  put (commitment: string, entry: ArchivedSubmission): void {
    const bytes = pb.UpdateSubmission.encode({ ...entry.submission, delta: new Uint8Array(0) }).finish()
    const body = JSON.stringify({ wireDeltaId: entry.wireDeltaId, wireDeltaSize: entry.wireDeltaSize, submission: Buffer.from(bytes).toString('base64') })
    const path = this.pathOf(commitment)
    writeFileAtomicSync(path, body)
  }

  /** The archived entry, or undefined when none was written. */
  get (commitment: string): ArchivedSubmission | undefined {
    let text: string
    try {
      text = readFileSync(this.pathOf(commitment), 'utf8')
    } catch {
      return undefined
    }
    const raw = JSON.parse(text) as { wireDeltaId: string, wireDeltaSize: number, submission: string }
    return { wireDeltaId: raw.wireDeltaId, wireDeltaSize: raw.wireDeltaSize, submission: pb.UpdateSubmission.decode(Buffer.from(raw.submission, 'base64')) }
  }

  private pathOf (commitment: string): string {
    return join(this.dir, commitment.toLowerCase().replace(/^0x/, '') + '.json')
  }
}
