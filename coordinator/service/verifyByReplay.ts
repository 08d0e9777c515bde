import type { Libp2p } from '@libp2p/interface'
import { getChallengeSeed, HARDHAT_CHAIN_ID, type ChainClient } from '../../lib/chain/index.ts'
import type { Dataset } from '../../lib/data/Dataset.ts'
import { sha256Hex, toHex } from '../../lib/hash/sha256.ts'
import type { ModelConfig } from '../../lib/model/config.ts'
import { commitmentsInRound } from '../../lib/challenge/commitmentsInRound.ts'
import { isWithholding, noteUnavailable, retryBudget, submissionClaimFromWire, verifySubmission, type UnreachableRecord } from '../../lib/validation/index.ts'
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
  /** A shard's samples by content id (64 hex), read when a replay needs them (the coordinator does not hold its training set). */
  shards: (id: string) => Promise<Dataset | undefined>
  /** The worker's listen addresses, to dial /cotrain/checkpoint. */
  workerAddrs: (peerId: string) => string[]
  chain?: { client: ChainClient, contract: `0x${string}` }
  /** Replay threads; absent: replays run on the event loop's thread. */
  replays?: ReplayPool
  /**
   * How long a worker that cannot be reached for its proof is retried before
   * its submission is rejected as withheld (not fraud): at least
   * three tries (WITHHOLDING_DEFAULTS.minAttempts) spaced a third of it
   * apart, each with more time than the last. Default 60 s; the service
   * keeps it under the verification deadline so the round goes on without
   * the worker instead of waiting the deadline out.
   */
  withholdAfterMs?: number
  /** Time source (tests). */
  clock?: () => number
}

/** Default of {@link VerifyByReplayDependencies.withholdAfterMs}. */
export const DEFAULT_WITHHOLD_AFTER_MS = 60_000

/**
 * The coordinator's acceptance check (RoundManager's `verify`): the shared
 * verifier of lib/validation, challenged with the on-chain seed of the
 * contribution (the hash of the block after it; on a dev chain an empty block
 * is mined when it does not exist yet). Without a contract the seed is derived
 * from the round seed and the commitment, which a worker can compute before it
 * commits: a weaker check, for chain-less test networks only.
 *
 * A worker that cannot be reached, or serves slower than the minimum rate,
 * is retried like a validator retries it (lib/validation/withholding.ts):
 * the verification throws, which leaves the submission pending and retried
 * next tick, over the worker's own connection to us (a worker behind NAT
 * keeps one open) or its listen addresses, each try with a larger time
 * budget; after `withholdAfterMs` and at least three spaced tries it is
 * rejected as withheld (never fraud), so the round goes on without it.
 * `ctx.signal` (the round's deadline) aborts a verification in flight, so
 * one stalling worker never holds the round. With a contract, a worker with
 * more than one commitment on chain since the round opened is refused
 * (grinding; docs/challenges.md).
 */
export function verifyByReplay (deps: VerifyByReplayDependencies): VerifySubmission {
  const clock = deps.clock ?? Date.now
  const rule = { proofWindowMs: deps.withholdAfterMs ?? DEFAULT_WITHHOLD_AFTER_MS }
  /** Unavailable tries of pending submissions, by submission id (kept in memory: a restart only gives a worker more time). */
  const unreachable = new Map<number, { round: number, rec: UnreachableRecord }>()
  return async (submission, ctx): Promise<VerificationResult> => {
    for (const [id, u] of unreachable) if (u.round !== ctx.round.number) unreachable.delete(id)
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
    const shards = await Promise.all(assignment.shardIds.map(async (id) => {
      const dataset = await deps.shards(id)
      if (dataset == null) throw new Error(`shard ${id} is not loaded`)
      return { id, dataset }
    }))
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
      ...retryBudget(unreachable.get(submission.id)?.rec),
      replaySegment: deps.replays == null ? undefined : async (p, o) => await deps.replays!.replay(p, o)
    }, { signal: ctx.signal })
    if (v.outcome === 'unavailable') {
      const now = clock()
      const rec = noteUnavailable(unreachable.get(submission.id)?.rec, now, false, rule)
      if (isWithholding(rec, now, rule)) {
        unreachable.delete(submission.id)
        return { accepted: false, fraud: false, reason: `withheld: the worker did not serve its proof in ${rec.attempts} tries over ${((now - rec.since) / 1000).toFixed(0)} s (${v.reason})` }
      }
      unreachable.set(submission.id, { round: ctx.round.number, rec })
      throw new Error(`worker unreachable for verification (try ${rec.attempts}; withheld after 3 spaced tries over ${(rule.proofWindowMs / 1000).toFixed(0)} s): ${v.reason}`)
    }
    unreachable.delete(submission.id)
    if (v.outcome === 'valid') return { accepted: true, reason: `verified ${v.segments.length} segments in ${v.seconds.toFixed(1)} s` }
    return { accepted: false, fraud: true, evidence: v.evidenceHash ?? undefined, reason: v.reason }
  }
}
