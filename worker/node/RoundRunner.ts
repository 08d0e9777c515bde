import { cp, mkdir, readdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { hexToBytes, type Hex } from 'viem'
import { decodeShard } from '../../lib/data/shard.ts'
import { bytesToFloat32 } from '../../lib/hash/float32Bytes.ts'
import { resolveModelConfig, type ModelConfigInput } from '../../lib/model/config.ts'
import { ErrorCode, ProtocolError, errorCodeName, isTransientError, providerFault, retryWithBackoff, submitUpdate, toContentId, type ContentId, type FailedProvider, type ProviderRef } from '../../lib/net/index.ts'
import type { cotrain } from '../../lib/proto/cotrain.js'
import { computeCommitment } from '../../lib/proof/commitment.ts'
import { deltaToWire } from '../../lib/proof/deltaWire.ts'
import { roundCheckpointDir } from '../../lib/training/CheckpointStore.ts'
import type { TrainingHyperParams } from '../../lib/training/hyperParams.ts'
import { trainRound } from '../../lib/training/trainRound.ts'
import { applyDeltaFault, trainingFaultOf } from '../../lib/faults/index.ts'
import { readSubmittedRound, submittedRoundPath, type SubmittedRound } from './submittedRound.ts'
import { roundsToDrop } from './checkpointRetention.ts'
import type { WorkerContext } from './WorkerContext.ts'
import { writeFileAtomic } from '../../lib/fs/writeFileAtomic.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { hyperParamsFromWire } from '../../lib/net/hyperParamsWire.ts'

/** A round's update, ready to commit and submit (from training, or read back after a restart). */
interface PreparedUpdate extends SubmittedRound {
  deltaBytes: Uint8Array
  loss: number
  samplesPerSecond: number
  seconds: number
  resumedFrom: number | null
}

/**
 * Runs one assigned round from start to answer: fetch the model and shards,
 * train with proof (or resume, or cheat in a fault mode), commit on chain
 * through the outbox, submit the update, and serve the checkpoints. The
 * update is saved before it is committed, so a restart re-sends the same
 * bytes instead of training again.
 */
export class RoundRunner {
  private readonly ctx: WorkerContext

  constructor (ctx: WorkerContext) {
    this.ctx = ctx
  }

  /**
   * One round: fetch, train (or resume, or cheat), commit, submit, serve.
   * Returns the seconds the coordinator's ack said to wait before asking for
   * work again (0: at once).
   */
  async run (a: cotrain.v1.Assignment): Promise<number> {
    const { ctx } = this
    const ann = a.announcement as cotrain.v1.RoundAnnouncement
    const round = a.round
    const fault = ctx.options.fault ?? 'none'
    const hyper = hyperParamsFromWire(ann.hyperParameters)
    const modelId = toContentId(ann.modelId)
    ctx.emit({ event: 'round:assigned', round, shards: a.shards.length, samples: a.totalSamples, steps: hyper.steps, modelId })
    Object.assign(ctx.live, { phase: 'training', round, step: 0, steps: hyper.steps, waitingFor: undefined })

    let update = await this.readPrepared(round)
    if (update === undefined) {
      update = fault === 'copy' ? await this.copyUpdate(round) : await this.train(a, hyper)
      await this.savePrepared(update)
    }
    ctx.emit({ event: 'round:trained', round, commitment: update.commitment, proofRoot: update.proofRoot, loss: update.loss, samplesPerSecond: update.samplesPerSecond, seconds: update.seconds, resumedFrom: update.resumedFrom, fault })
    ctx.metrics.samplesPerSecond.set(update.samplesPerSecond)

    let contributionId: string | undefined
    let txHash: string | undefined
    ctx.live.phase = 'committing'
    if (ctx.outbox !== undefined) {
      const entry = await ctx.outbox.submitContribution({ dataHash: update.commitment as Hex })
      const confirmed = await ctx.outbox.waitFor(entry.id, { signal: ctx.signal })
      contributionId = confirmed.result?.contributionId?.toString()
      txHash = confirmed.result?.txHash
    }
    ctx.state.put({ round, commitment: update.commitment, proofRoot: update.proofRoot, contributionId, txHash, status: 'committed', fault })
    ctx.checkpoints.serve(round)
    ctx.emit({ event: 'contribution:submitted', round, commitment: update.commitment, contributionId: contributionId ?? null, txHash: txHash ?? null })

    // Round 0 does not exist on the wire, so a stale worker in round 1 claims round 2 (also not open).
    const submittedRound = fault === 'stale-round' ? (round > 1 ? round - 1 : round + 1) : round
    const wire = deltaToWire(update.deltaBytes)
    ctx.live.phase = 'submitting'
    let status: 'accepted' | 'rejected'
    let retryAfter = 0
    try {
      // Committed work is delivered whatever it takes: a coordinator that is
      // down or restarting is retried (with back-off) until it answers, and
      // one that forgot us (a new database) is joined again first.
      let rejoin = false
      const message = {
        round: submittedRound,
        workerAddress: hexToBytes(ctx.address),
        baseModelId: hexToBytes(update.baseModelId as Hex),
        commitment: hexToBytes(update.commitment as Hex),
        ...wire,
        deltaHash: hexToBytes(update.deltaHash as Hex),
        proofRoot: hexToBytes(update.proofRoot as Hex),
        leafCount: update.leaves.length,
        leaves: update.leaves,
        samples: update.samples,
        contributionId: contributionId ?? '',
        txHash: txHash === undefined ? new Uint8Array(0) : hexToBytes(txHash as Hex),
        backendClass: update.replay.backendClass,
        microBatches: update.replay.microBatches
      }
      await retryWithBackoff(async () => {
        if (rejoin) await ctx.coordinator.join({ signal: ctx.signal })
        rejoin = false
        const ack = await submitUpdate(ctx.node, ctx.coordinator.peer, message, { signal: ctx.signal })
        retryAfter = ack.retryAfter ?? 0
      }, {
        signal: ctx.signal,
        maxMs: 30_000,
        retryable: (err) => {
          rejoin = err instanceof ProtocolError && err.remote && err.code === ErrorCode.ERROR_CODE_UNAUTHENTICATED
          return rejoin || isTransientError(err)
        },
        onRetry: (err, attempt, wait) => { if (attempt === 1 || attempt % 5 === 0) ctx.log(`round ${round}: delivering the update failed (${(err as Error).message.split('\n')[0]}), retrying in ${(wait / 1000).toFixed(1)} s`) }
      })
      status = 'accepted'
      ctx.emit({ event: 'update:accepted', round, commitment: update.commitment, submittedRound })
    } catch (err) {
      if (ctx.signal.aborted) throw err
      if (!(err instanceof ProtocolError) || err.remote !== true) throw err
      if (err.code === ErrorCode.ERROR_CODE_DUPLICATE) {
        // Sent before a crash: the coordinator has it already.
        status = 'accepted'
        ctx.emit({ event: 'update:accepted', round, commitment: update.commitment, submittedRound })
      } else {
        status = 'rejected'
        ctx.emit({ event: 'update:rejected', round, commitment: update.commitment, submittedRound, code: errorCodeName(err.code), reason: err.shortMessage })
      }
    }
    ctx.metrics.submissions.inc(1, { result: status })
    ctx.metrics.rounds.inc()
    ctx.state.put({ round, commitment: update.commitment, proofRoot: update.proofRoot, contributionId, txHash, status, fault })
    ctx.live.phase = 'serving'
    ctx.emit({ event: 'round:done', round, status, loss: update.loss })
    return retryAfter
  }

  /**
   * Deletes the checkpoints (and state records) of rounds that can no longer
   * be challenged: see checkpointRetention. The newest `keepRounds` stay.
   */
  async prune (): Promise<void> {
    const { ctx } = this
    const root = path.join(ctx.options.dataDir, 'checkpoints')
    const names = existsSync(root) ? await readdir(root) : []
    const onDisk = ctx.checkpoints.roundsOnDisk(names)
    const records = ctx.state.records()
    const drop = roundsToDrop({ onDisk: [...new Set([...onDisk, ...records.map((r) => r.round)])], records, now: Math.floor(Date.now() / 1000), challengeWindowSeconds: ctx.challengeWindowSeconds, keepRounds: ctx.options.keepRounds })
    for (const r of drop) if (onDisk.includes(r)) await ctx.checkpoints.drop(r)
    ctx.state.forget(drop)
  }

  /**
   * Serves objects of the round (now held, hash-checked: the model, then the
   * shards) to other workers and tells the coordinator, which then names this worker as a
   * provider. In the background, with a deadline: a coordinator that does not
   * hear it just keeps serving the objects itself. The providers that failed
   * this worker go with it, so the coordinator can stop naming a liar.
   */
  private offer (round: number, ids: ContentId[], failedProviders: FailedProvider[]): void {
    const { ctx } = this
    for (const id of ids) ctx.cache.serve(id)
    ctx.coordinator.offer(round, ids, failedProviders, { signal: ctx.signal })
      .catch((err: unknown) => { if (!ctx.signal.aborted) ctx.log(`round ${round}: could not offer what it holds to other workers: ${(err as Error).message.split('\n')[0]}`) })
  }

  private async train (a: cotrain.v1.Assignment, hyper: TrainingHyperParams): Promise<PreparedUpdate> {
    const { ctx } = this
    const o = ctx.options
    const ann = a.announcement as cotrain.v1.RoundAnnouncement
    const peer = ctx.coordinator.peer
    // Swarm distribution: other workers the coordinator named for an object are tried first, the coordinator last.
    const named = providersByContent(a)
    // Reported with the next have notice (LIMITS.haveFailures at most).
    const failed: FailedProvider[] = []
    const fetchOptions = (id: ContentId, what: string): Parameters<typeof ctx.cache.get>[3] => ({
      signal: ctx.signal,
      providers: named.get(id)?.providers,
      size: named.get(id)?.size,
      onProgress: (r, t) => o.progress?.transfer(`round ${a.round} ${what}`, r, t),
      onProviderFailed: (p, err) => {
        failed.push({ contentId: id, peerId: p.peerId, fault: providerFault(err) })
        ctx.log(`round ${a.round}: ${what} from peer ${p.peerId.slice(-8)} failed (${(err as Error).message.split('\n')[0]}); trying the next source`)
      }
    })
    const onFetched = (got: { fetched: number, provider?: string }): void => { if (got.fetched > 0) ctx.metrics.bytesFetched.inc(got.fetched, { from: got.provider === undefined ? 'coordinator' : 'peer' }) }
    const model = await ctx.cache.get(ctx.node, peer, modelIdOf(ann), fetchOptions(modelIdOf(ann), 'model'))
    onFetched(model)
    // Offered at once: the workers waiting for the model need it now, not after our shards.
    this.offer(a.round, [modelIdOf(ann)], failed.splice(0))
    const startWeights = bytesToFloat32(model.bytes, 'model weights')
    const shards = []
    for (const ref of a.shards) {
      const id = toContentId(ref.contentId as Uint8Array)
      const got = await ctx.cache.get(ctx.node, peer, id, fetchOptions(id, `shard ${ref.index}`))
      onFetched(got)
      const s = decodeShard(got.bytes, { expectedId: id })
      shards.push({ id: s.id, dataset: s.dataset })
    }
    if (shards.length > 0) this.offer(a.round, shards.map((s) => s.id), failed.splice(0))
    const fault = o.fault ?? 'none'
    const trainingFault = trainingFaultOf(fault)
    const threads = trainingFault !== undefined ? 1 : Math.max(1, o.threads ?? 1)
    const config = resolveModelConfig(JSON.parse(ann.modelConfigJson) as ModelConfigInput)
    const result = await trainRound({
      round: a.round,
      roundSeed: parseRoundSeed(ann.roundSeed),
      workerAddress: ctx.address,
      model: config,
      startWeights,
      shards,
      hyper
    }, {
      checkpointDir: roundCheckpointDir(path.join(o.dataDir, 'checkpoints'), a.round),
      threads,
      fault: trainingFault,
      signal: ctx.signal,
      beforeStep: ctx.gate.beforeStep,
      onProgress: (p) => {
        ctx.live.step = p.step
        ctx.live.steps = p.steps
        o.progress?.update(`round ${a.round}`, p.step, p.steps, `loss ${p.loss.toFixed(4)}, ${p.samplesPerSecond.toFixed(0)} samples/s`)
      }
    }).finally(() => { ctx.gate.endOfWork() })
    if (result.resumedFrom !== null) ctx.log(`round ${a.round}: resumed after checkpoint ${result.resumedFrom}`)
    const final = applyDeltaFault(result, fault)
    return {
      round: a.round,
      workerAddress: ctx.address,
      baseModelId: final.startWeightsId,
      commitment: final.commitment,
      deltaHash: final.deltaHash,
      proofRoot: final.proofRoot,
      leaves: final.leaves.map((l) => ({ loss: l.loss, updateNorm: l.updateNorm })),
      samples: hyper.steps * hyper.batchSize,
      replay: final.replay,
      deltaFile: `round-${a.round}.delta`,
      deltaBytes: final.deltaBytes,
      loss: final.leaves.at(-1)?.loss ?? 0,
      samplesPerSecond: final.samplesPerSecond,
      seconds: final.seconds,
      resumedFrom: final.resumedFrom
    }
  }

  /** copy fault: another worker's submitted update and checkpoints, under this worker's address. */
  private async copyUpdate (round: number): Promise<PreparedUpdate> {
    const { ctx } = this
    const from = ctx.options.copyFrom as string
    const started = performance.now()
    let got = await readSubmittedRound(from, round)
    while (got === undefined) {
      await sleep(500, undefined, { signal: ctx.signal })
      got = await readSubmittedRound(from, round)
    }
    const src = roundCheckpointDir(path.join(from, 'checkpoints'), round)
    const dst = roundCheckpointDir(path.join(ctx.options.dataDir, 'checkpoints'), round)
    if (existsSync(src)) await cp(src, dst, { recursive: true, force: true })
    const m = got.meta
    const commitment = computeCommitment({ round, startWeightsId: m.baseModelId as Hex, deltaHash: m.deltaHash as Hex, proofRoot: m.proofRoot as Hex, workerAddress: ctx.address })
    return { ...m, workerAddress: ctx.address, commitment, deltaFile: `round-${round}.delta`, deltaBytes: got.deltaBytes, loss: m.leaves.at(-1)?.loss ?? 0, samplesPerSecond: 0, seconds: (performance.now() - started) / 1000, resumedFrom: null }
  }

  private async savePrepared (u: PreparedUpdate): Promise<void> {
    const file = submittedRoundPath(this.ctx.options.dataDir, u.round)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFileAtomic(path.join(path.dirname(file), u.deltaFile), u.deltaBytes)
    const { deltaBytes: _d, loss: _l, samplesPerSecond: _s, seconds: _t, resumedFrom: _r, ...meta } = u
    await writeFileAtomic(file, JSON.stringify(meta, null, 2))
  }

  private async readPrepared (round: number): Promise<PreparedUpdate | undefined> {
    const got = await readSubmittedRound(this.ctx.options.dataDir, round)
    if (got === undefined || got.meta.workerAddress.toLowerCase() !== this.ctx.address.toLowerCase()) return undefined
    return { ...got.meta, deltaBytes: got.deltaBytes, loss: got.meta.leaves.at(-1)?.loss ?? 0, samplesPerSecond: 0, seconds: 0, resumedFrom: null }
  }
}

function modelIdOf (ann: cotrain.v1.RoundAnnouncement): ContentId {
  return toContentId(ann.modelId)
}

/** The assignment's named providers by content id (swarm distribution). */
function providersByContent (a: cotrain.v1.Assignment): Map<ContentId, { size: number, providers: ProviderRef[] }> {
  const out = new Map<ContentId, { size: number, providers: ProviderRef[] }>()
  // Decoded and schema-checked (lib/net/messages.ts checkAssignment): ids 32 bytes, lists bounded.
  for (const c of a.providers ?? []) {
    out.set(toContentId(c.contentId as Uint8Array), { size: c.size ?? 0, providers: (c.providers ?? []).map((p) => ({ peerId: p.peerId ?? '', addrs: [...(p.addrs ?? [])] })) })
  }
  return out
}
