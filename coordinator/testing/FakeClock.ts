/** A clock tests move by hand: `clock.now` is the injected `() => number`. */
export class FakeClock {
  private t: number
  constructor (start = 1_700_000_000_000) {
    this.t = start
  }

  readonly now = (): number => this.t

  advance (ms: number): number {
    this.t += ms
    return this.t
  }
}
