import { MetricsRegistry, type Metric } from '../../lib/metrics/MetricsRegistry.ts'

/** The worker's Prometheus metrics (served at /metrics on --metrics-port). */
export interface WorkerMetrics {
  registry: MetricsRegistry
  rounds: Metric
  samplesPerSecond: Metric
  bytesFetched: Metric
  bytesServed: Metric
  submissions: Metric
  checkpointsServed: Metric
}

/** A registry with the worker's metric families registered. */
export function createWorkerMetrics (): WorkerMetrics {
  const registry = new MetricsRegistry()
  return {
    registry,
    rounds: registry.counter('cotrain_worker_rounds_total', 'Rounds this worker finished (submitted and answered)'),
    samplesPerSecond: registry.gauge('cotrain_worker_samples_per_second', 'Training throughput of the last round'),
    bytesFetched: registry.counter('cotrain_worker_bytes_fetched_total', 'Bytes of models and shards fetched, by source (coordinator, or a peer named as provider)'),
    bytesServed: registry.counter('cotrain_worker_bytes_served_total', 'Bytes served over /cotrain/content: models and shards to other workers, checkpoints to verifiers'),
    submissions: registry.counter('cotrain_worker_submissions_total', 'Update submissions by result (accepted, rejected)'),
    checkpointsServed: registry.counter('cotrain_worker_checkpoints_served_total', 'Checkpoints served to verifiers')
  }
}
