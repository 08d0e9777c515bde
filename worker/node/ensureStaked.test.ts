import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseEther, type Address } from 'viem'
import { getBalance } from 'viem/actions'
import { accountFromPrivateKey, getContributor } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { TestCoordinator } from './testing/TestCoordinator.ts'
import { WorkerNode, type WorkerNodeOptions } from './WorkerNode.ts'

describe('worker: money moves only when the user says so', function () {
  this.timeout(120_000)
  let local: LocalStaking
  let coord: TestCoordinator
  let root: string

  before(async () => {
    local = await startLocalStaking()
    coord = new TestCoordinator()
    await coord.start()
    root = await mkdtemp(path.join(tmpdir(), 'cotrain-stake-'))
  })
  after(async () => {
    await coord?.stop()
    await local?.stop()
    await rm(root, { recursive: true, force: true })
  })

  const coordinatorAddr = (): string => `${coord.multiaddr}/p2p/${coord.peerId.toString()}`.replace(/\/p2p\/[^/]+\/p2p\//, '/p2p/')
  const options = (i: number, extra: Partial<WorkerNodeOptions>): WorkerNodeOptions => ({
    coordinator: coordinatorAddr(),
    dataDir: path.join(root, `w${i}`),
    account: accountFromPrivateKey(local.chain.accounts[i].privateKey),
    rpcUrl: local.chain.url,
    contract: local.address,
    backend: 'wasm',
    rounds: 1,
    lingerSeconds: 0,
    benchmarkMs: 100,
    pollMs: 100,
    ...extra
  })
  const registered = async (i: number): Promise<boolean> => (await getContributor(await local.clientFor(0), { address: local.address, account: local.chain.accounts[i].address as Address })).registered
  const balance = async (i: number): Promise<bigint> => await getBalance(await local.clientFor(0), { address: local.chain.accounts[i].address as Address })

  it('without --stake and nobody to ask, refuses with a one-line error naming --stake, and sends nothing', async () => {
    const before = await balance(3)
    await assert.rejects(WorkerNode.start(options(3, {})), (err: Error) => {
      assert.equal(err.name, 'NotStakedError')
      assert.match(err.message, /is not registered on the staking contract .*; the worker stakes only when told to \(pass --stake 1 \(the minimum, in ETH\)/)
      return true
    })
    assert.equal(await registered(3), false)
    assert.equal(await balance(3), before)
  })

  it('a "no" at the prompt stakes nothing; a "yes" stakes the minimum', async () => {
    const asked: bigint[] = []
    await assert.rejects(WorkerNode.start(options(4, { confirmStake: async (q) => { asked.push(q.minimum); return false } })), { name: 'NotStakedError' })
    assert.deepEqual(asked, [parseEther('1')])
    assert.equal(await registered(4), false)
    const w = await WorkerNode.start(options(4, { confirmStake: async () => true }))
    await w.stop()
    assert.equal(await registered(4), true)
  })

  it('with --stake, an unreachable coordinator stakes nothing (a typo locks no ETH); a reachable one stakes the amount given', async () => {
    const before = await balance(5)
    const typo = `/ip4/127.0.0.1/tcp/1/p2p/${coord.peerId.toString()}`
    await assert.rejects(WorkerNode.start(options(5, { coordinator: typo, stake: parseEther('2'), reconnectSeconds: 1 })), { name: 'CoordinatorUnreachableError' })
    assert.equal(await registered(5), false)
    assert.equal(await balance(5), before)
    await assert.rejects(WorkerNode.start(options(5, { stake: parseEther('0.5') })), /--stake 0\.5 ETH is under the contract's minimum of 1 ETH/)
    const w = await WorkerNode.start(options(5, { stake: parseEther('2') }))
    await w.stop()
    const c = await getContributor(await local.clientFor(0), { address: local.address, account: local.chain.accounts[5].address as Address })
    assert.equal(c.stake, parseEther('2'))
  })

  it('worker rewards --history reads without a key: the address comes from the data dir', () => {
    const env = { ...process.env }
    delete env.COTRAIN_PRIVATE_KEY
    delete env.COTRAIN_KEYSTORE
    const r = spawnSync(process.execPath, ['worker/cli.ts', 'rewards', '--history', '--data-dir', path.join(root, 'w5'), '--contract', local.address, '--rpc-url', local.chain.url], { env, encoding: 'utf8', timeout: 60_000 })
    assert.equal(r.status, 0, r.stderr)
    const lines = r.stdout.split('\n')
    assert.equal(lines[0].toLowerCase(), `account: ${local.chain.accounts[5].address}`.toLowerCase())
    assert.deepEqual(lines.slice(1, 4), ['earned: 0 ETH', 'locked: 0 ETH (in the challenge window)', 'claimable: 0 ETH'])
    assert.match(lines[4], /^history /)
    assert.equal(lines[5], '  none yet')
  })

  it('a wrong --contract address fails before anything is sent', async () => {
    const before = await balance(6)
    await assert.rejects(WorkerNode.start(options(6, { contract: local.chain.accounts[9].address as Address, stake: parseEther('1') })))
    assert.equal(await balance(6), before)
  })
})
