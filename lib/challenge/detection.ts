import { InvalidInputError } from '../errors.ts'

/** What {@link segmentsForDetection} takes. */
export type SegmentsForDetectionParameters = {
  /** Wanted probability of catching the cheater, in (0, 1), e.g. 0.99. */
  targetProbability: number
  /** Fraction of segments the cheater fakes, in (0, 1], e.g. 0.5 for "skipped half the work". */
  cheatFraction: number
  /**
   * Segments in the proof. When given, sampling is without replacement (as
   * `selectChallengeSegments` does) and the exact hypergeometric probability is
   * used, which needs the same or fewer samples; the result is capped at it.
   */
  segments?: number
}

/**
 * The fewest segments m a verifier must sample so a cheater who faked a
 * fraction f of them is caught with probability at least p:
 * P(caught) = 1 - (1 - f)^m  =>  m = ceil(ln(1 - p) / ln(1 - f)).
 *
 * @example
 * segmentsForDetection({ targetProbability: 0.99, cheatFraction: 0.5 }) // 7
 */
export function segmentsForDetection (params: SegmentsForDetectionParameters): number {
  const { targetProbability: p, cheatFraction: f, segments } = params
  if (!(p > 0 && p < 1)) throw new InvalidInputError(`targetProbability must be in (0, 1), got ${p}`)
  if (!(f > 0 && f <= 1)) throw new InvalidInputError(`cheatFraction must be in (0, 1], got ${f}`)
  if (segments != null && (!Number.isInteger(segments) || segments < 1)) throw new InvalidInputError(`segments must be a positive integer, got ${segments}`)
  if (segments != null) {
    for (let m = 1; m <= segments; m++) {
      if (detectionProbability({ cheatFraction: f, samples: m, segments }) >= p) return m
    }
    return segments
  }
  if (f === 1) return 1
  // The epsilon keeps an exact fit (e.g. p = 0.75, f = 0.5 -> 2) from rounding up.
  return Math.max(1, Math.ceil(Math.log(1 - p) / Math.log(1 - f) - 1e-9))
}

/**
 * P(caught) when a fraction `cheatFraction` of the segments is faked and
 * `samples` are checked: 1 - (1 - f)^m (independent draws), or, with
 * `segments` = n, the exact value for m distinct draws out of n with
 * k = ceil(f * n) faked: 1 - C(n - k, m) / C(n, m).
 *
 * @example
 * detectionProbability({ cheatFraction: 0.5, samples: 7 }) // 0.9921875
 */
export function detectionProbability (params: { cheatFraction: number, samples: number, segments?: number }): number {
  const { cheatFraction: f, samples: m, segments: n } = params
  if (!(f >= 0 && f <= 1)) throw new InvalidInputError(`cheatFraction must be in [0, 1], got ${f}`)
  if (!Number.isInteger(m) || m < 0) throw new InvalidInputError(`samples must be a non-negative integer, got ${m}`)
  if (n == null) return 1 - (1 - f) ** m
  if (!Number.isInteger(n) || n < 1) throw new InvalidInputError(`segments must be a positive integer, got ${n}`)
  const k = Math.min(n, Math.ceil(f * n - 1e-9))
  const draws = Math.min(m, n)
  // C(n - k, m) / C(n, m) = prod_{i < m} (n - k - i) / (n - i)
  let missed = 1
  for (let i = 0; i < draws; i++) missed *= Math.max(0, n - k - i) / (n - i)
  return 1 - missed
}
