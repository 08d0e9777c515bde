import type { EventMapOf } from '../lib/events/EventRecord.ts'

/**
 * The coordinator's events, one discriminated union: each is a plain object
 * whose `event` names it (`noun:verb`). `coordinator start --json` prints each
 * as one JSON line; the human log describes each in words (commands/start.ts).
 * A CoordinatorService dispatches every event twice: under its own name (for
 * a listener of one kind) and as `event` (the whole stream).
 *
 * @example
 * service.on('round:done', (e) => console.log(e.round, e.accuracy))
 * service.on('event', (e) => process.stdout.write(JSON.stringify(e) + '\n'))
 */
export type CoordinatorEvent =
  | { event: 'coordinator:ready', peerId: string, multiaddrs: string[], dashboardUrl?: string, metricsUrl?: string, pid?: number, resumedRound?: number, resumedState?: string }
  | { event: 'coordinator:finished', rounds: number }
  | { event: 'coordinator:lingering', seconds: number }
  | { event: 'worker:joined', peerId: string, address: string }
  | { event: 'worker:refused', peerId: string, address: string, reason: string }
  | { event: 'worker:ineligible', peerId: string, address: string, reason: string }
  | { event: 'round:opened', round: number, modelId: string, shards: number }
  | { event: 'round:transitioned', round: number, from: string, to: string, reason: string }
  | { event: 'round:training', round: number, deadline: number }
  | { event: 'round:done', round: number, accuracy?: number, loss?: number, bitsPerChar?: number, sample?: string, modelId: string, accepted: number, rejected: number }
  | { event: 'round:failed', round: number, reason?: string }
  | { event: 'assignment:created', round: number, peerId: string, shards: number, samples: number, reassignedFrom?: number }
  | { event: 'assignment:missed', round: number, peerId: string }
  | { event: 'submission:received', round: number, peerId: string, commitment: string, contributionId?: string }
  | { event: 'submission:refused', round: number, peerId: string, code: number, reason: string }
  | { event: 'submission:verified', round: number, peerId: string, status: string, reason?: string }
  | { event: 'update:clipped', round: number, peerId: string, norm: number, bound: number }
  | { event: 'evaluation:failed', round: number, error: string }
  | { event: 'dataset:received', datasetId: string, contributor: string }
  | { event: 'provider:dropped', peerId: string, contentId: string, fault: 'wrong-bytes' | 'unavailable', reporter: string }
  | { event: 'tick:failed', error: string }

/** The name of a coordinator event. */
export type CoordinatorEventName = CoordinatorEvent['event']

/** Event map of a CoordinatorService: each event under its name, and all of them as `event`. */
export type CoordinatorEvents = EventMapOf<CoordinatorEvent> & { event: CoordinatorEvent }
