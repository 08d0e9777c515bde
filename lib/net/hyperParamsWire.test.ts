import assert from 'node:assert/strict'
import { InvalidInputError } from '../errors.ts'
import { resolveHyperParams } from '../training/hyperParams.ts'
import { hyperParamsFromWire, hyperParamsToWire } from './hyperParamsWire.ts'
import { decodeRoundAnnouncement, pb } from './messages.ts'
import { sampleAnnouncement } from './testing/sampleMessages.ts'

describe('hyper-parameters on the wire (sent once, in HyperParameters)', () => {
  it('carries every training hyper-parameter through an encoded announcement, non-defaults included', () => {
    const h = resolveHyperParams({ steps: 37, batchSize: 12, learningRate: 3e-3, checkpointInterval: 5, beta1: 0.8, beta2: 0.95, epsilon: 1e-6, deltaEncoding: 'float32', deltaChunk: 1024 })
    const bytes = pb.RoundAnnouncement.encode({ ...sampleAnnouncement, hyperParameters: hyperParamsToWire(h) }).finish()
    assert.deepEqual(hyperParamsFromWire(decodeRoundAnnouncement(bytes).hyperParameters), h)
  })

  it('refuses an announcement that leaves a field out, instead of filling in a default', () => {
    const full = hyperParamsToWire(resolveHyperParams({}))
    for (const field of ['innerSteps', 'batchSize', 'learningRate', 'checkpointInterval', 'beta1', 'beta2', 'epsilon', 'deltaEncoding', 'deltaChunk'] as const) {
      const missing = { ...full, [field]: 0 }
      // Refused by the reader whether or not the wire check caught it first.
      assert.throws(() => hyperParamsFromWire(missing), InvalidInputError, field)
      const bytes = pb.RoundAnnouncement.encode({ ...sampleAnnouncement, hyperParameters: missing }).finish()
      assert.throws(() => hyperParamsFromWire(decodeRoundAnnouncement(bytes).hyperParameters), InvalidInputError, field)
    }
    assert.throws(() => hyperParamsFromWire({ ...full, optimizer: 'sgd' }), /only adam/)
    assert.throws(() => hyperParamsFromWire(undefined), /no hyper_parameters/)
  })
})
