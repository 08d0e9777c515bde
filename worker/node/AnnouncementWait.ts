/**
 * The worker loop's wait between polls, ended early by a round announcement
 * on gossip. An announcement that arrives while the loop is not waiting (its
 * assign poll is in flight, and the answer was written just before the round
 * opened) is not lost: the next wait returns at once. A worker that hears the
 * announcements is told to come back in 20 s, so a lost wake-up made it 20 s
 * late for the round its own join had opened.
 *
 * @example
 * const waits = new AnnouncementWait()
 * subscribeRoundAnnouncements(node, { coordinator, onAnnouncement: (a) => { waits.announced(a.round) } })
 * waits.mark()
 * const a = await requestAssignment(...)
 * if (a.shards.length === 0) await waits.wait(a.retryAfter * 1000, signal)
 */
export class AnnouncementWait {
  /** The newest round announced. */
  newest = 0
  private heard = 0
  private markedAt = 0
  private wake: (() => void) | undefined

  /** A round was announced: ends the wait in progress, or the next one. */
  announced (round: number): void {
    this.newest = Math.max(this.newest, round)
    this.heard++
    this.wake?.()
  }

  /** Call before a poll: an announcement from now on ends the next wait. */
  mark (): void {
    this.markedAt = this.heard
  }

  /** Waits `ms`, or less when a round is (or was, since `mark`) announced, `interrupt` is called or `signal` aborts. */
  async wait (ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted || this.heard !== this.markedAt) return
    await new Promise<void>((resolve) => {
      const done = (): void => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve() }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
      this.wake = done
    })
    this.wake = undefined
  }

  /** Ends the wait in progress now (the worker stops). */
  interrupt (): void {
    this.wake?.()
  }
}
