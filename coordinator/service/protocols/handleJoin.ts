import { oneLine } from '../../../lib/errors.ts'
import type { JoinAccepted, ProtocolError, VerifiedJoin } from '../../../lib/net/index.ts'
import type { WorkerCapabilities } from '../../store/records.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { roundAnnouncement } from '../roundPlan.ts'
import { toProtocolRefusal } from '../toProtocolRefusal.ts'
import { idlePollSeconds } from './idlePollSeconds.ts'

/**
 * /cotrain/join: with a contract, refuses an address without stake;
 * registers the worker (or refreshes one joining again) with
 * the capabilities it reports and the addresses identify learned, and tells
 * it the round in progress, if one is past scheduling, and when to ask for
 * work when there is none yet.
 */
export async function handleJoin (ctx: CoordinatorContext, { address, peer, join }: VerifiedJoin): Promise<Partial<JoinAccepted>> {
  const peerId = peer.toString()
  // With a contract, no stake means no row, no assignment and no place in the live count (refused NOT_STAKED).
  try {
    await ctx.stakeCheck?.check(address)
  } catch (err) {
    ctx.emit({ event: 'worker:refused', peerId, address, reason: (err as ProtocolError).reason ?? oneLine(err) })
    throw err
  }
  const c = join.capabilities
  const capabilities: WorkerCapabilities = {
    // Reported on the reference step; in samples of the round's model from here on.
    samplesPerSec: c?.samplesPerSecond != null && c.samplesPerSecond > 0 ? c.samplesPerSecond * ctx.rounds.config.speedFactor : undefined,
    backend: c?.backend ?? '',
    tfjsVersion: c?.tfjsVersion ?? '',
    simd: c?.simd ?? false,
    gflops: c?.gflops ?? 0,
    cpuCores: c?.cpuCores ?? 0,
    memoryMiB: c?.memoryMib ?? 0,
    gpu: c?.gpu ?? '',
    gpuMemoryMiB: c?.gpuMemoryMib ?? 0,
    clientVersion: join.clientVersion ?? '',
    addrs: await ctx.addrs.learn(peerId)
  }
  try {
    await ctx.rounds.joinWorker({ peerId, address: address.toLowerCase(), capabilities })
  } catch (err) {
    throw toProtocolRefusal(err)
  }
  ctx.addrs.joined(peerId)
  ctx.emit({ event: 'worker:joined', peerId, address })
  // The known count only: the live gauge is refreshed on the service's timer (from counts kept as workers poll), not once per join.
  ctx.metrics.workers.set(ctx.rounds.workers.size, { status: 'known' })
  const round = ctx.rounds.currentRound()
  if (round?.state === 'training' || round?.state === 'collecting') return { currentRound: roundAnnouncement(round, ctx.rounds.config) }
  if (round?.state === 'open') return {}
  // No work to ask for until the next round: its announcement wakes the
  // worker, and it asks no sooner than its first assign poll would have been
  // told to come back anyway (the join just kept it live). That poll, from
  // every worker of a fleet joining, was a quarter of all assign requests.
  const retryAfter = idlePollSeconds(ctx, peerId, { atLeast: 1, untilAnnounced: true })
  return round == null ? { retryAfter } : { currentRound: roundAnnouncement(round, ctx.rounds.config), retryAfter }
}
