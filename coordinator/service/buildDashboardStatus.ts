import type { ModelConfig } from '../../lib/model/config.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { ChainSnapshot } from './ChainView.ts'
import type { CoordinatorInfo } from './coordinatorInfo.ts'

/**
 * The dashboard's status from the store (rounds with their metrics and
 * verdicts, workers with capabilities, contributions and last score) and,
 * when a contract is set, the chain (reputation, rewards earned, slashed,
 * settlement events).
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
  for (const r of store.listRounds()) {
    for (const s of store.listSubmissions(r.number)) {
      const c = contributions.get(s.worker) ?? { count: 0 }
      c.count++
      const scores = store.listScores(s.id)
      if (scores.length > 0) c.lastScore = scores[scores.length - 1].score
      contributions.set(s.worker, c)
    }
  }
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
      reputation: onChain?.reputation,
      contributions: c?.count ?? 0,
      lastScore: c?.lastScore,
      rewardsWei: onChain?.totalEarned.toString(),
      slashedWei: onChain?.totalSlashed.toString()
    }
  })
  return {
    coordinator: { peerId: input.info.peerId, addrs: input.info.multiaddrs, model: JSON.stringify(input.model), aggregator: input.aggregator, startedAt: input.startedAt },
    rounds,
    workers,
    chain: { contract: input.contract, events: chain?.events ?? [] },
    ...(input.latestSample !== undefined ? { latestSample: input.latestSample } : {})
  }
}
