import { bytesToHex } from 'viem'
import type { Address } from 'viem'
import type { PeerId } from '@libp2p/interface'
import { JOIN_MAX_CLOCK_SKEW_S } from './constants.ts'
import { verifyJoinBinding } from './joinBinding.ts'
import type { SignedBinding } from './joinBinding.ts'
import { NonceWindow } from './NonceWindow.ts'

/** How a node checks the bindings it is sent. */
export interface BindingCheckOptions {
  /** Largest difference between the binding's issuedAt and this node's clock, seconds; default JOIN_MAX_CLOCK_SKEW_S. */
  maxClockSkewS?: number
  /** Unix seconds; for tests. */
  now?: () => number
}

/**
 * Checks the signed bindings that reach this node (a join, a dataset offer):
 * signed by the address for the connected peer and this node, issued within
 * the clock skew, and a nonce not seen within that window. Both requests that
 * prove an address go through here, so their replay protection cannot drift
 * apart.
 *
 * @example
 * const bindings = new BindingCheck('joins', options)
 * const { address } = await bindings.verify(binding, ctx.peer, node.peerId)
 */
export class BindingCheck {
  private readonly nonces: NonceWindow
  private readonly now: () => number
  private readonly skew: number

  /** `what` names the requests in the BUSY refusal ("too many joins"). */
  constructor (what: string, options: BindingCheckOptions = {}) {
    this.nonces = new NonceWindow(what)
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000))
    this.skew = options.maxClockSkewS ?? JOIN_MAX_CLOCK_SKEW_S
  }

  /**
   * The checksummed address `binding` proves for `peer` towards `self`, and
   * the time (unix seconds) it was checked at. Throws ProtocolError STALE,
   * UNAUTHENTICATED, DUPLICATE (a replayed nonce) or BUSY.
   */
  async verify (binding: SignedBinding, peer: PeerId, self: PeerId): Promise<{ address: Address, now: number }> {
    const now = this.now()
    const address = await verifyJoinBinding(binding, { workerPeerId: peer, coordinatorPeerId: self, now, maxSkewS: this.skew })
    // Only a binding that checked out uses up its nonce: a forged one cannot burn an honest worker's.
    this.nonces.use(bytesToHex(binding.nonce), now, this.skew)
    return { address, now }
  }
}
