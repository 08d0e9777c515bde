import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { tempDir } from '../testing/tempDir.ts'
import type { DashboardStatus } from '../dashboard/DashboardStatus.ts'

describe('coordinator dashboard (after the coordinator stopped)', function () {
  this.timeout(90_000)
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => { tmp = tempDir() })
  afterEach(() => { tmp.remove() })

  it('serves the page and the status of the saved rounds and workers, until Ctrl-C', async () => {
    const store = await CoordinatorStore.open(tmp.dir)
    const model = await store.putModel(new Float32Array([1, 2]), { round: 0, createdAt: 1, accuracy: 0.1 })
    store.insertRound({ number: 1, modelId: model.id, hyperParams: { model: { kind: 'gpt' } }, seed: parseRoundSeed('ab'.repeat(32)), shards: [{ id: 's1', samples: 10 }], minUpdates: 1, deadline: 2, openedAt: 1 })
    store.transitionRound(1, { from: 'open', to: 'failed', at: 3, deadline: 3, reason: 'no workers', patch: { failureReason: 'no workers', closedAt: 3 } })
    store.upsertWorker({ peerId: 'peer1', address: '0x' + 'a1'.repeat(20), capabilities: {}, samplesPerSec: 10, at: 1 })
    store.close()

    const child = spawn(process.execPath, ['coordinator/cli.ts', 'dashboard', '--data-dir', tmp.dir, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', () => reject(new Error(`exited before serving: ${stderr}`)))
      })
      const ready = JSON.parse(first) as { event: string, url: string }
      assert.equal(ready.event, 'dashboard:ready')
      assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      const status = await (await fetch(`${ready.url}/api/status`)).json() as DashboardStatus
      assert.deepEqual(status.rounds.map(r => [r.number, r.state]), [[0, 'done'], [1, 'failed']])
      assert.equal(status.workers[0].address, '0x' + 'a1'.repeat(20))
      assert.match(status.coordinator.model, /"kind":"gpt"/, 'the model the rounds trained, not a guess')
      assert.match(await (await fetch(`${ready.url}/`)).text(), /<title>cotrain coordinator<\/title>/)
    } finally {
      child.kill('SIGINT')
    }
    assert.equal(await exited, 0, stderr)
  })
})
