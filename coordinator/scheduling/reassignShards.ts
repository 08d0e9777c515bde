import type { WorkerSpeed } from './assignShards.ts'
import { compare, projectedMs } from './assignShards.ts'

/** An assignment whose worker missed its deadline. */
export interface OverdueAssignment {
  id: number
  samples: number
}

/** Who takes over an overdue assignment's shards. */
export interface Reassignment {
  fromAssignmentId: number
  peerId: string
  projectedMs: number
}

/**
 * Hands overdue assignments to idle live workers: largest overdue first, each
 * whole to the fastest remaining candidate (ties by assignment id, then peer
 * id), one assignment per worker. Overdue assignments beyond the number of
 * candidates are left out: their original workers may still deliver.
 *
 * @example
 * reassignShards([{ id: 7, samples: 3000 }], [{ peerId: 'idle', samplesPerSec: 1500 }])
 * // [{ fromAssignmentId: 7, peerId: 'idle', projectedMs: 2000 }]
 */
export function reassignShards (overdue: readonly OverdueAssignment[], candidates: readonly WorkerSpeed[]): Reassignment[] {
  const jobs = [...overdue].sort((a, b) => b.samples - a.samples || a.id - b.id)
  const free = [...candidates]
    .filter(c => Number.isFinite(c.samplesPerSec) && c.samplesPerSec > 0)
    .sort((a, b) => b.samplesPerSec - a.samplesPerSec || compare(a.peerId, b.peerId))
  const out: Reassignment[] = []
  for (let i = 0; i < jobs.length && i < free.length; i++) {
    out.push({ fromAssignmentId: jobs[i].id, peerId: free[i].peerId, projectedMs: projectedMs(jobs[i].samples, free[i].samplesPerSec) })
  }
  return out
}
