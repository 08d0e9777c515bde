import type { TrainingFault } from './trainingFault.ts'

/**
 * Where a fault mode acts in the worker's round:
 * - 'training': trainRound's `fault` option changes what the trainer does
 *   (trainingFaultOf);
 * - 'delta': the trained result's delta is replaced (applyDeltaFault);
 * - 'submission': the worker's round runner changes what it submits (the
 *   round number, or another worker's update);
 * - 'join': the worker lies about itself when it joins (claimedSpeedOf).
 */
export type FaultLayer = 'training' | 'delta' | 'submission' | 'join'

/**
 * Every way the real worker can cheat on purpose (`worker start --fault`,
 * `npm run devnet -- --cheat`), so tests, benchmarks and the devnet show each
 * cheat being caught (docs/round-flow.md, "Cheats and where they are caught").
 * Each fake is internally consistent (hashes, Merkle root, commitment match
 * the bytes sent), so only the checks meant to catch it can. The one list:
 * the CLIs validate against it and the layers below apply it.
 */
export const FAULT_MODES = {
  none: { layers: [], description: 'honest' },
  'random-delta': { layers: ['delta'], description: "trains honestly, then submits random values of the real delta's RMS instead of the delta" },
  'scaled-delta': { layers: ['delta'], description: 'submits 10 x the real delta' },
  lazy: { layers: ['training', 'delta'], description: 'no training at all: every checkpoint equals W_r (skip-steps with keep 0: the step counters claim the work), the delta is zeros' },
  'skip-steps': { layers: ['training'], description: 'runs half of every segment\'s steps, claims all of them' },
  'other-data': { layers: ['training'], description: 'trains on the wrong samples of its shard, claims the schedule' },
  'nan-delta': { layers: ['delta'], description: 'the real delta with NaN in it' },
  'poison-last': { layers: ['training'], description: 'trains honestly, then lowers the output bias of class 0 by 60 in its last checkpoint only (so the delta carries it) while the leaf claims the honest update norm' },
  // Trains honestly: what it wants is more shards and more weight in the
  // average than an honest worker, for the same work (issue 15).
  'speed-lie': { layers: ['join'], description: 'trains honestly but claims 1e9 samples/s when it joins' },
  'stale-round': { layers: ['submission'], description: 'trains and commits round r honestly, then submits it as round r - 1' },
  // The commitment is recomputed with the copier's address (else the chain or
  // coordinator would refuse it at once), but the leaves still bind the
  // original worker's address and batch schedule, so every opened checkpoint fails.
  copy: { layers: ['submission'], description: 'trains nothing; submits the delta, proof root and leaves another worker submitted for the same round (read from --copy-from DIR) and serves its checkpoints as its own' }
} as const satisfies Record<string, { layers: readonly FaultLayer[], description: string }>

export type WorkerFault = keyof typeof FAULT_MODES

/** The mode names, honest first. */
export const WORKER_FAULTS = Object.keys(FAULT_MODES) as WorkerFault[]

export function isWorkerFault (v: string): v is WorkerFault {
  return Object.hasOwn(FAULT_MODES, v)
}

/** A CLI option validator (lib/cli/options.ts `validate`): undefined when `v` names a fault mode, else the one-line error. */
export function validateFaultMode (v: string): string | undefined {
  return isWorkerFault(v) ? undefined : `unknown fault "${v}" (one of ${WORKER_FAULTS.join(', ')})`
}

/** The training-level part of a fault mode (trainRound's `fault` option), if it has one. */
export function trainingFaultOf (fault: WorkerFault): TrainingFault | undefined {
  switch (fault) {
    case 'lazy': return { mode: 'skip-steps', keep: 0 }
    case 'skip-steps': return { mode: 'skip-steps', keep: 0.5 }
    case 'other-data': return { mode: 'other-data' }
    case 'poison-last': return { mode: 'poison-last' }
    default: return undefined
  }
}

/** The training speed (samples/s) a worker with this fault mode reports at join, given what it measured. */
export function claimedSpeedOf (fault: WorkerFault, measured: number): number {
  return fault === 'speed-lie' ? SPEED_LIE_SAMPLES_PER_SECOND : measured
}

/** What the speed-lie worker claims: the figure of issue 15's attack. */
export const SPEED_LIE_SAMPLES_PER_SECOND = 1e9
