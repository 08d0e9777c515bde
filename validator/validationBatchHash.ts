import { encodeAbiParameters, keccak256, type Address, type Hex } from 'viem'

/**
 * The dataHash of a validator's Validation contribution: keccak256 of the ABI
 * encoding of ("cotrain/validation-batch/v1", validator, ids, scores), in the
 * order they were sent. Anyone can rebuild it from the validator's
 * ContributionScored events (same order as the batch) and check it.
 *
 * @example
 * validationBatchHash(validator, [{ id: 3n, score: 88 }])
 */
export function validationBatchHash (validator: Address, batch: ReadonlyArray<{ id: bigint, score: number }>): Hex {
  return keccak256(encodeAbiParameters(
    [{ type: 'string' }, { type: 'address' }, { type: 'uint256[]' }, { type: 'uint8[]' }],
    ['cotrain/validation-batch/v1', validator, batch.map((b) => b.id), batch.map((b) => b.score)]
  ))
}
