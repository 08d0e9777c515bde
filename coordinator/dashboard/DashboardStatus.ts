/** What the dashboard shows; served as JSON at /api/status and polled by the page. */
export interface DashboardStatus {
  coordinator: { peerId: string, addrs: string[], model: string, aggregator: string, startedAt: number }
  /** The coordinator's clock when this was built (ms): the page counts down deadlines against it, not the browser's clock. */
  now?: number
  /** The round in progress: its state, the deadline of that state, and submissions in vs workers assigned. */
  current?: { number: number, state: string, deadline: number, openedAt: number, assigned: number, submitted: number, accepted: number, rejected: number }
  /** Who verifies and scores: each validator (or the coordinator itself) with the scores and fraud reports it gave and when it last acted. */
  validators?: Array<{ address: string, scores: number, fraudReports: number, averageScore?: number, lastActiveAt?: number }>
  /** Rewards finalized on chain, per worker and round (the earnings history). */
  earnings?: Array<{ address: string, round: number, amountWei: string }>
  rounds: Array<{
    number: number
    state: string
    accuracy?: number
    loss?: number
    accepted: number
    rejected: number
    openedAt: number
    closedAt?: number
  }>
  workers: Array<{
    address: string
    peerId: string
    backend?: string
    samplesPerSecond?: number
    gflops?: number
    cores?: number
    memoryGiB?: number
    gpu?: string
    status: string
    /** Why the status is what it is, in words: slashed, not registered, not heard from for a while. */
    statusReason?: string
    /** When the coordinator last heard from it (ms). */
    lastSeen?: number
    reputation?: number
    contributions: number
    lastScore?: number
    rewardsWei?: string
    slashedWei?: string
  }>
  /** A language model's text from the latest evaluated global model (fixed prompt and seed), with its held-out bits per character. */
  latestSample?: { round: number, text: string, bitsPerChar?: number }
  chain: {
    contract?: string
    /** Settlement events, oldest first; `at` is the block's time (ms), `round` and `reason` come from the coordinator's record of the contribution (for fraud: which segment failed and why). */
    events: Array<{ kind: 'submitted' | 'scored' | 'finalized' | 'fraud' | 'slashed' | 'claimed', contributionId?: number, account: string, amountWei?: string, score?: number, block: number, at?: number, round?: number, reason?: string }>
  }
}
