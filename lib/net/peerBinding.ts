import { bytesToHex, getAddress } from 'viem'
import type { Address } from 'viem'
import type { Libp2p, PeerId } from '@libp2p/interface'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { startAnsweringService } from './protocol.ts'
import type { HandlerContext, ProtocolDefinition, ProtocolService, ServiceOptions } from './protocol.ts'

/**
 * Which address a peer proved at join (JoinService.addressOf, or the
 * coordinator's database after a restart); undefined when it has not joined.
 */
export type AddressOf = (peer: PeerId) => Address | undefined | Promise<Address | undefined>

/** An authorize hook that admits only joined peers (and passes `authorize` too, if given). */
export function joinedOnly (addressOf: AddressOf | undefined, authorize?: ServiceOptions['authorize']): ServiceOptions['authorize'] {
  if (addressOf == null) return authorize
  return async (peer) => (await addressOf(peer)) !== undefined && (authorize == null || await authorize(peer))
}

/** Refuses a message that names an address other than the one the peer bound. */
export async function requireBoundAddress (addressOf: AddressOf | undefined, peer: PeerId, workerAddress: Uint8Array): Promise<void> {
  if (addressOf == null) return
  const bound = await addressOf(peer)
  if (bound === undefined) throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, 'peer has not joined')
  const claimed = getAddress(bytesToHex(workerAddress))
  if (claimed !== getAddress(bound)) throw new ProtocolError(ErrorCode.ERROR_CODE_FORBIDDEN, `peer is bound to ${getAddress(bound)}, not ${claimed}`)
}

/** Options of a service that serves joined peers only ({@link startJoinedOnlyService}). */
export interface JoinedOnlyOptions extends ServiceOptions {
  /** When given, only joined peers are served, and only for their own address. */
  addressOf?: AddressOf
}

/**
 * Starts an answering service (assign, submit) whose requests name a worker
 * address: with `addressOf`, only joined peers are served, and only for the
 * address they bound. One place for both checks, so no protocol applies one
 * and forgets the other.
 *
 * @example
 * await startJoinedOnlyService(node, assignProtocol, (req) => scheduler.assignment(req.round, req.workerAddress), { addressOf })
 */
export async function startJoinedOnlyService<Req, DReq extends { workerAddress: Uint8Array }, Ok, DOk> (node: Libp2p, protocol: ProtocolDefinition<Req, DReq, Ok, DOk>, answer: (req: DReq, ctx: HandlerContext) => Ok | Promise<Ok>, options: JoinedOnlyOptions): Promise<ProtocolService<Req, DReq, Ok, DOk>> {
  return await startAnsweringService(node, protocol, async (req, ctx) => {
    await requireBoundAddress(options.addressOf, ctx.peer, req.workerAddress)
    return await answer(req, ctx)
  }, { ...options, authorize: joinedOnly(options.addressOf, options.authorize) })
}
