/**
 * When silence counts as withholding (docs/challenges.md, "Withholding"): a
 * verification that could not fetch a checkpoint is `unavailable`, never
 * fraud by itself. A validator reports the contribution as withheld only
 * after `minAttempts` unavailable verifications spaced at least
 * `proofWindowMs / minAttempts` apart, spanning the proof window; a worker
 * that still answers a ping (alive, but starved of CPU or on a slow link)
 * gets `aliveFactor` times that window, and each retry gives it more time
 * per checkpoint. A contribution past its challenge window is never reported
 * (the caller checks the chain), so "more time" can only ever err towards
 * not slashing.
 */
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { Ping } from '@libp2p/ping'
import { VERIFY_DEFAULTS } from './verifySubmission.ts'

export const WITHHOLDING_DEFAULTS = Object.freeze({
  /** Unavailable verifications, spaced out, before silence is withholding. */
  minAttempts: 3,
  /** A worker that answers pings gets this many proof windows. */
  aliveFactor: 5,
  /** The largest factor a retry's time budget grows by (2 per counted attempt). */
  maxBudgetFactor: 8,
  /** How long a ping may take before the worker counts as not answering. */
  pingTimeoutMs: 20_000
})

/** One contribution's record of unavailable verifications (kept in the validator's state file). */
export interface UnreachableRecord {
  /** First unavailable verification (ms). */
  since: number
  /** Unavailable verifications counted (at least the spacing apart). */
  attempts: number
  /** The last counted one (ms). */
  lastAttemptAt: number
  /** Last time the worker answered a ping (ms), if ever. */
  aliveAt?: number
}

export interface WithholdingRule {
  proofWindowMs: number
  minAttempts?: number
  aliveFactor?: number
}

/** The record after one more unavailable verification at `now`; `alive` when the worker answered a ping then. */
export function noteUnavailable (rec: UnreachableRecord | undefined, now: number, alive: boolean, rule: WithholdingRule): UnreachableRecord {
  const minAttempts = rule.minAttempts ?? WITHHOLDING_DEFAULTS.minAttempts
  const spacing = rule.proofWindowMs / minAttempts
  const next: UnreachableRecord = rec === undefined
    ? { since: now, attempts: 1, lastAttemptAt: now }
    : now - rec.lastAttemptAt >= spacing ? { ...rec, attempts: rec.attempts + 1, lastAttemptAt: now } : { ...rec }
  if (alive) next.aliveAt = now
  return next
}

/** True when the worker's silence now counts as withholding its proof. */
export function isWithholding (rec: UnreachableRecord, now: number, rule: WithholdingRule): boolean {
  const minAttempts = rule.minAttempts ?? WITHHOLDING_DEFAULTS.minAttempts
  const alive = rec.aliveAt !== undefined && now - rec.aliveAt <= rule.proofWindowMs
  const window = alive ? rule.proofWindowMs * (rule.aliveFactor ?? WITHHOLDING_DEFAULTS.aliveFactor) : rule.proofWindowMs
  return rec.attempts >= minAttempts && now - rec.since >= window
}

/** The time budget of the next try: twice the last per counted attempt (up to 8x), so a worker that answers slowly gets more time. */
export function retryBudget (rec: UnreachableRecord | undefined, base: { requestTimeoutMs?: number, minBytesPerSecond?: number, fetchDeadlineMs?: number } = {}): { requestTimeoutMs: number, minBytesPerSecond: number, fetchDeadlineMs: number } {
  const factor = Math.min(WITHHOLDING_DEFAULTS.maxBudgetFactor, 2 ** (rec?.attempts ?? 0))
  return {
    requestTimeoutMs: (base.requestTimeoutMs ?? VERIFY_DEFAULTS.requestTimeoutMs) * factor,
    minBytesPerSecond: (base.minBytesPerSecond ?? VERIFY_DEFAULTS.minBytesPerSecond) / factor,
    fetchDeadlineMs: (base.fetchDeadlineMs ?? VERIFY_DEFAULTS.fetchDeadlineMs) * factor
  }
}

/** True when the worker answers a libp2p ping at any of `targets` (direct first, then relayed) within the timeout. */
export async function answersPing (node: Libp2p, targets: DialTarget[], options: { signal?: AbortSignal, timeoutMs?: number } = {}): Promise<boolean> {
  const ping = (node.services as { ping?: Ping }).ping
  if (ping === undefined) return false
  for (const target of targets) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? WITHHOLDING_DEFAULTS.pingTimeoutMs)
    try {
      await ping.ping(target as Parameters<Ping['ping']>[0], { signal: options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]) })
      return true
    } catch {
      options.signal?.throwIfAborted()
    }
  }
  return false
}
