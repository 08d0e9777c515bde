/**
 * What a worker reports while it runs, one record per event (`--json` prints
 * each as one line, `{"event":"round:done",...}`). Names are `noun:verb`; see
 * lib/events/EventRecord.ts.
 */
export type WorkerEvent =
  | { event: 'worker:ready', peerId: string, addrs: string[], address: string, backend: string, backendReason: string, backendClass: string, coordinator: string, contract: string | null }
  | { event: 'round:assigned', round: number, shards: number, samples: number, steps: number, modelId: string }
  | { event: 'round:trained', round: number, commitment: string, proofRoot: string, loss: number, samplesPerSecond: number, seconds: number, resumedFrom: number | null, fault: string }
  | { event: 'contribution:submitted', round: number, commitment: string, contributionId: string | null, txHash: string | null }
  | { event: 'update:accepted', round: number, commitment: string, submittedRound: number }
  | { event: 'update:rejected', round: number, commitment: string, submittedRound: number, code: string, reason: string }
  | { event: 'round:done', round: number, status: 'accepted' | 'rejected', loss: number }
  | { event: 'worker:waiting', reason: string }
  | { event: 'contribution:reported', round: number, contributionId: string, reports: number }
  | { event: 'contribution:slashed', round: number, contributionId: string, reports: number }
  | { event: 'contribution:finalized', round: number, contributionId: string, score: number, rewardWei: string }
  | { event: 'worker:slashed', amountWei: string, stakeWei: string }
  | { event: 'worker:ineligible', reason: string }
  | { event: 'worker:paused', reason: string }
  | { event: 'worker:resumed' }
  | { event: 'worker:stopped', roundsDone: number, reason: string }

export type WorkerEventName = WorkerEvent['event']
