import type { Address, Hex } from 'viem'
import type { ChainClient } from '../createChainClient.ts'
import { readStaking } from '../stakingCall.ts'

/** What {@link getContributionIdByHash} takes. */
export type GetContributionIdByHashParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** The contribution's commitment. */
  dataHash: Hex
}

/**
 * The id of the contribution that used `dataHash`, or `0n` when none did: the
 * idempotence key the outbox checks before (re)sending a submission.
 *
 * @example
 * if (await getContributionIdByHash(client, { address: staking, dataHash }) !== 0n) { ... already on chain }
 */
export async function getContributionIdByHash (client: ChainClient, params: GetContributionIdByHashParameters): Promise<bigint> {
  return await readStaking(client, params.address, 'contributionIdByHash', [params.dataHash])
}
