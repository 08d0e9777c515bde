import { ContributionType, distributeRewardsBatch, readStaking, submitContribution } from '../lib/chain/index.ts'
import { oneLine } from '../lib/errors.ts'
import { readValidationBatches } from './readValidationBatches.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import type { ValidatorContext } from './ValidatorContext.ts'

/**
 * Records the compute scores just sent, with any earlier ones no Validation
 * contribution of ours covers yet, as one Validation contribution (its
 * dataHash is validationBatchHash of the batch), so other validators can
 * cross-check it. A failed one is only a warning: the next batch covers its
 * scores too.
 */
export async function recordValidationBatch (ctx: ValidatorContext, round: number, scores: ReadonlyArray<{ id: bigint, score: number }>): Promise<void> {
  const batch = [...(ctx.state.unrecordedScores ?? []), ...scores.map((s) => ({ id: s.id.toString(), score: s.score }))]
  ctx.state.unrecordedScores = batch
  ctx.save()
  const dataHash = validationBatchHash(ctx.address, batch.map((b) => ({ id: BigInt(b.id), score: b.score })))
  try {
    const c = await submitContribution(ctx.options.wallet, { address: ctx.options.contract, ctype: ContributionType.Validation, dataHash })
    ctx.state.lastValidationBlock = c.blockNumber.toString()
    delete ctx.state.unrecordedScores
    ctx.save()
    ctx.emit({ event: 'validation:submitted', round, contributionId: c.id.toString(), dataHash })
  } catch (err) {
    ctx.emit({ event: 'validator:warning', message: `could not record the batch as a Validation contribution (the next batch will cover its scores): ${oneLine(err)}` })
  }
}

/**
 * Scores other validators' Validation contributions: their batch is the
 * ContributionScored events they emitted since their previous Validation
 * contribution; its hash must be their dataHash, and their scores are
 * compared with ours on the ids we both scored (mean absolute difference d:
 * score = clamp(round(100 - 2d), 1, 100); a hash that does not match: 1).
 */
export async function scoreOtherValidators (ctx: ValidatorContext): Promise<void> {
  const client = ctx.options.wallet
  const address = ctx.options.contract
  const out: Array<{ id: bigint, score: number }> = []
  const batches = await readValidationBatches(client, address)
  for (const { id, contributor, dataHash, batch } of batches) {
    if (contributor.toLowerCase() === ctx.address.toLowerCase() || ctx.state.validationsScored.includes(id.toString())) continue
    if (await readStaking(client, address, 'hasScored', [id, ctx.address])) { ctx.state.validationsScored.push(id.toString()); continue }
    let score = 1
    let agreement = 'batch hash mismatch'
    if (batch.length > 0 && validationBatchHash(contributor, batch) === dataHash.toLowerCase()) {
      const common = batch.filter((b) => typeof ctx.state.handled[b.id.toString()] === 'number' && (ctx.state.handled[b.id.toString()] as number) > 0)
      const d = common.length === 0 ? 0 : common.reduce((acc, b) => acc + Math.abs(b.score - (ctx.state.handled[b.id.toString()] as number)), 0) / common.length
      score = Math.min(100, Math.max(1, Math.round(100 - 2 * d)))
      agreement = `${common.length} common ids, mean |difference| ${d.toFixed(1)}`
    }
    out.push({ id, score })
    ctx.state.validationsScored.push(id.toString())
    ctx.emit({ event: 'validation:scored', contributionId: id.toString(), validator: contributor, score, agreement })
  }
  if (out.length > 0) await distributeRewardsBatch(client, { address, scores: out })
  ctx.save()
}
