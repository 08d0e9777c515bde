import type { RoundState } from '../store/records.ts'
import { RoundStateError } from '../errors.ts'

/** Every state, in the order a successful round passes through them (then `failed`). */
export const ROUND_STATES: readonly RoundState[] = ['open', 'training', 'collecting', 'verifying', 'aggregating', 'done', 'failed']

/**
 * Allowed moves. A state may also re-enter itself (a deadline extension).
 * `training -> verifying` is the early exit when every assignment is in.
 */
export const ROUND_TRANSITIONS: Readonly<Record<RoundState, readonly RoundState[]>> = {
  open: ['training', 'failed'],
  training: ['collecting', 'verifying', 'failed'],
  collecting: ['verifying', 'failed'],
  verifying: ['aggregating', 'failed'],
  aggregating: ['done', 'failed'],
  done: [],
  failed: []
}

/** True for `done` and `failed`: the round will not change again. */
export function isTerminal (state: RoundState): boolean {
  return state === 'done' || state === 'failed'
}

/** True while workers may submit. */
export function acceptsSubmissions (state: RoundState): boolean {
  return state === 'training' || state === 'collecting'
}

/** Throws RoundStateError unless `from -> to` is allowed (self-moves are extensions, allowed for open and collecting). */
export function assertTransition (round: number, from: RoundState, to: RoundState): void {
  if (from === to && (from === 'open' || from === 'collecting')) return
  if (!ROUND_TRANSITIONS[from].includes(to)) throw new RoundStateError(round, from, `move to ${to}`)
}
