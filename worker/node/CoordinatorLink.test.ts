import assert from 'node:assert/strict'
import { freePort } from '../../lib/chain/startLocalChain.ts'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createNode, fetchFromSwarm, startContentService, toContentId, type CotrainNode } from '../../lib/net/index.ts'
import { CoordinatorService, type CoordinatorServiceOptions } from '../../coordinator/service/CoordinatorService.ts'
import { tempDir } from '../../coordinator/testing/tempDir.ts'
import { CoordinatorLink } from './CoordinatorLink.ts'

const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 1000, gflops: 1, cpuCores: 1, memoryMib: 1000 }

/**
 * A coordinator keeps who holds the round's model in memory (swarm
 * distribution). Over a real restart (same data dir, same port, real libp2p):
 * a worker that offered the model tells the restarted coordinator again, so
 * it is named to the next fetcher instead of the coordinator serving it.
 */
describe('CoordinatorLink: what a worker holds, across a coordinator restart', function () {
  this.timeout(120_000)
  const tmp = tempDir('cotrain-link-restart-')
  let service: CoordinatorService | undefined
  const nodes: CotrainNode[] = []
  const links: CoordinatorLink[] = []
  const stop = new AbortController()

  after(async () => {
    stop.abort()
    for (const l of links) l.close()
    for (const n of nodes) await Promise.resolve(n.stop()).catch(() => {})
    await service?.stop().catch(() => {})
    tmp.remove()
  })

  it('a holder offers the model again when the connection drops, and the restarted coordinator names it', async () => {
    const port = await freePort()
    const options: CoordinatorServiceOptions = {
      dataDir: tmp.dir,
      listen: [`/ip4/127.0.0.1/tcp/${port}`],
      shards: 2,
      trainSamples: 600,
      testSamples: 200,
      rounds: 0,
      minWorkers: 2,
      minUpdates: 2,
      aggregator: 'fedavg',
      training: { steps: 4, batchSize: 16, checkpointInterval: 2 },
      roundTimeoutMs: 60_000,
      tickIntervalMs: 100,
      // One seed: a second fetcher is named a holder, or waits; never served by the coordinator too.
      swarmSeeds: 1
    }
    service = new CoordinatorService(options)
    const info = await service.start()
    const target = info.multiaddrs.find((a) => a.includes(`/tcp/${port}/`)) ?? `${info.multiaddrs[0]}`
    const worker = async (): Promise<{ node: CotrainNode, link: CoordinatorLink }> => {
      const node = await createNode()
      nodes.push(node)
      const link = new CoordinatorLink(node, target.includes('/p2p/') ? target : `${target}/p2p/${info.peerId}`, { account: privateKeyToAccount(generatePrivateKey()), capabilities, reconnectMs: 60_000, log: () => {} })
      links.push(link)
      await link.join({ signal: stop.signal })
      return { node, link }
    }
    const holder = await worker()
    const fetcher = await worker()
    const assigned = async (link: CoordinatorLink): Promise<Awaited<ReturnType<CoordinatorLink['assignment']>>> => {
      for (const deadline = Date.now() + 30_000; ;) {
        const a = await link.assignment({ signal: stop.signal })
        if (a.shards.length > 0 || (a.waitReason ?? '').includes('reaching its first workers')) return a
        if (Date.now() > deadline) throw new Error(`no assignment: ${a.waitReason ?? ''}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    const first = await assigned(holder.link)
    assert.ok(first.shards.length > 0, 'the first to ask is the seed')
    const modelId = toContentId(first.announcement!.modelId!)
    const model = await fetchFromSwarm(holder.node, { contentId: modelId, providers: [], coordinator: holder.link.peer })
    await startContentService(holder.node, { provider: (id) => id === modelId ? model.value : undefined })
    await holder.link.offer(first.round, [modelId], [], { signal: stop.signal })

    const holders = (s: CoordinatorService): number => Number(/cotrain_swarm_holders\{object="model"\} ([0-9]+)/.exec(s.metrics.render())?.[1] ?? 0)
    const untilHolders = async (s: CoordinatorService): Promise<void> => {
      for (const deadline = Date.now() + 20_000; holders(s) < 1;) {
        if (Date.now() > deadline) throw new Error('the coordinator records no holder of the model')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await untilHolders(service)

    // A restart: same data dir and port; its provider book starts empty.
    await service.stop()
    service = new CoordinatorService(options)
    await service.start()
    assert.equal(holders(service), 0)
    // Nothing but the dropped connection tells the holder to offer again.
    await untilHolders(service)

    const next = await assigned(fetcher.link)
    assert.ok(next.shards.length > 0, next.waitReason ?? '')
    const named = (next.providers ?? []).find((c) => toContentId(c.contentId as Uint8Array) === modelId)?.providers?.map((p) => p.peerId) ?? []
    assert.deepEqual(named, [holder.node.peerId.toString()], 'the restarted coordinator names the holder for the model')
  })
})
