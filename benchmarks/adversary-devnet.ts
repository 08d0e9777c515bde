/**
 * `npm run bench:adversary` (its devnet part): the attacks of issue 15 that
 * need the whole system, each on a real devnet (hardhat node with the staking
 * contract, coordinator, validators and workers as separate processes, MNIST
 * MLP rounds): two honest runs (as many workers as each attacked run has
 * trainers), one with a worker that poisons its last segment, one with a
 * worker that claims 1e9 samples/s at join. The larger honest run also
 * starts a third validator late, with default flags.
 *
 * From each run: what the chain says (FraudReported and ContributorSlashed
 * events per address), what the coordinator stored (assignments, submission
 * weights, round transitions and their deadlines), what the late validator
 * did, and the per-class test accuracy of the final global model (all 10,000
 * MNIST test digits) against the matching honest run's. One run per attack: the
 * seeded trials of the verifier itself are benchmarks/adversary.ts.
 *
 *   node benchmarks/adversary-devnet.ts [--rounds 3] [--steps 40]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { CoordinatorStore } from '../coordinator/store/CoordinatorStore.ts'
import type { RoundTransition } from '../coordinator/store/records.ts'
import type { CoordinatorEvent } from '../coordinator/events.ts'
import type { ComponentEvent } from '../devnet/ComponentProcess.ts'
import { runDevnet, type DevnetResult } from '../devnet/runDevnet.ts'
import { freePort } from '../lib/chain/startLocalChain.ts'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { SPEED_LIE_SAMPLES_PER_SECOND } from '../lib/faults/index.ts'
import { evaluate, type ClassAccuracy } from '../lib/model/evaluate.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import type { ValidatorEvent } from '../validator/events.ts'

const usage = 'Usage: node benchmarks/adversary-devnet.ts [--rounds N] [--steps N] [--workers N]   (one devnet run per attack; defaults 3 rounds of 40 steps, 2 honest workers beside each attacker; the honest runs have 3 and 2)\n'
let values: { rounds: string, steps: string, workers: string, help?: boolean }
try {
  values = parseArgs({ options: { rounds: { type: 'string', default: '3' }, steps: { type: 'string', default: '40' }, workers: { type: 'string', default: '2' }, help: { type: 'boolean', short: 'h' } } }).values as typeof values
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n${usage}`)
  process.exit(2)
}
if (values.help === true) { process.stdout.write(usage); process.exit(0) }
const int = (name: string, v: string, min: number): number => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) { process.stderr.write(`error: --${name} must be an integer >= ${min}, got ${v}\n`); process.exit(2) }
  return n
}
const ROUNDS = int('rounds', values.rounds, 2)
const STEPS = int('steps', values.steps, 2)
const WORKERS = int('workers', values.workers, 1)
/** The late validator starts once this round is done: the rounds before it are what it must not report. */
const LATE_AFTER = ROUNDS - 1
/** A phase of a round is on time when it ends within its deadline plus this share of its allowed length. */
const SLACK = 0.1

const started = Date.now()
const say = (text: string): void => { process.stderr.write(`[adversary-devnet ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}\n`) }
const stateRoot = path.join(import.meta.dirname, '..', '.devnet-adversary')

interface Run {
  name: string
  cheat: string
  result: DevnetResult
  events: Array<{ source: string, at: number, event: ComponentEvent }>
  /** Per round: each worker's assigned samples, and each accepted submission's weight in the average, by participant name. */
  assigned: Array<Record<string, number>>
  weights: Array<Record<string, number>>
  rejected: Array<Record<string, string>>
  /** What each worker claimed at join (samples/s of this model) and the coordinator's speed estimate at the end. */
  speeds: Array<{ name: string, claimed: number | null, estimate: number }>
  phases: Array<{ round: number, state: string, seconds: number, allowedSeconds: number, onTime: boolean }>
  perClass: ClassAccuracy[]
  accuracy: number
  seconds: number
}

await selectBackend({ backend: 'wasm' })
const testSet = await loadMnist({ split: 'test' })
const controller = new AbortController()
process.once('SIGINT', () => { controller.abort(new Error('interrupted')) })
process.once('SIGTERM', () => { controller.abort(new Error('interrupted')) })

/** One devnet run with `cheat` (or none), read back from its chain, its coordinator's store and its events. */
async function devnetRun (name: string, cheat: string, workers: number, lateValidator: boolean): Promise<Run> {
  const events: Run['events'] = []
  const t0 = Date.now()
  const dataDir = path.join(stateRoot, name)
  say(`${name}: devnet with ${workers} honest workers${cheat === 'none' ? '' : ` and one ${cheat} worker`}, 2 validators${lateValidator ? ` and one started after round ${LATE_AFTER}` : ''}, ${ROUNDS} rounds of ${STEPS} steps`)
  const result = await runDevnet({
    workers,
    rounds: ROUNDS,
    validators: 2,
    model: 'mlp',
    cheat,
    steps: STEPS,
    checkpointInterval: 5,
    trainSamples: 6000,
    chainPort: await freePort(),
    dashboardPort: 0,
    dataDir,
    settleTimeoutS: 180,
    lateValidatorAfterRound: lateValidator ? LATE_AFTER : undefined,
    signal: controller.signal,
    onLine: (l) => { say(`${name}: ${l}`) },
    onEvent: (source, event) => {
      events.push({ source, at: Date.now(), event })
      if (event.event === 'round:done' || event.event === 'fraud:reported' || (event.event === 'submission:verified' && source === 'coordinator')) say(`${name}: ${source} ${JSON.stringify(event)}`)
    }
  })
  // Every event with its source and time, beside the run's state, for reading a surprising row.
  writeFileSync(path.join(dataDir, 'events.jsonl'), events.map((e) => JSON.stringify({ source: e.source, at: e.at, ...e.event })).join('\n') + '\n')
  const nameOfAddress = new Map(result.participants.map((p) => [p.address.toLowerCase(), p.name]))
  const nameOfPeer = new Map<string, string>()
  for (const { event: e } of events) if (e.event === 'worker:joined') nameOfPeer.set(e.peerId, nameOfAddress.get(e.address.toLowerCase()) ?? e.peerId)
  const who = (peerId: string): string => nameOfPeer.get(peerId) ?? peerId

  const store = await CoordinatorStore.open(path.join(dataDir, 'coordinator'))
  try {
    const assigned: Run['assigned'] = []
    const weights: Run['weights'] = []
    const rejected: Run['rejected'] = []
    const phases: Run['phases'] = []
    for (const round of store.listRounds()) {
      const a: Record<string, number> = {}
      for (const x of store.listAssignments(round.number)) a[who(x.worker)] = (a[who(x.worker)] ?? 0) + x.samples
      assigned.push(a)
      const w: Record<string, number> = {}
      const r: Record<string, string> = {}
      for (const s of store.listSubmissions(round.number)) {
        if (s.status === 'accepted') w[who(s.worker)] = s.samples
        else r[who(s.worker)] = `${s.status}: ${s.statusReason ?? ''}`.slice(0, 160)
      }
      weights.push(w)
      rejected.push(r)
      phases.push(...phasesOf(store.listTransitions(round.number)))
    }
    const speeds = store.listWorkers().map((w) => ({ name: who(w.peerId), claimed: w.capabilities.samplesPerSec ?? null, estimate: Math.round(w.samplesPerSec) }))
    const latest = store.getLatestModel()
    if (latest === undefined) throw new Error(`${name}: the coordinator stored no model`)
    const evaluation = await evaluate({ config: { kind: 'mlp' }, weights: await store.readModelWeights(latest.id) }, testSet, { perClass: true })
    return { name, cheat, result, events, assigned, weights, rejected, speeds, phases, perClass: evaluation.perClass!, accuracy: evaluation.accuracy, seconds: (Date.now() - t0) / 1000 }
  } finally {
    store.close()
  }
}

/**
 * Each state a round went through that has a deadline, with how long it took
 * against how long it was allowed: a state ends on time when it is left by
 * its deadline plus SLACK of its allowed length (extensions, i.e. a
 * transition into the same state, restart the allowance as the coordinator does).
 */
function phasesOf (transitions: RoundTransition[]): Run['phases'] {
  const out: Run['phases'] = []
  const sorted = [...transitions].sort((a, b) => a.at - b.at || a.id - b.id)
  for (let i = 1; i < sorted.length; i++) {
    const entered = sorted[i - 1]
    const left = sorted[i]
    const allowed = entered.deadline - entered.at
    if (allowed <= 0) continue // a state without a deadline (done, failed)
    const seconds = (left.at - entered.at) / 1000
    out.push({ round: left.round, state: entered.to, seconds, allowedSeconds: allowed / 1000, onTime: left.at <= entered.deadline + SLACK * allowed })
  }
  return out
}

// Each attacked run has a control with as many trainers: the speed liar
// trains honestly, so with WORKERS + 1 honest workers (the same shard count
// and split) the two differ by run-to-run noise only; the poisoner's update
// never counts and it is slashed below the stake minimum after its first
// round, so its run trains WORKERS honest workers, as the smaller control does.
const honest = await devnetRun('honest', 'none', WORKERS + 1, true)
const speed = await devnetRun('speed-lie', 'speed-lie', WORKERS, false)
const honestSmall = await devnetRun(`honest-${WORKERS}`, 'none', WORKERS, false)
const poison = await devnetRun('poison-last', 'poison-last', WORKERS, false)
const runs = [honest, speed, honestSmall, poison]

// ---------------------------------------------------------------- the table
const honestOf = (run: Run): DevnetResult['participants'] => run.result.participants.filter((p) => p.role === 'worker')
const cheaterOf = (run: Run): DevnetResult['participants'][number] | undefined => run.result.participants.find((p) => p.role === 'cheater')
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0)
const onTime = (run: Run): string => `${run.phases.filter((p) => p.onTime).length}/${run.phases.length}`
const roundsDone = (run: Run): string => `${run.result.rounds.filter((r) => r.state === 'done').length}/${ROUNDS}`

interface Row {
  attack: string
  /** caught: rejected and slashed; harmless: no gain and nobody honest harmed; more shards: a bigger share of the data, not of the average; accepted: it got what it wanted */
  outcome: 'caught' | 'refused' | 'harmless' | 'more shards' | 'accepted'
  poisonedAccepted: number
  honestReported: number
  honestSlashed: number
  cheaterReports: number
  cheaterSlashes: number
  roundsDone: string
  phasesOnTime: string
  note: string
}
const rows: Row[] = []
const common = (run: Run): Pick<Row, 'honestReported' | 'honestSlashed' | 'cheaterReports' | 'cheaterSlashes' | 'roundsDone' | 'phasesOnTime'> => ({
  honestReported: sum(honestOf(run).map((p) => p.fraudReportsAgainst)),
  honestSlashed: sum(honestOf(run).map((p) => p.slashEvents)),
  cheaterReports: cheaterOf(run)?.fraudReportsAgainst ?? 0,
  cheaterSlashes: cheaterOf(run)?.slashEvents ?? 0,
  roundsDone: roundsDone(run),
  phasesOnTime: onTime(run)
})

for (const run of [honest, honestSmall]) {
  rows.push({ attack: `none (honest run, ${honestOf(run).length} workers, a control)`, outcome: 'harmless', poisonedAccepted: 0, ...common(run), note: `final test accuracy ${(run.accuracy * 100).toFixed(2)} %` })
}

// The late validator: what it did with contributions it was too late to challenge.
const lateName = 'validator-late'
// Events of a process are that component's own (ComponentProcess types them so).
const late = honest.events.filter((e) => e.source === lateName).map((e) => e.event as ValidatorEvent)
const lateAccount = honest.result.participants.find((p) => p.name === lateName)!
// A validator says submission:verified when it has checked a contribution and again once it has scored it: the last word per contribution.
const lateVerified = [...new Map(late.flatMap((e) => e.event === 'submission:verified' ? [[e.contributionId, e] as const] : [])).values()]
const lateSkipped = late.flatMap((e) => e.event === 'submission:skipped' ? [e] : [])
const lateReports = late.filter((e) => e.event === 'fraud:reported').length
const lateRounds = [...new Set(lateVerified.map((e) => e.round))].sort((a, b) => a - b)
// Other validators' batches: it may score only those it shares checked ids with (it once gave the earlier rounds' batches 100 on "0 common ids").
const lateBatchScores = late.flatMap((e) => e.event === 'validation:scored' ? [`#${e.contributionId} ${e.score} (${e.agreement.split(',')[0]})`] : [])
const lateAbstained = late.filter((e) => e.event === 'validation:abstained').length
rows.push({
  attack: `late validator (started after round ${LATE_AFTER}, default flags)`,
  outcome: lateReports === 0 && lateAccount.fraudReportsFiled === 0 ? 'harmless' : 'accepted',
  poisonedAccepted: 0,
  ...common(honest),
  note: `it reported ${lateReports} (on chain ${lateAccount.fraudReportsFiled}); checked ${lateVerified.length} contributions (${countBy(lateVerified.map((e) => e.outcome))}) in rounds ${lateRounds.join(',') || '-'}; skipped ${lateSkipped.length}${lateSkipped.length > 0 ? ` (${[...new Set(lateSkipped.map((e) => e.reason))].join('; ').slice(0, 120)})` : ''}; other validators' batches: scored ${lateBatchScores.join(', ') || 'none'}, left ${lateAbstained} unscored (no id in common)`
})

// Last-segment poison: caught means its submissions were rejected by the coordinator and reported on chain.
{
  const c = cheaterOf(poison)!
  const peer = [...poison.events].find((e) => e.event.event === 'worker:joined' && e.event.address.toLowerCase() === c.address.toLowerCase())
  const cheaterPeer = peer?.event.event === 'worker:joined' ? peer.event.peerId : ''
  const verdicts = poison.events.filter((e) => e.source === 'coordinator').map((e) => e.event as CoordinatorEvent).flatMap((e) => e.event === 'submission:verified' && e.peerId === cheaterPeer ? [e.status] : [])
  const accepted = verdicts.filter((s) => s === 'accepted').length
  rows.push({
    attack: 'poison the last segment (poison-last), no grinding',
    outcome: accepted > 0 ? 'accepted' : c.fraudulent > 0 ? 'caught' : 'refused',
    poisonedAccepted: accepted,
    ...common(poison),
    note: `coordinator verdicts on it: ${countBy(verdicts)}; on chain ${c.fraudulent} of ${c.contributions} contributions fraudulent, slashed ${Number(c.slashedWei) / 1e18} ETH; final test accuracy ${(poison.accuracy * 100).toFixed(2)} %, largest per-class drop against the ${WORKERS}-worker honest run ${(maxDrop(honestSmall, poison).drop * 100).toFixed(2)} points (class ${maxDrop(honestSmall, poison).label}), on class 0, the one it attacks, ${((honestSmall.perClass[0].accuracy - poison.perClass[0].accuracy) * 100).toFixed(2)} points`
  })
}

// Speed lie: its share of the shards and of the average's weight, against the largest honest share, per round.
const speedShares = speed.assigned.map((a, i) => {
  const c = cheaterOf(speed)!.name
  // Honest workers of the same run: the liar is compared with its peers, not with the control.
  const honestAssigned = honestOf(speed).map((p) => a[p.name] ?? 0)
  const w = speed.weights[i]
  const honestWeights = honestOf(speed).map((p) => w[p.name] ?? 0)
  return {
    round: i + 1,
    cheaterSamples: a[c] ?? 0,
    maxHonestSamples: Math.max(...honestAssigned),
    cheaterShardShare: (a[c] ?? 0) / Math.max(1, sum(Object.values(a))),
    cheaterWeight: w[c] ?? 0,
    maxHonestWeight: Math.max(...honestWeights),
    cheaterWeightShare: (w[c] ?? 0) / Math.max(1, sum(Object.values(w)))
  }
})
{
  const moreData = speedShares.filter((s) => s.cheaterSamples > s.maxHonestSamples)
  const moreWeight = speedShares.filter((s) => s.cheaterWeight > s.maxHonestWeight)
  rows.push({
    attack: `speed lie (claims ${SPEED_LIE_SAMPLES_PER_SECOND.toExponential(0)} samples/s at join)`,
    outcome: moreWeight.length > 0 ? 'accepted' : moreData.length > 0 ? 'more shards' : 'harmless',
    poisonedAccepted: 0,
    ...common(speed),
    note: `more weight in the average than the largest honest share in ${moreWeight.length} of ${speedShares.length} rounds (its share ${speedShares.map((s) => `${(s.cheaterWeightShare * 100).toFixed(1)} %`).join(', ')} of ${WORKERS + 1} updates); more samples assigned in ${moreData.length} (round${moreData.length === 1 ? '' : 's'} ${moreData.map((s) => s.round).join(', ') || '-'}); claimed at join, samples/s: ${speed.speeds.map((w) => `${w.name} ${w.claimed === null ? '-' : Math.round(w.claimed)}`).join(', ')}; measured by the end: ${speed.speeds.map((w) => `${w.name} ${w.estimate}`).join(', ')}`
  })
}

const perClass = honest.perClass.map((h, i) => ({
  class: h.label,
  testDigits: h.count,
  honest: round4(h.accuracy),
  speedLie: round4(speed.perClass[i].accuracy),
  speedLieDrop: round4(h.accuracy - speed.perClass[i].accuracy),
  honestSmall: round4(honestSmall.perClass[i].accuracy),
  poisonLast: round4(poison.perClass[i].accuracy),
  poisonDrop: round4(honestSmall.perClass[i].accuracy - poison.perClass[i].accuracy)
}))

function maxDrop (base: Run, other: Run): { label: number, drop: number } {
  return base.perClass.reduce((best, h, i) => h.accuracy - other.perClass[i].accuracy > best.drop ? { label: h.label, drop: h.accuracy - other.perClass[i].accuracy } : best, { label: -1, drop: -Infinity })
}
function countBy (xs: string[]): string {
  const m = new Map<string, number>()
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1)
  return [...m].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'
}
function round4 (x: number): number { return Math.round(x * 1e4) / 1e4 }

const load = loadavg().map((x) => x.toFixed(2)).join(' ')
console.log(`\nadversary benchmark, devnet part: one run per attack, ${ROUNDS} rounds of ${STEPS} steps, ${WORKERS} honest workers beside the attacker (${WORKERS + 1} and ${WORKERS} in the honest runs), load average ${load}, ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log('attack'.padEnd(58) + 'outcome      poisoned-accepted  honest-reported  honest-slashed  cheater-reports  cheater-slashes  rounds  phases-on-time')
for (const r of rows) console.log(`${r.attack.padEnd(58)}${r.outcome.padEnd(13)}${String(r.poisonedAccepted).padEnd(19)}${String(r.honestReported).padEnd(17)}${String(r.honestSlashed).padEnd(16)}${String(r.cheaterReports).padEnd(17)}${String(r.cheaterSlashes).padEnd(17)}${r.roundsDone.padEnd(8)}${r.phasesOnTime}`)
for (const r of rows) console.log(`  ${r.attack}: ${r.note}`)
console.log('\nper-class test accuracy of the final global model (10,000 MNIST test digits)')
console.log(`class  honest-${WORKERS + 1}  speed-lie  drop     honest-${WORKERS}  poison-last  drop`)
for (const c of perClass) console.log(`${String(c.class).padEnd(7)}${c.honest.toFixed(4).padEnd(10)}${c.speedLie.toFixed(4).padEnd(11)}${c.speedLieDrop.toFixed(4).padEnd(9)}${c.honestSmall.toFixed(4).padEnd(10)}${c.poisonLast.toFixed(4).padEnd(13)}${c.poisonDrop.toFixed(4)}`)
console.log('\nspeed lie, per round: samples assigned and weight in the average')
for (const s of speedShares) console.log(`round ${s.round}: cheater ${s.cheaterSamples} samples (largest honest ${s.maxHonestSamples}), weight ${s.cheaterWeight} (largest honest ${s.maxHonestWeight}), ${(s.cheaterWeightShare * 100).toFixed(1)} % of the average`)
const late10 = runs.flatMap((r) => r.phases.filter((p) => !p.onTime).map((p) => `${r.name} round ${p.round} ${p.state} ${p.seconds.toFixed(0)} s of ${p.allowedSeconds.toFixed(0)} s`))
const goals = {
  poisonedAccepted: sum(rows.map((r) => r.poisonedAccepted)),
  honestReported: sum(runs.map((r) => common(r).honestReported)),
  honestSlashed: sum(runs.map((r) => common(r).honestSlashed)),
  everyPhaseWithinDeadline: late10.length === 0,
  maxPerClassDropPoison: round4(maxDrop(honestSmall, poison).drop),
  maxPerClassDropSpeedLie: round4(maxDrop(honest, speed).drop),
  // Both runs train only honestly computed updates: how far two such runs differ per class.
  runToRunNoise: round4(Math.max(...honest.perClass.map((h, i) => Math.abs(h.accuracy - speed.perClass[i].accuracy))))
}
console.log(`\ngoals: poisoned updates accepted ${goals.poisonedAccepted} (goal 0), honest reported ${goals.honestReported} and slashed ${goals.honestSlashed} (goal 0), every round phase within its deadline + 10 %: ${goals.everyPhaseWithinDeadline}${late10.length > 0 ? ` (late: ${late10.join('; ')})` : ''}; largest per-class accuracy drop against the matching honest run: poison ${(goals.maxPerClassDropPoison * 100).toFixed(2)} points, speed lie ${(goals.maxPerClassDropSpeedLie * 100).toFixed(2)} points (two honest runs differ by up to ${(goals.runToRunNoise * 100).toFixed(2)} points per class)`)

const result = {
  date: new Date().toISOString(),
  loadAverage: loadavg(),
  seconds: (Date.now() - started) / 1000,
  setup: { how: 'devnet: hardhat node + CotrainStaking (quorum 2), coordinator, 2 validators, workers as separate processes; mlp 784-128-10 on MNIST, wasm', rounds: ROUNDS, steps: STEPS, checkpointInterval: 5, honestWorkers: WORKERS, trainSamples: 6000, lateValidatorAfterRound: LATE_AFTER, deadlineSlack: SLACK },
  rows,
  perClass,
  speedLie: speedShares,
  phases: runs.flatMap((r) => r.phases.map((p) => ({ run: r.name, ...p, seconds: round4(p.seconds) }))),
  runs: runs.map((r) => ({
    run: r.name,
    seconds: Math.round(r.seconds),
    finalAccuracy: round4(r.accuracy),
    rounds: r.result.rounds.map((x) => ({ number: x.number, state: x.state, accuracy: x.accuracy, accepted: x.accepted, rejected: x.rejected })),
    rejected: r.rejected,
    speeds: r.speeds,
    participants: r.result.participants.map((p) => ({ name: p.name, role: p.role, contributions: p.contributions, finalized: p.finalized, fraudulent: p.fraudulent, pending: p.pending, fraudReportsAgainst: p.fraudReportsAgainst, slashEvents: p.slashEvents, fraudReportsFiled: p.fraudReportsFiled, slashedEth: Number(p.slashedWei) / 1e18 })),
    settled: r.result.settled
  })),
  goals
}
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true })
writeFileSync(path.join(import.meta.dirname, 'results', 'adversary-devnet.json'), JSON.stringify(result, null, 2) + '\n')
