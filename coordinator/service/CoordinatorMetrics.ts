import { MetricsRegistry } from '../../lib/metrics/MetricsRegistry.ts'
import type { RoundManager } from '../rounds/RoundManager.ts'
import type { ProviderBook } from '../scheduling/ProviderBook.ts'
import type { CoordinatorStore } from '../store/CoordinatorStore.ts'

/**
 * The coordinator's Prometheus metrics (served at /metrics): rounds by
 * outcome, submissions by status, bytes served (in all and in the current
 * round), the latest model's accuracy and loss, workers live and known, and
 * swarm distribution's holders, provider names given and failure reports. Counters are bumped where the event
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
  readonly roundBytesServed = this.registry.gauge('cotrain_round_bytes_served', 'Bytes served over /cotrain/content since the current round opened')
  readonly swarmHolders = this.registry.gauge('cotrain_swarm_holders', 'Workers recorded as holding the round\'s model, and shards (summed over shards), by object (model, shards)')
  readonly providersNamed = this.registry.counter('cotrain_swarm_providers_named_total', 'Provider names given in assignments (one per provider per object)')
  readonly providerReports = this.registry.counter('cotrain_swarm_provider_reports_total', 'Reports of named providers that failed a worker, by fault and outcome (counted, dropped)')
  readonly assignRequests = this.registry.counter('cotrain_assign_requests_total', 'Assign requests answered, by answer (work, or why it was told to wait: wait-no-round, wait-scheduling, wait-model, wait-not-scheduled, wait-update-in, wait-closing): the poll rate idle workers cost')
  private servedRound = 0

  /** `bytes` went out over /cotrain/content during round `round` (0: between rounds). */
  served (round: number, bytes: number): void {
    this.bytesServed.inc(bytes)
    if (round !== this.servedRound) {
      this.servedRound = round
      this.roundBytesServed.set(0)
    }
    this.roundBytesServed.inc(bytes)
  }

  /** Sets the gauges from the store, the worker registry and the provider book (swarm distribution, when on). */
  refresh (store: CoordinatorStore, rounds: RoundManager, providers?: ProviderBook): void {
    if (providers !== undefined) {
      const held = providers.holderCounts()
      this.swarmHolders.set(held.model, { object: 'model' })
      this.swarmHolders.set(held.shards, { object: 'shards' })
    }
    const latest = store.getLatestRound()
    if (latest != null) this.round.set(latest.number)
    this.workers.set(rounds.liveCount(), { status: 'live' })
    this.workers.set(rounds.workers.size, { status: 'known' })
    const model = store.getLatestModel()
    if (model?.accuracy !== undefined) this.accuracy.set(model.accuracy)
    if (model?.loss !== undefined) this.loss.set(model.loss)
  }
}
