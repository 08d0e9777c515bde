/**
 * Detection rate of verifySubmission per cheat over many challenge seeds, the
 * false-positive rate for honest workers (same backend and cpu -> wasm), and
 * verification compute as a fraction of training compute. Each cheat is
 * trained once by the real trainer (lib/faults modes; skip-steps
 * and other-data fake half the segments, so detection depends on which
 * segments the seed picks); then `--trials` seeds challenge it. Checkpoints
 * come once over a real libp2p checkpoint server and are cached.
 *
 *   node benchmarks/detection.ts [--trials 100] [--steps 40] [--interval 2]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createNode } from '../lib/net/index.ts'
import { computeCommitment } from '../lib/proof/commitment.ts'
import { sha256Hex } from '../lib/hash/sha256.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { SMALL_GPT, smallGptRound, smallRound } from '../lib/training/testing/fixture.ts'
import { trainRound, type TrainRoundParams, type TrainRoundResult } from '../lib/training/trainRound.ts'
import type { TrainingFault } from '../lib/faults/index.ts'
import { servedCheckpointFromReply } from '../lib/validation/checkpointOpening.ts'
import { submissionClaimFromResult } from '../lib/validation/submissionClaim.ts'
import { serveTrainedRounds } from '../lib/validation/testing/serveTrainedRounds.ts'
import { verifySubmission, type SubmissionClaim } from '../lib/validation/verifySubmission.ts'
import { requestCheckpoint } from '../lib/net/checkpoint.ts'
import type { ServedCheckpoint } from '../lib/training/verifySegment.ts'
import { applyDeltaFault, type WorkerFault } from '../lib/faults/index.ts'

const { values } = parseArgs({ options: { model: { type: 'string', default: 'mlp' }, trials: { type: 'string', default: '100' }, steps: { type: 'string', default: '40' }, interval: { type: 'string', default: '2' } } })
if (values.model !== 'mlp' && values.model !== 'gpt') throw new Error(`--model must be mlp or gpt, got ${values.model}`)
const gpt = values.model === 'gpt'
const roundParams = gpt ? smallGptRound : smallRound
const modelName = gpt ? `gpt ${SMALL_GPT.layers}x${SMALL_GPT.embedDim}, ${SMALL_GPT.heads} heads, context ${SMALL_GPT.contextLength}` : 'mlp 784-64-10'
const trials = Number(values.trials)
const steps = Number(values.steps)
const interval = Number(values.interval)
const segmentCount = Math.ceil(steps / interval)
const half = Array.from({ length: segmentCount }, (_, i) => i + 1).filter((j) => j % 2 === 0)

await selectBackend({ backend: 'wasm' })
const [worker, verifier] = await Promise.all([createNode(), createNode()])
const rounds = new Map<number, TrainRoundResult>()
const server = await serveTrainedRounds(worker, rounds)

interface Case { name: string, claim: SubmissionClaim, served: TrainRoundResult, params: TrainRoundParams, honest: boolean }
const cases: Case[] = []
let round = 1
let trainSeconds = 0
async function add (name: string, honest: boolean, make: (p: TrainRoundParams) => Promise<{ claim: SubmissionClaim, served: TrainRoundResult }>): Promise<void> {
  const params = await roundParams({ steps, interval, round: round++ })
  const t = performance.now()
  const { claim, served } = await make(params)
  if (name === 'honest (wasm)') trainSeconds = (performance.now() - t) / 1000
  rounds.set(params.round, served)
  cases.push({ name, claim, served, params, honest })
}
const trained = async (p: TrainRoundParams, fault?: TrainingFault): Promise<TrainRoundResult> => await trainRound(p, { fault })
const worker_ = (f: WorkerFault, fault?: TrainingFault) => async (p: TrainRoundParams) => { const r = applyDeltaFault(await trained(p, fault), f); return { claim: submissionClaimFromResult(r), served: r } }

await add('honest (wasm)', true, async (p) => { const r = await trained(p); return { claim: submissionClaimFromResult(r), served: r } })
await add('honest (cpu -> wasm)', true, async (p) => {
  await selectBackend({ backend: 'cpu' })
  try { const r = await trained(p); return { claim: submissionClaimFromResult(r), served: r } } finally { await selectBackend({ backend: 'wasm' }) }
})
// A webgpu worker (SwiftShader where no GPU driver is present), checked by the wasm verifier within the tolerance.
const webgpu = await selectBackend({ backend: 'webgpu' }).then(() => true, (err: Error) => { console.log(`webgpu cases skipped: ${err.message}`); return false })
await selectBackend({ backend: 'wasm' })
const onWebgpu = async <T>(fn: () => Promise<T>): Promise<T> => { await selectBackend({ backend: 'webgpu' }); try { return await fn() } finally { await selectBackend({ backend: 'wasm' }) } }
if (webgpu) {
  await add('honest (webgpu -> wasm)', true, async (p) => await onWebgpu(async () => { const r = await trained(p); return { claim: submissionClaimFromResult(r), served: r } }))
  await add('skip-steps on webgpu (half)', false, async (p) => await onWebgpu(async () => await worker_('skip-steps', { mode: 'skip-steps', keep: 0.5, segments: half })(p)))
}
await add('random-delta', false, worker_('random-delta'))
await add('scaled-delta', false, worker_('scaled-delta'))
await add('nan-delta', false, worker_('nan-delta'))
await add('lazy', false, worker_('lazy', { mode: 'skip-steps', keep: 0 }))
await add('skip-steps (half the segments)', false, worker_('skip-steps', { mode: 'skip-steps', keep: 0.5, segments: half }))
await add('other-data (half the segments)', false, worker_('other-data', { mode: 'other-data', segments: half }))
await add('copy', false, async (p) => {
  const r = await trained(p)
  const copier = '0x' + 'b2'.repeat(20)
  return { claim: { ...submissionClaimFromResult(r), workerAddress: copier, commitment: computeCommitment({ ...r, workerAddress: copier }) }, served: r }
})
await add('stale-round', false, async (p) => { const r = await trained(p); return { claim: { ...submissionClaimFromResult(r), round: r.round - 1 }, served: r } })

const rows: Array<{ case: string, trials: number, flagged: number, rate: number, meanVerifySeconds: number }> = []
for (const c of cases) {
  // Fetch each checkpoint once over libp2p, then serve repeats from memory: the trials vary only the seed.
  const cache = new Map<number, ServedCheckpoint>()
  const source = async (index: number): Promise<ServedCheckpoint> => {
    const have = cache.get(index)
    if (have !== undefined) return have
    const { reply, checkpoint } = await requestCheckpoint(verifier, worker.getMultiaddrs(), { round: c.served.round, index })
    const s = servedCheckpointFromReply(reply, checkpoint, { hyper: c.params.hyper, leafCount: c.claim.leafCount })
    cache.set(index, s)
    return s
  }
  let flagged = 0
  let seconds = 0
  for (let t = 0; t < trials; t++) {
    const v = await verifySubmission({
      checkpoints: source, submission: c.claim, startWeights: c.params.startWeights, modelConfig: c.params.model, hyper: c.params.hyper,
      roundSeed: c.params.roundSeed, shards: c.params.shards, challengeSeed: sha256Hex(new TextEncoder().encode(`detection-trial-${t}`))
    })
    if (!v.ok) flagged++
    seconds += v.seconds
  }
  rows.push({ case: c.name, trials, flagged, rate: flagged / trials, meanVerifySeconds: seconds / trials })
  console.log(`${c.name.padEnd(32)} ${c.honest ? 'false positives' : 'detected'} ${flagged}/${trials} = ${(100 * flagged / trials).toFixed(1)}%  verify ${(1000 * seconds / trials).toFixed(0)} ms`)
}
const honestVerify = rows[0].meanVerifySeconds
const result = {
  date: new Date().toISOString(),
  loadAverage: loadavg(),
  setup: { model: modelName, steps, checkpointInterval: interval, segments: segmentCount, batchSize: cases[0].params.hyper.batchSize, plan: { first: true, last: true, random: 7 }, trials, backend: 'wasm', webgpuCases: webgpu },
  rows,
  verification: { trainSeconds, verifySeconds: honestVerify, fraction: honestVerify / trainSeconds },
  detectionFormula: { cheatFraction: half.length / segmentCount, samples: 7, note: 'the faked half includes the last segment, which is always replayed', predicted: 1 }
}
console.log(`verification of an honest update: ${(1000 * honestVerify).toFixed(0)} ms of ${(1000 * trainSeconds).toFixed(0)} ms training = ${(100 * honestVerify / trainSeconds).toFixed(1)}%`)
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true })
writeFileSync(path.join(import.meta.dirname, 'results', gpt ? 'detection-gpt.json' : 'detection.json'), JSON.stringify(result, null, 2) + '\n')
await server.stop()
await Promise.all([worker.stop(), verifier.stop()])
