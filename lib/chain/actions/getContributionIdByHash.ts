import type { Address, Hex } from 'viem'
import type { ChainClient } from '../createChainClient.ts'
import { readStaking } from '../stakingCall.ts'

/** What {@link getContributionIdByHash} takes. */
export type GetContributionIdByHashParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** The contribution's commitment. */
  dataHash: Hex
  /** Who submitted it (a hash binds only its submitter); default the client's account. */
  contributor?: Address
}

/**
 * The id of `contributor`'s contribution with `dataHash`, or `0n` when it has
 * none: the idempotence key the outbox checks before (re)sending a submission.
 *
 * @example
 * if (await getContributionIdByHash(client, { address: staking, dataHash }) !== 0n) { ... already on chain }
 */
export async function getContributionIdByHash (client: ChainClient, params: GetContributionIdByHashParameters): Promise<bigint> {
  const who = params.contributor ?? client.account?.address
  if (who == null) throw new TypeError('getContributionIdByHash needs params.contributor or a client with an account')
  return await readStaking(client, params.address, 'contributionIdByHash', [who, params.dataHash])
}
