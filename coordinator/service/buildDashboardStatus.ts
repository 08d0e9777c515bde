import { formatEther } from 'viem'
import { formatDuration } from '../../lib/cli/humanUnits.ts'
import type { ModelConfig } from '../../lib/model/config.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { ChainSnapshot } from './ChainView.ts'
import type { CoordinatorInfo } from './coordinatorInfo.ts'

/**
 * The dashboard's status from the store (rounds with their metrics and
 * verdicts, workers with capabilities, contributions and last score) and,
 * when a contract is set, the chain (reputation, rewards earned, slashed,
 * settlement events), plus what an operator checks at a glance: the current
 * round's progress and deadline, the validators' activity, earnings per
 * worker and round, and for a fraud row the reason the coordinator recorded.
 */
export function buildDashboardStatus (input: {
  store: CoordinatorStore
  info: CoordinatorInfo
  model: ModelConfig
  aggregator: string
  startedAt: number
  contract?: string
  chain?: ChainSnapshot
  latestSample?: DashboardStatus['latestSample']
  /** Clock (ms), for tests. */
  now?: () => number
}): DashboardStatus {
  const { store, chain } = input
  const rounds = store.listRounds().map((r) => {
    const counts = store.countSubmissions(r.number)
    return { number: r.number, state: r.state, accuracy: r.accuracy, loss: r.loss, accepted: counts.accepted, rejected: counts.rejected, openedAt: r.openedAt, closedAt: r.closedAt }
  })
  // Round 0 (the initial model) as a point on the accuracy chart.
  const initial = store.listModels().find(m => m.round === 0)
  if (initial != null) rounds.unshift({ number: 0, state: 'done', accuracy: initial.accuracy, loss: initial.loss, accepted: 0, rejected: 0, openedAt: initial.createdAt, closedAt: initial.createdAt })

  const contributions = new Map<string, { count: number, lastScore?: number }>()
  const byContribution = new Map<number, { round: number, reason?: string }>()
  const validators = new Map<string, { address: string, scores: number, fraudReports: number, scoreSum: number, lastActiveAt?: number }>()
  const validator = (address: string): { address: string, scores: number, fraudReports: number, scoreSum: number, lastActiveAt?: number } => {
    const key = address.toLowerCase()
    let v = validators.get(key)
    if (v === undefined) { v = { address, scores: 0, fraudReports: 0, scoreSum: 0 }; validators.set(key, v) }
    return v
  }
  for (const r of store.listRounds()) {
    for (const s of store.listSubmissions(r.number)) {
      const c = contributions.get(s.worker) ?? { count: 0 }
      c.count++
      const scores = store.listScores(s.id)
      if (scores.length > 0) c.lastScore = scores[scores.length - 1].score
      contributions.set(s.worker, c)
      if (s.contributionId !== undefined) byContribution.set(Number(s.contributionId), { round: s.round, reason: s.statusReason ?? scores.find(x => x.fraud)?.evidence })
      // Without a chain the coordinator's own verdicts are the validator panel.
      if (chain === undefined) {
        for (const x of scores) {
          const v = validator(x.validator)
          if (x.fraud) v.fraudReports++
          else { v.scores++; v.scoreSum += x.score }
          v.lastActiveAt = Math.max(v.lastActiveAt ?? 0, x.createdAt)
        }
      }
    }
  }
  const events = (chain?.events ?? []).map((e) => {
    const known = e.contributionId !== undefined ? byContribution.get(e.contributionId) : undefined
    return known === undefined ? e : { ...e, round: known.round, ...(e.kind === 'fraud' || e.kind === 'slashed' ? { reason: known.reason } : {}) }
  })
  const earnings: NonNullable<DashboardStatus['earnings']> = []
  const finalizedScore = new Map<string, number>()
  for (const e of events) {
    if (e.kind === 'finalized' && e.score !== undefined) finalizedScore.set(e.account.toLowerCase(), e.score)
    if (e.kind === 'scored' || e.kind === 'fraud') {
      const v = validator(e.account)
      if (e.kind === 'fraud') v.fraudReports++
      else { v.scores++; v.scoreSum += e.score ?? 0 }
      if (e.at !== undefined) v.lastActiveAt = Math.max(v.lastActiveAt ?? 0, e.at)
    }
    if (e.kind === 'finalized' && e.round !== undefined && e.amountWei !== undefined) earnings.push({ address: e.account, round: e.round, amountWei: e.amountWei })
  }
  const active = store.getActiveRound()
  let current: DashboardStatus['current']
  if (active !== undefined) {
    const counts = store.countSubmissions(active.number)
    const submitted = Object.values(counts).reduce((a, b) => a + b, 0)
    current = { number: active.number, state: active.state, deadline: active.deadline, openedAt: active.openedAt, assigned: new Set(store.listAssignments(active.number).map(a => a.worker)).size, submitted, accepted: counts.accepted, rejected: counts.rejected }
  }
  const now = (input.now ?? Date.now)()
  const workers = store.listWorkers().map((w) => {
    const caps = w.capabilities
    const onChain = chain?.contributors.get(w.address.toLowerCase())
    const c = contributions.get(w.peerId)
    const num = (v: unknown): number | undefined => typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined
    return {
      address: w.address,
      peerId: w.peerId,
      backend: typeof caps.backend === 'string' && caps.backend !== '' ? caps.backend : undefined,
      samplesPerSecond: Math.round(w.samplesPerSec),
      gflops: num(caps.gflops),
      cores: num(caps.cpuCores),
      memoryGiB: num(caps.memoryMiB) === undefined ? undefined : Math.round((caps.memoryMiB as number) / 1024 * 10) / 10,
      gpu: typeof caps.gpu === 'string' && caps.gpu !== '' ? caps.gpu : undefined,
      status: w.status,
      statusReason: statusReason(w.status, w.lastSeen, now, onChain),
      lastSeen: w.lastSeen,
      reputation: onChain?.reputation,
      contributions: c?.count ?? 0,
      // The chain's median score once finalized; else the coordinator's own verdict score.
      lastScore: finalizedScore.get(w.address.toLowerCase()) ?? c?.lastScore,
      rewardsWei: onChain?.totalEarned.toString(),
      slashedWei: onChain?.totalSlashed.toString()
    }
  })
  return {
    coordinator: { peerId: input.info.peerId, addrs: input.info.multiaddrs, model: JSON.stringify(input.model), aggregator: input.aggregator, startedAt: input.startedAt },
    now,
    ...(current !== undefined ? { current } : {}),
    rounds,
    workers,
    validators: [...validators.values()].map(({ scoreSum, ...v }) => ({ ...v, ...(v.scores > 0 ? { averageScore: Math.round(scoreSum / v.scores * 10) / 10 } : {}) })),
    earnings,
    chain: { contract: input.contract, events },
    ...(input.latestSample !== undefined ? { latestSample: input.latestSample } : {})
  }
}

/** A worker quiet this long is shown as idle, with how long. */
const IDLE_AFTER_MS = 60_000

/** The reason beside a worker's status on the dashboard: what the chain says first, then what the coordinator saw. */
function statusReason (status: string, lastSeen: number, now: number, onChain: { registered: boolean, totalSlashed: bigint } | undefined): string | undefined {
  if (onChain !== undefined && onChain.totalSlashed > 0n) return `slashed ${formatEther(onChain.totalSlashed)} ETH for fraud`
  if (status === 'banned') return 'banned by the coordinator'
  if (onChain !== undefined && !onChain.registered) return 'not registered on the staking contract'
  if (status === 'inactive') return 'ineligible on chain or gone; joining again reactivates it'
  if (now - lastSeen > IDLE_AFTER_MS) return `idle: last heard from ${formatDuration((now - lastSeen) / 1000)} ago`
  return undefined
}
