/**
 * A small Prometheus registry: counters and gauges with optional labels,
 * rendered in the text exposition format (version 0.0.4).
 *
 * @example
 * const m = new MetricsRegistry()
 * const rounds = m.counter('cotrain_rounds_total', 'Rounds completed')
 * rounds.inc()
 * res.end(m.render())
 */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>()

  counter (name: string, help: string): Metric {
    return this.register(name, help, 'counter')
  }

  gauge (name: string, help: string): Metric {
    return this.register(name, help, 'gauge')
  }

  /** The whole registry as Prometheus text. */
  render (): string {
    const lines: string[] = []
    for (const m of this.metrics.values()) {
      lines.push(`# HELP ${m.name} ${m.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`)
      lines.push(`# TYPE ${m.name} ${m.type}`)
      if (m.values.size === 0 && m.type === 'counter') lines.push(`${m.name} 0`)
      for (const [key, value] of m.values) lines.push(`${m.name}${key} ${formatValue(value)}`)
    }
    return lines.join('\n') + '\n'
  }

  private register (name: string, help: string, type: 'counter' | 'gauge'): Metric {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`invalid metric name ${name}`)
    const existing = this.metrics.get(name)
    if (existing != null) return existing
    const metric = new Metric(name, help, type)
    this.metrics.set(name, metric)
    return metric
  }
}

/** One metric series family; label sets are kept apart. */
export class Metric {
  readonly name: string
  readonly help: string
  readonly type: 'counter' | 'gauge'
  readonly values = new Map<string, number>()

  constructor (name: string, help: string, type: 'counter' | 'gauge') {
    this.name = name
    this.help = help
    this.type = type
  }

  inc (by = 1, labels?: Record<string, string>): void {
    if (this.type === 'counter' && by < 0) throw new Error(`counter ${this.name} cannot decrease`)
    const key = labelKey(labels)
    this.values.set(key, (this.values.get(key) ?? 0) + by)
  }

  set (value: number, labels?: Record<string, string>): void {
    if (this.type === 'counter') throw new Error(`counter ${this.name} cannot be set`)
    this.values.set(labelKey(labels), value)
  }

  get (labels?: Record<string, string>): number {
    return this.values.get(labelKey(labels)) ?? 0
  }
}

function labelKey (labels?: Record<string, string>): string {
  if (labels == null) return ''
  const parts = Object.keys(labels).sort().map(k => `${k}="${labels[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
  return parts.length === 0 ? '' : `{${parts.join(',')}}`
}

function formatValue (v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (v === Infinity) return '+Inf'
  if (v === -Infinity) return '-Inf'
  return String(v)
}
