import { CotrainError } from '../errors.ts'

/** A checkpoint reply or blob that does not decode (the verifier turns it into a failed check). */
export class CheckpointOpeningError extends CotrainError {
  override name = 'CheckpointOpeningError'
}
