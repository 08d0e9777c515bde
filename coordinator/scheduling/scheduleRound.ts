import { NotEnoughWorkersError } from '../errors.ts'
import type { RoundCore } from '../rounds/RoundCore.ts'
import type { AssignmentRecord, RoundRecord } from '../store/records.ts'
import { assignShards } from './assignShards.ts'
import { reassignShards } from './reassignShards.ts'

/**
 * Schedules an open round: its shards go to the live workers by speed (the
 * fastest `maxWorkersPerRound` when set), each assignment with a deadline
 * projected from the worker's speed, and the round moves to training, all in
 * one transaction. NotEnoughWorkersError when fewer than the round's
 * minUpdates workers would get work (nothing is written then).
 */
export function scheduleRound (core: RoundCore, round: RoundRecord, now: number, reason: string): AssignmentRecord[] {
  let workers = core.liveWorkers(now)
  if (core.config.maxWorkersPerRound !== undefined) {
    workers = [...workers].sort((a, b) => b.samplesPerSec - a.samplesPerSec || (a.peerId < b.peerId ? -1 : 1)).slice(0, core.config.maxWorkersPerRound)
  }
  if (workers.length < round.minUpdates) throw new NotEnoughWorkersError(workers.length, round.minUpdates)
  const plan = assignShards(round.shards, workers)
  if (plan.length < round.minUpdates) throw new NotEnoughWorkersError(plan.length, round.minUpdates)
  const trainingDeadline = now + core.config.trainingTimeoutMs
  const created = core.store.transaction(() => {
    const rows = plan.map(p => core.store.insertAssignment({
      round: round.number,
      worker: p.peerId,
      shardIds: p.shardIds,
      samples: p.samples,
      deadline: Math.min(trainingDeadline, assignmentDeadline(core, now, p.projectedMs)),
      createdAt: now
    }))
    core.transition(round, 'training', now, `${reason}: ${rows.length} workers scheduled`)
    return rows
  })
  for (const a of created) core.emit('assignment:created', a)
  return created
}

/** Overdue assignments go to idle live workers; those nobody can take stay open for their late worker. */
export function reassignOverdue (core: RoundCore, round: RoundRecord, now: number): void {
  const overdue = core.store.listOverdueAssignments(round.number, now)
  if (overdue.length === 0) return
  const busy = new Set(core.store.listAssignments(round.number).map(a => a.worker))
  const candidates = core.liveWorkers(now).filter(w => !busy.has(w.peerId))
  const moves = reassignShards(overdue, candidates)
  if (moves.length === 0) return
  const byId = new Map(overdue.map(a => [a.id, a]))
  const events: Array<['assignment:missed' | 'assignment:created', AssignmentRecord]> = []
  core.store.transaction(() => {
    for (const m of moves) {
      const old = byId.get(m.fromAssignmentId)!
      core.store.setAssignmentState(old.id, 'missed')
      events.push(['assignment:missed', { ...old, state: 'missed' }])
      events.push(['assignment:created', core.store.insertAssignment({
        round: round.number,
        worker: m.peerId,
        shardIds: old.shardIds,
        samples: old.samples,
        deadline: assignmentDeadline(core, now, m.projectedMs),
        createdAt: now,
        reassignedFrom: old.id
      })])
    }
  })
  for (const [name, a] of events) core.emit(name, a)
}

/** The projected time with slack, plus the grace before the shards are given to someone else. */
function assignmentDeadline (core: RoundCore, now: number, projected: number): number {
  return now + Math.ceil(core.config.assignmentSlack * projected) + core.config.assignmentGraceMs
}
