/**
 * Progress for long work: a redrawn bar on a terminal, plain lines otherwise
 * (logs, CI), nothing in --json mode (the final JSON is the output).
 */
export class Progress {
  private readonly stream: NodeJS.WriteStream
  private readonly mode: 'bar' | 'lines' | 'silent'
  private lastLine = 0

  constructor (options: { json?: boolean, stream?: NodeJS.WriteStream } = {}) {
    this.stream = options.stream ?? process.stderr
    this.mode = options.json === true ? 'silent' : this.stream.isTTY === true ? 'bar' : 'lines'
  }

  /** Reports `done` of `total` for a label; plain-line mode prints at most every 10%. */
  update (label: string, done: number, total: number, extra = ''): void {
    if (this.mode === 'silent') return
    const frac = total > 0 ? Math.min(1, done / total) : 0
    if (this.mode === 'bar') {
      const width = 24
      const filled = Math.round(frac * width)
      this.stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${extra}\x1b[K`)
      if (done >= total) this.stream.write('\n')
      return
    }
    const decile = Math.floor(frac * 10)
    if (decile > this.lastLine || done >= total || done === 0) {
      this.lastLine = decile
      this.stream.write(`${label}: ${done}/${total} ${extra}\n`)
    }
    if (done >= total) this.lastLine = 0
  }

  /** A plain status line (dropped in --json mode). */
  line (text: string): void {
    if (this.mode === 'silent') return
    this.stream.write(text + '\n')
  }
}
