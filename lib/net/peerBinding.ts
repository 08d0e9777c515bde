import { bytesToHex, getAddress } from 'viem'
import type { Address } from 'viem'
import type { PeerId } from '@libp2p/interface'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import type { ServiceOptions } from './protocol.ts'

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
