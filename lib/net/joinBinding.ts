/**
 * The address binding: an EIP-191 signature by the worker's Ethereum address
 * over a text naming the worker's libp2p peer id and the coordinator's. The
 * coordinator takes the worker's peer id from the Noise-authenticated
 * connection, never from the message, so a binding only works for the peer
 * whose key made the connection and only towards the coordinator it names:
 * nobody can join, or submit, for someone else's address.
 */
import { randomBytes } from 'node:crypto'
import { bytesToHex, getAddress, hexToBytes } from 'viem'
import type { Address, Hex } from 'viem'
import type { PeerId } from '@libp2p/interface'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { JOIN_MAX_CLOCK_SKEW_S } from './constants.ts'
import { recoverMessageSigner } from './recoverMessageSigner.ts'

/** What can sign the binding: a viem LocalAccount, or any account with signMessage. */
export interface BindingSigner {
  address: Address
  signMessage: (args: { message: string }) => Promise<Hex>
}

export interface JoinBindingFields {
  workerAddress: Address
  workerPeerId: PeerId | string
  coordinatorPeerId: PeerId | string
  /** Unix seconds. */
  issuedAt: number
  nonce: Uint8Array
}

/**
 * The exact text that is signed; both sides build it from the same fields.
 *
 * @example
 * joinBindingMessage({ workerAddress, workerPeerId: node.peerId, coordinatorPeerId, issuedAt, nonce })
 */
export function joinBindingMessage (f: JoinBindingFields): string {
  return [
    'cotrain join binding v1',
    `worker address: ${getAddress(f.workerAddress)}`,
    `worker peer id: ${f.workerPeerId.toString()}`,
    `coordinator peer id: ${f.coordinatorPeerId.toString()}`,
    `issued at: ${f.issuedAt}`,
    `nonce: ${bytesToHex(f.nonce)}`
  ].join('\n')
}

/** The binding fields of a Join message, signed now with a fresh nonce. */
export interface SignedBinding {
  workerAddress: Uint8Array
  issuedAt: number
  nonce: Uint8Array
  signature: Uint8Array
}

/**
 * Signs a binding of `signer.address` to `workerPeerId` for `coordinatorPeerId`.
 *
 * @example
 * const binding = await signJoinBinding({ signer: privateKeyToAccount(key), workerPeerId: node.peerId, coordinatorPeerId })
 */
export async function signJoinBinding (params: { signer: BindingSigner, workerPeerId: PeerId | string, coordinatorPeerId: PeerId | string, now?: number, nonce?: Uint8Array }): Promise<SignedBinding> {
  const issuedAt = params.now ?? Math.floor(Date.now() / 1000)
  const nonce = params.nonce ?? new Uint8Array(randomBytes(16))
  const message = joinBindingMessage({ workerAddress: params.signer.address, workerPeerId: params.workerPeerId, coordinatorPeerId: params.coordinatorPeerId, issuedAt, nonce })
  const signature = await params.signer.signMessage({ message })
  return { workerAddress: hexToBytes(getAddress(params.signer.address)), issuedAt, nonce, signature: hexToBytes(signature) }
}

/**
 * Checks a binding: the signature is by `workerAddress` over the text for
 * these two peers, and `issuedAt` is within `maxSkewS` of `now`. Returns the
 * checksummed address; throws ProtocolError UNAUTHENTICATED or STALE.
 */
export async function verifyJoinBinding (binding: SignedBinding, params: { workerPeerId: PeerId | string, coordinatorPeerId: PeerId | string, now?: number, maxSkewS?: number }): Promise<Address> {
  const now = params.now ?? Math.floor(Date.now() / 1000)
  const skew = params.maxSkewS ?? JOIN_MAX_CLOCK_SKEW_S
  if (Math.abs(now - binding.issuedAt) > skew) {
    throw new ProtocolError(ErrorCode.ERROR_CODE_STALE, `binding issued at ${binding.issuedAt}, ${now - binding.issuedAt} s from the coordinator's clock (allowed ${skew} s)`)
  }
  const address = getAddress(bytesToHex(binding.workerAddress))
  const message = joinBindingMessage({ workerAddress: address, workerPeerId: params.workerPeerId, coordinatorPeerId: params.coordinatorPeerId, issuedAt: binding.issuedAt, nonce: binding.nonce })
  const signer = await recoverMessageSigner(message, binding.signature)
  if (signer !== address.toLowerCase()) throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, `binding is not signed by ${address} for this peer and coordinator`)
  return address
}
