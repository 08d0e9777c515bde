import { sha256Hex, type Hex } from '../hash/sha256.ts'

/** The facts of one failed check, enough for anyone to repeat it. */
export interface FraudEvidence {
  /** The contribution's commitment (its on-chain dataHash). */
  commitment: string
  /** The challenge seed that chose the segments. */
  challengeSeed: string
  /** Which check failed: 'commitment', 'delta', 'start', 'end', 'segment', 'summary', 'withheld'. */
  check: string
  /** Checkpoint or segment index, -1 when the check has none. */
  index: number
  /** What the claim says, and what the verifier computed or received (hashes or short tokens, never floats that differ by backend). */
  expected: string
  got: string
}

/**
 * bytes32 for `reportFraud(id, evidenceHash)`: sha256 of a canonical JSON of
 * the failing check. Everything in it is backend-independent, so two
 * validators that find the same failure report the same hash, and anyone
 * holding the submission can recompute the check it names.
 *
 * @example
 * evidenceHash({ commitment, challengeSeed, check: 'segment', index: 3, expected: leafHash, got: 'replay-differs' })
 */
export function evidenceHash (e: FraudEvidence): Hex {
  const canonical = JSON.stringify(['cotrain/evidence/v1', e.commitment.toLowerCase(), e.challengeSeed.toLowerCase(), e.check, e.index, e.expected, e.got])
  return sha256Hex(new TextEncoder().encode(canonical))
}
