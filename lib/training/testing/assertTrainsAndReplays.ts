import assert from 'node:assert/strict'
import type { Dataset } from '../../data/Dataset.ts'
import type { Shard } from '../../data/shard.ts'
import type { ModelConfigInput } from '../../model/config.ts'
import { initialWeights } from '../../model/flatWeights.ts'
import { ROUND_SEED, WORKER } from './fixture.ts'
import { evaluate } from '../../model/evaluate.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams } from '../trainRound.ts'
import { verifySegment } from '../verifySegment.ts'

/** The round of {@link assertTrainsAndReplays}: round 1 of `model` from its seeded initial weights on one shard. */
export interface ModelRound {
  model: ModelConfigInput
  shard: Pick<Shard, 'id' | 'dataset'>
  hyper: TrainRoundParams['hyper']
  /** Seed label of the initial weights. */
  weightsSeed: string
}

/** What {@link assertTrainsAndReplays} checks beyond the round itself. */
export interface TrainsAndReplaysOptions {
  /** Least fall of the held-out loss over the round. */
  minLossDrop: number
  /** Checkpoint index j >= 1 whose segment (j - 1 to j) a skip-steps cheat fakes. */
  cheatSegment: number
  /** Evaluation batch size (default evaluate's). */
  evaluateBatchSize?: number
}

/**
 * What every model cotrain trains must do in one round (the model tests use
 * it for each kind): the held-out loss falls, every segment replays bit for
 * bit on the same backend, and a worker that skipped the steps of one segment
 * fails that segment's replay.
 *
 * @example
 * await assertTrainsAndReplays({ model, shard, hyper: { steps: 30, batchSize: 16, checkpointInterval: 10 }, weightsSeed: 'test' }, heldOut, { minLossDrop: 0.5, cheatSegment: 2 })
 */
export async function assertTrainsAndReplays (round: ModelRound, heldOut: Dataset, options: TrainsAndReplaysOptions): Promise<void> {
  const config = round.model
  const params: TrainRoundParams = {
    round: 1,
    roundSeed: ROUND_SEED,
    workerAddress: WORKER,
    model: config,
    startWeights: initialWeights(config, round.weightsSeed),
    shards: [{ id: round.shard.id, dataset: round.shard.dataset }],
    hyper: round.hyper
  }
  const batch = options.evaluateBatchSize === undefined ? undefined : { batchSize: options.evaluateBatchSize }
  const before = await evaluate({ config, weights: params.startWeights }, heldOut, batch)
  const r = await trainRound(params)
  const after = await evaluate({ config, weights: r.endWeights }, heldOut, batch)
  assert.ok(after.loss < before.loss - options.minLossDrop, `held-out loss ${before.loss} -> ${after.loss}`)
  const ctx = { round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: config, hyper: params.hyper, shards: params.shards, proofRoot: r.proofRoot, replay: r.replay }
  for (let j = 0; j < r.leaves.length - 1; j++) {
    const v = await verifySegment({ ...ctx, index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1) })
    assert.ok(v.ok && v.exact && v.distance === 0, `segment ${j}: ${v.reason}`)
  }
  const s = options.cheatSegment
  const cheat = await trainRound(params, { fault: { mode: 'skip-steps', segments: [s] } })
  const bad = await verifySegment({ ...ctx, proofRoot: cheat.proofRoot, replay: cheat.replay, index: s - 1, from: await checkpointWithProof(cheat, s - 1), to: await checkpointWithProof(cheat, s) })
  assert.equal(bad.ok, false, bad.reason)
  assert.match(bad.reason, /replay differs/)
}
