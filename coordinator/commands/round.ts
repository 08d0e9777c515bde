import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { formatMoment } from '../../lib/cli/humanUnits.ts'
import { intBetween, type OptionSpecs } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { printResult } from '../../lib/cli/printResult.ts'
import { NotFoundError } from '../errors.ts'
import { CoordinatorStore, DB_FILE } from '../store/CoordinatorStore.ts'
import { coordinatorBaseOptions } from './coordinatorOptions.ts'

const specs = {
  ...coordinatorBaseOptions,
  round: { type: 'number', description: 'which round (default: the current one, else the latest)', env: 'COTRAIN_ROUND', validate: intBetween(1, 1_000_000_000) }
} as const satisfies OptionSpecs

/** `coordinator round`: one round in detail. */
export const { summary, run } = defineCommand({
  summary: 'show one round: state, assignments, submissions',
  usage: 'coordinator round [options]',
  description: "Prints a round: state, deadline, model, assignments and submissions, from the coordinator's database (safe while it runs).",
  options: specs,
  examples: ['coordinator round --data-dir coord', 'coordinator round --data-dir coord --round 2 --json']
}, async (o) => {
  const store = await openExistingStore(o['data-dir'])
  try {
    const round = o.round !== undefined ? store.getRound(o.round) : store.getActiveRound() ?? store.getLatestRound()
    if (round == null) throw new NotFoundError(o.round !== undefined ? `no round ${o.round}` : 'no round yet', { hint: 'rounds open once --min-workers workers have joined' })
    const assignments = store.listAssignments(round.number)
    const submissions = store.listSubmissions(round.number)
    const value = {
      round: round.number,
      state: round.state,
      deadline: round.deadline,
      modelId: round.modelId,
      resultModelId: round.resultModelId,
      accuracy: round.accuracy,
      loss: round.loss,
      failureReason: round.failureReason,
      assignments: assignments.map(a => ({ worker: a.worker, shards: a.shardIds.length, samples: a.samples, state: a.state, deadline: a.deadline, reassignedFrom: a.reassignedFrom })),
      submissions: submissions.map(s => ({ worker: s.worker, status: s.status, reason: s.statusReason, commitment: s.commitment, contributionId: s.contributionId }))
    }
    const lines = [
      `round ${round.number}: ${round.state}${round.state === 'done' || round.state === 'failed' ? '' : `, deadline ${formatMoment(round.deadline)}`}`,
      `  model ${round.modelId}${round.resultModelId != null ? ` -> ${round.resultModelId}` : ''}`,
      ...(round.accuracy !== undefined ? [`  test accuracy ${(round.accuracy * 100).toFixed(2)}%, loss ${round.loss?.toFixed(4) ?? '-'}`] : []),
      ...(round.failureReason !== undefined ? [`  failed: ${round.failureReason}`] : []),
      `  assignments (${assignments.length}):`,
      ...assignments.map(a => `    ${a.worker}  ${a.shardIds.length} shard(s), ${a.samples} samples, ${a.state}${a.reassignedFrom != null ? ` (reassigned from #${a.reassignedFrom})` : ''}`),
      `  submissions (${submissions.length}):`,
      ...submissions.map(s => `    ${s.worker}  ${s.status}${s.statusReason != null ? ` (${s.statusReason})` : ''}`)
    ]
    printResult(o.json, value, lines)
  } finally {
    store.close()
  }
})

/** The store of an existing data dir; never creates one (a typo in --data-dir must not look like an empty coordinator). */
export async function openExistingStore (dataDir: string): Promise<CoordinatorStore> {
  if (!existsSync(join(dataDir, DB_FILE))) throw new NotFoundError(`no coordinator database in ${dataDir}`, { hint: 'pass the --data-dir the coordinator was started with' })
  return await CoordinatorStore.open(dataDir)
}
