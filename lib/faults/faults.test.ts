import assert from 'node:assert/strict'
import { decodeDelta } from '../proof/delta.ts'
import { decodeLeaf } from '../proof/leaf.ts'
import { selectBackend } from '../training/selectBackend.ts'
import { smallRound } from '../training/testing/fixture.ts'
import { checkpointWithProof, recomputeCommitment, trainRound, type TrainRoundResult } from '../training/trainRound.ts'
import { verifyEnd, verifySegment } from '../training/verifySegment.ts'
import { applyDeltaFault, claimedSpeedOf, FAULT_MODES, SPEED_LIE_SAMPLES_PER_SECOND, trainingFaultOf, validateFaultMode, WORKER_FAULTS } from './index.ts'

describe('faults: fault modes produce the intended wrong updates', function () {
  this.timeout(30_000)
  let honest: TrainRoundResult
  const params = async (): Promise<Awaited<ReturnType<typeof smallRound>>> => await smallRound({ steps: 8, interval: 4 })

  before(async () => {
    await selectBackend({ backend: 'wasm' })
    honest = await trainRound(await params())
  })

  const endCheck = async (r: TrainRoundResult): Promise<boolean> => {
    const p = await params()
    const last = await checkpointWithProof(r, r.leaves.length - 1)
    return (await verifyEnd({ ...p, proofRoot: r.proofRoot, startWeights: p.startWeights, checkpoint: last, deltaBytes: r.deltaBytes, commitment: r.commitment })).ok
  }

  it('each mode is applied by exactly the layers its table entry names, and the CLI validator accepts the modes and refuses others', () => {
    for (const mode of WORKER_FAULTS) {
      const layers: readonly string[] = FAULT_MODES[mode].layers
      assert.equal(trainingFaultOf(mode) !== undefined, layers.includes('training'), `${mode}: training layer`)
      assert.equal(applyDeltaFault(honest, mode) !== honest, layers.includes('delta'), `${mode}: delta layer`)
      assert.equal(claimedSpeedOf(mode, 1234) !== 1234, layers.includes('join'), `${mode}: join layer`)
      assert.equal(validateFaultMode(mode), undefined)
    }
    assert.equal(WORKER_FAULTS[0], 'none')
    assert.match(validateFaultMode('sneaky') ?? '', /^unknown fault "sneaky" \(one of none, /)
  })

  it('speed-lie claims 1e9 samples/s at join and trains honestly', () => {
    assert.equal(claimedSpeedOf('speed-lie', 1234), SPEED_LIE_SAMPLES_PER_SECOND)
    assert.equal(SPEED_LIE_SAMPLES_PER_SECOND, 1e9)
    assert.equal(trainingFaultOf('speed-lie'), undefined)
    assert.equal(applyDeltaFault(honest, 'speed-lie'), honest)
  })

  it('poison-last as a worker mode: the delta carries the poison, passes the end check, and only a replay of the last segment catches it', async () => {
    const p = await params()
    const poisoned = await trainRound(p, { fault: trainingFaultOf('poison-last') })
    assert.notEqual(poisoned.deltaHash, honest.deltaHash)
    assert.equal(await endCheck(poisoned), true)
    const last = poisoned.leaves.length - 1
    const replay = async (index: number): Promise<boolean> => (await verifySegment({ ...p, proofRoot: poisoned.proofRoot, index, from: await checkpointWithProof(poisoned, index), to: await checkpointWithProof(poisoned, index + 1), replay: poisoned.replay })).ok
    assert.equal(await replay(0), true)
    assert.equal(await replay(last - 1), false)
  })

  it('honest: verifyEnd passes (the baseline the cheats are measured against)', async () => {
    assert.equal(await endCheck(honest), true)
  })

  it('scaled-delta is 10x the delta, random-delta and nan-delta differ; each has a self-consistent commitment that verifyEnd rejects', async () => {
    const scaled = applyDeltaFault(honest, 'scaled-delta')
    const hv = decodeDelta(honest.deltaBytes).values
    const sv = decodeDelta(scaled.deltaBytes).values
    const i = hv.findIndex((x) => Math.abs(x) > 1e-4)
    assert.ok(Math.abs(sv[i] / hv[i] - 10) < 0.1)
    const random = applyDeltaFault(honest, 'random-delta')
    const nan = applyDeltaFault(honest, 'nan-delta')
    assert.ok(decodeDelta(nan.deltaBytes).values.some((x) => Number.isNaN(x)))
    for (const r of [scaled, random, nan]) {
      assert.notEqual(r.deltaHash, honest.deltaHash)
      assert.equal(r.commitment, recomputeCommitment(r))
      assert.equal(await endCheck(r), false)
    }
  })

  it('lazy trains nothing: every checkpoint equals the start, the delta is zero, and a replay catches it', async () => {
    const p = await params()
    const lazy = applyDeltaFault(await trainRound(p, { fault: trainingFaultOf('lazy') }), 'lazy')
    const hashes = new Set(lazy.leaves.map((l) => l.weightsHash))
    assert.equal(hashes.size, 1)
    assert.ok(decodeDelta(lazy.deltaBytes).values.every((x) => x === 0))
    assert.equal(lazy.leaves.at(-1)?.step, 8)
    const seg = await verifySegment({ ...p, proofRoot: lazy.proofRoot, index: 0, from: await checkpointWithProof(lazy, 0), to: await checkpointWithProof(lazy, 1), replay: lazy.replay })
    assert.equal(seg.ok, false)
  })

  it('skip-steps and other-data produce checkpoints a replay rejects, while the leaves claim the full schedule', async () => {
    for (const mode of ['skip-steps', 'other-data'] as const) {
      const p = await params()
      const r = await trainRound(p, { fault: trainingFaultOf(mode) })
      assert.equal(decodeLeaf((await checkpointWithProof(r, 1)).leaf).step, 4)
      const seg = await verifySegment({ ...p, proofRoot: r.proofRoot, index: 0, from: await checkpointWithProof(r, 0), to: await checkpointWithProof(r, 1), replay: r.replay })
      assert.equal(seg.ok, false, `${mode} passed replay`)
    }
  })
})
