import { InvalidInputError } from '../errors.ts'
import { fromHex } from '../hash/sha256.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'

/**
 * The segments a verifier replays (segment j = checkpoint j -> j+1), chosen
 * from randomness the worker could not know when it committed (e.g. the hash of
 * the block after its submission): the `largest` segments by claimed update
 * norm (as in Proof-of-Learning: a faked jump tends to be large), then
 * `random` more uniformly from the rest, drawn from
 * SeededRandom('cotrain/challenge/v1', challenge || commitment). Returned
 * sorted. Detection: faking a fraction f of segments with m sampled is caught
 * with probability 1 - (1 - f)^m.
 *
 * @example
 * selectSegments({ challenge: blockHash, commitment, updateNorms: leaves.map(l => l.updateNorm), random: 5, largest: 2 })
 */
export function selectSegments (params: { challenge: string, commitment: string, updateNorms: readonly number[], random: number, largest?: number }): number[] {
  const segments = params.updateNorms.length - 1
  if (segments < 1) throw new InvalidInputError('need at least two checkpoints to select a segment')
  const largest = Math.min(params.largest ?? 0, segments)
  const chosen = new Set<number>()
  const bySize = Array.from({ length: segments }, (_, j) => j)
    .sort((a, b) => {
      const na = params.updateNorms[a + 1]
      const nb = params.updateNorms[b + 1]
      const fa = Number.isNaN(na) ? Infinity : na
      const fb = Number.isNaN(nb) ? Infinity : nb
      return fb - fa || a - b
    })
  for (const j of bySize.slice(0, largest)) chosen.add(j)
  const rest = Array.from({ length: segments }, (_, j) => j).filter((j) => !chosen.has(j))
  const rng = SeededRandom.fromParts('cotrain/challenge/v1', fromHex(params.challenge, 32, 'challenge'), fromHex(params.commitment, 32, 'commitment'))
  const take = Math.min(params.random, rest.length)
  for (let i = 0; i < take; i++) {
    const k = i + rng.uniformInt(rest.length - i)
    const tmp = rest[i]; rest[i] = rest[k]; rest[k] = tmp
    chosen.add(rest[i])
  }
  return [...chosen].sort((a, b) => a - b)
}
