/**
 * /cotrain/submit/1.0.0: a joined worker sends its round update (delta and
 * proof metadata); the coordinator acks once it has stored it.
 */
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { LIMITS, MAX_INBOUND_STREAMS, SUBMIT_PROTOCOL, TIMEOUTS } from './constants.ts'
import { checkSubmissionAck, checkUpdateSubmission, pb } from './messages.ts'
import type { DecodedUpdateSubmission, SubmissionAck, UpdateSubmission } from './messages.ts'
import { defineProtocol, sendRequest, type ProtocolService } from './protocol.ts'
import type { HandlerContext, RequestOptions } from './protocol.ts'
import { startJoinedOnlyService } from './peerBinding.ts'
import type { JoinedOnlyOptions } from './peerBinding.ts'

export const submitProtocol = defineProtocol({
  id: SUBMIT_PROTOCOL,
  name: 'submit',
  limits: { request: LIMITS.submitRequest, response: LIMITS.submitResponse },
  timeoutMs: TIMEOUTS.submit,
  maxInboundStreams: MAX_INBOUND_STREAMS.submit,
  request: pb.UpdateSubmission,
  checkRequest: checkUpdateSubmission,
  response: pb.SubmitResponse,
  okField: 'ack',
  checkOk: checkSubmissionAck,
  decodedOk: undefined as unknown as cotrain.v1.SubmissionAck
})

export interface SubmitServiceOptions extends JoinedOnlyOptions {
  /**
   * Stores a schema-checked submission and returns the ack; throws
   * ProtocolError STALE (round closed), DUPLICATE (already have it) or
   * INVALID (commitment does not match) to refuse it.
   */
  onSubmit: (submission: DecodedUpdateSubmission, ctx: HandlerContext) => SubmissionAck | Promise<SubmissionAck>
}

export type SubmitService = ProtocolService<UpdateSubmission, DecodedUpdateSubmission, SubmissionAck, cotrain.v1.SubmissionAck>

/**
 * Starts accepting submissions (a coordinator).
 *
 * @example
 * await startSubmitService(node, { addressOf: (p) => joins.addressOf(p), onSubmit: (s) => store.save(s) })
 */
export async function startSubmitService (node: Libp2p, options: SubmitServiceOptions): Promise<SubmitService> {
  return await startJoinedOnlyService(node, submitProtocol, async (submission, ctx) => await options.onSubmit(submission, ctx), options)
}

/** Sends `submission` to `coordinator` and returns its ack; throws ProtocolError when refused. */
export async function submitUpdate (node: Libp2p, coordinator: DialTarget, submission: UpdateSubmission, options: RequestOptions = {}): Promise<cotrain.v1.SubmissionAck> {
  return await sendRequest(node, coordinator, submitProtocol, submission, options)
}
