import { oneLine } from '../lib/errors.ts'
import { ErrorCode, listSubmissions, ProtocolError } from '../lib/net/index.ts'
import type { cotrain } from '../lib/proto/cotrain.js'
import type { ValidatorContext } from './ValidatorContext.ts'

/**
 * The coordinator's newest round (1 when it has none yet): rounds are
 * numbered from 1 without gaps, so double until one is missing, then
 * bisect. A handful of listing requests, once, at the first start.
 */
export async function currentRound (ctx: ValidatorContext): Promise<number> {
  const exists = async (r: number): Promise<boolean> => (await listRound(ctx, r, { quiet: true })) !== undefined
  if (!await exists(1)) return 1
  let lo = 1
  let hi = 2
  while (await exists(hi)) { lo = hi; hi *= 2 }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (await exists(mid)) lo = mid; else hi = mid
  }
  return lo
}

/** All of round r's submissions, or undefined when the coordinator has no such round (yet). */
export async function listRound (ctx: ValidatorContext, round: number, options: { quiet?: boolean } = {}): Promise<cotrain.v1.SubmissionSummary[] | undefined> {
  const out: cotrain.v1.SubmissionSummary[] = []
  try {
    for (let start = 0, total = 1; start < total;) {
      const page = await listSubmissions(ctx.node, ctx.coordinator, { round, start }, { signal: ctx.signal })
      total = page.total
      if (page.submissions.length === 0) break
      out.push(...(page.submissions as cotrain.v1.SubmissionSummary[]))
      start += page.submissions.length
    }
  } catch (err) {
    if (err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_NOT_FOUND) return undefined
    if (ctx.signal.aborted) throw err
    if (options.quiet === true) throw err
    ctx.emit({ event: 'validator:warning', message: `listing round ${round}: ${oneLine(err)}` })
    return undefined
  }
  return out
}
