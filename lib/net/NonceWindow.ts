import { ErrorCode, ProtocolError } from './ProtocolError.ts'

/** Most nonces remembered at once: beyond this a binding is refused as BUSY rather than grow memory. */
const MAX_NONCES = 100_000

/**
 * The nonces of signed bindings (join, dataset offer) seen within the clock
 * skew window, so a captured binding cannot be replayed while its timestamp is
 * still accepted; older ones fail the clock check and are forgotten.
 *
 * @example
 * const nonces = new NonceWindow('joins')
 * nonces.use(bytesToHex(join.nonce), nowSeconds, skewSeconds)
 */
export class NonceWindow {
  private readonly expiries = new Map<string, number>()
  private readonly what: string

  /** `what` names the requests in the BUSY refusal ("too many joins"). */
  constructor (what: string) {
    this.what = what
  }

  /** Records `nonce`; throws ProtocolError DUPLICATE when it was used within the window, BUSY when too many are held. */
  use (nonce: string, now: number, skew: number): void {
    for (const [n, expiry] of this.expiries) if (expiry < now) this.expiries.delete(n)
    if (this.expiries.has(nonce)) throw new ProtocolError(ErrorCode.ERROR_CODE_DUPLICATE, 'binding nonce already used')
    if (this.expiries.size >= MAX_NONCES) throw new ProtocolError(ErrorCode.ERROR_CODE_BUSY, `too many ${this.what}, try again later`)
    this.expiries.set(nonce, now + 2 * skew)
  }
}
