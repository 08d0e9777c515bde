import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import type { RoundManager } from '../rounds/RoundManager.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'

/**
 * The coordinator's Prometheus metrics (served at /metrics): rounds by
 * outcome, submissions by status, bytes served, the latest model's accuracy
 * and loss, and workers live and known. Counters are bumped where the event
 * happens; gauges are refreshed from the store by `refresh`.
 */
export class CoordinatorMetrics {
  readonly registry = new MetricsRegistry()
  readonly roundsTotal = this.registry.counter('cotrain_rounds_total', 'Rounds finished, by outcome')
  readonly round = this.registry.gauge('cotrain_round', 'Current (or last) round number')
  readonly submissions = this.registry.counter('cotrain_submissions_total', 'Submissions by status (received, refused, accepted, rejected)')
  readonly bytesServed = this.registry.counter('cotrain_bytes_served_total', 'Bytes served over /cotrain/content')
  readonly accuracy = this.registry.gauge('cotrain_model_accuracy', 'Test accuracy of the latest global model')
  readonly loss = this.registry.gauge('cotrain_model_loss', 'Test loss of the latest global model')
  readonly workers = this.registry.gauge('cotrain_workers', 'Workers by status (live, known)')

  /** Sets the gauges from the store and the worker registry. */
  refresh (store: CoordinatorStore, rounds: RoundManager): void {
    const latest = store.getLatestRound()
    if (latest != null) this.round.set(latest.number)
    this.workers.set(rounds.liveWorkers().length, { status: 'live' })
    this.workers.set(rounds.workers.size, { status: 'known' })
    const model = store.getLatestModel()
    if (model?.accuracy !== undefined) this.accuracy.set(model.accuracy)
    if (model?.loss !== undefined) this.loss.set(model.loss)
  }
}
