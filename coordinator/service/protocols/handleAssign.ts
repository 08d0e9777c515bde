import { contentIdBytes } from '../../../lib/hash/contentId.ts'
import { ErrorCode, ProtocolError, type Assignment, type ContentProviders } from '../../../lib/net/index.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { roundAnnouncement } from '../roundPlan.ts'
import { idlePollSeconds, pollSpreadSeconds } from './idlePollSeconds.ts'

/**
 * /cotrain/assign: a worker's poll. It keeps the worker live; a worker with
 * an open assignment in the training round gets its shards and the round's
 * announcement, anyone else a time to come back and the reason to log.
 */
export async function handleAssign (ctx: CoordinatorContext, peerId: string, workerAddress: Uint8Array): Promise<Assignment> {
  const { rounds } = ctx
  rounds.heartbeat(peerId)
  const round = rounds.currentRound()
  const wait = (seconds: number, waitReason: string, untilAnnounced: boolean, label: string): Assignment => {
    ctx.metrics.assignRequests.inc(1, { answer: label })
    return { round: 0, workerAddress, shards: [], totalSamples: 0, retryAfter: idlePollSeconds(ctx, peerId, { atLeast: seconds, untilAnnounced }), waitReason: waitReason.slice(0, 200) }
  }
  if (round == null || (round.state !== 'training' && round.state !== 'collecting')) {
    // A round may be waiting for this worker to count as live: schedule now
    // rather than at the next tick. An open round is being scheduled: its
    // announcement may race this worker's subscription, so it polls soon.
    if (round?.state === 'open') {
      rounds.tick().catch(() => undefined)
      return wait(1, `round ${round.number} is being scheduled`, false, 'wait-scheduling')
    }
    return wait(1, round == null ? ctx.whyNoRound() : `round ${round.number} is ${round.state === 'verifying' ? 'verifying its updates' : 'aggregating its updates'}; waiting for the next round`, true, round == null ? 'wait-no-round' : 'wait-closing')
  }
  const a = rounds.assignmentFor(peerId, round.number)
  if (a == null) return wait(2, `round ${round.number} was scheduled without this worker; waiting for the next round`, true, 'wait-not-scheduled')
  if (a.state !== 'assigned') return wait(2, `this worker's update for round ${round.number} is in; waiting for the round to close`, true, 'wait-update-in')
  const shards = a.shardIds.map((id) => {
    const s = ctx.shards.get(id)
    if (s == null) throw new ProtocolError(ErrorCode.ERROR_CODE_INTERNAL, `shard ${id} is not held`)
    return { contentId: contentIdBytes(id), index: s.index, samples: s.info.samples, size: s.size }
  })
  // The model's first holders are busy: hold the request until one has a
  // slot (MAX_HOLD_MS, inside the request timeouts) rather than answer "wait"
  // and take the poll again a few seconds later.
  let providers = namedProviders(ctx, peerId, round.modelId, a.shardIds)
  for (const until = Date.now() + MAX_HOLD_MS; providers === 'wait' && ctx.providers !== undefined && Date.now() < until;) {
    await ctx.providers.untilCapacity(until - Date.now())
    if (rounds.currentRound()?.number !== round.number) break
    providers = namedProviders(ctx, peerId, round.modelId, a.shardIds)
  }
  if (providers === 'wait') {
    // Short, not spread: the seeds need about one model transfer, and then everyone waiting can start.
    return { ...wait(1, `round ${round.number}'s model is reaching its first workers; fetching it from them in a moment`, false, 'wait-model'), retryAfter: Math.max(1, Math.min(pollSpreadSeconds(ctx), MAX_SEED_WAIT_SECONDS)) }
  }
  ctx.metrics.assignRequests.inc(1, { answer: 'work' })
  return { round: round.number, workerAddress, shards, totalSamples: shards.reduce((n, s) => n + s.samples, 0), announcement: roundAnnouncement(round, rounds.config), retryAfter: 0, providers }
}

/** Longest a worker is told to wait for the model's first holders. */
const MAX_SEED_WAIT_SECONDS = 4

/** Longest an assign request is held open waiting for a holder with a free slot: well inside the 10 s request timeouts. */
const MAX_HOLD_MS = 4000

/**
 * Swarm distribution: the providers to name for the round's model and each
 * shard (coordinator/scheduling/ProviderBook.ts), or 'wait' when the model's
 * seeds are still fetching it from the coordinator. An object with no
 * provider entry comes from the coordinator.
 */
function namedProviders (ctx: CoordinatorContext, peerId: string, modelId: string, shardIds: readonly string[]): ContentProviders[] | 'wait' {
  const book = ctx.providers
  if (book === undefined) return []
  book.useModel(modelId)
  const now = Date.now()
  const usable = (p: string): boolean => {
    const w = ctx.rounds.workers.get(p)
    return w != null && w.status === 'active' && now - w.lastSeen <= ctx.rounds.config.livenessMs
  }
  const out: ContentProviders[] = []
  for (const id of [modelId, ...shardIds]) {
    const plan = book.plan(id, peerId, usable)
    // Only the model is worth waiting for: a shard goes to one or two workers a round, so nobody else is about to hold it.
    if (plan.kind === 'wait' && id === modelId) return 'wait'
    if (plan.kind !== 'providers' || plan.providers.length === 0) continue
    ctx.metrics.providersNamed.inc(plan.providers.length)
    const size = id === modelId ? ctx.store.blobs.sizeOf(id) : ctx.shards.get(id)?.size ?? 0
    out.push({ contentId: contentIdBytes(id), size, providers: plan.providers })
  }
  return out
}
