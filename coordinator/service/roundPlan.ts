import { resolveModelConfig, type ModelConfig } from '../../lib/model/config.ts'
import { fromHex } from '../../lib/hash/sha256.ts'
import { resolveHyperParams, type TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import type { RoundAnnouncement } from '../../lib/net/index.ts'
import type { CoordinatorConfig } from '../config.ts'
import type { RoundRecord } from '../store/records.ts'
import { roundSeedBytes } from '../../lib/hash/roundSeed.ts'
import { hyperParamsToWire } from '../../lib/net/hyperParamsWire.ts'

/**
 * What a round trains, as stored in the round row's `hyperParams`: the
 * trainer's hyper-parameters and the model config. Stored with the round so a
 * restarted coordinator announces exactly what the workers started on.
 */
export interface RoundPlan {
  training: TrainingHyperParams
  model: ModelConfig
}

/**
 * Plans resolved so far, by round record. A record is replaced, never
 * changed, when its row changes (the store reads a new one), and resolving
 * (validation and a structured clone of the model config) cost more than the
 * checks of a submission or an assign poll that ask for it.
 */
const plans = new WeakMap<RoundRecord, RoundPlan>()

/** The plan stored with a round (validated: a corrupted row is an error, not a guess). Shared by every caller of the same record, so frozen. */
export function roundPlanOf (round: RoundRecord): RoundPlan {
  let plan = plans.get(round)
  if (plan === undefined) {
    const h = round.hyperParams as Partial<RoundPlan>
    plan = deepFreeze({ training: resolveHyperParams(h.training), model: resolveModelConfig(h.model as ModelConfig) })
    plans.set(round, plan)
  }
  return plan
}

function deepFreeze<T> (value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * The round's announcement as workers (in an assignment) and validators (in
 * a submissions listing) receive it. Deadlines are unix seconds: the training
 * deadline is the state's while training, else projected from when it opened.
 * `config.datasetId` names the manifest of a text run's data (validators
 * score on its held-out windows).
 */
export function roundAnnouncement (round: RoundRecord, config: Pick<CoordinatorConfig, 'trainingTimeoutMs' | 'collectTimeoutMs' | 'openTimeoutMs' | 'datasetId'>): RoundAnnouncement {
  const plan = roundPlanOf(round)
  const trainDeadlineMs = round.state === 'training' ? round.deadline : round.openedAt + config.openTimeoutMs + config.trainingTimeoutMs
  const submitDeadlineMs = round.state === 'collecting' ? round.deadline : trainDeadlineMs + config.collectTimeoutMs
  return {
    round: round.number,
    modelId: fromHex(round.modelId, 32, 'model id'),
    hyperParameters: hyperParamsToWire(plan.training),
    roundSeed: roundSeedBytes(round.seed),
    modelConfigJson: JSON.stringify(plan.model),
    openedAt: Math.floor(round.openedAt / 1000),
    trainDeadline: Math.floor(trainDeadlineMs / 1000),
    submitDeadline: Math.max(Math.floor(submitDeadlineMs / 1000), Math.floor(trainDeadlineMs / 1000)),
    ...(config.datasetId !== undefined ? { datasetId: fromHex(config.datasetId, 32, 'dataset id') } : {})
  }
}
