import type { CoordinatorContext } from '../CoordinatorContext.ts'

/**
 * Assign polls per second the coordinator aims for from idle workers that do
 * not hear the announcements, and the longest it asks any worker to wait
 * (well inside the liveness window).
 */
const POLLS_PER_SECOND = 50
const MAX_POLL_SECONDS = 20

/**
 * How long an idle worker is told to wait before its next /cotrain/assign
 * (in an assign answer, a join's or a submission's ack): at least
 * `atLeast` s, longer the more workers there are, so polls stay near
 * POLLS_PER_SECOND in total (each costs a stream and a handshake of frames).
 * With `untilAnnounced` (what it waits for comes with the next round's
 * announcement), a worker subscribed to the announcements is woken by that
 * one, so its poll is only a heartbeat: it comes back at the longest
 * interval whatever the number of workers, which keeps its polls per round
 * about constant as N grows.
 *
 * @example
 * idlePollSeconds(ctx, peerId, { atLeast: 2, untilAnnounced: true }) // 20 for a listener
 */
export function idlePollSeconds (ctx: CoordinatorContext, peerId: string, options: { atLeast: number, untilAnnounced: boolean }): number {
  const heartbeat = options.untilAnnounced && ctx.listeners.has(peerId) ? Math.max(1, Math.min(MAX_POLL_SECONDS, Math.floor(ctx.rounds.config.livenessMs / 3000))) : 0
  return Math.max(options.atLeast, pollSpreadSeconds(ctx), heartbeat)
}

/** The part that grows with the number of workers (the longest a worker waiting for something imminent, the model's first holders, is told to wait is capped by it). */
export function pollSpreadSeconds (ctx: CoordinatorContext): number {
  return Math.min(MAX_POLL_SECONDS, Math.ceil(ctx.rounds.workers.size / POLLS_PER_SECOND))
}
