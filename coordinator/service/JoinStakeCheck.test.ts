import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Address } from 'viem'
import { accountFromPrivateKey, getContributor, registerContributor } from '../../lib/chain/index.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { createNode, errorCodeName, ProtocolError, requestJoin, type CotrainNode } from '../../lib/net/index.ts'
import { WorkerNode } from '../../worker/node/WorkerNode.ts'
import type { CoordinatorEvent } from './CoordinatorService.ts'
import { startTestCoordinator, type TestCoordinator } from '../testing/startTestCoordinator.ts'

describe('joining requires stake when the coordinator runs with a contract (real chain, real libp2p)', function () {
  this.timeout(120_000)
  let local: LocalStaking
  let coord: TestCoordinator
  let peer: CotrainNode
  const events: CoordinatorEvent[] = []

  before(async () => {
    local = await startLocalStaking()
    coord = await startTestCoordinator({
      shards: 2,
      trainSamples: 200,
      testSamples: 50,
      // No round opens: joining is all this test looks at.
      minWorkers: 5,
      training: { steps: 2, batchSize: 8, checkpointInterval: 1 },
      tickIntervalMs: 200,
      contract: local.address,
      chainClient: await local.clientFor(0)
    }, { prefix: 'cotrain-join-stake-', onEvent: (e) => events.push(e) })
    peer = await createNode()
  })

  after(async () => {
    await peer?.stop()
    await coord?.stop()
    await local?.stop()
  })

  it('refuses an unstaked address with NOT_STAKED and keeps no row; once it stakes, the next join (a moment later) is accepted', async () => {
    const account = accountFromPrivateKey(local.chain.accounts[7].privateKey)
    const join = async (): Promise<unknown> => await requestJoin(peer, coord.multiaddr, { signer: account, capabilities: { backend: 'cpu', samplesPerSecond: 1000 } })
    const err = await join().then(() => undefined, (e: unknown) => e)
    assert.ok(err instanceof ProtocolError && err.remote, `expected a refusal, got ${String(err)}`)
    assert.equal(errorCodeName(err.code), 'NOT_STAKED')
    assert.match(err.reason, /not registered on the staking contract.*stake at least 1(\.0)? ETH/)
    assert.equal(coord.service.rounds.workers.get(peer.peerId.toString()), undefined, 'no worker row for an unstaked address')
    assert.equal(coord.service.rounds.workers.size, 0)
    assert.ok(events.some(e => e.event === 'worker:refused' && String(e.address).toLowerCase() === account.address.toLowerCase()))

    // Stake, then join at once: the refusal above must not be remembered.
    await registerContributor(await local.clientFor(7), { address: local.address })
    await join()
    const row = coord.service.rounds.workers.get(peer.peerId.toString())
    assert.equal(row?.address, account.address.toLowerCase())
    assert.equal(row?.status, 'active')
  })

  it('a worker started with --stake is refused, stakes and joins, without a retry storm', async () => {
    const i = 8
    const lines: string[] = []
    const before = events.filter(e => e.event === 'worker:refused').length
    const worker = await WorkerNode.start({
      coordinator: coord.multiaddr.toString(),
      dataDir: join(coord.dir, 'worker'),
      account: accountFromPrivateKey(local.chain.accounts[i].privateKey),
      rpcUrl: local.chain.url,
      contract: local.address,
      stake: 10n ** 18n,
      backend: 'wasm',
      rounds: 1,
      lingerSeconds: 0,
      benchmarkMs: 100,
      pollMs: 100,
      controlSocket: false,
      log: (line) => lines.push(line)
    })
    try {
      const me = await getContributor(await local.clientFor(0), { address: local.address, account: local.chain.accounts[i].address as Address })
      assert.equal(me.registered, true)
      assert.equal(me.stake, 10n ** 18n)
      const row = coord.service.rounds.workers.get(worker.node.peerId.toString())
      assert.equal(row?.status, 'active', 'joined after staking')
      assert.equal(events.filter(e => e.event === 'worker:refused').length - before, 1, 'refused exactly once, then joined')
      assert.ok(lines.some(l => /the coordinator requires stake/.test(l)), lines.join('\n'))
      // Joined, it holds a reservation on the coordinator's relay (verifiers reach it there if they cannot dial it).
      const relayed = (): boolean => worker.node.getMultiaddrs().some(a => a.toString().includes(`/p2p/${coord.service.node.peerId.toString()}/p2p-circuit`))
      for (let t = 0; t < 50 && !relayed(); t++) await new Promise(resolve => setTimeout(resolve, 100))
      assert.ok(relayed(), worker.node.getMultiaddrs().map(String).join(', '))
    } finally {
      await worker.stop()
    }
  })
})
