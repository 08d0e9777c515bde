import path from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import type { Address } from 'viem'
import { sleep } from '../lib/async/sleep.ts'
import { registerContributor } from '../lib/chain/index.ts'
import { oneLine } from '../lib/errors.ts'
import { resolveModelConfig } from '../lib/model/config.ts'
import { createNode, type CotrainNode } from '../lib/net/index.ts'
import type { cotrain } from '../lib/proto/cotrain.js'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { currentRound, listRound } from './listRound.ts'
import { scoreDatasets } from './scoreDatasets.ts'
import { scoreOtherValidators } from './validationBatchJobs.ts'
import { isFatal, type ValidatorContext, type ValidatorServiceOptions } from './ValidatorContext.ts'
import type { ValidatorEvent } from './events.ts'
import { ContentCache, ValidatorStateFile } from './validatorState.ts'
import { ComputeVerifier, type Pending } from './verifyAndReport.ts'

export type { ValidatorServiceOptions } from './ValidatorContext.ts'
export type { ValidatorEvent } from './events.ts'

/**
 * A validator: lists each round's submissions at the coordinator, verifies
 * every one itself (lib/validation verifySubmission, challenged by the
 * on-chain seed), scores verified ones by held-out improvement and sends the
 * round's scores in one distributeRewardsBatch, reports failed ones with
 * reportFraud, then records its batch as a Validation contribution and scores
 * other validators' batches by agreement. Handled ids persist in
 * `<dataDir>/validator-state.json`, so a restart never scores twice.
 *
 * @example
 * const v = new ValidatorService({ dataDir, coordinator, wallet, contract, rounds: 3, onEvent: console.log })
 * await v.start(); await v.done; await v.stop()
 */
export class ValidatorService {
  readonly options: ValidatorServiceOptions
  /** Resolves when `rounds` rounds are validated (never with rounds 0), rejects on a fatal error. */
  readonly done: Promise<void>
  private node: CotrainNode | undefined
  private ownNode = false
  private datasetWarned = false
  private readonly stateFile: ValidatorStateFile
  private readonly contentCache: ContentCache
  private readonly controller = new AbortController()
  private loop: Promise<void> | undefined
  private ctx: ValidatorContext | undefined
  private verifier: ComputeVerifier | undefined
  private resolveDone!: () => void
  private rejectDone!: (err: unknown) => void

  constructor (options: ValidatorServiceOptions) {
    this.options = options
    this.done = new Promise((resolve, reject) => { this.resolveDone = resolve; this.rejectDone = reject })
    this.done.catch(() => undefined)
    this.stateFile = new ValidatorStateFile(options.dataDir)
    this.contentCache = new ContentCache(options.dataDir)
    if (options.fromRound !== undefined && this.stateFile.fresh) this.stateFile.state.nextRound = options.fromRound
  }

  get address (): Address { return this.options.wallet.account.address }

  /** The contributions handled so far (id -> score or 'fraud'). */
  get handled (): Readonly<Record<string, number | 'fraud'>> { return this.stateFile.state.handled }

  async start (): Promise<void> {
    if (this.options.node !== undefined) {
      this.node = this.options.node
    } else {
      this.node = await createNode({ identityPath: path.join(this.options.dataDir, 'peer.key') })
      this.ownNode = true
    }
    const node = this.node
    const coordinator = multiaddr(this.options.coordinator)
    const signal = this.controller.signal
    const ctx: ValidatorContext = {
      options: this.options,
      node,
      address: this.address,
      coordinator,
      signal,
      state: this.stateFile.state,
      save: () => this.stateFile.save(),
      content: async (id) => await this.contentCache.get(node, coordinator, id, signal),
      emit: (e) => this.emit(e)
    }
    this.ctx = ctx
    this.verifier = new ComputeVerifier(ctx)
    const backend = await selectBackend({ backend: this.options.backend ?? 'auto' })
    await this.verifier.heldOutFor(resolveModelConfig({ kind: 'mlp' }))
    if (this.options.validationContributions !== false) {
      // Validation work is a contribution like any other: the contract needs the validator registered with stake to record and pay it.
      await registerContributor(this.options.wallet, { address: this.options.contract }).catch((err: unknown) => {
        this.emit({ event: 'validator:warning', message: `not registered as a contributor, so validation work goes unrewarded: ${oneLine(err)}` })
      })
    }
    if (this.stateFile.fresh && this.options.fromRound === undefined) {
      this.stateFile.state.nextRound = await currentRound(ctx)
      this.stateFile.save()
    }
    this.emit({ event: 'validator:ready', peerId: node.peerId.toString(), address: this.address, backend: backend.backendClass, backendReason: backend.reason })
    this.loop = this.run().then(() => this.resolveDone(), (err) => { if (!this.controller.signal.aborted) this.rejectDone(err); else this.resolveDone() })
  }

  async stop (): Promise<void> {
    this.controller.abort()
    await this.loop?.catch(() => undefined)
    if (this.ownNode) await this.node?.stop()
  }

  private emit (e: ValidatorEvent): void {
    this.options.onEvent?.(e)
  }

  /** The poll loop: datasets, then the current round's submissions, then (once a round is done) other validators' batches. */
  private async run (): Promise<void> {
    const signal = this.controller.signal
    const poll = this.options.pollMs ?? 1000
    let stablePolls = 0
    while (!signal.aborted) {
      const target = this.options.rounds ?? 0
      if (target > 0 && this.stateFile.state.roundsDone >= target) return
      await scoreDatasets(this.ctx!).catch((err) => {
        // Said once: a coordinator without the dataset protocol would repeat it every poll.
        if (this.controller.signal.aborted) return // stopping, not a problem to report
        if (!this.datasetWarned) this.emit({ event: 'validator:warning', message: `validating datasets: ${oneLine(err)}` })
        this.datasetWarned = true
      })
      const r = this.stateFile.state.nextRound
      const listed = await listRound(this.ctx!, r)
      if (listed === undefined) { await pause(poll, signal); continue }
      const pending: Pending[] = []
      let waiting = false
      const outcomes = await mapWithConcurrency(listed, this.options.concurrency ?? 2, async (s) =>
        await this.verifier!.check(r, s, pending).catch((err: unknown) => this.onSubmissionError(r, s, err)))
      if (outcomes.includes('retry')) waiting = true
      const next = await listRound(this.ctx!, r + 1)
      const allSettled = !waiting && listed.length > 0 && listed.every((s) => s.status !== 'pending')
      stablePolls = allSettled ? stablePolls + 1 : 0
      if (pending.length > 0) {
        // Unsent scores stay unhandled, so the next poll verifies and sends them again.
        await this.verifier!.sendScores(r, pending).catch((err: unknown) => {
          if (isFatal(err)) throw err
          waiting = true
          this.emit({ event: 'validator:warning', message: `sending round ${r}'s scores (retried next poll): ${oneLine(err)}` })
        })
      }
      if ((next !== undefined && !waiting) || stablePolls >= 3) {
        this.emit({ event: 'round:validated', round: r, scored: listed.filter((s) => typeof this.stateFile.state.handled[s.submission?.contributionId ?? ''] === 'number').length, fraud: listed.filter((s) => this.stateFile.state.handled[s.submission?.contributionId ?? ''] === 'fraud').length })
        this.stateFile.state.nextRound = r + 1
        this.stateFile.state.roundsDone++
        stablePolls = 0
        this.stateFile.save()
        if (this.options.validationContributions !== false) await scoreOtherValidators(this.ctx!).catch((err) => { this.emit({ event: 'validator:warning', message: `scoring other validators: ${oneLine(err)}` }) })
        continue
      }
      await pause(poll, signal)
    }
  }

  /**
   * A submission whose check failed on the way (the coordinator or the worker
   * busy, a transfer broken, the RPC down) is retried at the next poll rather
   * than ending the validator; only errors no retry can mend (this account is
   * not a validator) are fatal.
   */
  private onSubmissionError (round: number, s: cotrain.v1.SubmissionSummary, err: unknown): 'retry' {
    if (isFatal(err) || this.controller.signal.aborted) throw err
    this.emit({ event: 'validator:warning', message: `checking round ${round} #${s.submission?.contributionId ?? '?'} (retried next poll): ${oneLine(err)}` })
    return 'retry'
  }
}

/** Runs `fn` over `items`, at most `limit` at a time; results in input order. */
async function mapWithConcurrency<T, R> (items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
  return out
}

/** Waits between polls; a stop ends the wait early and the loop's own check ends the loop. */
async function pause (ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, { signal }).catch(() => {})
}
