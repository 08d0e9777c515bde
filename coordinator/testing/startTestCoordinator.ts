import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { CoordinatorService, type CoordinatorEvent, type CoordinatorServiceOptions } from '../service/CoordinatorService.ts'
import { tempDir } from './tempDir.ts'

/** A started test coordinator and how to reach and stop it. */
export interface TestCoordinator {
  service: CoordinatorService
  /** Its data dir, a fresh temporary folder (tests may put a worker's dir below it). */
  dir: string
  /** Its first listen address. */
  multiaddr: Multiaddr
  /** Stops the service, then removes `dir`. */
  stop: () => Promise<void>
}

/**
 * A real CoordinatorService (libp2p, SQLite, MNIST) on a fresh temporary data
 * dir, small enough for a unit test: one 600-sample shard, 4 training steps,
 * no round until `minWorkers` join. `options` override any of it; `onEvent`
 * sees every event from before the start. The start/stop order and the
 * folder's removal live here, not in each test.
 *
 * @example
 * const coord = await startTestCoordinator({ minWorkers: 5 }, { prefix: 'cotrain-join-' })
 * after(async () => { await coord?.stop() })
 */
export async function startTestCoordinator (options: Partial<CoordinatorServiceOptions> = {}, setup: { prefix?: string, onEvent?: (e: CoordinatorEvent) => void } = {}): Promise<TestCoordinator> {
  const tmp = tempDir(setup.prefix ?? 'cotrain-coordinator-')
  const service = new CoordinatorService({
    dataDir: tmp.dir,
    shards: 1,
    trainSamples: 600,
    testSamples: 200,
    rounds: 0,
    minWorkers: 1,
    minUpdates: 1,
    aggregator: 'fedavg',
    training: { steps: 4, batchSize: 16, checkpointInterval: 2 },
    roundTimeoutMs: 30_000,
    tickIntervalMs: 100,
    ...options
  })
  if (setup.onEvent !== undefined) service.on('event', setup.onEvent)
  const stop = async (): Promise<void> => {
    try {
      await service.stop()
    } finally {
      tmp.remove()
    }
  }
  try {
    const info = await service.start()
    return { service, dir: tmp.dir, multiaddr: multiaddr(info.multiaddrs[0]), stop }
  } catch (err) {
    await stop()
    throw err
  }
}
