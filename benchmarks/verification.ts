// Verification cost as a fraction of training cost: a round of 100 or 200
// segments is trained with proofs, then a verifier checks the start, the end
// and the segments the default challenge plan picks (the first, the last and
// 7 random in between), as the validators do. The cost is about
// sampled / segments, so the 5% goal needs rounds of at least 180 segments at
// this plan; the detection column is P(caught) for a worker that faked half of
// the segments between the first and the last (faking either of those is
// caught every time).
// MLP (k=10) and CNN (k=2), batch 64, wasm. Usage: node benchmarks/verification.ts
import { loadavg } from 'node:os'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { sha256Hex } from '../lib/hash/sha256.ts'
import { selectSegments } from '../lib/proof/selectSegments.ts'
import { defaultChallengePlan, detectionProbability } from '../lib/challenge/index.ts'
import { backendClass, selectBackend } from '../lib/training/selectBackend.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams } from '../lib/training/trainRound.ts'
import { verifyEnd, verifySegment, verifyStart } from '../lib/training/verifySegment.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'

await selectBackend({ backend: 'wasm' })
const shards = splitIntoShards(await loadMnist({ split: 'train', limit: 12000 }), 2)
const plans: Array<{ name: string, model: ModelConfigInput, steps: number, k: number }> = [
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, steps: 1000, k: 10 },
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, steps: 2000, k: 10 },
  { name: 'CNN 8-16-64', model: { kind: 'cnn' }, steps: 200, k: 2 },
  { name: 'CNN 8-16-64', model: { kind: 'cnn' }, steps: 400, k: 2 }
]
const before = loadavg()
const rows: Array<Record<string, string | number>> = []
for (const plan of plans) {
  const params: TrainRoundParams = {
    round: 9, roundSeed: parseRoundSeed('77'.repeat(32)), workerAddress: '0x' + '88'.repeat(20), model: plan.model,
    startWeights: initialWeights(plan.model, 'bench'), shards: [shards[0]], hyper: { steps: plan.steps, batchSize: 64, checkpointInterval: plan.k }
  }
  const r = await trainRound(params)
  const t0 = performance.now()
  const ctx = { round: params.round, roundSeed: params.roundSeed, workerAddress: params.workerAddress, model: params.model, hyper: params.hyper, shards: params.shards, proofRoot: r.proofRoot }
  const picked = selectSegments({ challenge: sha256Hex(new TextEncoder().encode('next block')), commitment: r.commitment, segments: r.leaves.length - 1, random: defaultChallengePlan.random })
  const checks = [
    await verifyStart({ ...ctx, startWeights: params.startWeights, checkpoint: await checkpointWithProof(r, 0) }),
    await verifyEnd({ ...ctx, startWeights: params.startWeights, checkpoint: await checkpointWithProof(r, r.leaves.length - 1), deltaBytes: r.deltaBytes, commitment: r.commitment })
  ]
  for (const j of picked) checks.push(await verifySegment({ ...ctx, index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1), replay: r.replay }))
  const verifySeconds = (performance.now() - t0) / 1000
  if (!checks.every((c) => c.ok)) throw new Error(`honest round failed verification: ${checks.find((c) => !c.ok)?.reason}`)
  rows.push({
    model: plan.name,
    segments: r.leaves.length - 1,
    'steps/segment': plan.k,
    sampled: picked.length,
    'train s (with proofs)': r.seconds,
    'verify s': verifySeconds,
    'verify / train %': verifySeconds / r.seconds * 100,
    'ideal %': picked.length / (r.leaves.length - 1) * 100,
    'P(caught), half faked %': detectionProbability({ cheatFraction: 0.5, samples: defaultChallengePlan.random, segments: r.leaves.length - 3 }) * 100
  })
}
const after = loadavg()
console.log(`verification of an honest round on ${backendClass()} (bit-exact replays; start + end checks, first + last + ${defaultChallengePlan.random} random segments)`)
printTable(rows)
console.log(`detection: faking the first or the last segment is always caught; faking a fraction f of those in between is caught with probability about 1 - (1 - f)^${defaultChallengePlan.random}`)
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult('verification', { env: environment(), loadBefore: before, loadAfter: after, rows })}`)
