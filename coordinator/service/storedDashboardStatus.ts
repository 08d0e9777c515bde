import type { ModelConfig } from '../../lib/model/config.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { buildDashboardStatus } from './buildDashboardStatus.ts'
import { readCoordinatorInfo } from './coordinatorInfo.ts'
import { roundPlanOf } from './roundPlan.ts'

/**
 * The dashboard's status from a coordinator's saved state alone (its database
 * and coordinator.json), for when it no longer runs: rounds, workers, the
 * coordinator's verdicts; no chain data. The model is the one the latest
 * round trained.
 */
export function storedDashboardStatus (store: CoordinatorStore, dataDir: string): DashboardStatus {
  let info
  try { info = readCoordinatorInfo(dataDir) } catch { info = { peerId: '-', multiaddrs: [] } }
  const latest = store.getLatestRound()
  let model: ModelConfig = { kind: 'mlp' } as ModelConfig
  try { if (latest !== undefined) model = roundPlanOf(latest).model } catch {}
  return buildDashboardStatus({ store, info, model, aggregator: '-', startedAt: latest?.openedAt ?? 0 })
}
