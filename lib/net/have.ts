/**
 * /cotrain/have/1.0.0: a joined worker tells the coordinator which of the
 * round's objects (model, shards) it now holds, hash-checked, and serves over
 * /cotrain/content/1.0.0, so the coordinator can name it as a provider to
 * other workers (swarm distribution, docs/scaling.md).
 */
import type { Address } from 'viem'
import type { DialTarget, Libp2p } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { HAVE_PROTOCOL, LIMITS, MAX_INBOUND_STREAMS, TIMEOUTS } from './constants.ts'
import { checkHaveAck, checkHaveNotice, pb } from './messages.ts'
import type { DecodedHaveNotice, HaveAck, HaveNotice } from './messages.ts'
import { defineProtocol, sendRequest, type ProtocolService } from './protocol.ts'
import type { HandlerContext, RequestOptions } from './protocol.ts'
import { startJoinedOnlyService } from './peerBinding.ts'
import type { JoinedOnlyOptions } from './peerBinding.ts'
import { addressBytes } from './assign.ts'
import { contentIdBytes } from '../hash/contentId.ts'

export const haveProtocol = defineProtocol({
  id: HAVE_PROTOCOL,
  name: 'have',
  limits: { request: LIMITS.haveRequest, response: LIMITS.haveResponse },
  timeoutMs: TIMEOUTS.request,
  maxInboundStreams: MAX_INBOUND_STREAMS.have,
  request: pb.HaveNotice,
  checkRequest: checkHaveNotice,
  response: pb.HaveResponse,
  okField: 'ack',
  checkOk: checkHaveAck,
  decodedOk: undefined as unknown as cotrain.v1.HaveAck
})

export interface HaveServiceOptions extends JoinedOnlyOptions {
  /** Records what the peer holds; returns how many ids it will be named for. */
  onHave: (notice: DecodedHaveNotice, ctx: HandlerContext) => HaveAck | Promise<HaveAck>
}

export type HaveService = ProtocolService<HaveNotice, DecodedHaveNotice, HaveAck, cotrain.v1.HaveAck>

/**
 * Starts taking have notices (a coordinator); only joined peers, for their own address.
 *
 * @example
 * await startHaveService(node, { addressOf, onHave: (n, c) => providers.record(c.peer.toString(), n.contentIds) })
 */
export async function startHaveService (node: Libp2p, options: HaveServiceOptions): Promise<HaveService> {
  return await startJoinedOnlyService(node, haveProtocol, async (req, ctx) => await options.onHave(req, ctx), options)
}

/** A provider named to this worker that failed it: wrong bytes (hash or size), or unavailable (not found, stalled, undialable). */
export interface FailedProvider {
  contentId: string | Uint8Array
  peerId: string
  fault: 'wrong-bytes' | 'unavailable'
}

/**
 * Tells `coordinator` that this worker holds and serves `contentIds` (from
 * `round`'s assignment), and which of the providers it was named failed it
 * (the first LIMITS.haveFailures).
 */
export async function reportHave (node: Libp2p, coordinator: DialTarget, req: { round: number, workerAddress: Uint8Array | Address, contentIds: Array<string | Uint8Array>, failedProviders?: readonly FailedProvider[] }, options: RequestOptions = {}): Promise<cotrain.v1.HaveAck> {
  const bytesOf = (id: string | Uint8Array): Uint8Array => typeof id === 'string' ? contentIdBytes(id) : id
  const failedProviders = (req.failedProviders ?? []).slice(0, LIMITS.haveFailures).map((f) => ({
    contentId: bytesOf(f.contentId),
    peerId: f.peerId,
    fault: f.fault === 'wrong-bytes' ? pb.ProviderFault.PROVIDER_FAULT_WRONG_BYTES : pb.ProviderFault.PROVIDER_FAULT_UNAVAILABLE
  }))
  return await sendRequest(node, coordinator, haveProtocol, { round: req.round, workerAddress: addressBytes(req.workerAddress), contentIds: req.contentIds.map(bytesOf), failedProviders }, options)
}
