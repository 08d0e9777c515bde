import { AssignmentError, RoundStateError, StaleRoundError } from '../errors.ts'
import type { AssignmentRecord, RoundRecord, SubmissionRecord } from '../store/records.ts'
import type { RoundCore } from './RoundCore.ts'
import { acceptsSubmissions } from './roundStates.ts'

/** A submission that passed the submit checks (service/checkSubmission.ts), in the form it is stored. */
export interface SubmitParameters {
  round: number
  peerId: string
  /** 0x + 64 hex: the on-chain `dataHash`. */
  commitment: string
  /** 0x + 64 hex Merkle root of the training leaves. */
  proofRoot: string
  leafCount: number
  /** Weight of the update in the average. */
  samples: number
  /** L2 norm of the decoded delta (the clipping bound is a multiple of the round's median). */
  deltaNorm: number
  /** The delta payload as it came on the wire: stored once, as one blob, and served to validators as is. */
  deltaPayload: Uint8Array
  /** The UpdateSubmission without its payload (store/storedSubmission.ts encodeProof): leaves, replay spec, encoding, scales. */
  proof: Uint8Array
  contributionId?: string
}

/**
 * Stores a checked update and records it as pending, in one transaction
 * with its assignment marked submitted and the worker's speed timed;
 * resolves once that is durable. The checks were made once, before (checkSubmission); what is checked here is
 * only what may have changed since, inside the transaction that writes: the
 * round still takes submissions and the assignment is still this worker's.
 * A second submission for the same (round, worker) or commitment is a
 * DuplicateSubmissionError and changes nothing.
 */
export async function acceptSubmission (core: RoundCore, measured: Set<string>, input: SubmitParameters): Promise<SubmissionRecord> {
  const { store } = core
  // The blob first, pending (durable, not yet under its id): a crash before the row commits leaves a pending file the store removes on open; one after, a pending file it publishes.
  const blob = await store.blobs.putPending(input.deltaPayload)
  const receivedAt = core.clock()
  let submission: SubmissionRecord
  try {
    // Group-committed: submissions arriving together share one durable commit, and the worker's ack waits for it.
    submission = await store.durableWrite(() => write(core, measured, input, blob.id, receivedAt))
  } catch (err) {
    await blob.discard()
    throw err
  }
  await blob.publish()
  core.emit('submission:received', submission)
  return submission
}

/** The submission's writes, in its savepoint of the group commit. */
function write (core: RoundCore, measured: Set<string>, input: SubmitParameters, deltaId: string, receivedAt: number): SubmissionRecord {
  const { store } = core
  acceptingRound(core, input.round)
  const assignment = activeAssignment(core, input.round, input.peerId)
  const row = store.insertSubmission({
    round: input.round,
    worker: input.peerId,
    assignmentId: assignment.id,
    commitment: input.commitment.toLowerCase(),
    deltaId,
    proofRoot: input.proofRoot.toLowerCase(),
    leafCount: input.leafCount,
    samples: input.samples,
    deltaNorm: input.deltaNorm,
    contributionId: input.contributionId,
    receivedAt,
    proof: input.proof
  })
  store.setAssignmentState(assignment.id, 'submitted')
  core.workers.touch(input.peerId, receivedAt)
  observeSpeed(core, measured, input.peerId, input.samples, receivedAt - assignment.createdAt)
  return row
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
