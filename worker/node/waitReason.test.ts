import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { accountFromPrivateKey, devAccounts } from '../../lib/chain/index.ts'
import { CoordinatorService } from '../../coordinator/service/CoordinatorService.ts'
import { describeEvent } from '../commands/start.ts'
import { requestControl } from './ControlSocket.ts'
import type { WorkerEvent } from './events.ts'
import { WorkerNode } from './WorkerNode.ts'

describe('a worker waiting for a round says why (real coordinator, real libp2p)', function () {
  this.timeout(120_000)
  let root: string
  let service: CoordinatorService | undefined
  let worker: WorkerNode | undefined
  before(async () => { root = await mkdtemp(path.join(tmpdir(), 'cotrain-wait-')) })
  after(async () => {
    await worker?.stop()
    await service?.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('"waiting for 1 more worker to join" reaches the log once and worker status', async () => {
    service = new CoordinatorService({
      dataDir: path.join(root, 'coordinator'),
      shards: 2,
      trainSamples: 400,
      testSamples: 100,
      rounds: 1,
      minWorkers: 2,
      minUpdates: 2,
      aggregator: 'fedavg',
      training: { steps: 4, batchSize: 16, checkpointInterval: 2 },
      roundTimeoutMs: 30_000,
      tickIntervalMs: 100
    })
    const info = await service.start()
    const events: WorkerEvent[] = []
    let waited: (e: WorkerEvent) => void = () => {}
    const waiting = new Promise<WorkerEvent>((resolve) => { waited = resolve })
    const dataDir = path.join(root, 'w1')
    worker = await WorkerNode.start({
      coordinator: info.multiaddrs[0],
      dataDir,
      account: accountFromPrivateKey(devAccounts(2)[1].privateKey as `0x${string}`),
      backend: 'wasm',
      rounds: 1,
      lingerSeconds: 0,
      benchmarkMs: 100,
      pollMs: 100,
      onEvent: (e) => { events.push(e); if (e.event === 'worker:waiting') waited(e) }
    })
    const e = await waiting
    const line = describeEvent(e)
    assert.equal(line, 'waiting for 1 more worker to join (the coordinator needs 2)')
    // worker status asks the running worker over its control socket.
    const now = await requestControl(dataDir, 'status', { timeoutMs: 5000 })
    assert.equal(now.phase, 'waiting')
    assert.equal(now.waitingFor, line)
    // The coordinator says to poll again in 1 s: two more polls, still one line.
    await new Promise(resolve => setTimeout(resolve, 2500))
    assert.equal(events.filter(x => x.event === 'worker:waiting').length, 1)
  })
})
