import { ContributionType, distributeRewardsBatch, readStaking, submitContribution } from '../lib/chain/index.ts'
import { oneLine } from '../lib/errors.ts'
import { readValidationBatches } from './readValidationBatches.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import type { ValidatorContext } from './ValidatorContext.ts'
import type { ValidatorState } from './validatorState.ts'

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
 * compared with ours on the ids we both scored (batchAgreement; a hash that
 * does not match: 1). A batch with no id we scored is left unscored (we have
 * no evidence either way; a validator started late has none for the rounds
 * before it) and looked at again after each round, until we share an id
 * with it or it settles with the other validators' scores.
 */
export async function scoreOtherValidators (ctx: ValidatorContext): Promise<void> {
  const client = ctx.options.wallet
  const address = ctx.options.contract
  const out: Array<{ id: bigint, score: number }> = []
  const batches = await readValidationBatches(client, address)
  for (const { id, contributor, dataHash, batch } of batches) {
    if (contributor.toLowerCase() === ctx.address.toLowerCase() || ctx.state.validationsScored.includes(id.toString())) continue
    const matches = batch.length > 0 && validationBatchHash(contributor, batch) === dataHash.toLowerCase()
    const judged = matches ? batchAgreement(batch, ctx.state.handled) : { score: 1, agreement: 'batch hash mismatch' }
    if (judged === undefined) {
      if (!(ctx.state.validationsAbstained ?? []).includes(id.toString())) {
        ctx.state.validationsAbstained = [...(ctx.state.validationsAbstained ?? []), id.toString()]
        ctx.emit({ event: 'validation:abstained', contributionId: id.toString(), validator: contributor, reason: `none of its ${batch.length} scores is for a contribution we scored` })
      }
      continue
    }
    if (await readStaking(client, address, 'hasScored', [id, ctx.address])) { ctx.state.validationsScored.push(id.toString()); continue }
    const { score, agreement } = judged
    out.push({ id, score })
    ctx.state.validationsScored.push(id.toString())
    ctx.state.validationsAbstained = ctx.state.validationsAbstained?.filter((x) => x !== id.toString())
    ctx.emit({ event: 'validation:scored', contributionId: id.toString(), validator: contributor, score, agreement })
  }
  if (out.length > 0) await distributeRewardsBatch(client, { address, scores: out })
  ctx.save()
}

/**
 * How far another validator's batch agrees with our own scores, on the ids we
 * both scored (`handled`: ours; 0 and 'fraud' are no score of ours): mean
 * absolute difference d, score = clamp(round(100 - 2d), 1, 100). Undefined
 * when we share no id with it: agreement with nothing is no evidence, and
 * scoring it 100 would pay a batch nobody checked.
 *
 * @example
 * batchAgreement([{ id: 1n, score: 80 }, { id: 2n, score: 90 }], { 1: 78 }) // { score: 96, agreement: '1 common ids, ...' }
 */
export function batchAgreement (batch: ReadonlyArray<{ id: bigint, score: number }>, handled: ValidatorState['handled']): { score: number, agreement: string } | undefined {
  const diffs = batch.flatMap((b) => {
    const ours = handled[b.id.toString()]
    return typeof ours === 'number' && ours > 0 ? [Math.abs(b.score - ours)] : []
  })
  if (diffs.length === 0) return undefined
  const d = diffs.reduce((a, x) => a + x, 0) / diffs.length
  return { score: Math.min(100, Math.max(1, Math.round(100 - 2 * d))), agreement: `${diffs.length} common ids, mean |difference| ${d.toFixed(1)}` }
}
