import { CotrainError } from '../errors.ts'

/** Bytes that are not a valid IDX file (bad magic, truncated, wrong type). */
export class IdxFormatError extends CotrainError {
  override name = 'IdxFormatError'
}

/** Bytes that are not a valid cotrain shard (bad magic, size, labels out of range). */
export class ShardFormatError extends CotrainError {
  override name = 'ShardFormatError'
}
