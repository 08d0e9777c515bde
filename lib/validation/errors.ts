import { CotrainError } from '../errors.ts'

/** A checkpoint reply or blob that does not decode (the verifier turns it into a failed check). */
export class CheckpointOpeningError extends CotrainError {
  override name = 'CheckpointOpeningError'
}

/** A submission whose wire fields cannot be turned back into canonical delta bytes. */
export class SubmissionFormatError extends CotrainError {
  override name = 'SubmissionFormatError'
}
