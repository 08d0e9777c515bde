import type { RoundState } from '../store/records.ts'

/** What the deadline policy needs to know about a round at one instant. */
export interface RoundView {
  state: RoundState
  deadline: number
  extensions: number
  minUpdates: number
  /** Live workers (for `open`). */
  liveWorkers: number
  /**
   * Workers that could still join the round: active (not banned, not made
   * ineligible), seen recently or not. A target above it cannot be met, so the
   * round would wait out its join window for workers that no longer exist.
   */
  activeWorkers?: number
  /** Assignments still `assigned` (work in flight). */
  outstanding: number
  /**
   * Of those, the ones past their deadline whose worker is gone (not seen
   * within the liveness window, or no longer active) and that nobody took
   * over: waiting for them only runs out the training deadline.
   */
  abandoned?: number
  /** Submissions not rejected (pending + accepted). */
  received: number
  pending: number
  accepted: number
}

export interface RoundPolicy {
  maxExtensions: number
  targetWorkers?: number
}

/** The next thing to do with a round. */
export type RoundStep =
  | { kind: 'wait' }
  | { kind: 'schedule', reason: string }
  | { kind: 'advance', to: RoundState, reason: string }
  | { kind: 'extend', reason: string }
  | { kind: 'fail', reason: string }
  | { kind: 'verify' }
  | { kind: 'expire-pending', reason: string }
  | { kind: 'aggregate' }

/**
 * The deadline policy as a pure function of the round's counts and the time.
 * Missing a deadline without the minimum of updates extends the phase once
 * (`maxExtensions`), with overdue shards reassigned meanwhile; missing it again
 * fails the round, and the next round starts from the same global model.
 *
 * - open: schedule once `targetWorkers` are live (or every active worker,
 *   when fewer exist), or at the deadline if at least `minUpdates` are; else
 *   extend / fail.
 * - training: to verifying as soon as every assignment is in and there are
 *   enough; at the deadline to collecting (a grace period for uploads).
 * - collecting: to verifying when every assignment is in or at the deadline
 *   with enough submissions; else extend / fail.
 * - verifying: verify pending submissions; at the deadline reject the rest;
 *   then to aggregating with at least `minUpdates` accepted, else fail.
 * - aggregating: aggregate (local and deterministic; re-run after a restart).
 */
export function decideRoundStep (view: RoundView, now: number, policy: RoundPolicy): RoundStep {
  const late = now >= view.deadline
  const canExtend = view.extensions < policy.maxExtensions
  const enough = view.received >= view.minUpdates
  switch (view.state) {
    case 'open': {
      const ready = view.liveWorkers >= view.minUpdates
      const target = policy.targetWorkers === undefined ? undefined : Math.min(policy.targetWorkers, view.activeWorkers ?? Infinity)
      if (ready && target !== undefined && view.liveWorkers >= target) return { kind: 'schedule', reason: `${view.liveWorkers} workers live` }
      if (!late) return { kind: 'wait' }
      if (ready) return { kind: 'schedule', reason: 'join window closed' }
      const why = `${view.liveWorkers} live workers of ${view.minUpdates} needed`
      return canExtend ? { kind: 'extend', reason: why } : { kind: 'fail', reason: why }
    }
    case 'training':
    case 'collecting': {
      if (view.outstanding === 0 && enough) return { kind: 'advance', to: 'verifying', reason: 'all assignments submitted' }
      const abandoned = view.abandoned ?? 0
      if (abandoned > 0 && view.outstanding === abandoned && enough) return { kind: 'advance', to: 'verifying', reason: `${view.received} submissions in; ${abandoned} overdue with their workers gone` }
      if (!late) return { kind: 'wait' }
      if (view.state === 'training') return { kind: 'advance', to: 'collecting', reason: 'training deadline passed' }
      if (enough) return { kind: 'advance', to: 'verifying', reason: `collect deadline passed with ${view.received} submissions` }
      const why = `${view.received} submissions of ${view.minUpdates} needed`
      return canExtend ? { kind: 'extend', reason: why } : { kind: 'fail', reason: why }
    }
    case 'verifying': {
      if (view.pending > 0) return late ? { kind: 'expire-pending', reason: 'verification deadline passed' } : { kind: 'verify' }
      if (view.accepted >= view.minUpdates) return { kind: 'advance', to: 'aggregating', reason: `${view.accepted} updates accepted` }
      return { kind: 'fail', reason: `${view.accepted} updates accepted of ${view.minUpdates} needed` }
    }
    case 'aggregating':
      return { kind: 'aggregate' }
    case 'done':
    case 'failed':
      return { kind: 'wait' }
  }
}
