import { oneLine } from '../../lib/errors.ts'
import { publishRoundAnnouncement, type CotrainNode } from '../../lib/net/index.ts'
import type { CoordinatorEvent } from '../events.ts'
import type { RoundManager } from '../rounds/RoundManager.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'
import type { CoordinatorMetrics } from './CoordinatorMetrics.ts'
import { roundAnnouncement } from './roundPlan.ts'
import type { RoundEvaluation } from './trainingData.ts'

/**
 * When a round's announcement is published again, after the first (ms after
 * it). Gossipsub drops a message for a peer it has no stream to yet, and opens
 * those streams one peer at a time: with a thousand workers connecting at
 * once the last streams come up seconds later (at N = 500 on a loaded
 * machine, 199 workers heard neither of two announcements 3 s apart and got
 * their work ~49 s late, when their idle wait ran out). A repeat costs one
 * small message per worker; subscribers drop it.
 */
const REANNOUNCE_MS = [3000, 8000, 15_000]

/** The latest evaluation's language-model extras (bits per character, sample), for round:done and the dashboard. */
export interface LatestEvaluation { round?: number, value: RoundEvaluation }

/**
 * Turns the round logic's events into the coordinator's event stream and
 * metrics, and announces each round on gossip as it starts training (it
 * wakes waiting workers early; they poll /cotrain/assign anyway, so a failed
 * publish is only dropped). Returns a function that stops forwarding.
 */
export function forwardRoundEvents (input: {
  rounds: RoundManager
  store: CoordinatorStore
  node: () => CotrainNode
  metrics: CoordinatorMetrics
  latestEvaluation: () => LatestEvaluation | undefined
  emit: (e: CoordinatorEvent) => void
}): () => void {
  const { rounds: r, store, metrics: m, emit } = input
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const off = [
    r.on('round:opened', (round) => { m.round.set(round.number); emit({ event: 'round:opened', round: round.number, modelId: round.modelId, shards: round.shards.length }) }),
    r.on('round:transitioned', ({ round, from, reason }) => {
      emit({ event: 'round:transitioned', round: round.number, from, to: round.state, reason })
      if (round.state === 'training' && from === 'open') {
        emit({ event: 'round:training', round: round.number, deadline: round.deadline })
        const announce = (): void => { publishRoundAnnouncement(input.node(), roundAnnouncement(round, r.config)).catch(() => undefined) }
        announce()
        // Again a few times while it trains (REANNOUNCE_MS): a worker that
        // hears the announcements waits up to 20 s for one before it polls.
        for (const ms of REANNOUNCE_MS) {
          const again = setTimeout(() => {
            timers.delete(again)
            if (r.currentRound()?.number === round.number && r.currentRound()?.state === 'training') announce()
          }, ms)
          again.unref()
          timers.add(again)
        }
      }
    }),
    r.on('assignment:created', (a) => { emit({ event: 'assignment:created', round: a.round, peerId: a.worker, shards: a.shardIds.length, samples: a.samples, reassignedFrom: a.reassignedFrom }) }),
    r.on('assignment:missed', (a) => { emit({ event: 'assignment:missed', round: a.round, peerId: a.worker }) }),
    r.on('submission:received', (s) => { emit({ event: 'submission:received', round: s.round, peerId: s.worker, commitment: s.commitment, contributionId: s.contributionId }) }),
    r.on('submission:verified', (s) => {
      m.submissions.inc(1, { status: s.status })
      emit({ event: 'submission:verified', round: s.round, peerId: s.worker, status: s.status, reason: s.statusReason })
    }),
    r.on('round:done', ({ round, model }) => {
      m.roundsTotal.inc(1, { outcome: 'done' })
      if (model.accuracy !== undefined) m.accuracy.set(model.accuracy)
      if (model.loss !== undefined) m.loss.set(model.loss)
      const counts = store.countSubmissions(round.number)
      const latest = input.latestEvaluation()
      if (latest !== undefined) latest.round = round.number
      const lm = latest?.value
      emit({ event: 'round:done', round: round.number, accuracy: round.accuracy, loss: round.loss, bitsPerChar: lm?.bitsPerChar, sample: lm?.sample, modelId: model.id, accepted: counts.accepted, rejected: counts.rejected })
    }),
    r.on('round:failed', (round) => { m.roundsTotal.inc(1, { outcome: 'failed' }); emit({ event: 'round:failed', round: round.number, reason: round.failureReason }) }),
    r.on('update:clipped', (c) => { emit({ event: 'update:clipped', round: c.round, peerId: c.worker, norm: c.norm, bound: c.bound }) }),
    r.on('evaluation:failed', ({ round, error }) => { emit({ event: 'evaluation:failed', round, error: oneLine(error) }) }),
    r.on('tick:failed', (error) => { emit({ event: 'tick:failed', error: oneLine(error) }) })
  ]
  return () => {
    for (const f of off) f()
    for (const t of timers) clearTimeout(t)
  }
}
