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

/** The plan stored with a round (validated: a corrupted row is an error, not a guess). */
export function roundPlanOf (round: RoundRecord): RoundPlan {
  const h = round.hyperParams as Partial<RoundPlan>
  return { training: resolveHyperParams(h.training), model: resolveModelConfig(h.model as ModelConfig) }
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
