import { parseAbiItem, type Address, type Hex } from 'viem'
import { getBlock, getLogs } from 'viem/actions'
import type { ChainClient } from '../chain/createChainClient.ts'
import { ContributionType } from '../chain/types.ts'

/** What {@link commitmentsInRound} takes. */
export type CommitmentsInRoundParameters = {
  /** The staking contract. */
  address: Address
  /** The worker's address. */
  contributor: Address
  /** When the round opened (unix ms): commitments mined before it belong to earlier rounds. */
  openedAtMs: number
  /**
   * Margin (ms) after the opening before a commitment counts: a commitment of the
   * previous round mined in the same second as the opening is not this round's
   * (default 2 s; no worker trains a round in 2 s).
   */
  marginMs?: number
}

/** One ComputePower contribution of the worker, as the chain has it. */
export interface RoundCommitment { id: bigint, dataHash: Hex, blockNumber: bigint }

const SUBMITTED = parseAbiItem('event ContributionSubmitted(uint256 indexed id, address indexed contributor, uint8 ctype, bytes32 dataHash, uint256 blockNumber)')

/**
 * The worker's ComputePower commitments mined since the round opened, newest
 * first. A worker makes one per round; more than one means it committed
 * several variants, learned each one's challenge seed and could deliver the
 * lucky one (grinding): the coordinator refuses every delivery of such a
 * round (docs/challenges.md). Reads the worker's events (indexed by
 * contributor) and the timestamps of their blocks, newest first, stopping at
 * the first block older than the round.
 *
 * @example
 * const mine = await commitmentsInRound(client, { address: staking, contributor: worker, openedAtMs: round.openedAt })
 * if (mine.some((c) => c.dataHash !== commitment)) refuse('more than one commitment this round')
 */
export async function commitmentsInRound (client: ChainClient, params: CommitmentsInRoundParameters, options: { signal?: AbortSignal } = {}): Promise<RoundCommitment[]> {
  const logs = await getLogs(client, { address: params.address, event: SUBMITTED, args: { contributor: params.contributor }, fromBlock: 0n })
  const compute = logs
    .filter((l) => Number(l.args.ctype) === ContributionType.ComputePower)
    .sort((a, b) => Number(b.blockNumber - a.blockNumber))
  const since = params.openedAtMs + (params.marginMs ?? 2000)
  const out: RoundCommitment[] = []
  const timeOf = new Map<bigint, number>()
  for (const l of compute) {
    options.signal?.throwIfAborted()
    let t = timeOf.get(l.blockNumber)
    if (t === undefined) {
      t = Number((await getBlock(client, { blockNumber: l.blockNumber })).timestamp) * 1000
      timeOf.set(l.blockNumber, t)
    }
    if (t < since) break
    out.push({ id: l.args.id as bigint, dataHash: (l.args.dataHash as Hex).toLowerCase() as Hex, blockNumber: l.blockNumber })
  }
  return out
}
