/**
 * /cotrain/submissions/2.0.0: a validator lists a round's submissions at the
 * coordinator, a page at a time, to verify and score each on its own. Deltas
 * are fetched by `deltaId` over /cotrain/content/1.0.0; checkpoints from the
 * worker (`workerPeerId`, `workerAddrs`) over /cotrain/checkpoint/1.0.0.
 */
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { LIMITS, MAX_INBOUND_STREAMS, SUBMISSIONS_PROTOCOL, TIMEOUTS } from './constants.ts'
import { checkSubmissionList, checkSubmissionsRequest, pb } from './messages.ts'
import type { DecodedSubmissionsRequest, SubmissionList, SubmissionsRequest } from './messages.ts'
import { defineProtocol, sendRequest, startAnsweringService, type ProtocolService } from './protocol.ts'
import type { HandlerContext, RequestOptions, ServiceOptions } from './protocol.ts'

export const submissionsProtocol = defineProtocol({
  id: SUBMISSIONS_PROTOCOL,
  name: 'submissions',
  limits: { request: LIMITS.submissionsRequest, response: LIMITS.submissionsResponse },
  timeoutMs: TIMEOUTS.request,
  maxInboundStreams: MAX_INBOUND_STREAMS.submissions,
  request: pb.SubmissionsRequest,
  checkRequest: checkSubmissionsRequest,
  response: pb.SubmissionsResponse,
  okField: 'list',
  checkOk: checkSubmissionList,
  decodedOk: undefined as unknown as cotrain.v1.SubmissionList
})

export interface SubmissionsServiceOptions extends ServiceOptions {
  /**
   * A page of the round's submissions (delta bytes left out); throw
   * ProtocolError NOT_FOUND for an unknown round. A page over
   * LIMITS.submissionsResponse is refused with TOO_LARGE: return fewer.
   */
  onList: (req: DecodedSubmissionsRequest, ctx: HandlerContext) => SubmissionList | Promise<SubmissionList>
}

export type SubmissionsService = ProtocolService<SubmissionsRequest, DecodedSubmissionsRequest, SubmissionList, cotrain.v1.SubmissionList>

/**
 * Starts listing submissions (a coordinator); pass `authorize` to serve
 * validators only.
 *
 * @example
 * await startSubmissionsService(node, { onList: ({ round, start, limit }) => store.submissionPage(round, start, limit || 50) })
 */
export async function startSubmissionsService (node: Libp2p, options: SubmissionsServiceOptions): Promise<SubmissionsService> {
  return await startAnsweringService(node, submissionsProtocol, async (req, ctx) => await options.onList(req, ctx), options)
}

/**
 * One page of `round`'s submissions from `coordinator`.
 *
 * @example
 * for (let start = 0, total = 1; start < total;) {
 *   const page = await listSubmissions(node, coordinator, { round, start })
 *   total = page.total; start += page.submissions.length || total
 * }
 */
export async function listSubmissions (node: Libp2p, coordinator: DialTarget, req: SubmissionsRequest, options: RequestOptions = {}): Promise<cotrain.v1.SubmissionList> {
  return await sendRequest(node, coordinator, submissionsProtocol, req, options)
}
