import { formatBytes, formatDuration } from './humanUnits.ts'

/**
 * Progress for long work: a redrawn bar on a terminal, plain lines otherwise
 * (logs, journald, CI), nothing in --json mode (the events are the output).
 * In plain-line mode a log must stay readable: one line when a transfer or a
 * phase ends, and a line in between only every `intervalMs` of a long one,
 * never one per chunk or per step.
 */
export class Progress {
  private readonly stream: NodeJS.WriteStream
  private readonly mode: 'bar' | 'lines' | 'silent'
  private readonly now: () => number
  private readonly intervalMs: number
  /** Per label: when it started and when a line was last printed. */
  private readonly started = new Map<string, { at: number, printed: number }>()

  constructor (options: { json?: boolean, stream?: NodeJS.WriteStream, now?: () => number, intervalMs?: number } = {}) {
    this.stream = options.stream ?? process.stderr
    this.mode = options.json === true ? 'silent' : this.stream.isTTY === true ? 'bar' : 'lines'
    this.now = options.now ?? Date.now
    this.intervalMs = options.intervalMs ?? 10_000
  }

  /**
   * Reports `done` of `total` steps of a phase. Plain lines: one when it
   * ends ("round 3: 100/100 loss 0.31, in 41 s") and one every `intervalMs`.
   */
  update (label: string, done: number, total: number, extra = ''): void {
    this.report(label, done, total, (d, t) => `${d}/${t}`, (d, t, s) => `${label}: ${d}/${t}${extra !== '' ? ` ${extra}` : ''}${d >= t ? `, in ${formatDuration(s)}` : ''}`, extra)
  }

  /**
   * Reports `done` of `total` bytes of a transfer. Plain lines: "model 3
   * fetched: 1.2 MB in 0.4 s" when it ends, and a line every `intervalMs`
   * of a long one.
   */
  transfer (label: string, done: number, total: number): void {
    this.report(label, done, total, (d, t) => `${formatBytes(d)} of ${formatBytes(t)}`, (d, t, s) => d >= t
      ? `${label} fetched: ${formatBytes(t)} in ${formatDuration(s)}`
      : `${label}: ${formatBytes(d)} of ${formatBytes(t)} (${Math.floor(d / t * 100)} %), ${formatDuration(s)} so far`)
  }

  /** A plain status line (dropped in --json mode). */
  line (text: string): void {
    if (this.mode === 'silent') return
    if (this.mode === 'bar') this.stream.write('\r\x1b[K')
    this.stream.write(text + '\n')
  }

  private report (label: string, done: number, total: number, amount: (d: number, t: number) => string, line: (d: number, t: number, seconds: number) => string, extra = ''): void {
    if (this.mode === 'silent') return
    const now = this.now()
    let s = this.started.get(label)
    if (s === undefined) { s = { at: now, printed: now }; this.started.set(label, s) }
    const finished = total > 0 ? done >= total : true
    if (finished) this.started.delete(label)
    if (this.mode === 'bar') {
      const frac = total > 0 ? Math.min(1, done / total) : 1
      const width = 24
      const filled = Math.round(frac * width)
      this.stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${amount(done, total)} ${extra}\x1b[K`)
      if (finished) this.stream.write('\n')
      return
    }
    if (!finished && now - s.printed < this.intervalMs) return
    s.printed = now
    this.stream.write(line(done, total, (now - s.at) / 1000) + '\n')
  }
}
