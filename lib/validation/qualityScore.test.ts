import assert from 'node:assert/strict'
import { selectBackend } from '../training/selectBackend.ts'
import { smallRound } from '../training/testing/fixture.ts'
import { trainRound, withDelta } from '../training/trainRound.ts'
import { heldOutSlice, measureImprovement, median, qualityScore, scoreScale } from './qualityScore.ts'

describe('validation: quality score', function () {
  this.timeout(30_000)

  it('is monotonic in the improvement, bounded to 1..100, 50 for no change', () => {
    let last = 0
    for (let x = -1; x <= 1; x += 0.01) {
      const s = qualityScore({ verified: true, improvement: x, scale: 0.1 })!
      assert.ok(Number.isInteger(s) && s >= 1 && s <= 100, `score ${s} at ${x}`)
      assert.ok(s >= last, `score fell from ${last} to ${s} at improvement ${x}`)
      last = s
    }
    assert.equal(qualityScore({ verified: true, improvement: 0, scale: 0.1 }), 50)
    assert.equal(qualityScore({ verified: true, improvement: 1e9, scale: 0.1 }), 100)
    assert.equal(qualityScore({ verified: true, improvement: -1e9, scale: 0.1 }), 1)
    assert.equal(qualityScore({ verified: true, improvement: NaN, scale: 0.1 }), 1)
    assert.equal(qualityScore({ verified: true, improvement: Infinity, scale: 0.1 }), 1)
    assert.equal(qualityScore({ verified: false, improvement: 0.5, scale: 0.1 }), null)
  })

  it('scales by the round median when positive, else by 10% of the start loss', () => {
    assert.equal(scoreScale({ startLoss: 2, medianImprovement: 0.3 }), 0.3)
    assert.equal(scoreScale({ startLoss: 2, medianImprovement: -0.3 }), 0.2)
    assert.equal(scoreScale({ startLoss: 2 }), 0.2)
    assert.equal(median([3, 1, NaN, 2]), 2)
    assert.equal(median([4, 1, 2, 3]), 2.5)
    assert.equal(median([]), undefined)
    // The median worker of a round scores 88 whatever the stage of training.
    assert.equal(qualityScore({ verified: true, improvement: 0.3, scale: scoreScale({ startLoss: 2, medianImprovement: 0.3 }) }), 88)
  })

  it('measures a trained update as an improvement on held-out data, a scaled one as worse', async () => {
    await selectBackend({ backend: 'wasm' })
    const params = await smallRound({ steps: 40, interval: 10 })
    const honest = await trainRound(params)
    const heldOut = await heldOutSlice('0x' + '11'.repeat(20), 500)
    assert.equal(heldOut.count, 500)
    const good = await measureImprovement({ modelConfig: params.model, startWeights: params.startWeights, deltaBytes: honest.deltaBytes, heldOut })
    assert.ok(good.improvement > 0.1, `improvement ${good.improvement}`)
    const bad = await measureImprovement({ modelConfig: params.model, startWeights: params.startWeights, deltaBytes: withDelta(honest, honest.delta.map((x) => -x * 5)).deltaBytes, heldOut, startLoss: good.startLoss })
    assert.ok(bad.improvement < 0, `improvement ${bad.improvement}`)
    const scale = scoreScale({ startLoss: good.startLoss })
    assert.ok(qualityScore({ verified: true, improvement: good.improvement, scale })! > 60)
    assert.ok(qualityScore({ verified: true, improvement: bad.improvement, scale })! < 20)
  })
})
