/**
 * /cotrain/join/2.0.0: a worker introduces itself to a coordinator with its
 * capabilities and a signed binding of its Ethereum address to its peer id.
 */
import { bytesToHex, getAddress } from 'viem'
import type { Address } from 'viem'
import type { DialTarget, Libp2p, PeerId } from '@libp2p/interface'
import type { cotrain } from '../proto/cotrain.js'
import { ANNOUNCEMENT_TOPIC, JOIN_MAX_QUEUE_WAIT_MS, JOIN_PROTOCOL, LIMITS, MAX_INBOUND_STREAMS, MAX_JOINS_IN_FLIGHT, MAX_JOINS_QUEUED, TIMEOUTS } from './constants.ts'
import { Admission } from './Admission.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { BindingCheck } from './BindingCheck.ts'
import type { BindingCheckOptions } from './BindingCheck.ts'
import { signJoinBinding } from './joinBinding.ts'
import type { BindingSigner } from './joinBinding.ts'
import { checkJoin, checkJoinAccepted, pb } from './messages.ts'
import type { Capabilities, DecodedJoin, Join, JoinAccepted } from './messages.ts'
import { ProtocolService, defineProtocol, sendRequest, started } from './protocol.ts'
import type { HandlerContext, RequestOptions, ServiceOptions } from './protocol.ts'

export const joinProtocol = defineProtocol({
  id: JOIN_PROTOCOL,
  name: 'join',
  limits: { request: LIMITS.joinRequest, response: LIMITS.joinResponse },
  timeoutMs: TIMEOUTS.request,
  maxInboundStreams: MAX_INBOUND_STREAMS.join,
  request: pb.Join,
  checkRequest: checkJoin,
  response: pb.JoinResponse,
  okField: 'accepted',
  checkOk: checkJoinAccepted,
  decodedOk: undefined as unknown as cotrain.v1.JoinAccepted
})

/** A join whose binding checked out. */
export interface VerifiedJoin {
  /** Checksummed address the peer proved it holds. */
  address: Address
  peer: PeerId
  join: DecodedJoin
}

export interface JoinServiceOptions extends ServiceOptions, BindingCheckOptions {
  /** Joins worked on at once; more wait in line (up to joinQueueWaitMs), the rest are refused BUSY with a retry hint (default MAX_JOINS_IN_FLIGHT). */
  maxJoinsInFlight?: number
  /** Longest a join waits in line for a slot, ms (default JOIN_MAX_QUEUE_WAIT_MS; 0: refused at once). */
  joinQueueWaitMs?: number
  /**
   * Decides on a verified join: return the accept fields (worker address,
   * server time and topic are filled in when left out), or throw a
   * ProtocolError (e.g. FORBIDDEN for an unstaked address).
   */
  onJoin: (join: VerifiedJoin, ctx: HandlerContext) => Partial<JoinAccepted> | Promise<Partial<JoinAccepted>>
}

/** The coordinator's side of join; remembers which address each peer proved. */
export class JoinService extends ProtocolService<Join, DecodedJoin, JoinAccepted, cotrain.v1.JoinAccepted> {
  private readonly bindings = new Map<string, Address>()

  constructor (node: Libp2p, options: JoinServiceOptions) {
    const bindingCheck = new BindingCheck('joins', options)
    const admission = new Admission('joins', { limit: options.maxJoinsInFlight ?? MAX_JOINS_IN_FLIGHT, maxWaitMs: options.joinQueueWaitMs ?? JOIN_MAX_QUEUE_WAIT_MS, maxQueued: MAX_JOINS_QUEUED })
    super(node, joinProtocol, async (join, ctx, lp) => {
      // Queued or refused before the signature check: a refusal must cost next to nothing.
      const { accept, t } = await admission.run(async () => {
        const { address, now } = await bindingCheck.verify(join, ctx.peer, node.peerId)
        const accept = await options.onJoin({ address, peer: ctx.peer, join }, ctx)
        this.bindings.set(ctx.peer.toString(), address)
        return { accept, t: now }
      }, { signal: ctx.signal })
      await lp.write(joinProtocol.encodeOk({
        workerAddress: join.workerAddress,
        serverTime: t,
        announcementTopic: ANNOUNCEMENT_TOPIC,
        ...accept
      }), { signal: ctx.signal })
    }, options)
  }

  /** The address `peer` bound at its last accepted join, if any. */
  addressOf (peer: PeerId | string): Address | undefined {
    return this.bindings.get(peer.toString())
  }
}

/**
 * Starts serving joins on `node` (a coordinator).
 *
 * @example
 * const joins = await startJoinService(node, { onJoin: ({ address }) => ({ currentRound }) })
 * joins.addressOf(peer)
 */
export async function startJoinService (node: Libp2p, options: JoinServiceOptions): Promise<JoinService> {
  return await started(new JoinService(node, options))
}

export interface RequestJoinParams {
  /** Holds the worker's Ethereum key; signs the binding. */
  signer: BindingSigner
  capabilities: Capabilities
  clientVersion?: string
}

/**
 * Joins the coordinator at `coordinator` (its peer id, or a multiaddr): signs
 * a binding for the connected coordinator's peer id and sends Join.
 * `timeoutMs` bounds the dial (default TIMEOUTS.joinDial) and the request
 * (default TIMEOUTS.request) each. Throws ProtocolError when refused.
 */
export async function requestJoin (node: Libp2p, coordinator: DialTarget, params: RequestJoinParams, options: RequestOptions = {}): Promise<{ coordinator: PeerId, accepted: cotrain.v1.JoinAccepted }> {
  const signal = AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(options.timeoutMs ?? TIMEOUTS.joinDial)])
  const connection = await node.dial(coordinator, { signal })
  const binding = await signJoinBinding({ signer: params.signer, workerPeerId: node.peerId, coordinatorPeerId: connection.remotePeer })
  const accepted = await sendRequest(node, connection.remotePeer, joinProtocol, {
    capabilities: params.capabilities,
    ...binding,
    clientVersion: params.clientVersion ?? ''
  }, options)
  if (getAddress(bytesToHex(accepted.workerAddress)) !== getAddress(params.signer.address)) {
    throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, 'coordinator accepted a different address', { remote: true, protocol: JOIN_PROTOCOL })
  }
  return { coordinator: connection.remotePeer, accepted }
}
