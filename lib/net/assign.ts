/**
 * /cotrain/assign/2.0.0: a joined worker asks which shards it trains on.
 */
import type { Address } from 'viem'
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { ASSIGN_PROTOCOL, LIMITS, MAX_INBOUND_STREAMS, TIMEOUTS } from './constants.ts'
import { checkAssignment, checkAssignmentRequest, pb } from './messages.ts'
import type { Assignment, AssignmentRequest, DecodedAssignmentRequest } from './messages.ts'
import { defineProtocol, sendRequest, type ProtocolService } from './protocol.ts'
import type { HandlerContext, RequestOptions } from './protocol.ts'
import { startJoinedOnlyService } from './peerBinding.ts'
import type { JoinedOnlyOptions } from './peerBinding.ts'

export const assignProtocol = defineProtocol({
  id: ASSIGN_PROTOCOL,
  name: 'assign',
  limits: { request: LIMITS.assignRequest, response: LIMITS.assignResponse },
  timeoutMs: TIMEOUTS.request,
  maxInboundStreams: MAX_INBOUND_STREAMS.assign,
  request: pb.AssignmentRequest,
  checkRequest: checkAssignmentRequest,
  response: pb.AssignmentResponse,
  okField: 'assignment',
  checkOk: checkAssignment,
  decodedOk: undefined as unknown as cotrain.v1.Assignment
})

export interface AssignServiceOptions extends JoinedOnlyOptions {
  /**
   * The assignment for a request (throw ProtocolError STALE for a closed
   * round, NOT_FOUND when the worker has none).
   */
  onAssign: (req: DecodedAssignmentRequest, ctx: HandlerContext) => Assignment | Promise<Assignment>
}

export type AssignService = ProtocolService<AssignmentRequest, DecodedAssignmentRequest, Assignment, cotrain.v1.Assignment>

/**
 * Starts serving assignments (a coordinator).
 *
 * @example
 * await startAssignService(node, { addressOf: joins.addressOf.bind(joins), onAssign: (req) => scheduler.assignment(req.round, req.workerAddress) })
 */
export async function startAssignService (node: Libp2p, options: AssignServiceOptions): Promise<AssignService> {
  return await startJoinedOnlyService(node, assignProtocol, async (req, ctx) => await options.onAssign(req, ctx), options)
}

/** Asks `coordinator` for this worker's assignment in `round`. */
export async function requestAssignment (node: Libp2p, coordinator: DialTarget, req: { round: number, workerAddress: Uint8Array | Address }, options: RequestOptions = {}): Promise<cotrain.v1.Assignment> {
  return await sendRequest(node, coordinator, assignProtocol, { round: req.round, workerAddress: addressBytes(req.workerAddress) }, options)
}

/** 20 address bytes from a hex address or bytes. */
export function addressBytes (address: Uint8Array | Address): Uint8Array {
  if (address instanceof Uint8Array) return address
  return Uint8Array.from(Buffer.from(address.slice(2), 'hex'))
}
