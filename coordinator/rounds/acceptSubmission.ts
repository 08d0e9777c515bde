import { HashMismatchError, InvalidInputError } from '../../lib/errors.ts'
import { l2Norm } from '../aggregation/RunningSum.ts'
import { validateDelta } from '../aggregation/validateDelta.ts'
import { AssignmentError, RoundStateError, StaleRoundError } from '../errors.ts'
import type { AssignmentRecord, RoundRecord, SubmissionRecord } from '../store/records.ts'
import type { RoundCore } from './RoundCore.ts'
import { acceptsSubmissions } from './roundStates.ts'

export interface SubmitParameters {
  round: number
  peerId: string
  /** 0x + 64 hex: the on-chain `dataHash`. */
  commitment: string
  /** 0x + 64 hex Merkle root of the training leaves. */
  proofRoot: string
  leafCount: number
  samples: number
  /** The decoded float32 delta W_r - W_final. */
  delta: Float32Array
  /** Content id the worker claims for the delta; checked when given. */
  deltaId?: string
  contributionId?: string
}

const HEX32 = /^0x[0-9a-fA-F]{64}$/

/**
 * Takes a worker's update for the current round: checks round, state,
 * assignment, sample count, delta length and finiteness, stores the delta
 * blob, then records the submission as pending and times the worker's speed.
 * Duplicates (same round and worker, or same commitment) are a
 * DuplicateSubmissionError and change nothing.
 */
export async function acceptSubmission (core: RoundCore, measured: Set<string>, input: SubmitParameters): Promise<SubmissionRecord> {
  if (!HEX32.test(input.commitment)) throw new InvalidInputError('commitment must be 0x followed by 64 hex characters')
  if (!HEX32.test(input.proofRoot)) throw new InvalidInputError('proof root must be 0x followed by 64 hex characters')
  if (!Number.isInteger(input.leafCount) || input.leafCount < 1) throw new InvalidInputError(`leaf count must be a positive integer, got ${input.leafCount}`)
  if (!Number.isInteger(input.samples) || input.samples < 1) throw new InvalidInputError(`samples must be a positive integer, got ${input.samples}`)
  if (!(input.delta instanceof Float32Array)) throw new InvalidInputError('delta must be a Float32Array')
  const commitment = input.commitment.toLowerCase()
  const { store } = core

  const round = acceptingRound(core, input.round)
  const assignment = activeAssignment(core, round.number, input.peerId)
  if (input.samples > assignment.samples) {
    throw new InvalidInputError(`${input.samples} samples claimed, the assignment has ${assignment.samples}`, { hint: 'report the samples actually trained on' })
  }
  store.assertNotDuplicate(round.number, input.peerId, commitment)
  const model = store.getModel(round.modelId)
  validateDelta(input.delta, model.numParams, `delta of ${input.peerId}`)

  const deltaNorm = l2Norm(input.delta)
  const blob = await store.blobs.putFloats(input.delta)
  if (input.deltaId != null && input.deltaId !== blob.id) throw new HashMismatchError(`delta of ${input.peerId}`, input.deltaId, blob.id)

  const receivedAt = core.clock()
  const submission = store.transaction(() => {
    // Re-checked: the round may have moved on while the blob was written.
    acceptingRound(core, input.round)
    const current = activeAssignment(core, input.round, input.peerId)
    const row = store.insertSubmission({
      round: input.round,
      worker: input.peerId,
      assignmentId: current.id,
      commitment,
      deltaId: blob.id,
      proofRoot: input.proofRoot.toLowerCase(),
      leafCount: input.leafCount,
      samples: input.samples,
      deltaNorm,
      contributionId: input.contributionId,
      receivedAt
    })
    store.setAssignmentState(current.id, 'submitted')
    core.workers.touch(input.peerId, receivedAt)
    observeSpeed(core, measured, input.peerId, input.samples, receivedAt - current.createdAt)
    return row
  })
  core.emit('submission:received', submission)
  return submission
}

function acceptingRound (core: RoundCore, number: number): RoundRecord {
  const active = core.store.getActiveRound()
  if (active == null || active.number !== number) throw new StaleRoundError(number, active?.number)
  if (!acceptsSubmissions(active.state)) throw new RoundStateError(number, active.state, 'accept submissions', 'submissions are taken while training or collecting')
  return active
}

function activeAssignment (core: RoundCore, round: number, peerId: string): AssignmentRecord {
  const a = core.store.getAssignmentFor(round, peerId)
  if (a == null) throw new AssignmentError(`worker ${peerId} has no assignment in round ${round}`, { hint: 'wait for the next round' })
  if (a.state === 'missed') throw new AssignmentError(`worker ${peerId}'s assignment in round ${round} missed its deadline and was reassigned`)
  return a // 'submitted' falls through to the duplicate check, which names the first submission
}

/** Smooths the worker's speed towards what this submission took; the first measurement since this process started replaces the (capped) claim outright. */
function observeSpeed (core: RoundCore, measured: Set<string>, peerId: string, samples: number, elapsedMs: number): void {
  const alpha = core.config.speedSmoothing
  if (alpha === 0 || elapsedMs <= 0) return
  const worker = core.workers.require(peerId)
  const observed = samples / (elapsedMs / 1000)
  core.workers.setSpeed(peerId, measured.has(peerId) ? (1 - alpha) * worker.samplesPerSec + alpha * observed : observed)
  measured.add(peerId)
}
