import { CotrainError } from '../errors.ts'

/** Bytes that are not a valid proof leaf, checkpoint or delta encoding. */
export class ProofFormatError extends CotrainError {
  override name = 'ProofFormatError'
}
