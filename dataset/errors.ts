import { CotrainError } from '../lib/errors.ts'

/** Input files a dataset cannot be made from (unreadable, too few samples for the shards). */
export class DatasetInputError extends CotrainError {
  override name = 'DatasetInputError'
}

/** The coordinator could not be reached or refused the dataset. */
export class DatasetPublishError extends CotrainError {
  override name = 'DatasetPublishError'
}

/** The contributor cannot submit on chain (not registered, dataset taken by someone else). */
export class DatasetContributionError extends CotrainError {
  override name = 'DatasetContributionError'
}
