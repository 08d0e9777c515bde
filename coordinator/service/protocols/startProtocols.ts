import type { Address } from 'viem'
import { getAddress } from 'viem'
import { getContributor } from '../../../lib/chain/actions/getContributor.ts'
import {
  ErrorCode, ProtocolError, startAssignService, startContentService, startHaveService, startJoinService, startSubmissionsService, startSubmitService, type CotrainNode
} from '../../../lib/net/index.ts'
import { FileContentCache } from '../../../lib/net/FileContentCache.ts'
import { RequestBufferPool } from '../../../lib/net/RequestBufferPool.ts'
import { modelWeightCount } from '../../../lib/model/buildModel.ts'
import type { ModelConfig } from '../../../lib/model/config.ts'
import { registerDatasetIntake } from '../../datasets/DatasetIntake.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { handleAssign } from './handleAssign.ts'
import { handleHave } from './handleHave.ts'
import { handleJoin } from './handleJoin.ts'
import { handleList } from './handleList.ts'
import { handleSubmit } from './handleSubmit.ts'

const MiB = 1024 * 1024

/**
 * What the coordinator's content service keeps of the files it served: the
 * global model twice over (the old and the new one about a round's end),
 * 16 MiB at least, at most the cache's default 128 MiB. The model is what
 * is asked for again and again; a shard is served about once a round (to
 * its worker, then peers serve it), so holding every shard held the whole
 * training set (45 MB for MNIST) in memory and saved no CPU: each was read
 * from its file once either way.
 */
export function contentCacheBytes (model: ModelConfig): number {
  return Math.min(128 * MiB, Math.max(16 * MiB, 2 * 4 * modelWeightCount(model)))
}

/**
 * Registers the coordinator's protocols on `node`: join, assign, have (swarm
 * distribution), content (the blob store: models, shards, deltas, contributed datasets), submit,
 * submissions and dataset intake. Returns the stoppers, to run in reverse.
 */
export async function startProtocols (ctx: CoordinatorContext, node: CotrainNode, dataDir: string): Promise<Array<() => Promise<void>>> {
  const stoppers: Array<() => Promise<void>> = []
  try {
    const joins = await startJoinService(node, {
      onJoin: async (v, hctx) => {
        const accepted = await handleJoin(ctx, v)
        // The round's announcement reaches a worker only over gossipsub's own stream to it: open it now, not when gossipsub's one-at-a-time queue gets there.
        void ctx.listeners.reach(v.peer, hctx.connection)
        return accepted
      }
    })
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
    const content = await startContentService(node, {
      provider: (id) => blobs.has(id) ? { path: blobs.pathOf(id) } : undefined,
      fileCache: new FileContentCache({ maxBytes: contentCacheBytes(ctx.model) })
    })
    content.on('content:served', ({ bytes }) => { ctx.metrics.served(ctx.rounds.currentRound()?.number ?? 0, bytes) })
    stoppers.push(async () => await content.stop())

    const submit = await startSubmitService(node, {
      addressOf,
      onSubmit: async (m, c) => await handleSubmit(ctx, c.peer.toString(), addressOf(c.peer)!, m, c.signal),
      // handleSubmit keeps no view of the update past its promise: its delta is written to its blob (awaited) and the rest copied into the row.
      requestBuffers: new RequestBufferPool()
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
