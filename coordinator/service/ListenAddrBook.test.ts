import assert from 'node:assert/strict'
import type { IdentifyResult } from '@libp2p/interface'
import { createNode, type CotrainNode } from '../../lib/net/createNode.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { WorkerRegistry } from '../rounds/WorkerRegistry.ts'
import { tempDir } from '../testing/tempDir.ts'
import { ListenAddrBook } from './ListenAddrBook.ts'

const ADDRESS = '0x' + '1'.repeat(40)

async function identified (node: CotrainNode, peerId: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('identify did not run within 10 s')) }, 10_000)
    const on = (e: CustomEvent<IdentifyResult>): void => {
      if (e.detail.peerId.toString() !== peerId) return
      clearTimeout(timer)
      node.removeEventListener('peer:identify', on)
      resolve()
    }
    node.addEventListener('peer:identify', on)
  })
}

/**
 * Identify runs beside a worker's join over real libp2p: before the join
 * handler, or after it but before the registry entry commits. Either way the
 * coordinator must end with the worker's own listen addresses, or validators
 * and the provider book only have the relay.
 */
describe('ListenAddrBook: a worker\'s addresses whatever the order of identify and join', function () {
  this.timeout(30_000)
  let tmp: ReturnType<typeof tempDir>
  let store: CoordinatorStore
  let registry: WorkerRegistry
  let coordinator: CotrainNode
  let worker: CotrainNode
  let book: ListenAddrBook

  beforeEach(async () => {
    tmp = tempDir()
    store = await CoordinatorStore.open(tmp.dir)
    registry = new WorkerRegistry(store)
    ;[coordinator, worker] = await Promise.all([createNode(), createNode()])
    book = new ListenAddrBook(coordinator, () => registry)
    book.start()
  })

  afterEach(async () => {
    book.stop()
    await Promise.all([coordinator.stop(), worker.stop()])
    store.close()
    tmp.remove()
  })

  const own = (): string[] => worker.getMultiaddrs().map((a) => a.decapsulateCode(421).toString()).sort()
  const direct = (addrs: string[]): string[] => addrs.map((a) => a.replace(/\/p2p\/[^/]+$/, '')).sort()

  it('keeps identify that finished before the join, with no peer store read at the join', async () => {
    const peerId = worker.peerId.toString()
    const seen = identified(coordinator, peerId)
    await worker.dial(coordinator.getMultiaddrs()[0])
    await seen
    // Forget what identify wrote to the peer store: the join must not need it.
    await coordinator.peerStore.delete(worker.peerId)
    const learned = await book.learn(peerId)
    assert.deepEqual(direct(learned), own())
    await registry.upsert({ peerId, address: ADDRESS, capabilities: { addrs: learned }, samplesPerSec: 1, at: Date.now() })
    assert.deepEqual(direct(book.of(peerId, registry.get(peerId)?.capabilities)), own())
  })

  it('keeps identify that finished after the join read nothing but before the registry entry committed', async () => {
    const peerId = worker.peerId.toString()
    // The join handler ran first: nothing known yet, and the registry entry is not written.
    assert.deepEqual(await book.learn(peerId), [])
    const seen = identified(coordinator, peerId)
    await worker.dial(coordinator.getMultiaddrs()[0])
    await seen
    assert.equal(registry.get(peerId), undefined)
    await registry.upsert({ peerId, address: ADDRESS, capabilities: { addrs: [] }, samplesPerSec: 1, at: Date.now() })
    assert.deepEqual(direct(book.of(peerId, registry.get(peerId)?.capabilities)), own())
    // The join handler tells the book the entry committed: the empty recorded list is replaced, in the database at the next liveness flush.
    book.joined(peerId)
    registry.flush()
    assert.deepEqual(direct(store.getWorker(peerId)?.capabilities.addrs as string[]), own())
    // And still after the worker disconnects.
    await worker.hangUp(coordinator.peerId)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepEqual(direct(book.of(peerId, registry.get(peerId)?.capabilities)), own())
  })

  it('stores the addresses identify brings for a worker whose recorded list is empty (after a restart), and they survive the next one', async () => {
    const peerId = worker.peerId.toString()
    // Joined before a restart while identify had not run: the database holds no addresses.
    await registry.upsert({ peerId, address: ADDRESS, capabilities: { addrs: [] }, samplesPerSec: 1, at: Date.now() })
    const seen = identified(coordinator, peerId)
    await worker.dial(coordinator.getMultiaddrs()[0])
    await seen
    assert.deepEqual(direct(registry.get(peerId)?.capabilities.addrs as string[]), own())
    registry.flush()
    assert.deepEqual(direct(store.getWorker(peerId)?.capabilities.addrs as string[]), own())
    // The next restart: a fresh book over the reopened store, the worker not connected, still knows them.
    await worker.hangUp(coordinator.peerId)
    store.close()
    store = await CoordinatorStore.open(tmp.dir)
    registry = new WorkerRegistry(store)
    const fresh = new ListenAddrBook(coordinator, () => registry)
    assert.deepEqual(direct(fresh.of(peerId, registry.get(peerId)?.capabilities)), own())
  })

  it('forgets a peer that never joined when it disconnects', async () => {
    const peerId = worker.peerId.toString()
    const seen = identified(coordinator, peerId)
    await worker.dial(coordinator.getMultiaddrs()[0])
    await seen
    assert.deepEqual(direct(book.of(peerId, undefined)), own())
    await worker.hangUp(coordinator.peerId)
    const deadline = Date.now() + 5000
    while (book.of(peerId, undefined).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    assert.deepEqual(book.of(peerId, undefined), [])
  })
})
