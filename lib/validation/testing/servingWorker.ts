import { createNode, type CotrainNode } from '../../net/createNode.ts'
import type { WorkerPeer } from '../verifySubmission.ts'
import { serveTrainedRounds } from './serveTrainedRounds.ts'

/** A worker node serving trained rounds, and a verifier node to check it from. */
export interface ServingWorker {
  worker: CotrainNode
  verifier: CotrainNode
  /** The worker as a verifier is told of it: peer id and listen addresses. */
  peer: WorkerPeer
  /** Checkpoint indices whose bytes went out over the content protocol (serveTrainedRounds). */
  fetched: Set<number>
  /** Stops serving, then both nodes. */
  stop: () => Promise<void>
}

/**
 * Two real libp2p nodes in this process: a worker answering checkpoint (and
 * content) requests from `rounds` (see serveTrainedRounds: change the map to
 * withhold a round; `delayMs` slows every reply), and a verifier.
 *
 * @example
 * const peers = await startServingWorker(new Map([[honest.round, honest]]), { delayMs: 800 })
 * after(async () => { await peers?.stop() })
 */
export async function startServingWorker (rounds: Parameters<typeof serveTrainedRounds>[1], options: { delayMs?: number } = {}): Promise<ServingWorker> {
  const [worker, verifier] = await Promise.all([createNode(), createNode()])
  const stopNodes = async (): Promise<void> => { await Promise.all([worker.stop(), verifier.stop()]) }
  let server: Awaited<ReturnType<typeof serveTrainedRounds>>
  try {
    server = await serveTrainedRounds(worker, rounds, options)
  } catch (err) {
    await stopNodes()
    throw err
  }
  return {
    worker,
    verifier,
    peer: { peerId: worker.peerId.toString(), multiaddrs: worker.getMultiaddrs().map(String) },
    fetched: server.fetched,
    stop: async () => {
      try {
        await server.stop()
      } finally {
        await stopNodes()
      }
    }
  }
}
