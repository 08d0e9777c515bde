import type { Address } from 'viem'
import { getAddress } from 'viem'
import { getContributor } from '../../../lib/chain/actions/getContributor.ts'
import {
  ErrorCode, ProtocolError, startAssignService, startContentService, startHaveService, startJoinService, startSubmissionsService, startSubmitService, type CotrainNode
} from '../../../lib/net/index.ts'
import { registerDatasetIntake } from '../../datasets/DatasetIntake.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { handleAssign } from './handleAssign.ts'
import { handleHave } from './handleHave.ts'
import { handleJoin } from './handleJoin.ts'
import { handleList } from './handleList.ts'
import { handleSubmit } from './handleSubmit.ts'

/**
 * Registers the coordinator's protocols on `node`: join, assign, have (swarm
 * distribution), content (the blob store: models, shards, deltas, contributed datasets), submit,
 * submissions and dataset intake. Returns the stoppers, to run in reverse.
 */
export async function startProtocols (ctx: CoordinatorContext, node: CotrainNode, dataDir: string): Promise<Array<() => Promise<void>>> {
  const stoppers: Array<() => Promise<void>> = []
  try {
    const joins = await startJoinService(node, { onJoin: async (v) => await handleJoin(ctx, v) })
    stoppers.push(async () => await joins.stop())
    // Bindings checked at an earlier join stay valid across restarts: the store has them.
    const addressOf = (peer: unknown): Address | undefined => {
      const id = String(peer)
      const bound = joins.addressOf(id)
      if (bound !== undefined) return bound
      const w = ctx.rounds.workers.get(id)
      return w == null || w.status === 'banned' ? undefined : getAddress(w.address)
    }

    const assign = await startAssignService(node, { addressOf, onAssign: (req, c) => handleAssign(ctx, c.peer.toString(), req.workerAddress) })
    stoppers.push(async () => await assign.stop())

    const have = await startHaveService(node, { addressOf, onHave: (req, c) => handleHave(ctx, c.peer.toString(), req, c.connection) })
    stoppers.push(async () => await have.stop())

    const blobs = ctx.store.blobs
    const content = await startContentService(node, { provider: (id) => blobs.has(id) ? { path: blobs.pathOf(id) } : undefined })
    content.on('content:served', ({ bytes }) => { ctx.metrics.served(ctx.rounds.currentRound()?.number ?? 0, bytes) })
    stoppers.push(async () => await content.stop())

    const submit = await startSubmitService(node, {
      addressOf,
      onSubmit: async (m, c) => await handleSubmit(ctx, c.peer.toString(), addressOf(c.peer)!, m, c.signal)
    })
    stoppers.push(async () => await submit.stop())

    const submissions = await startSubmissionsService(node, { onList: (req) => handleList(ctx, req.round, req.start, req.limit) })
    stoppers.push(async () => await submissions.stop())

    // Contributed datasets: shards land in the same blob store, so the content service above serves them to validators.
    const chain = ctx.chain
    const datasets = await registerDatasetIntake(node, {
      blobs,
      dataDir,
      authorize: chain == null
        ? undefined
        : async (contributor) => {
          const c = await getContributor(chain.client, { address: chain.contract, account: contributor })
          if (!c.registered) throw new ProtocolError(ErrorCode.ERROR_CODE_FORBIDDEN, `${contributor} is not registered on the staking contract: register with stake first`)
        }
    })
    await datasets.start()
    datasets.intake.on('dataset:complete', (d) => { ctx.emit({ event: 'dataset:received', datasetId: d.datasetId, contributor: d.contributor }) })
    stoppers.push(async () => await datasets.stop())
    return stoppers
  } catch (err) {
    for (const s of stoppers.reverse()) await s().catch(() => undefined)
    throw err
  }
}
