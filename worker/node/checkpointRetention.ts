import type { RoundRecord } from './WorkerState.ts'

/** What {@link roundsToDrop} decides from. */
export interface RetentionInput {
  /** Rounds with a checkpoint folder on disk. */
  onDisk: readonly number[]
  records: readonly RoundRecord[]
  /** Unix seconds. */
  now: number
  /** Seconds a contribution on chain can still be challenged (WorkerContext.challengeWindowSeconds); 0 without a chain. */
  challengeWindowSeconds: number
  /** The newest rounds kept in any case (default 3). */
  keepRounds?: number
}

/**
 * Which rounds' checkpoints a worker may delete: none that can still be
 * challenged. A round whose contribution went on chain is kept until the
 * challenge window after it was committed has passed (a validator that
 * challenges it later finds nothing to report: it never reports past the
 * window either), whatever the coordinator said of it; the newest
 * `keepRounds` are kept regardless. (Keeping only the last 3 rounds let a
 * validator started late report every older contribution of an honest worker
 * as withheld: 11 slashes in a minute on a quorum-1 chain.)
 *
 * @example
 * for (const r of roundsToDrop({ onDisk, records: state.records(), now: Date.now() / 1000, challengeWindowSeconds: 900 })) await server.drop(r)
 */
export function roundsToDrop (input: RetentionInput): number[] {
  const keep = input.keepRounds ?? 3
  const byRound = new Map(input.records.map((r) => [r.round, r]))
  const newest = [...input.onDisk].sort((a, b) => b - a).slice(0, keep)
  return input.onDisk.filter((r) => {
    if (newest.includes(r)) return false
    const rec = byRound.get(r)
    if (rec?.contributionId === undefined) return true
    const committedAt = rec.committedAt ?? rec.updatedAt
    return input.now - committedAt > input.challengeWindowSeconds
  }).sort((a, b) => a - b)
}
