import type { Address } from 'viem'
import { ErrorCode, ProtocolError, type DecodedUpdateSubmission, type SubmissionAck } from '../../../lib/net/index.ts'
import { verifiedSamples } from '../../aggregation/verifiedSamples.ts'
import { encodeProof } from '../../store/storedSubmission.ts'
import { checkSubmission } from '../checkSubmission.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { roundPlanOf } from '../roundPlan.ts'
import { toProtocolRefusal } from '../toProtocolRefusal.ts'
import { idlePollSeconds } from './idlePollSeconds.ts'

/**
 * /cotrain/submit: a worker's update. Checked once (checkSubmission), then
 * stored once (RoundManager.submit: the wire payload as one blob, the proof
 * metadata in the row, one transaction) as pending; every refusal
 * is counted and reported as `submission:refused` with the code the worker
 * acts on.
 */
export async function handleSubmit (ctx: CoordinatorContext, peerId: string, address: Address, m: DecodedUpdateSubmission, signal: AbortSignal): Promise<SubmissionAck> {
  const { rounds, store } = ctx
  try {
    if (rounds.workers.get(peerId) == null) throw new ProtocolError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, 'unknown worker: join first')
    rounds.heartbeat(peerId)
    // A worker re-sending after a crash or a lost ack learns it is already in, whatever the round does now.
    const earlier = store.findSubmissionByCommitment(`0x${Buffer.from(m.commitment).toString('hex')}`)
    if (earlier != null) throw new ProtocolError(ErrorCode.ERROR_CODE_DUPLICATE, `commitment already submitted (submission ${earlier.id}, ${earlier.status})`)
    const round = rounds.currentRound()
    const assignment = round == null ? undefined : rounds.assignmentFor(peerId, round.number)
    const model = round == null ? undefined : store.getModel(round.modelId)
    const checked = await checkSubmission({
      submission: m, workerAddress: address, round, assignment, numParams: model?.numParams ?? 0, chain: ctx.chain, signal
    })
    // Checked once, written once: the wire payload as one blob, the rest of the message in the row.
    const row = await rounds.submit({
      round: m.round,
      peerId,
      commitment: checked.commitment,
      proofRoot: checked.proofRoot,
      leafCount: m.leafCount,
      // Weight of the update in the average: the work the replay plan verifies, not the shards it was handed.
      samples: verifiedSamples(roundPlanOf(round!).training, round!.shards),
      deltaNorm: checked.deltaNorm,
      deltaPayload: m.delta,
      proof: encodeProof(m),
      contributionId: checked.contributionId
    })
    ctx.metrics.submissions.inc(1, { status: 'received' })
    // Every assignment in: move on to verification now rather than at the next tick.
    rounds.tick().catch(() => undefined)
    // The worker's next work is in the next round, so its next poll waits as one whose update is in would be told to (saving that poll).
    return { round: row.round, commitment: m.commitment, receivedAt: Math.floor(row.receivedAt / 1000), retryAfter: idlePollSeconds(ctx, peerId, { atLeast: 2, untilAnnounced: true }) }
  } catch (err) {
    const refusal = toProtocolRefusal(err)
    ctx.metrics.submissions.inc(1, { status: 'refused' })
    ctx.emit({ event: 'submission:refused', round: m.round, peerId, code: refusal.code, reason: refusal.reason })
    throw refusal
  }
}
