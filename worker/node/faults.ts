import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { SeededRandom } from '../../lib/hash/SeededRandom.ts'
import type { TrainingFault } from '../../lib/training/faults.ts'
import { withDelta, type TrainRoundResult } from '../../lib/training/trainRound.ts'

/**
 * `worker start --fault`: the real worker cheating on purpose, so tests and
 * the devnet show each cheat being caught (docs/round-flow.md, "Cheats and
 * where they are caught"). Each fake is internally consistent (hashes,
 * Merkle root, commitment match the bytes sent), so only the checks meant to
 * catch it can.
 *
 * - none: honest.
 * - random-delta: trains honestly, then submits random values of the real
 *   delta's RMS instead of the delta.
 * - scaled-delta: submits 10 x the real delta.
 * - lazy: no training at all: every checkpoint equals W_r (skip-steps with
 *   keep 0: the step counters claim the work), the delta is zeros.
 * - skip-steps: runs half of every segment's steps, claims all of them.
 * - other-data: trains on the wrong samples of its shard, claims the schedule.
 * - nan-delta: the real delta with NaN in it.
 * - stale-round: trains and commits round r honestly, then submits it as
 *   round r - 1.
 * - copy: trains nothing; submits the delta, proof root and leaves another
 *   worker submitted for the same round, read from that worker's data dir
 *   (`--copy-from DIR`, where it keeps `submissions/round-<r>.json` and the
 *   delta), and serves that worker's checkpoints as its own. The commitment
 *   is recomputed with the copier's address (else the chain or coordinator
 *   would refuse it at once), but the leaves still bind the original worker's
 *   address and batch schedule, so every opened checkpoint fails.
 */
export const WORKER_FAULTS = ['none', 'random-delta', 'scaled-delta', 'lazy', 'skip-steps', 'other-data', 'nan-delta', 'stale-round', 'copy'] as const
export type WorkerFault = (typeof WORKER_FAULTS)[number]

/** The training-level part of a fault mode (trainRound's `fault` option), if it has one. */
export function trainingFaultOf (fault: WorkerFault): TrainingFault | undefined {
  switch (fault) {
    case 'lazy': return { mode: 'skip-steps', keep: 0 }
    case 'skip-steps': return { mode: 'skip-steps', keep: 0.5 }
    case 'other-data': return { mode: 'other-data' }
    default: return undefined
  }
}

/** The delta-level part: the result with its delta replaced (hash and commitment recomputed by withDelta). */
export function applyDeltaFault (result: TrainRoundResult, fault: WorkerFault): TrainRoundResult {
  const d = result.delta
  switch (fault) {
    case 'random-delta': {
      let s = 0
      for (let i = 0; i < d.length; i++) s += d[i] * d[i]
      const amp = Math.sqrt(3 * s / Math.max(1, d.length)) || 1e-3
      const rng = SeededRandom.fromParts('cotrain/fault/random-delta', new TextEncoder().encode(result.commitment))
      return withDelta(result, Float32Array.from(d, () => (2 * rng.nextFloat() - 1) * amp))
    }
    case 'scaled-delta': return withDelta(result, Float32Array.from(d, (x) => x * 10))
    case 'lazy': return withDelta(result, new Float32Array(d.length))
    case 'nan-delta': {
      const out = Float32Array.from(d)
      for (let i = 0; i < out.length; i += 97) out[i] = Number.NaN
      return withDelta(result, out)
    }
    default: return result
  }
}

/** What an honest worker leaves in `<data-dir>/submissions/` for each round it submitted (and what `copy` reads). */
export interface SubmittedRound {
  round: number
  workerAddress: string
  baseModelId: string
  commitment: string
  deltaHash: string
  proofRoot: string
  leaves: Array<{ loss: number, updateNorm: number }>
  samples: number
  replay: { backendClass: string, microBatches: number }
  /** File name of the canonical delta bytes, beside this JSON. */
  deltaFile: string
}

/** The folder and JSON path of round `round`'s record in a data dir. */
export function submittedRoundPath (dataDir: string, round: number): string {
  return path.join(dataDir, 'submissions', `round-${round}.json`)
}

/** Reads another worker's submitted round (copy fault); undefined while it has not submitted yet. */
export async function readSubmittedRound (dataDir: string, round: number): Promise<{ meta: SubmittedRound, deltaBytes: Uint8Array } | undefined> {
  const file = submittedRoundPath(dataDir, round)
  if (!existsSync(file)) return undefined
  const meta = JSON.parse(await readFile(file, 'utf8')) as SubmittedRound
  const b = await readFile(path.join(path.dirname(file), meta.deltaFile))
  return { meta, deltaBytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }
}
