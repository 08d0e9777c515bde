import { InvalidInputError } from '../errors.ts'
import { fromHex } from '../hash/sha256.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'

/**
 * The segments a verifier replays (segment j = checkpoint j -> j+1), chosen
 * from randomness the worker could not know when it committed (e.g. the hash
 * of the block after its submission):
 *
 * - always the first (0) and the last (segments - 1): the last produces the
 *   submitted delta, so a worker that trains honestly and rewrites only its
 *   final checkpoint (poisoning) is caught every time, whatever the seed; the
 *   first ties the run to W_r's optimizer state;
 * - `random` more uniformly from the segments in between, drawn from
 *   SeededRandom('cotrain/challenge/v2', challenge || commitment).
 *
 * Nothing the worker claims (update norms, losses, speed) steers the choice:
 * claimed metadata is unverified until replayed, and an adaptive worker would
 * shape it to hide the segment it faked. Returned ascending and distinct; all
 * segments when there are no more than `random + 2`.
 *
 * @example
 * selectSegments({ challenge: blockHash, commitment, segments: leaves.length - 1, random: 7 })
 */
export function selectSegments (params: { challenge: string, commitment: string, segments: number, random: number }): number[] {
  const { segments } = params
  if (!Number.isInteger(segments) || segments < 1) throw new InvalidInputError('need at least two checkpoints to select a segment')
  if (!Number.isInteger(params.random) || params.random < 0) throw new InvalidInputError(`random must be a non-negative integer, got ${params.random}`)
  const rng = SeededRandom.fromParts('cotrain/challenge/v2', fromHex(params.challenge, 32, 'challenge'), fromHex(params.commitment, 32, 'commitment'))
  const chosen = new Set<number>([0, segments - 1])
  const middle = Array.from({ length: Math.max(0, segments - 2) }, (_, i) => i + 1)
  const take = Math.min(params.random, middle.length)
  // Partial Fisher-Yates: the first `take` entries become a uniform sample without replacement.
  for (let i = 0; i < take; i++) {
    const k = i + rng.uniformInt(middle.length - i)
    const tmp = middle[i]; middle[i] = middle[k]; middle[k] = tmp
    chosen.add(middle[i])
  }
  return [...chosen].sort((a, b) => a - b)
}
