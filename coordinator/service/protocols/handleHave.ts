import type { Connection } from '@libp2p/interface'
import { toContentId } from '../../../lib/hash/contentId.ts'
import { pb, type DecodedHaveNotice, type HaveAck } from '../../../lib/net/index.ts'
import { dialableAddrs } from '../../scheduling/dialableAddrs.ts'
import type { CoordinatorContext } from '../CoordinatorContext.ts'

/**
 * /cotrain/have: a worker holds (fetched and hash-checked) and serves some of
 * the round's objects. Only the round's model and the coordinator's shards
 * are recorded, and only for a worker other workers can dial directly;
 * anything else is acknowledged with `recorded` 0 (no error: a worker that
 * cannot serve simply is not named). Providers the worker reports as having
 * failed it go to the provider book, which may stop naming them.
 */
export function handleHave (ctx: CoordinatorContext, peerId: string, notice: DecodedHaveNotice, connection: Connection): HaveAck {
  const book = ctx.providers
  const round = ctx.rounds.currentRound()
  if (book === undefined || round == null) return { round: notice.round, recorded: 0 }
  ctx.rounds.heartbeat(peerId)
  book.useModel(round.modelId)
  const ids = notice.contentIds.map((b) => toContentId(b)).filter((id) => id === round.modelId || ctx.shards.has(id))
  for (const f of notice.failedProviders ?? []) {
    const fault = f.fault === pb.ProviderFault.PROVIDER_FAULT_WRONG_BYTES ? 'wrong-bytes' : 'unavailable'
    const contentId = toContentId(f.contentId as Uint8Array)
    const outcome = book.report(peerId, contentId, f.peerId ?? '', fault)
    if (outcome === 'ignored') continue
    ctx.metrics.providerReports.inc(1, { fault, outcome })
    if (outcome === 'dropped') ctx.emit({ event: 'provider:dropped', peerId: f.peerId ?? '', contentId, fault, reporter: peerId })
  }
  const listen = ctx.addrs.of(peerId, ctx.rounds.workers.get(peerId)?.capabilities)
  return { round: notice.round, recorded: book.record(peerId, ids, dialableAddrs(listen, connection.remoteAddr)) }
}
