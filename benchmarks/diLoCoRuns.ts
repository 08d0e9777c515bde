import type { ModelConfig, ModelConfigInput } from '../lib/model/config.ts'
import { parseRoundSeed, type RoundSeed } from '../lib/hash/roundSeed.ts'
import { trainRound, type TrainingShard } from '../lib/training/trainRound.ts'
import { aggregate } from '../coordinator/aggregation/aggregate.ts'
import { assignShards } from '../coordinator/scheduling/assignShards.ts'
import type { OuterOptimizerConfig } from '../coordinator/config.ts'

/**
 * The two sides of the learning-quality benchmarks (learning-quality.ts on
 * MNIST, lm-quality.ts on text), trained by the real trainer (trainRound) and
 * combined by the coordinator's own aggregation, one worker after another in
 * this process.
 */

const seedHex = (r: number): RoundSeed => parseRoundSeed(r.toString(16).padStart(64, '0'))
const address = (i: number): string => '0x' + (i + 1).toString(16).padStart(40, '0')

/** Common inputs: the model, W_0, the dataset's shards, the batch size and the inner (Adam) learning rate. */
export interface QualityRunParams {
  model: ModelConfigInput | ModelConfig
  startWeights: Float32Array
  shards: TrainingShard[]
  batchSize: number
  learningRate: number
}

/**
 * Which shards each of `workers` equally fast workers trains, as the
 * coordinator's scheduler (coordinator/scheduling/assignShards.ts) plans a
 * round: one shard each, largest first, then the rest by load, ties by shard
 * id (a content hash, so a worker's shards are scattered over the corpus when
 * there are more shards than workers). The plan depends only on the shards
 * and the workers' speeds, so the same workers get the same shards every
 * round, as they do in a real run.
 */
export function assignLikeCoordinator (shards: readonly TrainingShard[], workers: number): TrainingShard[][] {
  const byId = new Map(shards.map((s) => [s.id, s]))
  const plan = assignShards(shards.map((s) => ({ id: s.id, samples: s.dataset.count })), Array.from({ length: workers }, (_, w) => ({ peerId: address(w), samplesPerSec: 1 })))
  if (plan.length !== workers) throw new Error(`the scheduler gave work to ${plan.length} of ${workers} workers (${shards.length} shards)`)
  return plan.map((a) => a.shardIds.map((id) => byId.get(id)!))
}

/**
 * `rounds` DiLoCo rounds: every worker (one per entry of `assignment`, default
 * one per shard) trains `steps` steps from the global weights on its own
 * shards and commits an int8 delta; the
 * coordinator's aggregate() applies `optimizer`. `afterRound` sees W_{r+1}
 * (for a per-round trace). Returns the final weights and the bytes that
 * crossed the network: the float32 model down and the int8 delta up, per
 * worker and round.
 */
export async function trainInRounds (p: QualityRunParams & { rounds: number, steps: number, optimizer: OuterOptimizerConfig, assignment?: TrainingShard[][], afterRound?: (weights: Float32Array) => Promise<void> }): Promise<{ weights: Float32Array, bytesSent: number }> {
  const assignment = p.assignment ?? p.shards.map((s) => [s])
  const weights = p.startWeights.slice()
  let momentum: Float32Array | undefined
  let bytesSent = 0
  for (let round = 1; round <= p.rounds; round++) {
    const deltas = []
    for (let w = 0; w < assignment.length; w++) {
      const r = await trainRound({ round, roundSeed: seedHex(round), workerAddress: address(w), model: p.model, startWeights: weights, shards: assignment[w], hyper: { steps: p.steps, batchSize: p.batchSize, learningRate: p.learningRate, checkpointInterval: p.steps, deltaEncoding: 'int8' } })
      bytesSent += weights.length * 4 + r.deltaBytes.byteLength
      deltas.push({ values: r.delta, samples: p.steps * p.batchSize })
    }
    momentum = aggregate({ weights, deltas, optimizer: p.optimizer, momentum }).momentum
    await p.afterRound?.(weights)
  }
  return { weights, bytesSent }
}

/**
 * One worker, no exchange: `steps` steps over all the shards (the batch
 * schedule draws from their concatenation). `stream` picks the worker
 * address, so a warm-up and the run after it draw different batches.
 */
export async function trainAlone (p: QualityRunParams & { steps: number, stream?: number }): Promise<Float32Array> {
  const r = await trainRound({ round: 1, roundSeed: seedHex(1), workerAddress: address(p.stream ?? 99), model: p.model, startWeights: p.startWeights, shards: p.shards, hyper: { steps: p.steps, batchSize: p.batchSize, learningRate: p.learningRate, checkpointInterval: p.steps } })
  return r.endWeights
}
