import type { Address, Hex } from 'viem'
import { rpcUrlOf, type ChainClient } from '../createChainClient.ts'
import { ChainError, ContractRevertedError } from '../errors.ts'
import { readStaking, sleep } from '../stakingCall.ts'
import { toChainError } from '../toChainError.ts'

/** What {@link getChallengeSeed} takes. */
export type GetChallengeSeedParameters = {
  /** The staking contract (proxy) address. */
  address: Address
  /** The contribution id. */
  id: bigint
  /**
   * Dev chains only: mine an empty block (`evm_mine`) when the seed block does
   * not exist yet. `hardhat node` mines only on transactions (automine), so an
   * idle devnet would otherwise wait forever for the block after a submission.
   */
  mine?: boolean
  /** How long to wait for the seed block; default 10 minutes. */
  timeoutMs?: number
  /** Poll interval; default the client's polling interval. */
  pollIntervalMs?: number
  signal?: AbortSignal
}

/**
 * The challenge seed of a contribution: the hash of the block after the one
 * that mined it, which the contributor could not know when it committed.
 * Polls until that block exists (the contract reverts `ChallengeSeedNotReady`
 * before), mining one itself with `mine: true` on a dev chain. The seed
 * expires 256 blocks later (`ChallengeSeedExpired`): challenge promptly.
 *
 * @example
 * const seed = await getChallengeSeed(client, { address: staking, id, mine: isDevnet })
 */
export async function getChallengeSeed (client: ChainClient, params: GetChallengeSeedParameters): Promise<Hex> {
  const timeoutMs = params.timeoutMs ?? 600_000
  const deadline = Date.now() + timeoutMs
  for (;;) {
    params.signal?.throwIfAborted()
    try {
      return await readStaking(client, params.address, 'challengeSeed', [params.id])
    } catch (err) {
      if (!(err instanceof ContractRevertedError) || err.errorName !== 'ChallengeSeedNotReady') throw err
    }
    if (Date.now() > deadline) throw new ChainError(`the challenge seed of contribution #${params.id} was not ready within ${timeoutMs} ms`, { hint: 'is the chain producing blocks? on a dev chain pass mine: true', retryable: true })
    if (params.mine === true) {
      try {
        await client.request({ method: 'evm_mine' } as never)
      } catch (err) {
        throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
      }
    } else {
      await sleep(params.pollIntervalMs ?? client.pollingInterval, params.signal)
    }
  }
}
