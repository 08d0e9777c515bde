import type { Libp2p } from '@libp2p/interface'
import { getChallengeSeed, HARDHAT_CHAIN_ID, type ChainClient } from '../../lib/chain/index.ts'
import type { Dataset } from '../../lib/data/Dataset.ts'
import { sha256Hex, toHex } from '../../lib/hash/sha256.ts'
import type { ModelConfig } from '../../lib/model/config.ts'
import { commitmentsInRound } from '../../lib/challenge/commitmentsInRound.ts'
import { submissionClaimFromWire, verifySubmission } from '../../lib/validation/index.ts'
import type { VerificationResult, VerifySubmission } from '../rounds/RoundManager.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { roundPlanOf } from './roundPlan.ts'
import { storedProof } from '../store/storedSubmission.ts'
import type { ReplayPool } from '../verification/ReplayPool.ts'

/** What the coordinator's verifier reads. */
export interface VerifyByReplayDependencies {
  node: () => Libp2p
  store: () => CoordinatorStore
  model: ModelConfig
  /** A shard's samples by content id (64 hex). */
  shards: (id: string) => Dataset | undefined
  /** The worker's listen addresses, to dial /cotrain/checkpoint. */
  workerAddrs: (peerId: string) => string[]
  chain?: { client: ChainClient, contract: `0x${string}` }
  /** Replay threads; absent: replays run on the event loop's thread. */
  replays?: ReplayPool
}

/**
 * The coordinator's acceptance check (RoundManager's `verify`): the shared
 * verifier of lib/validation, challenged with the on-chain seed of the
 * contribution (the hash of the block after it; on a dev chain an empty block
 * is mined when it does not exist yet). Without a contract the seed is derived
 * from the round seed and the commitment, which a worker can compute before it
 * commits: a weaker check, for chain-less test networks only.
 *
 * A worker that cannot be reached, or serves slower than the minimum rate,
 * throws, which leaves the submission pending and retried next tick until
 * the verification deadline expires it; `ctx.signal` (the round's deadline)
 * aborts a verification in flight, so one stalling worker never holds the
 * round. With a contract, a worker with more than one commitment on chain
 * since the round opened is refused (grinding; docs/challenges.md).
 */
export function verifyByReplay (deps: VerifyByReplayDependencies): VerifySubmission {
  return async (submission, ctx): Promise<VerificationResult> => {
    if (submission.proof == null) return { accepted: false, reason: 'no proof metadata stored for this submission' }
    const proof = storedProof(submission)
    const store = deps.store()
    if (deps.chain != null && submission.contributionId != null) {
      // One commitment per worker per round: with several, the worker could have read each one's seed and delivered the lucky one.
      const mine = await commitmentsInRound(deps.chain.client, { address: deps.chain.contract, contributor: toHex(proof.workerAddress ?? new Uint8Array(0)) as `0x${string}`, openedAtMs: ctx.round.openedAt }, { signal: ctx.signal })
      // A previous round's commitment mined late (and delivered for that round) is not a variant of this one.
      const earlierRound = (h: string): boolean => { const r = store.findSubmissionByCommitment(h)?.round; return r !== undefined && r !== ctx.round.number }
      const undelivered = mine.filter((c) => c.dataHash !== submission.commitment.toLowerCase() && !earlierRound(c.dataHash))
      if (undelivered.length > 0) {
        return { accepted: false, reason: `the worker committed ${undelivered.length + 1} contributions on chain this round (#${[submission.contributionId, ...undelivered.map((c) => c.id.toString())].join(', #')}): one commitment per worker per round, so grinding for a lucky challenge seed gains nothing (docs/challenges.md)` }
      }
    }
    const wireDelta = await store.blobs.get(submission.deltaId)
    const claim = submissionClaimFromWire(proof, wireDelta)
    const assignment = store.requireAssignment(submission.assignmentId)
    const shards = assignment.shardIds.map((id) => {
      const dataset = deps.shards(id)
      if (dataset == null) throw new Error(`shard ${id} is not loaded`)
      return { id, dataset }
    })
    const plan = roundPlanOf(ctx.round)
    let challengeSeed: string
    if (deps.chain != null && submission.contributionId != null) {
      const dev = deps.chain.client.chain?.id === HARDHAT_CHAIN_ID
      challengeSeed = await getChallengeSeed(deps.chain.client, { address: deps.chain.contract, id: BigInt(submission.contributionId), mine: dev, timeoutMs: 10_000, signal: ctx.signal })
    } else {
      challengeSeed = sha256Hex(new TextEncoder().encode(`cotrain/offchain-challenge/v1/${ctx.round.seed}/${submission.commitment}`))
    }
    const v = await verifySubmission({
      node: deps.node(),
      workerPeer: { peerId: submission.worker, multiaddrs: deps.workerAddrs(submission.worker) },
      submission: claim,
      startWeights: await ctx.readGlobalModel(),
      modelConfig: deps.model,
      hyper: plan.training,
      roundSeed: ctx.round.seed,
      shards,
      challengeSeed,
      replaySegment: deps.replays == null ? undefined : async (p, o) => await deps.replays!.replay(p, o)
    }, { signal: ctx.signal })
    if (v.outcome === 'unavailable') throw new Error(`worker unreachable for verification: ${v.reason}`)
    if (v.outcome === 'valid') return { accepted: true, reason: `verified ${v.segments.length} segments in ${v.seconds.toFixed(1)} s` }
    return { accepted: false, fraud: true, evidence: v.evidenceHash ?? undefined, reason: v.reason }
  }
}
