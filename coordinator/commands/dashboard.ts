import { once } from 'node:events'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { intBetween } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { startStatusServer } from '../../lib/http/startStatusServer.ts'
import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import { dashboardPage } from '../dashboard/dashboardPage.ts'
import { storedDashboardStatus } from '../service/storedDashboardStatus.ts'
import { coordinatorBaseOptions } from './coordinatorOptions.ts'
import { openExistingStore } from './round.ts'

const specs = {
  ...coordinatorBaseOptions,
  port: { type: 'number', description: 'port on 127.0.0.1 (0 = any free port)', default: 8080, env: 'COTRAIN_DASHBOARD_PORT', validate: intBetween(0, 65535) }
} as const satisfies OptionSpecs

/** `coordinator dashboard`: the dashboard of a coordinator that no longer runs. */
export const { summary, run } = defineCommand({
  summary: "serve the dashboard from a coordinator's saved state (after it or the devnet stopped)",
  usage: 'coordinator dashboard --data-dir DIR [--port N]',
  description: "Serves the dashboard page on 127.0.0.1 from the coordinator's database: rounds, accuracy, workers, the coordinator's verdicts (no chain data: the chain may be gone). Runs until Ctrl-C.",
  options: specs,
  examples: ['coordinator dashboard --data-dir .devnet/coordinator', 'coordinator dashboard --data-dir coord --port 0']
}, async (o) => {
  const store = await openExistingStore(o['data-dir'])
  try {
    const server = await startStatusServer({ metrics: new MetricsRegistry(), status: () => storedDashboardStatus(store, o['data-dir']), page: dashboardPage, port: o.port })
    process.stdout.write(o.json ? JSON.stringify({ event: 'dashboard:ready', url: server.url }) + '\n' : `dashboard of ${o['data-dir']} at ${server.url} (Ctrl-C stops)\n`)
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')])
    await server.stop()
  } finally {
    store.close()
  }
})
