import { parseAbiItem, type Address } from 'viem'
import { getLogs } from 'viem/actions'
import type { ChainClient } from '../lib/chain/index.ts'
import { validationBatches, type SubmittedLog, type ValidationBatch } from './validationBatches.ts'

/**
 * Every Validation contribution on the staking contract at `address`, with
 * the batch of compute scores it stands for, rebuilt from the chain's events
 * (see validationBatches).
 *
 * @example
 * for (const b of await readValidationBatches(client, staking)) validationBatchHash(b.contributor, b.batch) === b.dataHash
 */
export async function readValidationBatches (client: ChainClient, address: Address): Promise<ValidationBatch[]> {
  const submitted = await getLogs(client, { address, event: parseAbiItem('event ContributionSubmitted(uint256 indexed id, address indexed contributor, uint8 ctype, bytes32 dataHash, uint256 blockNumber)'), fromBlock: 0n })
  const scored = await getLogs(client, { address, event: parseAbiItem('event ContributionScored(uint256 indexed id, address indexed validator, uint8 qualityScore, uint8 scoreCount)'), fromBlock: 0n })
  return validationBatches(
    submitted.map((l) => ({ ...(l.args as Omit<SubmittedLog, 'blockNumber'>), blockNumber: l.blockNumber })),
    scored.map((l) => ({ id: l.args.id as bigint, validator: l.args.validator as Address, score: Number(l.args.qualityScore), blockNumber: l.blockNumber })))
}
