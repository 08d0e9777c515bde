import { contentIdBytes } from '../../../lib/hash/contentId.ts'
import { ErrorCode, ProtocolError, type SubmissionList } from '../../../lib/net/index.ts'
import { storedProof } from '../../store/storedSubmission.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'
import { roundAnnouncement } from '../roundPlan.ts'

/** Submissions per page at most, whatever a validator asks for. */
const MAX_PAGE = 32

/**
 * /cotrain/submissions: one page of a round's submissions for validators,
 * each with its proof metadata (the delta itself by content id), the
 * worker's addresses to fetch checkpoints from, its shards and the round's
 * announcement.
 */
export function handleList (ctx: CoordinatorContext, roundNumber: number, start: number, limit: number): SubmissionList {
  const { store, rounds } = ctx
  const round = store.getRound(roundNumber)
  if (round == null) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no round ${roundNumber}`)
  const all = store.listSubmissions(roundNumber)
  const page = all.slice(start, start + Math.min(limit === 0 ? MAX_PAGE : limit, MAX_PAGE))
  const announcement = roundAnnouncement(round, rounds.config)
  const submissions = []
  for (const s of page) {
    if (s.proof == null) continue // a row of an old data dir whose proof metadata was lost
    const worker = rounds.workers.get(s.worker)
    const assignment = store.requireAssignment(s.assignmentId)
    submissions.push({
      workerPeerId: s.worker,
      workerAddrs: ctx.addrs.of(s.worker, worker?.capabilities),
      submission: storedProof(s),
      deltaId: contentIdBytes(s.deltaId),
      deltaSize: ctx.store.blobs.sizeOf(s.deltaId),
      status: s.status,
      shardIds: assignment.shardIds.map(id => contentIdBytes(id)),
      announcement
    })
  }
  return { round: roundNumber, total: all.length, submissions }
}
