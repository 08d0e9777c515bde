/**
 * Learning quality of the language model in DiLoCo rounds, measured: 4
 * workers that each train H local steps of the gpt from the global model on
 * their own shards of the text, their int8 deltas combined by the
 * coordinator's own aggregation (coordinator/aggregation/aggregate.ts, outer
 * Nesterov), against 1 worker trained on the same total number of tokens with
 * no exchange at all. Reports held-out loss (nats per character: one token is
 * one character) and bits per character of both, their ratio (goal: the
 * rounds within 2 % of the single worker), and the bytes DiLoCo sends against
 * a per-step gradient exchange (goal: at least 100x fewer).
 *
 * Both sides start from the same warm model: LM_WARMUP (default 2,048)
 * single-worker steps at LM_WARMUP_LR (default 3e-3, the single worker's best
 * rate from scratch) from W_0, as DiLoCo starts from a pretrained model. From
 * there the rounds train 4 x LM_ROUNDS x H steps and the single worker as
 * many, on the same tokens; the warm-up's tokens count on both sides.
 * LM_WARMUP=0 compares from scratch (docs/language-model.md has both).
 *
 * Each side runs at its best learning rate from the same sweep: the single
 * worker at every rate of LM_BASELINE_LRS, the rounds at every inner rate of
 * LM_INNER_LRS (times every outer step of LM_OUTERS, `lr/momentum,...` for
 * Nesterov or a bare `lr` for FedAvg, default the coordinator's 0.8/0.7); the
 * best of each side is compared. LM_ROUNDS, LM_STEPS (H) change the schedule
 * (8 rounds of H = 64: H >= 63 keeps the 100x bytes goal at these sizes),
 * LM_PROCS the runs at a time, LM_RESULT the results file's name (default
 * lm-quality). LM_SHARDS cuts the text into that many shards (default 8, two
 * per worker, as the devnet cuts its data), which the coordinator's
 * scheduler deals out (diLoCoRuns.ts assignLikeCoordinator).
 * Finished runs and the warm-up are kept (benchmarks/childRuns.ts), so a
 * rerun with more settings only trains the new ones. Each run trains its
 * workers one after another in one process (this is a quality measure, not a
 * speed one); independent runs go to one child process per core.
 *
 * The data are the first LM_CHARS characters of the Brown corpus (the
 * default corpus), split as every --text run is (lib/data/textDataset.ts:
 * every 20th window held out); shards are contiguous, so with 4 shards each
 * worker sees other genres of text than the others (not shuffled: harder
 * than IID); with more shards each worker's share is spread over the corpus.
 *
 * Reference: nanoGPT's small CPU configuration (4 layers, 4 heads, width 128,
 * context 64, 2,000 iterations of batch 12) reaches about 1.88 nats per
 * character on Shakespeare; corpus, model size and steps all differ here.
 *
 * Run: node benchmarks/lm-quality.ts  (writes results/lm-quality.json)
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { loadTextCorpus } from '../lib/data/loadTextCorpus.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { modelWeightCount } from '../lib/model/buildModel.ts'
import type { GptConfig } from '../lib/model/config.ts'
import type { Dataset } from '../lib/data/Dataset.ts'
import { evaluate } from '../lib/model/evaluate.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { assignLikeCoordinator, trainAlone, trainInRounds } from './diLoCoRuns.ts'
import { outerOptimizer } from '../coordinator/config.ts'
import type { OuterOptimizerConfig } from '../coordinator/config.ts'
import { childRunArgument, pool, runInChild } from './childRuns.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'

const WORKERS = 4
const ROUNDS = Number(process.env.LM_ROUNDS ?? 8)
const H = Number(process.env.LM_STEPS ?? 64)
const BATCH = 16
const CHARS = Number(process.env.LM_CHARS ?? 1_000_000)
const SEED = process.env.LM_SEED ?? 'lm-quality'
const SHARDS = Number(process.env.LM_SHARDS ?? 2 * WORKERS)
const WARMUP = Number(process.env.LM_WARMUP ?? 2048)
const WARMUP_LR = Number(process.env.LM_WARMUP_LR ?? 0.003)
const envNumber = (name: string): number | undefined => process.env[name] === undefined ? undefined : Number(process.env[name])
const list = (name: string, fallback: string): number[] => (process.env[name] ?? fallback).split(',').map(Number)
const BASELINE_LRS = list('LM_BASELINE_LRS', '0.003,0.0015,0.00075,0.000375')
const INNER_LRS = list('LM_INNER_LRS', '0.003,0.0015,0.00075,0.000375')
/** Outer steps tried, comma-separated: `lr/momentum` Nesterov, `lr` FedAvg; default the coordinator's (Nesterov 0.8/0.7). */
const OUTERS = (process.env.LM_OUTERS ?? `${envNumber('LM_OUTER_LR') ?? 0.8}/${envNumber('LM_MOMENTUM') ?? 0.7}`).split(',').map((o) => o.split('/').map(Number))
/** Runs at a time (default one per core). */
const PROCS = envNumber('LM_PROCS') ?? cpus().length
/** The gpt measured: small enough that a run of a few thousand steps takes a minute or two on one core. */
const CONTEXT = 32
const model = (vocabSize: number): GptConfig => ({ kind: 'gpt', vocabSize, contextLength: CONTEXT, layers: 2, heads: 4, embedDim: 64 })
/** nanoGPT's small CPU configuration on Shakespeare characters (its README). */
const NANOGPT_REFERENCE = { lossNatsPerChar: 1.88, corpus: 'Shakespeare (1.1M chars)', model: '4 layers, width 128, context 64, 0.8M weights, 2,000 steps of batch 12' }

type Run = { kind: 'single', lr: number } | { kind: 'rounds', lr: number, optimizer: OuterOptimizerConfig }
/** What a child process is started for: a run, or only making sure the shared warm-up exists. */
type ChildRun = Run | { kind: 'warmup' }
/** The shared start's held-out loss (the warm-up child's answer). */
interface WarmupResult { warmupLoss: number }
interface RunResult { run: Run, loss: number, accuracy: number, bytesSent: number, seconds: number, config: GptConfig, params: number, tokens: number, trace: number[] }

/**
 * Both sides' start: W_0, or W_0 after the shared warm-up. The warm-up is
 * trained once (its own child run, before the others) and kept as a file
 * beside the finished runs, so every run starts from the same bytes.
 */
async function startWeights (config: GptConfig, shards: Array<{ id: string, dataset: Dataset }>): Promise<Float32Array> {
  const init = initialWeights(config, SEED)
  if (WARMUP === 0) return init
  const file = path.join(tmpdir(), 'cotrain-bench-runs', 'lm-warmup-' + createHash('sha256').update(JSON.stringify({ CHARS, SEED, CONTEXT, SHARDS, WARMUP, WARMUP_LR, BATCH, config })).digest('hex') + '.f32')
  if (existsSync(file)) {
    const bytes = readFileSync(file)
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  }
  // stream 98: the warm-up draws other batches than the single worker's run after it (stream 99)
  const warm = await trainAlone({ model: config, startWeights: init, shards, batchSize: BATCH, learningRate: WARMUP_LR, steps: WARMUP, stream: 98 })
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file + '.tmp', warm)
  renameSync(file + '.tmp', file)
  return warm
}

/** One run of the comparison, trained in this process: held-out loss at the end and the bytes it sent. */
async function execute (run: ChildRun): Promise<RunResult | WarmupResult> {
  await selectBackend({ backend: 'wasm' })
  const corpus = await loadTextCorpus({ contextLength: CONTEXT, maxChars: CHARS })
  const config = model(corpus.tokenizer.symbols.length)
  const shards = splitIntoShards(corpus.train, SHARDS).map((s) => ({ id: s.id, dataset: s.dataset }))
  const warm = await startWeights(config, shards)
  const params = modelWeightCount(config)
  const heldOut = async (weights: Float32Array): Promise<{ loss: number, accuracy: number }> => await evaluate({ config, weights }, corpus.heldOut, { batchSize: 256 })
  if (run.kind === 'warmup') return { warmupLoss: (await heldOut(warm)).loss }
  const common = { model: config, startWeights: warm, shards, batchSize: BATCH, learningRate: run.lr }
  const started = Date.now()
  const tokens = (WARMUP + WORKERS * ROUNDS * H) * BATCH * CONTEXT
  if (run.kind === 'single') {
    // The same total tokens as the rounds: WORKERS x ROUNDS x H steps of BATCH windows, in one run over all shards.
    const ev = await heldOut(await trainAlone({ ...common, steps: WORKERS * ROUNDS * H }))
    return { run, ...ev, bytesSent: 0, seconds: (Date.now() - started) / 1000, config, params, tokens, trace: [] }
  }
  const trace: number[] = []
  const { weights, bytesSent } = await trainInRounds({ ...common, rounds: ROUNDS, steps: H, optimizer: run.optimizer, assignment: assignLikeCoordinator(shards, WORKERS), afterRound: async (w) => { trace.push((await heldOut(w)).loss) } })
  return { run, ...(await heldOut(weights)), bytesSent, seconds: (Date.now() - started) / 1000, config, params, tokens, trace }
}

const childRun = childRunArgument<ChildRun>()
if (childRun !== undefined) {
  process.stdout.write(JSON.stringify(await execute(childRun)) + '\n')
} else {
  const outers = OUTERS.map(([lr, momentum]) => momentum === undefined ? outerOptimizer('fedavg', { lr }) : outerOptimizer('nesterov', { lr, momentum }))
  const runs: Run[] = [
    ...INNER_LRS.flatMap((lr) => outers.map((optimizer): Run => ({ kind: 'rounds', lr, optimizer }))),
    ...BASELINE_LRS.map((lr): Run => ({ kind: 'single', lr }))
  ]
  const before = loadavg()
  const started = Date.now()
  console.log(`lm quality: ${runs.length} runs on ${Math.min(PROCS, runs.length)} processes; gpt 2x64 ctx ${CONTEXT}, ${SHARDS} shards, ${WARMUP > 0 ? `a shared warm-up of ${WARMUP} steps at ${WARMUP_LR}, then ` : ''}${WORKERS} workers x ${ROUNDS} rounds x H=${H} vs 1 worker on the same ${(WARMUP + WORKERS * ROUNDS * H) * BATCH * CONTEXT} tokens`)
  // The default shards and no warm-up keep the key runs finished before these knobs had
  const cacheKey = JSON.stringify({ WORKERS, ROUNDS, H, BATCH, CHARS, SEED, CONTEXT, ...(SHARDS !== WORKERS ? { SHARDS } : {}), ...(WARMUP > 0 ? { WARMUP, WARMUP_LR } : {}) })
  const warmupLoss = WARMUP > 0 ? (await runInChild<WarmupResult>(import.meta.url, { kind: 'warmup' } satisfies ChildRun)).warmupLoss : undefined
  if (warmupLoss !== undefined) console.log(`shared start after the warm-up: held-out ${warmupLoss.toFixed(4)} nats/char`)
  const results = await pool(runs, PROCS, async (run) => await runInChild<RunResult>(import.meta.url, run, { cacheKey }))
  const params = results[0].params
  // Synchronous data parallelism: each worker sends its float32 gradient and receives the averaged one, every step.
  const perStepBytes = WORKERS * ROUNDS * H * params * 4 * 2
  const bestOf = (kind: Run['kind']): RunResult => results.filter((r) => r.run.kind === kind).reduce((a, b) => b.loss < a.loss ? b : a)
  const single = bestOf('single')
  const rounds = bestOf('rounds')
  const rows = results.map((r) => ({
    setup: r.run.kind === 'single' ? '1 worker, no exchange' : `${WORKERS} workers, DiLoCo (H=${H}, ${ROUNDS} rounds)`,
    outer: r.run.kind === 'rounds' ? `${r.run.optimizer.kind} ${r.run.optimizer.lr}${r.run.optimizer.kind === 'nesterov' ? `/${r.run.optimizer.momentum}` : ''}` : '-',
    lr: String(r.run.lr),
    best: r === single || r === rounds ? 'yes' : '',
    'held-out nats/char': +r.loss.toFixed(4),
    'bits/char': +(r.loss / Math.LN2).toFixed(3),
    'next-char acc': +(r.accuracy * 100).toFixed(2),
    'vs best single': `${((r.loss / single.loss - 1) * 100).toFixed(2)}%`,
    bytesSent: r.bytesSent,
    'fewer bytes': r.run.kind === 'single' ? '-' : `${(perStepBytes / r.bytesSent).toFixed(0)}x`,
    seconds: +r.seconds.toFixed(1)
  }))
  printTable(rows)
  const ratio = rounds.loss / single.loss
  const reduction = perStepBytes / rounds.bytesSent
  console.log(`best DiLoCo (inner lr ${rounds.run.lr}) ${rounds.loss.toFixed(4)} nats/char (${(rounds.loss / Math.LN2).toFixed(3)} bits/char) vs best single worker (lr ${single.run.lr}) ${single.loss.toFixed(4)} (${(single.loss / Math.LN2).toFixed(3)}): ratio ${ratio.toFixed(4)} (goal <= 1.02, ${ratio <= 1.02 ? 'met' : 'NOT met'}); ${reduction.toFixed(0)}x fewer bytes than a per-step exchange (goal >= 100x, ${reduction >= 100 ? 'met' : 'NOT met'})`)
  console.log(`held-out loss by round (best DiLoCo): ${rounds.trace.map((l) => l.toFixed(3)).join(' ')}`)
  console.log(`reference: nanoGPT's small CPU config reaches about ${NANOGPT_REFERENCE.lossNatsPerChar} nats/char on ${NANOGPT_REFERENCE.corpus} (${NANOGPT_REFERENCE.model}); here the Brown corpus, a ${params}-weight gpt and ${results[0].tokens} tokens, so the numbers are not directly comparable`)
  const after = loadavg()
  const warn = loadWarning(before, after)
  if (warn !== null) console.log(warn)
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`)
  const file = writeResult(process.env.LM_RESULT ?? 'lm-quality', {
    env: environment(),
    loadBefore: before,
    loadAfter: after,
    config: { workers: WORKERS, rounds: ROUNDS, innerSteps: H, batch: BATCH, chars: CHARS, seed: SEED, shards: SHARDS, warmupSteps: WARMUP, warmupLr: WARMUP_LR, warmupLoss, model: results[0].config, params, tokens: results[0].tokens, baselineLrs: BASELINE_LRS, innerLrs: INNER_LRS, outers },
    rows,
    summary: { ratio, goalRatio: 1.02, met: ratio <= 1.02, reduction, goalReduction: 100, singleLoss: single.loss, singleBitsPerChar: single.loss / Math.LN2, diLoCoLoss: rounds.loss, diLoCoBitsPerChar: rounds.loss / Math.LN2 },
    reference: NANOGPT_REFERENCE,
    traces: results.filter((r) => r.run.kind === 'rounds').map((r) => ({ innerLr: r.run.lr, outer: (r.run as Extract<Run, { kind: 'rounds' }>).optimizer, heldOutLossByRound: r.trace }))
  })
  console.log(`wrote ${file}`)
}
