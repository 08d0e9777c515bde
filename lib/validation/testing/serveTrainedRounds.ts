import type { Libp2p } from '@libp2p/interface'
import { startCheckpointService, type CheckpointService } from '../../net/checkpoint.ts'
import { startContentService, type ContentService } from '../../net/content.ts'
import { ErrorCode, ProtocolError } from '../../net/ProtocolError.ts'
import { checkpointWithProof, type TrainRoundResult } from '../../training/trainRound.ts'
import { checkpointOpening, checkpointOpeningOnly } from '../checkpointOpening.ts'
import { sleep } from '../../async/sleep.ts'

/**
 * A real /cotrain/checkpoint (+ /cotrain/content for large checkpoints)
 * server answering from in-memory training results by round: what a worker
 * (honest or cheating) serves, for tests and benchmarks in one process.
 * `results` may be changed while it runs (e.g. delete a round to withhold it);
 * `delayMs` holds each checkpoint reply back that long (a slowed worker);
 * it is read at each request, so a test may change it while the server runs.
 * `served` lists the checkpoint indices asked for, `fetched` those whose
 * bytes went out over the content protocol (a checkpoint over 1 MiB that
 * was not asked for as an opening only). Opening-only requests get the leaf
 * and proof alone, like a worker's CheckpointServer.
 */
export async function serveTrainedRounds (node: Libp2p, results: Map<number, Pick<TrainRoundResult, 'store' | 'leafHashes'>>, options: { delayMs?: number } = {}): Promise<{ served: number[], fetched: Set<number>, stop: () => Promise<void> }> {
  const blobs = new Map<string, { blob: Uint8Array, index: number }>()
  const served: number[] = []
  const fetched = new Set<number>()
  const content: ContentService = await startContentService(node, {
    provider: (id) => {
      const b = blobs.get(id)
      if (b !== undefined) fetched.add(b.index)
      return b?.blob
    }
  })
  const checkpoints: CheckpointService = await startCheckpointService(node, {
    onCheckpointRequest: async ({ round, index, openingOnly }, ctx) => {
      // Fault injection: a worker starved of CPU, or on a slow link, answers late.
      if ((options.delayMs ?? 0) > 0) await sleep(options.delayMs!, { signal: ctx.signal })
      const r = results.get(round)
      if (r === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no round ${round} here`)
      if (index >= r.leafHashes.length) throw new ProtocolError(ErrorCode.ERROR_CODE_OUT_OF_RANGE, `round ${round} has ${r.leafHashes.length} checkpoints`)
      const c = await checkpointWithProof(r, index)
      served.push(index)
      // An opening only: no bytes inline and none to fetch (a verifier that wants them asks again without the flag).
      if (openingOnly) return checkpointOpeningOnly(c).reply
      const { reply, blob, contentId } = checkpointOpening(c)
      blobs.set(contentId, { blob, index })
      return reply
    }
  })
  return {
    served,
    fetched,
    stop: async () => { await checkpoints.stop(); await content.stop() }
  }
}
