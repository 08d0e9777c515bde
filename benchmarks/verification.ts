// Verification cost as a fraction of training cost: a round of 100 or 200
// segments is trained with proofs, then verified by verifySubmission, the
// code the coordinator and the validators run (commitment, delta, the start,
// the end and the segments the default challenge plan picks: the first, the
// last and 7 random in between). The cost is about sampled / segments, so the
// 5% goal needs rounds of at least 180 segments at this plan; the detection
// column is P(caught) for a worker that faked half of the segments between
// the first and the last (faking either of those is caught every time).
//
// Two verifications per round: one reading the worker's checkpoints from its
// store (the verifier's compute), one over real libp2p (TCP, Noise, Yamux)
// from the same round trained and served by another process
// (benchmarks/trainAndServe.ts), so that its CPU seconds are the verifier's
// alone. Each is timed in wall-clock and in this process's CPU seconds
// (process.cpuUsage: every thread, GC and file reads included); on a machine
// shared with other work the wall-clock ratio swings with the load between
// the long training and the short verification (and the serving process
// trains beside this one), the CPU ratio does not, so the goal is judged on
// CPU.
// MLP (k=10) and CNN (k=2), batch 64, wasm. Usage: node benchmarks/verification.ts
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { loadavg } from 'node:os'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { sha256Hex } from '../lib/hash/sha256.ts'
import { defaultChallengePlan, detectionProbability } from '../lib/challenge/index.ts'
import { createNode } from '../lib/net/createNode.ts'
import { backendClass, selectBackend } from '../lib/training/selectBackend.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams, type TrainRoundResult } from '../lib/training/trainRound.ts'
import { submissionClaimFromResult } from '../lib/validation/submissionClaim.ts'
import { verifySubmission, type VerifySubmissionParameters, type WorkerPeer } from '../lib/validation/verifySubmission.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'
import { benchRound, type BenchPlan } from './verificationRound.ts'

/** CPU seconds this process has used (user + system, all threads). */
const cpuSeconds = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }

/** Runs `fn` and returns its result with its wall-clock and CPU seconds. */
async function timed<T> (fn: () => Promise<T>): Promise<{ value: T, wall: number, cpu: number }> {
  const t0 = performance.now()
  const c0 = cpuSeconds()
  const value = await fn()
  return { value, wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 }
}

const CHALLENGE_SEED = sha256Hex(new TextEncoder().encode('next block'))

/** The verifySubmission request for `r`, with its checkpoints read from the worker's store, or fetched over libp2p from `worker`. */
function verifyParams (params: TrainRoundParams, r: TrainRoundResult, over?: { node: VerifySubmissionParameters['node'], worker: WorkerPeer }): VerifySubmissionParameters {
  const request = { submission: submissionClaimFromResult(r), startWeights: params.startWeights, modelConfig: params.model, hyper: params.hyper, roundSeed: params.roundSeed, shards: params.shards, challengeSeed: CHALLENGE_SEED }
  return over === undefined ? { ...request, checkpoints: async (j) => await checkpointWithProof(r, j) } : { ...request, node: over.node, workerPeer: over.worker }
}

/** Starts benchmarks/trainAndServe.ts on `plan`: the worker, in its own process; resolves with its peer once it serves (10 min at most). */
function startWorkerProcess (plan: BenchPlan): { child: ChildProcess, ready: Promise<WorkerPeer> } {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./trainAndServe.ts', import.meta.url)), JSON.stringify(plan)], { stdio: ['pipe', 'pipe', 'inherit'] })
  const ready = (async () => {
    const lines = createInterface({ input: child.stdout! })
    const timeout = setTimeout(() => { child.kill() }, 600_000)
    try {
      const [line] = await Promise.race([once(lines, 'line') as Promise<string[]>, once(child, 'exit').then(() => { throw new Error('the serving process exited before it served') })])
      return JSON.parse(line) as WorkerPeer
    } finally {
      clearTimeout(timeout)
      lines.close()
    }
  })()
  return { child, ready }
}

await selectBackend({ backend: 'wasm' })
const plans: BenchPlan[] = [
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, steps: 1000, k: 10 },
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, steps: 2000, k: 10 },
  { name: 'CNN 8-16-64', model: { kind: 'cnn' }, steps: 200, k: 2 },
  { name: 'CNN 8-16-64', model: { kind: 'cnn' }, steps: 400, k: 2 }
]
const before = loadavg()
const rows: Array<Record<string, string | number>> = []
// The verifier's node, started before any clock does (keys, listeners): a verifier's node runs anyway.
const verifier = await createNode()
for (const plan of plans) {
  const params = await benchRound(plan)
  // The serving process trains the same round beside this one.
  const worker = startWorkerProcess(plan)
  try {
    const train = await timed(async () => await trainRound(params))
    const r = train.value
    const local = await timed(async () => await verifySubmission(verifyParams(params, r)))
    const peer = await worker.ready
    const net = await timed(async () => await verifySubmission(verifyParams(params, r, { node: verifier, worker: peer })))
    for (const v of [local.value, net.value]) if (v.outcome !== 'valid') throw new Error(`honest round failed verification: ${v.reason}`)
    rows.push({
      model: plan.name ?? plan.model.kind,
      segments: r.leaves.length - 1,
      'steps/segment': plan.k,
      sampled: local.value.segments.length,
      'train s (with proofs)': train.wall,
      'verify s': local.wall,
      'verify / train %': local.wall / train.wall * 100,
      'train CPU s': train.cpu,
      'verify CPU s': local.cpu,
      'verify / train CPU %': local.cpu / train.cpu * 100,
      'over libp2p: verify CPU s': net.cpu,
      'over libp2p: verify / train CPU %': net.cpu / train.cpu * 100,
      'ideal %': local.value.segments.length / (r.leaves.length - 1) * 100,
      'P(caught), half faked %': detectionProbability({ cheatFraction: 0.5, samples: defaultChallengePlan.random, segments: r.leaves.length - 3 }) * 100
    })
  } finally {
    worker.child.stdin!.end()
    if (worker.child.exitCode === null) await once(worker.child, 'exit')
  }
}
await verifier.stop()
const after = loadavg()
console.log(`verification of an honest round on ${backendClass()} (bit-exact replays; verifySubmission: start + end checks, first + last + ${defaultChallengePlan.random} random segments)`)
printTable(rows)
console.log(`detection: faking the first or the last segment is always caught; faking a fraction f of those in between is caught with probability about 1 - (1 - f)^${defaultChallengePlan.random}`)
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult('verification', { env: environment(), loadBefore: before, loadAfter: after, rows })}`)
