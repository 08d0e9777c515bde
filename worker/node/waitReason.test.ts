import assert from 'node:assert/strict'
import path from 'node:path'
import { accountFromPrivateKey, devAccounts } from '../../lib/chain/index.ts'
import { startTestCoordinator, type TestCoordinator } from '../../coordinator/testing/startTestCoordinator.ts'
import { describeEvent } from '../commands/start.ts'
import { requestControl } from './ControlSocket.ts'
import type { WorkerEvent } from './events.ts'
import { WorkerNode } from './WorkerNode.ts'

describe('a worker waiting for a round says why (real coordinator, real libp2p)', function () {
  this.timeout(120_000)
  let coord: TestCoordinator | undefined
  let worker: WorkerNode | undefined
  after(async () => {
    await worker?.stop()
    await coord?.stop()
  })

  it('"waiting for 1 more worker to join" reaches the log once and worker status', async () => {
    coord = await startTestCoordinator({ shards: 2, trainSamples: 400, testSamples: 100, rounds: 1, minWorkers: 2, minUpdates: 2 }, { prefix: 'cotrain-wait-' })
    const events: WorkerEvent[] = []
    let waited: (e: WorkerEvent) => void = () => {}
    const waiting = new Promise<WorkerEvent>((resolve) => { waited = resolve })
    const dataDir = path.join(coord.dir, 'w1')
    worker = await WorkerNode.start({
      coordinator: coord.multiaddr.toString(),
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
