import type { VerificationOutcome } from '../lib/validation/verifySubmission.ts'

/**
 * What a validator reports while it runs, one record per event (`--json`
 * prints each as one line, `{"event":"round:validated",...}`). Names are
 * `noun:verb`; see lib/events/EventRecord.ts.
 */
export type ValidatorEvent =
  | { event: 'validator:ready', peerId: string, address: string, backend: string, backendReason: string }
  | { event: 'submission:verified', round: number, contributionId: string, ok: boolean, outcome: VerificationOutcome, score: number | null, reason: string }
  | { event: 'submission:skipped', round: number, contributionId: string, reason: string }
  | { event: 'scores:sent', round: number, ids: string[], scores: number[], tx: string }
  | { event: 'fraud:reported', round: number, contributionId: string, evidenceHash: string, tx: string, slashed: boolean }
  | { event: 'validation:submitted', round: number, contributionId: string, dataHash: string }
  | { event: 'validation:scored', contributionId: string, validator: string, score: number, agreement: string }
  | { event: 'validation:abstained', contributionId: string, validator: string, reason: string }
  | { event: 'round:validated', round: number, scored: number, fraud: number }
  | { event: 'dataset:validated', contributionId: string, datasetId: string, ok: boolean, score: number, reason: string }
  | { event: 'validator:warning', message: string }

/** The name of a validator event. */
export type ValidatorEventName = ValidatorEvent['event']
