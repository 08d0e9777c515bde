import assert from 'node:assert/strict'
import { MetricsRegistry } from './MetricsRegistry.ts'

describe('MetricsRegistry', () => {
  it('renders counters and labelled gauges in Prometheus text format', () => {
    const m = new MetricsRegistry()
    const rounds = m.counter('cotrain_rounds_total', 'Rounds completed')
    const speed = m.gauge('cotrain_samples_per_second', 'Training speed')
    rounds.inc()
    rounds.inc(2)
    speed.set(1234.5, { worker: 'a"b' })
    assert.equal(m.render(), [
      '# HELP cotrain_rounds_total Rounds completed',
      '# TYPE cotrain_rounds_total counter',
      'cotrain_rounds_total 3',
      '# HELP cotrain_samples_per_second Training speed',
      '# TYPE cotrain_samples_per_second gauge',
      'cotrain_samples_per_second{worker="a\\"b"} 1234.5',
      ''
    ].join('\n'))
  })

  it('refuses to decrease a counter and rejects bad names', () => {
    const m = new MetricsRegistry()
    assert.throws(() => m.counter('c', 'x').inc(-1), /cannot decrease/)
    assert.throws(() => m.gauge('bad-name', 'x'), /invalid metric name/)
  })
})
