import assert from 'node:assert/strict'
import type { DialTarget } from '@libp2p/interface'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import {
  createNode, fetchFromSwarm, providerFault, reportHave, requestAssignment, requestJoin, startContentService, toContentId,
  type Assignment, type CotrainNode, type FailedProvider, type ProviderRef
} from '../../../lib/net/index.ts'
import { startTestCoordinator, type TestCoordinator } from '../../testing/startTestCoordinator.ts'
import type { CoordinatorEvent } from '../CoordinatorService.ts'

const WORKERS = 7

interface Light {
  node: CotrainNode
  account: ReturnType<typeof privateKeyToAccount>
  coordinator: DialTarget
  ref: ProviderRef
  /** What its content service serves. */
  serves: Map<string, Uint8Array>
}

/**
 * Holders that lie about what they hold, against a real coordinator over real
 * libp2p (join, assign, have and content protocols): the workers they fail
 * report them with their next have notice, and the coordinator stops naming
 * them. The fetchers are driven step by step so the order is fixed.
 */
describe('swarm distribution: holders reported by the workers they failed', function () {
  this.timeout(120_000)
  let coord: TestCoordinator
  const events: CoordinatorEvent[] = []
  const w: Light[] = []
  let modelId: string
  let round: number

  const assign = async (x: Light): Promise<Assignment> => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const a = await requestAssignment(x.node, x.coordinator, { round: 0, workerAddress: x.account.address }, { timeoutMs: 10_000 })
      if (a.shards.length > 0) return a
      if (Date.now() > deadline) throw new Error(`no assignment within 30 s: ${a.waitReason ?? ''}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  const modelProviders = (a: Assignment): string[] =>
    (a.providers ?? []).filter((c) => toContentId(c.contentId as Uint8Array) === modelId).flatMap((c) => (c.providers ?? []).map((p) => p.peerId ?? ''))
  /** `x` fetches the model from `providers`, else the coordinator, and reports the providers that failed it. */
  const fetchAndReport = async (x: Light, providers: ProviderRef[], options: { report?: boolean } = {}): Promise<{ failed: FailedProvider[], recorded: number }> => {
    const failed: FailedProvider[] = []
    const got = await fetchFromSwarm(x.node, { contentId: modelId, providers, coordinator: x.coordinator }, {
      providerTimeoutMs: 5_000,
      onProviderFailed: (p, err) => { failed.push({ contentId: modelId, peerId: p.peerId, fault: providerFault(err) }) }
    })
    x.serves.set(modelId, got.value)
    if (options.report === false) return { failed, recorded: 0 }
    const ack = await reportHave(x.node, x.coordinator, { round, workerAddress: x.account.address, contentIds: [modelId], failedProviders: failed }, { timeoutMs: 10_000 })
    return { failed, recorded: ack.recorded ?? 0 }
  }

  before(async () => {
    coord = await startTestCoordinator({ shards: WORKERS, trainSamples: 700, minWorkers: WORKERS, minUpdates: WORKERS, swarmSeeds: 1, roundTimeoutMs: 120_000 },
      { prefix: 'cotrain-provider-reports-', onEvent: (e) => events.push(e) })
    for (let i = 0; i < WORKERS; i++) {
      const node = await createNode()
      const serves = new Map<string, Uint8Array>()
      await startContentService(node, { provider: (id) => serves.get(id) })
      const account = privateKeyToAccount(generatePrivateKey())
      const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 1000, gflops: 1, cpuCores: 1, memoryMib: 1000 }
      const { coordinator } = await requestJoin(node, coord.multiaddr, { signer: account, capabilities }, { timeoutMs: 10_000 })
      w.push({ node, account, coordinator, serves, ref: { peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) } })
    }
  })

  after(async () => {
    await Promise.all(w.map(async (x) => await x.node.stop()))
    await coord?.stop()
  })

  it('stops naming a holder after one report that its bytes failed the hash check', async () => {
    const [liar, f1, f2] = w
    // The liar is the seed: it gets the model from the coordinator, then serves other bytes of the same size.
    const a = await assign(liar)
    round = a.round ?? 0
    modelId = toContentId(a.announcement?.modelId as Uint8Array)
    assert.deepEqual(modelProviders(a), [])
    const real = await fetchAndReport(liar, [], { report: false })
    assert.deepEqual(real.failed, [])
    const model = liar.serves.get(modelId) as Uint8Array
    liar.serves.set(modelId, model.map((b) => b ^ 1))
    const held = await reportHave(liar.node, liar.coordinator, { round, workerAddress: liar.account.address, contentIds: [modelId] }, { timeoutMs: 10_000 })
    assert.equal(held.recorded, 1, 'the liar is recorded as a holder (its listen addresses are known)')

    assert.deepEqual(modelProviders(await assign(f1)), [liar.ref.peerId])
    const r1 = await fetchAndReport(f1, [liar.ref])
    assert.deepEqual(r1.failed.map((f) => [f.peerId, f.fault]), [[liar.ref.peerId, 'wrong-bytes']])
    assert.equal(r1.recorded, 1)
    assert.ok(events.some((e) => e.event === 'provider:dropped' && e.peerId === liar.ref.peerId && e.fault === 'wrong-bytes' && e.reporter === f1.ref.peerId))

    // The next fetcher is named the honest holder only, and the liar's new have notice is ignored.
    assert.deepEqual(modelProviders(await assign(f2)), [f1.ref.peerId])
    const again = await reportHave(liar.node, liar.coordinator, { round, workerAddress: liar.account.address, contentIds: [modelId] }, { timeoutMs: 10_000 })
    assert.equal(again.recorded, 0)
    assert.deepEqual(modelProviders(await assign(f2)), [f1.ref.peerId])
    const metrics = coord.service.metrics.render()
    assert.match(metrics, /cotrain_swarm_provider_reports_total\{fault="wrong-bytes",outcome="dropped"\} 1/)
  })

  it('stops naming a holder that has nothing only after 3 distinct workers report it unavailable', async () => {
    const [, , f2, empty, f3, f4, f5] = w
    // It claims the model and serves nothing.
    assert.equal((await reportHave(empty.node, empty.coordinator, { round, workerAddress: empty.account.address, contentIds: [modelId] }, { timeoutMs: 10_000 })).recorded, 1)
    for (const [i, f] of [f3, f4, f5].entries()) {
      assert.ok(modelProviders(await assign(f)).includes(empty.ref.peerId), `fetcher ${i + 1} is named the empty holder`)
      // Each tries the empty holder first (the order the book names them in depends on load; the test fixes it).
      const r = await fetchAndReport(f, [empty.ref])
      assert.deepEqual(r.failed.map((x) => [x.peerId, x.fault]), [[empty.ref.peerId, 'unavailable']])
      const dropped = events.some((e) => e.event === 'provider:dropped' && e.peerId === empty.ref.peerId)
      assert.equal(dropped, i === 2, `dropped after report ${i + 1}`)
    }
    assert.ok(!modelProviders(await assign(f2)).includes(empty.ref.peerId))
    const metrics = coord.service.metrics.render()
    assert.match(metrics, /cotrain_swarm_provider_reports_total\{fault="unavailable",outcome="counted"\} 2/)
    assert.match(metrics, /cotrain_swarm_holders\{object="model"\} [1-9]/)
    assert.match(metrics, /cotrain_swarm_providers_named_total [1-9]/)
  })
})
