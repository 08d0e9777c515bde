/** Deliberate cheating, for tests, benchmarks and the devnet: the modes, their training and delta layers. */
export { FAULT_MODES, SPEED_LIE_SAMPLES_PER_SECOND, WORKER_FAULTS, claimedSpeedOf, isWorkerFault, trainingFaultOf, validateFaultMode, type FaultLayer, type WorkerFault } from './faultModes.ts'
export { applyDeltaFault } from './applyDeltaFault.ts'
export type { FaultMode, TrainingFault } from './trainingFault.ts'
