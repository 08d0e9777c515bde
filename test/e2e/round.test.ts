/**
 * Training rounds across real OS processes over loopback: a coordinator
 * (`coordinator start`) and workers (`worker start`) talking libp2p, training
 * for real, verified by replay. Most run without a chain (no --contract) to keep
 * the well under 40 s, except the last, which runs one round against a
 * real `hardhat node` with the staking contract.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devAccounts, freePort } from '../../lib/chain/index.ts'
import { startLocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { CoordinatorStore } from '../../coordinator/store/CoordinatorStore.ts'
import { spawnCli, type CliProcess } from './processes.ts'
import type { CoordinatorEvent } from '../../coordinator/events.ts'
import type { WorkerEvent } from '../../worker/node/events.ts'

const WORKER_KEYS = devAccounts(8).slice(3).map(a => a.privateKey)
/** Tiny rounds: 6000 MNIST digits, 30 Adam steps of 32, a checkpoint every 10. */
const ROUND_ARGS = ['--train-samples', '6000', '--test-samples', '1000', '--steps', '30', '--batch-size', '32', '--checkpoint-interval', '10', '--lr', '0.002', '--aggregator', 'fedavg', '--json']

describe('training rounds across processes', function () {
  this.timeout(90_000)
  let dir: string
  let procs: CliProcess[] = []

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cotrain-round-'))
    procs = []
  })
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') for (const p of procs) console.log(p.tail(15))
    await Promise.all(procs.map(async p => await p.kill('SIGKILL')))
    rmSync(dir, { recursive: true, force: true })
  })

  const coordinator = (args: string[], name = 'coordinator'): CliProcess<CoordinatorEvent> => {
    // Any free port unless a test names one: the CLI's default (4001) would collide with other runs on this machine.
    const p = spawnCli<CoordinatorEvent>('coordinator/cli.ts', ['start', '--data-dir', join(dir, 'coordinator'), '--dashboard-port', '0', '--listen', '/ip4/127.0.0.1/tcp/0', ...ROUND_ARGS, ...args], { name })
    procs.push(p)
    return p
  }
  const worker = (i: number, address: string, rounds: number): CliProcess<WorkerEvent> => {
    const p = spawnCli<WorkerEvent>('worker/cli.ts', ['start', '--coordinator', address, '--data-dir', join(dir, `worker${i}`), '--backend', 'wasm', '--rounds', String(rounds), '--linger', '30', '--json'], { env: { COTRAIN_PRIVATE_KEY: WORKER_KEYS[i] }, name: `worker${i}` })
    procs.push(p)
    return p
  }
  const multiaddrOf = (ready: { multiaddrs: string[] }): string => ready.multiaddrs[0]
  const readStore = async <T>(fn: (store: CoordinatorStore) => T): Promise<T> => {
    const store = await CoordinatorStore.open(join(dir, 'coordinator'))
    try { return fn(store) } finally { store.close() }
  }

  it('3 workers, 2 rounds: the global model\'s test accuracy rises each round', async () => {
    const c = coordinator(['--shards', '3', '--min-workers', '3', '--min-updates', '3', '--rounds', '2', '--round-timeout', '30'])
    const ready = await c.waitFor('coordinator:ready')
    for (let i = 0; i < 3; i++) worker(i, multiaddrOf(ready), 2)

    const first = await c.waitFor('round:done', { where: e => e.round === 1 })
    assert.equal(first.accepted, 3)
    // The status server reports the round while the next one runs.
    const status = await (await fetch(new URL('/api/status', ready.dashboardUrl!))).json() as { rounds: Array<{ number: number, accepted: number }>, workers: unknown[] }
    assert.equal(status.rounds.find(r => r.number === 1)?.accepted, 3)
    assert.equal(status.workers.length, 3)
    const metrics = await (await fetch(ready.metricsUrl!)).text()
    assert.match(metrics, /cotrain_rounds_total\{outcome="done"\} [1-9]/)
    assert.match(metrics, /cotrain_model_accuracy 0\.\d+/)

    await c.waitFor('coordinator:finished')
    assert.deepEqual(await c.exited, { code: 0, signal: null })
    const acc = await readStore(store => [0, 1, 2].map(r => r === 0 ? store.listModels().find(m => m.round === 0)?.accuracy : store.getRound(r)?.accuracy))
    assert.ok(acc.every(a => typeof a === 'number'), `accuracies recorded: ${JSON.stringify(acc)}`)
    assert.ok(acc[1]! > acc[0]!, `round 1 (${acc[1]}) beats the initial model (${acc[0]})`)
    assert.ok(acc[2]! > acc[1]!, `round 2 (${acc[2]}) beats round 1 (${acc[1]})`)
  })

  it('a coordinator killed mid-round and restarted completes the round and loses no accepted submission', async function () {
    // Took 70 s under CI load: the restarted coordinator re-verifies what was pending.
    this.timeout(180_000)
    const port = await freePort()
    const args = ['--listen', `/ip4/127.0.0.1/tcp/${port}`, '--shards', '3', '--min-workers', '3', '--min-updates', '2', '--rounds', '1', '--round-timeout', '30']
    const c1 = coordinator(args, 'coordinator#1')
    const ready1 = await c1.waitFor('coordinator:ready')
    for (let i = 0; i < 3; i++) worker(i, multiaddrOf(ready1), 1)

    // Kill it right after the first verdict: the round is verifying, one submission accepted.
    const verdict = await c1.waitFor('submission:verified', { where: e => e.status === 'accepted' })
    await c1.kill('SIGKILL')
    assert.equal((await c1.exited).signal, 'SIGKILL')

    const c2 = coordinator(args, 'coordinator#2')
    const ready2 = await c2.waitFor('coordinator:ready')
    assert.equal(ready2.peerId, ready1.peerId, 'same identity after the restart')
    assert.equal(multiaddrOf(ready2), multiaddrOf(ready1), 'same address after the restart')
    assert.equal(ready2.resumedRound, 1, 'the restarted coordinator resumes round 1')
    const done = await c2.waitFor('round:done', { where: e => e.round === 1 })
    assert.ok(done.accepted >= 2)
    await c2.waitFor('coordinator:finished')

    const rows = await readStore(store => store.listSubmissions(1))
    const kept = rows.find(s => s.worker === verdict.peerId)
    assert.equal(kept?.status, 'accepted', 'the submission accepted before the crash is still accepted')
    assert.equal(rows.filter(s => s.status === 'accepted').length, done.accepted)
    assert.equal(await readStore(store => store.getRound(1)?.state), 'done')
  })

  it('a worker killed mid-round has its shards reassigned and the round completes', async () => {
    // 2 shards for 3 workers: one worker stays idle to take over.
    const c = coordinator(['--shards', '2', '--min-workers', '3', '--min-updates', '2', '--rounds', '1', '--round-timeout', '30', '--assignment-grace', '5'])
    const ready = await c.waitFor('coordinator:ready')
    const workers = [0, 1, 2].map(i => worker(i, multiaddrOf(ready), 1))
    const peers = await Promise.all(workers.map(async w => (await w.waitFor('worker:ready')).peerId))

    const first = await c.waitFor('assignment:created')
    const victim = workers[peers.indexOf(first.peerId)]
    await victim.kill('SIGKILL')

    const missed = await c.waitFor('assignment:missed', { timeoutMs: 40_000 })
    assert.equal(missed.peerId, first.peerId, 'the killed worker missed its assignment')
    const takeover = await c.waitFor('assignment:created', { where: e => e.reassignedFrom != null })
    assert.notEqual(takeover.peerId, first.peerId)
    const done = await c.waitFor('round:done', { where: e => e.round === 1, timeoutMs: 40_000 })
    assert.equal(done.accepted, 2)
    const accepted = await readStore(store => store.listSubmissions(1, 'accepted').map(s => s.worker))
    assert.ok(accepted.includes(takeover.peerId), 'the worker that took over submitted an accepted update')
    assert.ok(!accepted.includes(first.peerId))
  })

  it('with --contract: updates committed on chain are accepted, and the status shows chain data', async function () {
    this.timeout(120_000)
    const staking = await startLocalStaking()
    try {
      const chainArgs = ['--rpc-url', staking.chain.url, '--contract', staking.address]
      // Lingers after its round, so its status server is still up when asked (killed below).
      const c = coordinator(['--shards', '3', '--min-workers', '3', '--min-updates', '3', '--rounds', '1', '--round-timeout', '40', '--linger', '60', ...chainArgs])
      const ready = await c.waitFor('coordinator:ready')
      for (let i = 0; i < 3; i++) {
        const p = spawnCli('worker/cli.ts', ['start', '--coordinator', multiaddrOf(ready), '--data-dir', join(dir, `worker${i}`), '--backend', 'wasm', '--rounds', '1', '--linger', '30', '--json', ...chainArgs, '--stake', '1'], { env: { COTRAIN_PRIVATE_KEY: WORKER_KEYS[i] }, name: `worker${i}` })
        procs.push(p)
      }
      const done = await c.waitFor('round:done', { where: e => e.round === 1, timeoutMs: 90_000 })
      assert.equal(done.accepted, 3)
      const received = c.events.filter(e => e.event === 'submission:received')
      assert.equal(received.length, 3)
      assert.ok(received.every(e => typeof e.contributionId === 'string' && BigInt(e.contributionId) > 0n), 'each submission carries its on-chain contribution id')
      const status = await (await fetch(new URL('/api/status', ready.dashboardUrl!))).json() as { workers: Array<{ reputation?: number }>, chain: { contract?: string, events: Array<{ kind: string, at?: number }> } }
      assert.equal(status.chain.contract?.toLowerCase(), staking.address.toLowerCase())
      assert.ok(status.chain.events.every(e => typeof e.at === 'number' && Math.abs(e.at - Date.now()) < 3_600_000), 'each event has its block time, for the page to show in local time')
      assert.equal(status.chain.events.filter(e => e.kind === 'submitted').length, 3)
      assert.ok(status.workers.every(w => typeof w.reputation === 'number'), 'reputation read from the contract')
    } finally {
      await Promise.all(procs.map(async p => await p.kill('SIGKILL')))
      await staking.chain.stop()
    }
  })
})
