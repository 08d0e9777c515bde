/**
 * /cotrain/checkpoint/1.0.0: a verifier asks a worker for checkpoint `index`
 * of a round, with the leaf fields and the Merkle proof against the
 * submitted proof root. Small checkpoints come inline; larger ones are
 * fetched by content id over /cotrain/content/1.0.0 from the same peer.
 */
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { CotrainError, HashMismatchError } from '../errors.ts'
import { CHECKPOINT_PROTOCOL, LIMITS, MAX_INBOUND_STREAMS, TIMEOUTS } from './constants.ts'
import { checkCheckpointReply, checkCheckpointRequest, pb } from './messages.ts'
import type { CheckpointReply, CheckpointRequest, DecodedCheckpointRequest } from './messages.ts'
import { defineProtocol, sendRequest, startAnsweringService, type ProtocolService } from './protocol.ts'
import type { HandlerContext, RequestOptions, ServiceOptions } from './protocol.ts'
import { fetchContent } from './content.ts'
import type { FetchContentOptions } from './content.ts'
import { contentIdOf, toContentId } from '../hash/contentId.ts'

export const checkpointProtocol = defineProtocol({
  id: CHECKPOINT_PROTOCOL,
  name: 'checkpoint',
  limits: { request: LIMITS.checkpointRequest, response: LIMITS.checkpointResponse },
  timeoutMs: TIMEOUTS.request,
  maxInboundStreams: MAX_INBOUND_STREAMS.checkpoint,
  request: pb.CheckpointRequest,
  checkRequest: checkCheckpointRequest,
  response: pb.CheckpointResponse,
  okField: 'reply',
  checkOk: checkCheckpointReply,
  decodedOk: undefined as unknown as cotrain.v1.CheckpointReply
})

export interface CheckpointServiceOptions extends ServiceOptions {
  /**
   * The leaf, proof and checkpoint id for a request; put the bytes in
   * `checkpoint` when they are at most LIMITS.inlineCheckpoint, else serve
   * them by `checkpointId` from this node's content service. Throw
   * ProtocolError NOT_FOUND / OUT_OF_RANGE for unknown rounds or indexes.
   */
  onCheckpointRequest: (req: DecodedCheckpointRequest, ctx: HandlerContext) => CheckpointReply | Promise<CheckpointReply>
}

export type CheckpointService = ProtocolService<CheckpointRequest, DecodedCheckpointRequest, CheckpointReply, cotrain.v1.CheckpointReply>

/**
 * Starts answering challenges (a worker, until its rounds settle).
 *
 * @example
 * await startCheckpointService(node, { onCheckpointRequest: ({ round, index }) => prover.opening(round, index) })
 */
export async function startCheckpointService (node: Libp2p, options: CheckpointServiceOptions): Promise<CheckpointService> {
  return await startAnsweringService(node, checkpointProtocol, async (req, ctx) => await options.onCheckpointRequest(req, ctx), options)
}

/**
 * Asks `worker` for a checkpoint and returns its reply with the checkpoint
 * bytes, sha256-checked against `reply.checkpointId` (fetched over the content
 * protocol when not inline). With `openingOnly` the request says so and
 * the checkpoint comes back empty: the reply (leaf, proof, declared size)
 * alone, with no bytes inline or fetched. Checking the leaf against the
 * proof root is the verifier's job (lib/proof).
 */
export async function requestCheckpoint (node: Libp2p, worker: DialTarget, req: CheckpointRequest, options: RequestOptions & Omit<FetchContentOptions, 'signal'> & { expectedSize?: number, openingOnly?: boolean } = {}): Promise<{ reply: cotrain.v1.CheckpointReply, checkpoint: Uint8Array }> {
  const reply = await sendRequest(node, worker, checkpointProtocol, options.openingOnly === true ? { ...req, openingOnly: true } : req, options)
  // The model fixes a checkpoint's size: never fetch (or allocate) what the worker merely claims.
  if (options.expectedSize !== undefined && reply.checkpointSize !== options.expectedSize) {
    throw new CheckpointSizeError(`checkpoint ${req.index ?? 0} of round ${req.round ?? 0} claims ${reply.checkpointSize} bytes, the model implies ${options.expectedSize}`)
  }
  const id = toContentId(reply.checkpointId)
  if (reply.checkpoint.byteLength > 0 || reply.checkpointSize === 0) {
    const actual = contentIdOf(reply.checkpoint)
    if (actual !== id) throw new HashMismatchError(`checkpoint ${req.index ?? 0} of round ${req.round ?? 0}`, id, actual)
    return { reply, checkpoint: reply.checkpoint }
  }
  // The leaf and its proof alone: a verifier that can check the bytes by their hash (a bit-exact replay) need not fetch them.
  if (options.openingOnly === true) return { reply, checkpoint: new Uint8Array(0) }
  const checkpoint = await fetchContent(node, worker, id, { ...options, maxSize: Math.max(reply.checkpointSize, 1) })
  if (checkpoint.byteLength !== reply.checkpointSize) throw new HashMismatchError(`checkpoint ${req.index ?? 0} size`, String(reply.checkpointSize), String(checkpoint.byteLength))
  return { reply, checkpoint }
}

/** A checkpoint reply whose declared size is not the one the model implies (a reachable worker's wrong answer, not a network failure). */
export class CheckpointSizeError extends CotrainError {
  override name = 'CheckpointSizeError'
}
