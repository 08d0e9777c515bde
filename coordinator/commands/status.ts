import { formatEther } from 'viem'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { printResult } from '../../lib/cli/printResult.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'
import { storedDashboardStatus } from '../service/storedDashboardStatus.ts'
import { readCoordinatorInfo } from '../service/coordinatorInfo.ts'
import { coordinatorBaseOptions } from './coordinatorOptions.ts'
import { openExistingStore } from './round.ts'

const specs = { ...coordinatorBaseOptions } as const satisfies OptionSpecs

/** `coordinator status`: rounds table and workers. */
export const { summary, run } = defineCommand({
  summary: 'show the rounds table (accuracy, loss, verdicts) and the workers',
  usage: 'coordinator status [options]',
  description: "Prints the rounds (accuracy, loss, verdicts) and the workers: from the running coordinator's /api/status (with chain data), else from its database.",
  options: specs,
  examples: ['coordinator status --data-dir coord', 'coordinator status --data-dir coord --json']
}, async (o) => {
  const status = await fromRunningCoordinator(o['data-dir']) ?? await fromDatabase(o['data-dir'])
  const pct = (v?: number): string => v === undefined ? '-' : `${(v * 100).toFixed(2)}%`
  const lines = [
    `coordinator ${status.coordinator.peerId}  (${status.coordinator.aggregator})`,
    '',
    'round  state        accuracy   loss     accepted  rejected',
    ...status.rounds.map(r => `${String(r.number).padStart(5)}  ${r.state.padEnd(11)}  ${pct(r.accuracy).padStart(8)}  ${(r.loss?.toFixed(4) ?? '-').padStart(7)}  ${String(r.accepted).padStart(8)}  ${String(r.rejected).padStart(8)}`),
    '',
    `workers (${status.workers.length}):`,
    ...status.workers.map(w => `  ${w.address}  ${w.status.padEnd(8)}  ${w.backend ?? '-'}  ${w.samplesPerSecond ?? '-'} samples/s  ${w.contributions} contributions${w.lastScore !== undefined ? `, last score ${w.lastScore}` : ''}${w.reputation !== undefined ? `, reputation ${w.reputation}` : ''}${w.rewardsWei !== undefined ? `, earned ${formatEther(BigInt(w.rewardsWei))} ETH` : ''}${w.slashedWei !== undefined && w.slashedWei !== '0' ? `, slashed ${formatEther(BigInt(w.slashedWei))} ETH` : ''}`)
  ]
  printResult(o.json, status, lines)
})

async function fromRunningCoordinator (dataDir: string): Promise<DashboardStatus | undefined> {
  let url: string | undefined
  try {
    url = readCoordinatorInfo(dataDir).dashboardUrl
  } catch {
    return undefined
  }
  if (url === undefined) return undefined
  try {
    const res = await fetch(new URL('/api/status', url), { signal: AbortSignal.timeout(3000) })
    if (!res.ok) return undefined
    return await res.json() as DashboardStatus
  } catch {
    return undefined // not running: the database has the rest
  }
}

async function fromDatabase (dataDir: string): Promise<DashboardStatus> {
  const store = await openExistingStore(dataDir)
  try {
    return storedDashboardStatus(store, dataDir)
  } finally {
    store.close()
  }
}
