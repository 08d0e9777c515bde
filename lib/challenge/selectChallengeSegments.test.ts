import assert from 'node:assert/strict'
import { keccak256, numberToHex, type Hex } from 'viem'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { challengePlanFor, defaultChallengePlan, replayedSegments } from './challengePlan.ts'
import { detectionProbability, segmentsForDetection } from './detection.ts'
import { selectChallengeSegments } from './selectChallengeSegments.ts'

const seedN = (i: number): Hex => keccak256(numberToHex(i, { size: 32 }))
const dataHash = keccak256('0xc0ffee')

const PINNED = [0, 18, 22, 27, 33, 41, 49, 75, 99]

describe('challenge segments', function () {
  describe('detection math', function () {
    it('m = ceil(ln(1 - p) / ln(1 - f))', function () {
      assert.equal(segmentsForDetection({ targetProbability: 0.99, cheatFraction: 0.5 }), 7)
      assert.equal(segmentsForDetection({ targetProbability: 0.999, cheatFraction: 0.5 }), 10)
      assert.equal(segmentsForDetection({ targetProbability: 0.99, cheatFraction: 0.1 }), 44)
      assert.equal(segmentsForDetection({ targetProbability: 0.75, cheatFraction: 0.5 }), 2) // exact fit does not round up
      assert.equal(segmentsForDetection({ targetProbability: 0.99, cheatFraction: 1 }), 1)
      for (const [p, f] of [[0.9, 0.3], [0.99, 0.05], [0.5, 0.01]]) {
        const m = segmentsForDetection({ targetProbability: p, cheatFraction: f })
        assert.ok(detectionProbability({ cheatFraction: f, samples: m }) >= p)
        assert.ok(detectionProbability({ cheatFraction: f, samples: m - 1 }) < p)
      }
    })

    it('the architecture figure: m = 7 at f = 0.5 catches 99.2%', function () {
      assert.equal(detectionProbability({ cheatFraction: 0.5, samples: 7 }), 1 - 0.5 ** 7)
      assert.ok(Math.abs(detectionProbability({ cheatFraction: 0.5, samples: 7 }) - 0.992) < 0.001)
    })

    it('without replacement needs no more samples, and is exact', function () {
      // 1 - C(50, 7) / C(100, 7)
      assert.ok(Math.abs(detectionProbability({ cheatFraction: 0.5, samples: 7, segments: 100 }) - (1 - 99884400 / 16007560800)) < 1e-12)
      assert.equal(detectionProbability({ cheatFraction: 0.5, samples: 11, segments: 20 }), 1)
      assert.ok(segmentsForDetection({ targetProbability: 0.99, cheatFraction: 0.5, segments: 100 }) <= 7)
      assert.equal(segmentsForDetection({ targetProbability: 0.99, cheatFraction: 0.5, segments: 4 }), 3)
    })

    it('refuses impossible targets', function () {
      assert.throws(() => segmentsForDetection({ targetProbability: 1, cheatFraction: 0.5 }), /targetProbability must be in \(0, 1\)/)
      assert.throws(() => segmentsForDetection({ targetProbability: 0.9, cheatFraction: 0 }), /cheatFraction must be in \(0, 1\]/)
    })

    it('the default plan is the first, the last and 7 random: 4.5% of 200 segments', function () {
      assert.deepEqual({ ...defaultChallengePlan }, { random: 7 })
      assert.equal(replayedSegments(defaultChallengePlan, 200) / 200, 0.045)
      assert.equal(replayedSegments(defaultChallengePlan, 5), 5)
      assert.deepEqual(challengePlanFor({ targetProbability: 0.999, cheatFraction: 0.25 }), { random: 25 })
      // With n segments the random picks come from the n - 2 in between.
      assert.equal(challengePlanFor({ targetProbability: 0.99, cheatFraction: 0.5, segments: 6 }).random, 3)
    })
  })

  describe('selectChallengeSegments', function () {
    it('is deterministic, distinct, sorted and in range', function () {
      const a = selectChallengeSegments({ seed: seedN(1), dataHash, leafCount: 101 })
      const b = selectChallengeSegments({ seed: seedN(1), dataHash, leafCount: 101 })
      assert.deepEqual(a, b)
      assert.equal(a.length, 9)
      assert.equal(new Set(a).size, a.length)
      assert.deepEqual(a, [...a].sort((x, y) => x - y))
      assert.ok(a.every((j) => Number.isInteger(j) && j >= 0 && j < 100))
      assert.notDeepEqual(selectChallengeSegments({ seed: seedN(2), dataHash, leafCount: 101 }), a)
      assert.notDeepEqual(selectChallengeSegments({ seed: seedN(1), dataHash: keccak256('0x01'), leafCount: 101 }), a)
    })

    it('is pinned: workers, coordinator and validators of any version must agree', function () {
      // Changing this list is a protocol change (old and new verifiers would check different segments).
      const seed: Hex = '0xa66cc928b5edb82af9bd49922954155ab7b0942694bea4ce44661d9a8736c688'
      assert.deepEqual(selectChallengeSegments({ seed, dataHash, leafCount: 101 }), PINNED)
    })

    it('always replays the first and the last segment, whatever the seed', function () {
      // The last segment produces the delta: a worker that poisons only its final checkpoint must never escape.
      for (const leafCount of [2, 3, 11, 201]) {
        for (let i = 0; i < 200; i++) {
          const s = selectChallengeSegments({ seed: seedN(i), dataHash, leafCount })
          assert.equal(s[0], 0, `seed ${i}: ${s.join(',')}`)
          assert.equal(s.at(-1), leafCount - 2, `seed ${i}: ${s.join(',')}`)
        }
      }
    })

    it('returns every segment when the plan asks for as many as there are', function () {
      assert.deepEqual(selectChallengeSegments({ seed: seedN(3), dataHash, leafCount: 6 }), [0, 1, 2, 3, 4])
      assert.deepEqual(selectChallengeSegments({ seed: seedN(3), dataHash, leafCount: 2 }), [0])
      assert.deepEqual(selectChallengeSegments({ seed: seedN(3), dataHash, leafCount: 30, plan: { random: 0 } }), [0, 28])
    })

    it('picks every segment equally often (chi-square)', function () {
      const segments = 22
      const trials = 3000
      const counts = new Array<number>(segments).fill(0)
      const plan = { random: 3 }
      for (let t = 0; t < trials; t++) {
        for (const j of selectChallengeSegments({ seed: seedN(1000 + t), dataHash, leafCount: segments + 1, plan })) counts[j]++
      }
      assert.equal(counts[0], trials)
      assert.equal(counts[segments - 1], trials)
      const middle = counts.slice(1, -1)
      const expected = trials * plan.random / middle.length
      const chi2 = middle.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
      // 20 middle segments, 19 degrees of freedom: P(chi2 > 43.8) = 0.001.
      assert.ok(chi2 < 43.8, `chi2 = ${chi2.toFixed(1)}, counts ${counts.join(',')}`)
    })

    it('catches a cheater as often as the formula says', function () {
      // Faked segments among the 20 in between (faking the first or the last is always caught).
      const segments = 22
      const plan = { random: 2 }
      const rng = SeededRandom.fromParts('test/cheater', new Uint8Array([1]))
      const trials = 4000
      let caught = 0
      for (let t = 0; t < trials; t++) {
        const faked = new Set(Array.from(rng.permutation(segments - 2)).slice(0, (segments - 2) / 2).map((j) => j + 1))
        const picked = selectChallengeSegments({ seed: seedN(50_000 + t), dataHash, leafCount: segments + 1, plan })
        if (picked.some((j) => faked.has(j))) caught++
      }
      const exact = detectionProbability({ cheatFraction: 0.5, samples: 2, segments: segments - 2 }) // 1 - 45/190
      assert.ok(Math.abs(caught / trials - exact) < 0.03, `caught ${caught / trials}, expected ${exact}`)
    })

    it('refuses malformed input', function () {
      assert.throws(() => selectChallengeSegments({ seed: seedN(1), dataHash, leafCount: 1 }), /leafCount must be an integer >= 2/)
      assert.throws(() => selectChallengeSegments({ seed: '0x1234', dataHash, leafCount: 5 }), /challenge must be 32 bytes/)
      assert.throws(() => selectChallengeSegments({ seed: seedN(1), dataHash, leafCount: 5, plan: { random: -1 } }), /plan\.random must be a non-negative integer/)
    })
  })
})
