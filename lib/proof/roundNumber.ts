import { InvalidInputError } from '../errors.ts'

/** A round number as the 8 big-endian bytes every proof encoding uses. */
export function roundBytes (round: number | bigint): Uint8Array {
  const r = BigInt(round)
  if (r < 0n || r >= 2n ** 64n) throw new InvalidInputError(`round must be in 0..2^64-1, got ${round}`)
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, r, false)
  return out
}
