/**
 * "I could not connect" is not "it refused", across real processes and a real
 * network boundary: the worker runs in its own network namespace, the
 * validator in another, and neither can open a connection to the other (no
 * route between them, as between two homes behind NAT). The coordinator and
 * the chain listen on the one host address both reach. The worker joins,
 * trains, commits on chain and submits; the validator cannot dial it, fetches
 * its checkpoints through the coordinator's circuit relay (over the
 * connection the worker opened), finds the contribution valid, and nobody
 * reports it.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devAccounts } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { TcpProxy } from '../../lib/chain/testing/TcpProxy.ts'
import type { CoordinatorEvent } from '../../coordinator/events.ts'
import type { ValidatorEvent } from '../../validator/events.ts'
import type { WorkerEvent } from '../../worker/node/events.ts'
import { spawnCli, type CliProcess } from './processes.ts'
import { createPrivateNetworks, privateNetworksUnavailable, type PrivateNetworks } from './privateNetworks.ts'

const [, , VALIDATOR_KEY, WORKER_KEY] = devAccounts(4).map(a => a.privateKey)
/** One tiny round: 3000 MNIST digits, 20 Adam steps of 32, a checkpoint every 5. */
const ROUND_ARGS = ['--train-samples', '3000', '--test-samples', '500', '--steps', '20', '--batch-size', '32', '--checkpoint-interval', '5', '--lr', '0.002', '--aggregator', 'fedavg', '--json']

describe('a worker that accepts no inbound connections (network namespaces)', function () {
  this.timeout(150_000)
  let dir: string
  let nets: PrivateNetworks | undefined
  let staking: LocalStaking | undefined
  let rpc: TcpProxy | undefined
  const procs: CliProcess[] = []

  before(function () {
    const unavailable = privateNetworksUnavailable()
    if (unavailable === undefined) return
    // CI runs as root with iproute2 installed by .ci/run: there a missing
    // set-up is a failure, never a quiet skip. Only a host that refuses
    // namespaces to root (a container without CAP_NET_ADMIN) skips, saying so.
    if (process.env.CI != null && !unavailable.byTheHost) throw new Error(`the NAT test must run in CI: ${unavailable.reason}`)
    console.log(`      skipped: ${unavailable.reason}`)
    this.skip()
  })
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') for (const p of procs) console.log(p.tail(20))
    await Promise.all(procs.map(async p => await p.kill('SIGKILL')))
    await rpc?.stop()
    await staking?.stop()
    nets?.remove()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  it('joins, trains and submits; the validator cannot dial it, verifies it valid through the coordinator\'s relay, and reports nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cotrain-nat-'))
    nets = createPrivateNetworks(2)
    const [workerNet, validatorNet] = nets.networks
    staking = await startLocalStaking({ validators: [2] })
    // The chain listens on the host's loopback, which the namespaces cannot see: forward it from the server address.
    rpc = await TcpProxy.start({ target: staking.chain.port, host: nets.serverAddr })
    const chainArgs = (url: string): string[] => ['--rpc-url', url, '--contract', staking!.address]

    const coordinator = spawnCli<CoordinatorEvent>('coordinator/cli.ts', ['start', '--data-dir', join(dir, 'coordinator'), '--dashboard-port', '0', '--listen', `/ip4/${nets.serverAddr}/tcp/0`,
      '--shards', '1', '--min-workers', '1', '--min-updates', '1', '--rounds', '1', '--round-timeout', '60', '--linger', '90', ...ROUND_ARGS, ...chainArgs(staking.chain.url)], { name: 'coordinator' })
    procs.push(coordinator)
    const ready = await coordinator.waitFor('coordinator:ready')
    const coordinatorAddr = ready.multiaddrs.find(a => a.includes(nets!.serverAddr))!

    const validator = spawnCli<ValidatorEvent>('validator/cli.ts', ['start', '--coordinator', coordinatorAddr, '--data-dir', join(dir, 'validator'), '--rounds', '1', '--poll-ms', '500', '--backend', 'wasm', '--json', ...chainArgs(rpc.url)],
      { name: 'validator', prefix: validatorNet.exec, env: { COTRAIN_PRIVATE_KEY: VALIDATOR_KEY } })
    procs.push(validator)
    const worker = spawnCli<WorkerEvent>('worker/cli.ts', ['start', '--coordinator', coordinatorAddr, '--data-dir', join(dir, 'worker'), '--listen', `/ip4/${workerNet.addr}/tcp/0`,
      '--backend', 'wasm', '--rounds', '1', '--linger', '90', '--stake', '1', '--json', ...chainArgs(rpc.url)], { name: 'worker', prefix: workerNet.exec, env: { COTRAIN_PRIVATE_KEY: WORKER_KEY } })
    procs.push(worker)
    const workerReady = await worker.waitFor('worker:ready', { timeoutMs: 60_000 })

    // The boundary is real: from the validator's namespace, the worker's listen address cannot be reached at all.
    const direct = workerReady.addrs.find(a => a.startsWith(`/ip4/${workerNet.addr}/tcp/`))
    assert.ok(direct !== undefined, `the worker listens at its private address: ${workerReady.addrs.join(', ')}`)
    const port = direct.split('/tcp/')[1].split('/')[0]
    const probe = execFileSync(validatorNet.exec[0], [...validatorNet.exec.slice(1), process.execPath, '-e',
      `require('node:net').connect(${port}, '${workerNet.addr}').on('connect', () => { console.log('connected'); process.exit(0) }).on('error', (e) => { console.log(e.code); process.exit(0) }).setTimeout(5000, () => { console.log('timeout'); process.exit(0) })`],
    { encoding: 'utf8', timeout: 15_000 }).trim()
    assert.notEqual(probe, 'connected', 'the validator must not be able to dial the worker')

    const done = await coordinator.waitFor('round:done', { where: e => e.round === 1, timeoutMs: 90_000 })
    assert.equal(done.accepted, 1, 'the coordinator accepted the worker\'s update')
    const verified = await validator.waitFor('submission:verified', { where: e => e.round === 1, timeoutMs: 60_000 })
    assert.equal(verified.outcome, 'valid', `the validator verified it through the relay: ${verified.reason}`)
    const validated = await validator.waitFor('round:validated', { where: e => e.round === 1, timeoutMs: 30_000 })
    assert.equal(validated.fraud, 0)
    assert.deepEqual(validator.events.filter(e => e.event === 'fraud:reported'), [], 'nobody reports the worker')
    assert.equal(worker.events.filter(e => e.event === 'update:rejected').length, 0)
  })
})
