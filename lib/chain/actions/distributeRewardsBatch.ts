import type { Address } from 'viem'
import { InvalidInputError } from '../../errors.ts'
import type { WalletChainClient } from '../createChainClient.ts'
import { writeStaking, type StakingWriteResult, type WriteOptions } from '../stakingCall.ts'

/** What {@link distributeRewardsBatch} takes. */
export type DistributeRewardsBatchParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** One validator score per contribution. */
  scores: ReadonlyArray<{ id: bigint, score: number }>
} & WriteOptions

/** Which contributions the batch finalized (reached quorum). */
export type DistributeRewardsBatchReturnType = StakingWriteResult & {
  finalized: Array<{ id: bigint, medianScore: number, reward: bigint }>
}

/**
 * Scores many contributions (1..100 each) in one transaction, all or nothing;
 * needs a validator account. Scores are checked before anything is sent.
 *
 * @example
 * await distributeRewardsBatch(client, { address: staking, scores: [{ id: 1n, score: 80 }] })
 */
export async function distributeRewardsBatch (client: WalletChainClient, params: DistributeRewardsBatchParameters): Promise<DistributeRewardsBatchReturnType> {
  if (params.scores.length === 0) throw new InvalidInputError('distributeRewardsBatch needs at least one score')
  for (const { id, score } of params.scores) {
    if (!Number.isInteger(score) || score < 1 || score > 100) throw new InvalidInputError(`score ${score} for contribution #${id} is outside 1..100`)
  }
  const ids = params.scores.map((s) => s.id)
  const scores = params.scores.map((s) => s.score)
  const result = await writeStaking(client, { ...params, functionName: 'distributeRewardsBatch', args: [ids, scores] })
  const finalized = result.events
    .filter((e) => e.eventName === 'ContributionFinalized')
    .map((e) => ({ id: e.args.id as bigint, medianScore: Number(e.args.medianScore), reward: e.args.reward as bigint }))
  return { ...result, finalized }
}
