/**
 * The round seed: 32 bytes the coordinator draws when it opens a round, that
 * fix every worker's batch order (lib/data/batchIndices.ts). One checked type
 * from where it is made to where it is used: the store, the announcement on
 * the wire, the worker, the verifier. Only {@link parseRoundSeed} and
 * {@link randomRoundSeed} make one, so a seed of the wrong length is refused
 * where it enters, not after it was stored and announced.
 */
import { randomBytes } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'
import { fromHex, toHex, type Hex } from './sha256.ts'

/** Length of a round seed in bytes. */
export const ROUND_SEED_BYTES = 32

/** A round seed: exactly 32 bytes, as 0x-prefixed lower-case hex. */
export type RoundSeed = Hex & { readonly __brand: 'RoundSeed' }

/**
 * Checks and normalises a round seed given as 32 bytes (the wire form) or as
 * hex with or without 0x (store, JSON, CLI). Anything else throws an
 * InvalidInputError with a one-line message.
 *
 * @example
 * parseRoundSeed(announcement.roundSeed) // '0x...' (64 hex characters)
 */
export function parseRoundSeed (value: string | Uint8Array, what = 'round seed'): RoundSeed {
  if (value instanceof Uint8Array) {
    if (value.byteLength !== ROUND_SEED_BYTES) throw new InvalidInputError(`${what} must be exactly ${ROUND_SEED_BYTES} bytes, got ${value.byteLength}`)
    return toHex(value) as RoundSeed
  }
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be hex or bytes, got ${typeof value}`)
  return toHex(fromHex(value, ROUND_SEED_BYTES, what)) as RoundSeed
}

/** A fresh seed from the OS's secure random source. */
export function randomRoundSeed (): RoundSeed {
  return toHex(randomBytes(ROUND_SEED_BYTES)) as RoundSeed
}

/** The 32 bytes of a seed (for the wire and for hashing). */
export function roundSeedBytes (seed: RoundSeed): Uint8Array {
  return fromHex(seed, ROUND_SEED_BYTES, 'round seed')
}
