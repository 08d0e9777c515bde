import { InvalidInputError } from '../../lib/errors.ts'
import type { ShardInfo } from '../store/records.ts'

/** A worker as the scheduler sees it: who, and how fast it trains. */
export interface WorkerSpeed {
  peerId: string
  /** Measured training speed, samples per second (> 0). */
  samplesPerSec: number
}

/** One worker's planned share of a round. */
export interface PlannedAssignment {
  peerId: string
  /** Shard ids, sorted (canonical order). */
  shardIds: string[]
  samples: number
  /** samples / speed, in milliseconds. */
  projectedMs: number
}

/**
 * Splits shards over workers so that they finish near the same time: greedy
 * longest-processing-time on machines of different speeds. Shards go largest
 * first, each to the worker that would finish it earliest, i.e. with the least
 * (load + shard samples) / speed. Ties break by peer id, so the plan is a pure
 * function of its inputs (their order does not matter). Workers that receive
 * nothing are left out of the result, which is ordered by peer id.
 *
 * @example
 * assignShards([{ id: 'a', samples: 1000 }, { id: 'b', samples: 1000 }, { id: 'c', samples: 1000 }],
 *   [{ peerId: 'fast', samplesPerSec: 2000 }, { peerId: 'slow', samplesPerSec: 1000 }])
 * // fast gets 2 shards, slow 1
 */
export function assignShards (shards: readonly ShardInfo[], workers: readonly WorkerSpeed[]): PlannedAssignment[] {
  validateShards(shards)
  validateWorkers(workers)
  if (workers.length === 0) throw new InvalidInputError('cannot assign shards: no workers')

  const order = [...shards].sort((a, b) => b.samples - a.samples || compare(a.id, b.id))
  const ws = [...workers].sort((a, b) => compare(a.peerId, b.peerId))
  const load = new Array<number>(ws.length).fill(0)
  const picked: string[][] = ws.map(() => [])

  // Every worker trains H steps however much data it holds, so a worker left
  // without a shard is wasted compute and a round may fall short of minUpdates
  // distinct updates: while shards last, each worker (fastest first) takes one
  // (largest first); speed balancing then places the rest.
  const bySpeed = ws.map((_, w) => w).sort((a, b) => ws[b].samplesPerSec - ws[a].samplesPerSec || compare(ws[a].peerId, ws[b].peerId))
  const seeded = Math.min(order.length, ws.length)
  for (let i = 0; i < seeded; i++) {
    load[bySpeed[i]] += order[i].samples
    picked[bySpeed[i]].push(order[i].id)
  }
  for (const shard of order.slice(seeded)) {
    let best = 0
    let bestFinish = Infinity
    for (let w = 0; w < ws.length; w++) {
      const finish = (load[w] + shard.samples) / ws[w].samplesPerSec
      if (finish < bestFinish) { // strict: the first (lowest peer id) wins ties
        best = w
        bestFinish = finish
      }
    }
    load[best] += shard.samples
    picked[best].push(shard.id)
  }

  const plan: PlannedAssignment[] = []
  for (let w = 0; w < ws.length; w++) {
    if (picked[w].length === 0) continue
    plan.push({ peerId: ws[w].peerId, shardIds: picked[w].sort(compare), samples: load[w], projectedMs: projectedMs(load[w], ws[w].samplesPerSec) })
  }
  return plan
}

/** Milliseconds a worker of `samplesPerSec` needs for `samples`. */
export function projectedMs (samples: number, samplesPerSec: number): number {
  return Math.ceil(samples / samplesPerSec * 1000)
}

/** Code-point order, independent of locale. */
export function compare (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function validateShards (shards: readonly ShardInfo[]): void {
  const seen = new Set<string>()
  for (const s of shards) {
    if (typeof s.id !== 'string' || s.id === '') throw new InvalidInputError('a shard has no id')
    if (seen.has(s.id)) throw new InvalidInputError(`shard ${s.id} is listed twice`)
    seen.add(s.id)
    if (!Number.isInteger(s.samples) || s.samples <= 0) throw new InvalidInputError(`shard ${s.id} has ${s.samples} samples; it must be a positive integer`)
  }
}

function validateWorkers (workers: readonly WorkerSpeed[]): void {
  const seen = new Set<string>()
  for (const w of workers) {
    if (seen.has(w.peerId)) throw new InvalidInputError(`worker ${w.peerId} is listed twice`)
    seen.add(w.peerId)
    if (!(Number.isFinite(w.samplesPerSec) && w.samplesPerSec > 0)) throw new InvalidInputError(`worker ${w.peerId} has speed ${w.samplesPerSec} samples/s; it must be > 0`)
  }
}
