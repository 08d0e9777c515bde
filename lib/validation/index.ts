// Verification and scoring shared by the coordinator and the validators: see docs/validation.md.
export { checkpointOpening, servedCheckpointFromReply } from './checkpointOpening.ts'
export { CheckpointOpeningError } from './errors.ts'
export { evidenceHash, type FraudEvidence } from './evidenceHash.ts'
export { submissionClaimFromResult, submissionClaimFromWire } from './submissionClaim.ts'
export { verifySubmission, type CheckpointSource, type SubmissionClaim, type SubmissionVerification, type VerificationCheck, type VerificationOutcome, type VerifySubmissionParameters, type WorkerPeer } from './verifySubmission.ts'
export { answersPing, isWithholding, noteUnavailable, retryBudget, WITHHOLDING_DEFAULTS, type UnreachableRecord, type WithholdingRule } from './withholding.ts'
