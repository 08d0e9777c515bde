import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pb, type DecodedUpdateSubmission } from '../../lib/net/index.ts'
import type { DecodedDelta } from '../../lib/proof/delta.ts'
import { decodeWireDelta } from '../../lib/proof/deltaWire.ts'
import { NotFoundError } from '../errors.ts'
import type { CoordinatorStore } from './CoordinatorStore.ts'
import type { SubmissionRecord } from './records.ts'

/**
 * A submission is stored once, in its wire form: the delta payload as one
 * content-addressed blob (`deltaId`, served to validators as is) and the rest
 * of the UpdateSubmission (leaves, replay spec, encoding, int8 scales) in the
 * row's `proof` column, in the same transaction as the row. The float32
 * values are decoded from these when verification or aggregation needs them.
 */

/** The UpdateSubmission without its delta payload, as the row keeps it. */
export function encodeProof (m: DecodedUpdateSubmission): Uint8Array {
  return pb.UpdateSubmission.encode({ ...m, delta: new Uint8Array(0) }).finish()
}

/** The UpdateSubmission of a stored row, its delta payload left empty. */
export function storedProof (s: SubmissionRecord): DecodedUpdateSubmission {
  if (s.proof == null) throw new NotFoundError(`no proof metadata stored for submission ${s.id}`, { hint: 'a data dir from before schema 3 whose submissions/ folder is gone' })
  return pb.UpdateSubmission.decode(s.proof) as unknown as DecodedUpdateSubmission
}

/**
 * The submitted delta, from the wire payload (hash-checked on read) and the
 * row's encoding fields: its `values` are the float32 values, and an int8
 * delta's `quantized` form is there for readers that need no float32 copy
 * (aggregation folds from it). With `alloc` (a ReadBuffer's), the delta
 * is read into memory the caller lends and lives no longer than that.
 */
export async function readSubmissionDelta (store: CoordinatorStore, s: SubmissionRecord, alloc?: (size: number) => Uint8Array): Promise<DecodedDelta> {
  const payload = await store.blobs.get(s.deltaId, alloc)
  const m = storedProof(s)
  // Decoded where it was read: an int8 delta's values are a view of the blob's bytes.
  return decodeWireDelta({ encoding: m.encoding, delta: payload, scales: m.scales, scaleBlock: m.scaleBlock, numParams: m.numParams })
}

/**
 * Moves the proof metadata of rows stored before schema 3 into the database:
 * those kept it in `<data-dir>/submissions/<commitment>.json` beside the row
 * and pointed `delta_id` at a float32 copy of the delta. A row whose file is
 * gone stays as it is (its verification rejects it: no proof metadata).
 * Returns how many rows were imported.
 */
export function importSubmissionArchive (store: CoordinatorStore, dataDir: string): number {
  let imported = 0
  for (const s of store.listSubmissionsWithoutProof()) {
    let raw: { wireDeltaId: string, submission: string }
    try {
      raw = JSON.parse(readFileSync(join(dataDir, 'submissions', s.commitment.toLowerCase().replace(/^0x/, '') + '.json'), 'utf8'))
    } catch {
      continue
    }
    store.setSubmissionProof(s.id, Buffer.from(raw.submission, 'base64'), raw.wireDeltaId)
    imported++
  }
  return imported
}
