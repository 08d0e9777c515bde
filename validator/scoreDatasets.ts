import type { Hex } from 'viem'
import { distributeRewardsBatch, readStaking } from '../lib/chain/index.ts'
import { getContributionIdByHash } from '../lib/chain/actions/getContributionIdByHash.ts'
import { datasetIdOf, manifestEntries } from '../lib/data/datasetManifest.ts'
import { validateDatasetShards } from '../lib/data/validateDatasetShards.ts'
import { listDatasets } from '../lib/net/dataset.ts'
import { toContentId } from '../lib/net/index.ts'
import type { ValidatorContext } from './ValidatorContext.ts'

/**
 * Scores the Dataset contributions the coordinator has received: every shard
 * fetched by content id and checked against the manifest, duplicates of known
 * shards and samples, label balance (lib/data validateDatasetShards). A
 * dataset whose bytes do not match its manifest gets the lowest score rather
 * than a fraud report: a broken upload is not provably dishonest.
 */
export async function scoreDatasets (ctx: ValidatorContext): Promise<void> {
  const { datasets } = await listDatasets(ctx.node, ctx.coordinator, {}, { signal: ctx.signal })
  const scores: Array<{ id: bigint, score: number }> = []
  for (const d of datasets) {
    if (!d.complete || d.contributor.toLowerCase() === ctx.address.toLowerCase()) continue
    // The id must name the listed contributor: otherwise a listing could credit one contributor's
    // dataset to another who copied its id on chain (the contract binds a hash only to its submitter).
    if (datasetIdOf(d.manifest, d.contributor) !== d.datasetId) continue
    const id = await getContributionIdByHash(ctx.options.wallet, { address: ctx.options.contract, dataHash: d.datasetId as Hex, contributor: d.contributor as Hex })
    if (id === 0n || ctx.state.handled[id.toString()] !== undefined) continue
    if (await readStaking(ctx.options.wallet, ctx.options.contract, 'hasScored', [id, ctx.address])) { ctx.state.handled[id.toString()] = 0; continue }
    const shards = new Map<string, Uint8Array>()
    // a text dataset's held-out shards too: it is scored on them
    for (const entry of manifestEntries(d.manifest)) {
      try { shards.set(toContentId(entry.id), await ctx.content(entry.id)) } catch { /* a missing shard fails the check below */ }
    }
    const verdict = validateDatasetShards({ manifest: d.manifest, shards, knownShardIds: d.knownShardIds, expected: d.manifest.tokenizer !== undefined ? { numClasses: 1 } : { sampleShape: [28, 28], numClasses: 10 } })
    scores.push({ id, score: verdict.score })
    ctx.emit({ event: 'dataset:validated', contributionId: id.toString(), datasetId: d.datasetId, ok: verdict.ok, score: verdict.score, reason: verdict.reasons.join('; ') })
  }
  if (scores.length === 0) return
  const r = await distributeRewardsBatch(ctx.options.wallet, { address: ctx.options.contract, scores })
  for (const s of scores) ctx.state.handled[s.id.toString()] = s.score
  ctx.save()
  ctx.emit({ event: 'scores:sent', round: 0, ids: scores.map((s) => s.id.toString()), scores: scores.map((s) => s.score), tx: r.hash })
}
