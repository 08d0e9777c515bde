/** What the dashboard shows; served as JSON at /api/status and polled by the page. */
export interface DashboardStatus {
  coordinator: { peerId: string, addrs: string[], model: string, aggregator: string, startedAt: number }
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
    events: Array<{ kind: 'submitted' | 'scored' | 'finalized' | 'fraud' | 'slashed' | 'claimed', contributionId?: number, account: string, amountWei?: string, score?: number, block: number }>
  }
}
