import assert from 'node:assert/strict'
import { selectBackend } from '../training/selectBackend.ts'
import { smallRound } from '../training/testing/fixture.ts'
import { trainRound, withDelta } from '../training/trainRound.ts'
import { heldOutReference, heldOutSlice, measureImprovement, median, qualityScore, scoreScale } from './qualityScore.ts'

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
    const reference = await heldOutReference({ modelConfig: params.model, weights: params.startWeights, heldOut })
    assert.equal(reference.loss, good.startLoss)
    const bad = await measureImprovement({ modelConfig: params.model, startWeights: params.startWeights, deltaBytes: withDelta(honest, honest.delta.map((x) => -x * 5)).deltaBytes, heldOut, reference })
    assert.ok(bad.improvement < 0, `improvement ${bad.improvement}`)
    assert.ok(bad.endLoss > bad.startLoss)
    const scale = scoreScale({ startLoss: good.startLoss })
    assert.ok(qualityScore({ verified: true, improvement: good.improvement, scale })! > 60)
    assert.ok(qualityScore({ verified: true, improvement: bad.improvement, scale })! < 20)
  })

  it('scores where an update points, so one that overshoots on its own still counts as downhill', async () => {
    await selectBackend({ backend: 'wasm' })
    const params = await smallRound({ steps: 40, interval: 10 })
    const honest = await trainRound(params)
    const heldOut = await heldOutSlice('0x' + '22'.repeat(20), 500)
    const reference = await heldOutReference({ modelConfig: params.model, weights: params.startWeights, heldOut })
    // The right direction, far too long a step: applied whole it raises the
    // held-out loss, as a single worker's delta late in DiLoCo training does.
    const overshoot = await measureImprovement({ modelConfig: params.model, startWeights: params.startWeights, deltaBytes: withDelta(honest, honest.delta.map((x) => x * 30)).deltaBytes, heldOut, reference })
    assert.ok(overshoot.endLoss > overshoot.startLoss, `end loss ${overshoot.endLoss} vs start ${overshoot.startLoss}`)
    assert.ok(overshoot.improvement > 0, `first-order improvement ${overshoot.improvement}`)
    // The gradient matches the loss: a small step along -gradient lowers it by about |g|^2 x step.
    const step = 1e-3
    const g = reference.gradient
    const moved = params.startWeights.map((w, i) => w - step * g[i])
    const after = await heldOutReference({ modelConfig: params.model, weights: moved, heldOut })
    const predicted = step * g.reduce((s, x) => s + x * x, 0)
    assert.ok(Math.abs((reference.loss - after.loss) - predicted) < 0.2 * predicted, `loss fell ${reference.loss - after.loss}, first order predicts ${predicted}`)
  })
})
