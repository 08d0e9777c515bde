import type { Address } from 'viem'
import { readStaking, type ChainClient } from '../chain/index.ts'

/**
 * The longest a contribution can be challenged after it is mined, in
 * seconds: the contract takes a fraud report while the contribution is
 * pending (at most `pendingTimeout`, then it expires) or while its reward is
 * locked (`rewardLockPeriod` after it finalized), so `pendingTimeout +
 * rewardLockPeriod` bounds both. Workers keep their checkpoints that long
 * (plus a margin); validators never report a contribution older than it.
 *
 * @example
 * const window = await challengeWindowSeconds(client, staking) // 86_700 with the devnet's parameters
 */
export async function challengeWindowSeconds (client: ChainClient, contract: Address): Promise<number> {
  const p = await readStaking(client, contract, 'params')
  return Number(p.pendingTimeout) + Number(p.rewardLockPeriod)
}
