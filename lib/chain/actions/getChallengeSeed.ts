import { concat, keccak256, type Address, type Hex } from 'viem'
import { getBlock } from 'viem/actions'
import { rpcUrlOf, type ChainClient } from '../createChainClient.ts'
import { ChainError, ContractRevertedError } from '../errors.ts'
import { sleep } from '../../async/sleep.ts'
import { readStaking } from '../stakingCall.ts'
import { toChainError } from '../toChainError.ts'
import { getContribution } from './getContribution.ts'

/** Blocks after the submission block whose hashes make the seed (the contract's SEED_BLOCKS). */
export const SEED_BLOCKS = 4n

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
 * The challenge seed of a contribution: keccak256 of the hashes of the
 * SEED_BLOCKS (4) blocks after the one that mined it, which the contributor
 * could not know when it committed and one block producer cannot choose alone.
 * Polls until those blocks exist (the contract reverts `ChallengeSeedNotReady`
 * before), mining them itself with `mine: true` on a dev chain. Once the view
 * can no longer read them (256 blocks later) the same value is computed from
 * the block hashes off chain.
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
      if (err instanceof ContractRevertedError && err.errorName === 'ChallengeSeedExpired') return await computeChallengeSeed(client, params)
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
      await sleep(params.pollIntervalMs ?? client.pollingInterval, { signal: params.signal })
    }
  }
}

/**
 * The challenge seed computed off chain from block hashes, as the contract's
 * `challengeSeed` view defines it; works for any age.
 *
 * @example
 * const seed = await computeChallengeSeed(client, { address: staking, id })
 */
export async function computeChallengeSeed (client: ChainClient, params: { address: Address, id: bigint }): Promise<Hex> {
  const { submittedBlock } = await getContribution(client, params)
  try {
    const blocks = await Promise.all(Array.from({ length: Number(SEED_BLOCKS) }, async (_, i) => await getBlock(client, { blockNumber: submittedBlock + 1n + BigInt(i) })))
    return keccak256(concat(blocks.map((b) => b.hash)))
  } catch (err) {
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
}
