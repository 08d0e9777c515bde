import { contentIdBytes } from '../../../lib/hash/contentId.ts'
import { ErrorCode, ProtocolError, type Assignment } from '../../../lib/net/index.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { roundAnnouncement } from '../roundPlan.ts'

/** Assign polls per second the coordinator aims for from idle workers, and the longest it asks one to wait (well inside the liveness window). */
const POLLS_PER_SECOND = 50
const MAX_POLL_SECONDS = 20

/**
 * /cotrain/assign: a worker's poll. It keeps the worker live; a worker with
 * an open assignment in the training round gets its shards and the round's
 * announcement, anyone else a time to come back and the reason to log.
 */
export function handleAssign (ctx: CoordinatorContext, peerId: string, workerAddress: Uint8Array): Assignment {
  const { rounds } = ctx
  rounds.heartbeat(peerId)
  const round = rounds.currentRound()
  // Idle workers are told to come back later the more of them there are, so
  // polls stay near POLLS_PER_SECOND in total (each costs a stream and a
  // handshake of frames); the round announcement on gossip wakes them early.
  const spread = Math.min(MAX_POLL_SECONDS, Math.ceil(rounds.workers.size / POLLS_PER_SECOND))
  const wait = (seconds: number, waitReason: string): Assignment => ({ round: 0, workerAddress, shards: [], totalSamples: 0, retryAfter: Math.max(seconds, spread), waitReason: waitReason.slice(0, 200) })
  if (round == null || (round.state !== 'training' && round.state !== 'collecting')) {
    // A round may be waiting for this worker to count as live: schedule now rather than at the next tick.
    if (round?.state === 'open') rounds.tick().catch(() => undefined)
    return wait(1, round == null ? ctx.whyNoRound() : round.state === 'open' ? `round ${round.number} is being scheduled` : `round ${round.number} is ${round.state === 'verifying' ? 'verifying its updates' : 'aggregating its updates'}; waiting for the next round`)
  }
  const a = rounds.assignmentFor(peerId, round.number)
  if (a == null) return wait(2, `round ${round.number} was scheduled without this worker; waiting for the next round`)
  if (a.state !== 'assigned') return wait(2, `this worker's update for round ${round.number} is in; waiting for the round to close`)
  const shards = a.shardIds.map((id) => {
    const s = ctx.shards.get(id)
    if (s == null) throw new ProtocolError(ErrorCode.ERROR_CODE_INTERNAL, `shard ${id} is not held`)
    return { contentId: contentIdBytes(id), index: s.index, samples: s.info.samples, size: s.size }
  })
  return { round: round.number, workerAddress, shards, totalSamples: shards.reduce((n, s) => n + s.samples, 0), announcement: roundAnnouncement(round, rounds.config), retryAfter: 0 }
}
