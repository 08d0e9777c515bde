import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { writeFileAtomicSync } from '../lib/fs/writeFileAtomic.ts'
import path from 'node:path'
import type { DialTarget } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { Address, Hex } from 'viem'
import { getBlock } from 'viem/actions'
import { oneLine } from '../lib/errors.ts'
import {
  ContractRevertedError, ContributionType, distributeRewardsBatch, getChallengeSeed, getContribution, readStaking, registerContributor, reportFraud, submitContribution,
  type WalletChainClient
} from '../lib/chain/index.ts'
import { decodeShard } from '../lib/data/shard.ts'
import type { Dataset } from '../lib/data/Dataset.ts'
import { bytesToFloat32 } from '../lib/hash/float32Bytes.ts'
import { toHex } from '../lib/hash/sha256.ts'
import { resolveModelConfig, type ModelConfig } from '../lib/model/config.ts'
import { createNode, ErrorCode, fetchContent, listSubmissions, ProtocolError, toContentId, type CotrainNode } from '../lib/net/index.ts'
import { listDatasets } from '../lib/net/dataset.ts'
import { validateDatasetShards } from '../lib/data/validateDatasetShards.ts'
import { getContributionIdByHash } from '../lib/chain/actions/getContributionIdByHash.ts'
import type { cotrain } from '../lib/proto/cotrain.js'
import type { TrainingShard } from '../lib/training/trainRound.ts'
import { challengeWindowSeconds } from '../lib/challenge/challengeWindow.ts'
import { evidenceHash } from '../lib/validation/evidenceHash.ts'
import { heldOutReference, heldOutSliceFor, measureImprovement, median, qualityScore, scoreScale, type HeldOutReference } from '../lib/validation/qualityScore.ts'
import { submissionClaimFromWire } from '../lib/validation/submissionClaim.ts'
import { verifySubmission } from '../lib/validation/verifySubmission.ts'
import { selectBackend, type BackendName } from '../lib/training/selectBackend.ts'
import { validationBatchHash } from './validationBatchHash.ts'
import { readValidationBatches } from './readValidationBatches.ts'
import { sleep } from '../lib/async/sleep.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'
import { hyperParamsFromWire } from '../lib/net/hyperParamsWire.ts'

/** Events of a validator (`--json` prints one object per line). */
export type ValidatorEvent =
  | { event: 'validator:ready', peerId: string, address: string, backend: string, backendReason: string }
  | { event: 'submission:verified', round: number, contributionId: string, ok: boolean, outcome: string, score: number | null, reason: string }
  | { event: 'submission:skipped', round: number, contributionId: string, reason: string }
  | { event: 'scores:sent', round: number, ids: string[], scores: number[], tx: string }
  | { event: 'fraud:reported', round: number, contributionId: string, evidenceHash: string, tx: string, slashed: boolean }
  | { event: 'validation:submitted', round: number, contributionId: string, dataHash: string }
  | { event: 'validation:scored', contributionId: string, validator: string, score: number, agreement: string }
  | { event: 'round:validated', round: number, scored: number, fraud: number }
  | { event: 'dataset:validated', contributionId: string, datasetId: string, ok: boolean, score: number, reason: string }
  | { event: 'validator:warning', message: string }

export interface ValidatorServiceOptions {
  dataDir: string
  /** The coordinator's multiaddr (with /p2p/<id>). */
  coordinator: string
  wallet: WalletChainClient
  contract: Address
  /** Stop after this many rounds are validated (0 = run until stop()). */
  rounds?: number
  /**
   * First round to look at (default: where the saved state left off, else the
   * coordinator's current round: a new validator does not go back over
   * contributions whose checkpoints may be gone and whose challenge window
   * may have passed).
   */
  fromRound?: number
  /** Submissions verified at once (default 2): one slow or stalling worker does not hold the others. */
  concurrency?: number
  pollMs?: number
  heldOutSamples?: number
  /** How long a worker may be unreachable before its silence counts as withholding its proof. */
  proofWindowMs?: number
  /** Mine a block for a challenge seed that is not ready (dev chains; default: chain id 31337). */
  mineSeeds?: boolean
  /** Submit a Validation contribution per batch and score other validators' (default true). */
  validationContributions?: boolean
  /**
   * The TensorFlow.js backend replays run on (default auto: the fastest that
   * loads). Replaying is most of a validator's work: on the pure-JS cpu
   * backend it is about 4x slower than on wasm.
   */
  backend?: BackendName | 'auto'
  node?: CotrainNode
  onEvent?: (e: ValidatorEvent) => void
}

/** What survives a restart: which contributions were handled, where the round loop stands. */
interface ValidatorState {
  nextRound: number
  roundsDone: number
  /** contribution id -> score (1..100) or 'fraud'. */
  handled: Record<string, number | 'fraud'>
  /** contribution id -> first time the worker was unreachable (ms). */
  unreachableSince: Record<string, number>
  /**
   * Verified updates whose scores are not on chain yet (the send failed or the
   * validator stopped first), so the next poll or run sends them without
   * replaying the training again.
   */
  verifiedUnsent?: Record<string, { round: number, improvement: number, startLoss: number }>
  /** Validation contribution ids of other validators already scored. */
  validationsScored: string[]
  /** Block of our last Validation contribution. */
  lastValidationBlock: string
  /**
   * Compute scores on chain that no Validation contribution of ours covers
   * yet, in the order sent. Others rebuild our batch from every score since
   * our previous Validation contribution, so after a failed one the next
   * batch must cover these too, or its hash would not match (scored 1).
   */
  unrecordedScores?: Array<{ id: string, score: number }>
}

interface Pending { round: number, id: bigint, improvement: number, startLoss: number }

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
  private state: ValidatorState
  private readonly controller = new AbortController()
  private loop: Promise<void> | undefined
  /** Held-out slices by model architecture (MNIST digits, or text windows for a gpt of some context length). */
  private readonly heldOut = new Map<string, Dataset>()
  /** Held-out loss and gradient at the model a round trains from, by model id: one per round, shared by its updates. */
  private reference: { modelId: string, value: HeldOutReference } | undefined
  private resolveDone!: () => void
  private rejectDone!: (err: unknown) => void
  private readonly contentDir: string
  private readonly stateFile: string
  /** No saved state: where to start is decided at start(). */
  private readonly fresh: boolean
  /** Seconds a contribution can be challenged after it is mined (challengeWindowSeconds), read once. */
  private challengeWindowSeconds: number | undefined

  constructor (options: ValidatorServiceOptions) {
    this.options = options
    this.done = new Promise((resolve, reject) => { this.resolveDone = resolve; this.rejectDone = reject })
    this.done.catch(() => undefined)
    mkdirSync(options.dataDir, { recursive: true })
    this.contentDir = path.join(options.dataDir, 'content')
    mkdirSync(this.contentDir, { recursive: true })
    this.stateFile = path.join(options.dataDir, 'validator-state.json')
    this.state = existsSync(this.stateFile)
      ? JSON.parse(readFileSync(this.stateFile, 'utf8')) as ValidatorState
      : { nextRound: 1, roundsDone: 0, handled: {}, unreachableSince: {}, validationsScored: [], lastValidationBlock: '0' }
    this.fresh = !existsSync(this.stateFile)
    if (options.fromRound !== undefined && this.fresh) this.state.nextRound = options.fromRound
  }

  get address (): Address { return this.options.wallet.account.address }

  /** The contributions handled so far (id -> score or 'fraud'). */
  get handled (): Readonly<Record<string, number | 'fraud'>> { return this.state.handled }

  async start (): Promise<void> {
    if (this.options.node !== undefined) {
      this.node = this.options.node
    } else {
      this.node = await createNode({ identityPath: path.join(this.options.dataDir, 'peer.key') })
      this.ownNode = true
    }
    const backend = await selectBackend({ backend: this.options.backend ?? 'auto' })
    await this.heldOutFor(resolveModelConfig({ kind: 'mlp' }))
    if (this.options.validationContributions !== false) {
      // Validation work is a contribution like any other: the contract needs the validator registered with stake to record and pay it.
      await registerContributor(this.options.wallet, { address: this.options.contract }).catch((err: unknown) => {
        this.emit({ event: 'validator:warning', message: `not registered as a contributor, so validation work goes unrewarded: ${oneLine(err)}` })
      })
    }
    if (this.fresh && this.options.fromRound === undefined) {
      this.state.nextRound = await this.currentRound()
      this.save()
    }
    this.emit({ event: 'validator:ready', peerId: this.node.peerId.toString(), address: this.address, backend: backend.backendClass, backendReason: backend.reason })
    this.loop = this.run().then(() => this.resolveDone(), (err) => { if (!this.controller.signal.aborted) this.rejectDone(err); else this.resolveDone() })
  }

  async stop (): Promise<void> {
    this.controller.abort()
    await this.loop?.catch(() => undefined)
    if (this.ownNode) await this.node?.stop()
  }

  /** This validator's held-out slice for a model's data: MNIST for the classifiers, the text corpus's held-out windows for a gpt. */
  private async heldOutFor (model: ModelConfig): Promise<Dataset> {
    const key = model.kind === 'gpt' ? `gpt/${model.contextLength}` : 'image'
    let d = this.heldOut.get(key)
    if (d === undefined) {
      d = await heldOutSliceFor(model, this.address, this.options.heldOutSamples)
      this.heldOut.set(key, d)
    }
    return d
  }

  private emit (e: ValidatorEvent): void {
    this.options.onEvent?.(e)
  }

  private save (): void {
    writeFileAtomicSync(this.stateFile, JSON.stringify(this.state, null, 1))
  }

  private get coordinator (): DialTarget {
    return multiaddr(this.options.coordinator)
  }

  private async run (): Promise<void> {
    const signal = this.controller.signal
    const poll = this.options.pollMs ?? 1000
    let stablePolls = 0
    while (!signal.aborted) {
      const target = this.options.rounds ?? 0
      if (target > 0 && this.state.roundsDone >= target) return
      await this.validateDatasets().catch((err) => {
        // Said once: a coordinator without the dataset protocol would repeat it every poll.
        if (this.controller.signal.aborted) return // stopping, not a problem to report
        if (!this.datasetWarned) this.emit({ event: 'validator:warning', message: `validating datasets: ${oneLine(err)}` })
        this.datasetWarned = true
      })
      const r = this.state.nextRound
      const listed = await this.listRound(r)
      if (listed === undefined) { await pause(poll, signal); continue }
      const pending: Pending[] = []
      let waiting = false
      const outcomes = await mapWithConcurrency(listed, this.options.concurrency ?? 2, async (s) =>
        await this.handleSubmission(r, s, pending).catch((err: unknown) => this.onSubmissionError(r, s, err)))
      if (outcomes.includes('retry')) waiting = true
      const next = await this.listRound(r + 1)
      const allSettled = !waiting && listed.length > 0 && listed.every((s) => s.status !== 'pending')
      stablePolls = allSettled ? stablePolls + 1 : 0
      if (pending.length > 0) {
        // Unsent scores stay unhandled, so the next poll verifies and sends them again.
        await this.sendScores(r, pending).catch((err: unknown) => {
          if (isFatal(err)) throw err
          waiting = true
          this.emit({ event: 'validator:warning', message: `sending round ${r}'s scores (retried next poll): ${oneLine(err)}` })
        })
      }
      if ((next !== undefined && !waiting) || stablePolls >= 3) {
        this.emit({ event: 'round:validated', round: r, scored: listed.filter((s) => typeof this.state.handled[s.submission?.contributionId ?? ''] === 'number').length, fraud: listed.filter((s) => this.state.handled[s.submission?.contributionId ?? ''] === 'fraud').length })
        this.state.nextRound = r + 1
        this.state.roundsDone++
        stablePolls = 0
        this.save()
        if (this.options.validationContributions !== false) await this.scoreOtherValidators().catch((err) => { this.emit({ event: 'validator:warning', message: `scoring other validators: ${oneLine(err)}` }) })
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

  /**
   * The coordinator's newest round (1 when it has none yet): rounds are
   * numbered from 1 without gaps, so double until one is missing, then
   * bisect. A handful of listing requests, once, at the first start.
   */
  private async currentRound (): Promise<number> {
    const exists = async (r: number): Promise<boolean> => (await this.listRound(r, { quiet: true })) !== undefined
    if (!await exists(1)) return 1
    let lo = 1
    let hi = 2
    while (await exists(hi)) { lo = hi; hi *= 2 }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (await exists(mid)) lo = mid; else hi = mid
    }
    return lo
  }

  /** All of round r's submissions, or undefined when the coordinator has no such round (yet). */
  private async listRound (round: number, options: { quiet?: boolean } = {}): Promise<cotrain.v1.SubmissionSummary[] | undefined> {
    const out: cotrain.v1.SubmissionSummary[] = []
    try {
      for (let start = 0, total = 1; start < total;) {
        const page = await listSubmissions(this.node!, this.coordinator, { round, start }, { signal: this.controller.signal })
        total = page.total
        if (page.submissions.length === 0) break
        out.push(...(page.submissions as cotrain.v1.SubmissionSummary[]))
        start += page.submissions.length
      }
    } catch (err) {
      if (err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_NOT_FOUND) return undefined
      if (this.controller.signal.aborted) throw err
      if (options.quiet === true) throw err
      this.emit({ event: 'validator:warning', message: `listing round ${round}: ${oneLine(err)}` })
      return undefined
    }
    return out
  }

  /** Content by id from the coordinator, cached on disk (content ids make the cache safe). */
  /**
   * Scores the Dataset contributions the coordinator has received: every shard
   * fetched by content id and checked against the manifest, duplicates of known
   * shards and samples, label balance (lib/data validateDatasetShards). A
   * dataset whose bytes do not match its manifest gets the lowest score rather
   * than a fraud report: a broken upload is not provably dishonest.
   */
  private async validateDatasets (): Promise<void> {
    const { datasets } = await listDatasets(this.node!, this.coordinator, {}, { signal: this.controller.signal })
    const scores: Array<{ id: bigint, score: number }> = []
    for (const d of datasets) {
      if (!d.complete || d.contributor.toLowerCase() === this.address.toLowerCase()) continue
      // the contribution of the contributor the coordinator took the dataset from (a hash binds only its submitter)
      const id = await getContributionIdByHash(this.options.wallet, { address: this.options.contract, dataHash: d.datasetId as Hex, contributor: d.contributor as Hex })
      if (id === 0n || this.state.handled[id.toString()] !== undefined) continue
      if (await readStaking(this.options.wallet, this.options.contract, 'hasScored', [id, this.address])) { this.state.handled[id.toString()] = 0; continue }
      const shards = new Map<string, Uint8Array>()
      for (const entry of d.manifest.shards) {
        try { shards.set(toContentId(entry.id), await this.content(entry.id)) } catch { /* a missing shard fails the check below */ }
      }
      const verdict = validateDatasetShards({ manifest: d.manifest, shards, knownShardIds: d.knownShardIds, expected: d.manifest.tokenizer !== undefined ? { numClasses: 1 } : { sampleShape: [28, 28], numClasses: 10 } })
      scores.push({ id, score: verdict.score })
      this.emit({ event: 'dataset:validated', contributionId: id.toString(), datasetId: d.datasetId, ok: verdict.ok, score: verdict.score, reason: verdict.reasons.join('; ') })
    }
    if (scores.length === 0) return
    const r = await distributeRewardsBatch(this.options.wallet, { address: this.options.contract, scores })
    for (const s of scores) this.state.handled[s.id.toString()] = s.score
    this.save()
    this.emit({ event: 'scores:sent', round: 0, ids: scores.map((s) => s.id.toString()), scores: scores.map((s) => s.score), tx: r.hash })
  }

  private async content (id: Uint8Array | string): Promise<Uint8Array> {
    const cid = toContentId(id)
    const file = path.join(this.contentDir, cid)
    if (existsSync(file)) { const b = readFileSync(file); return new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }
    const bytes = await fetchContent(this.node!, this.coordinator, cid, { signal: this.controller.signal })
    writeFileAtomicSync(file, bytes)
    return bytes
  }

  private async handleSubmission (round: number, s: cotrain.v1.SubmissionSummary, pending: Pending[]): Promise<'done' | 'retry' | 'skip'> {
    const sub = s.submission
    const idText = sub?.contributionId ?? ''
    if (sub == null || idText === '') return 'skip'
    if (this.state.handled[idText] !== undefined) return 'done'
    const id = BigInt(idText)
    const skip = (reason: string): 'skip' => {
      this.emit({ event: 'submission:skipped', round, contributionId: idText, reason })
      return 'skip'
    }
    if (toHex(sub.workerAddress ?? new Uint8Array(0)).toLowerCase() === this.address.toLowerCase()) return skip('our own contribution')
    const { contract } = this.options
    const [scored, reported] = await Promise.all([
      readStaking(this.options.wallet, contract, 'hasScored', [id, this.address]),
      readStaking(this.options.wallet, contract, 'hasReported', [id, this.address])
    ])
    if (scored || reported) {
      this.state.handled[idText] = reported ? 'fraud' : 0
      delete this.state.verifiedUnsent?.[idText]
      this.save()
      return skip('already scored or reported on chain')
    }
    const known = this.state.verifiedUnsent?.[idText]
    if (known !== undefined) {
      pending.push({ round, id, improvement: known.improvement, startLoss: known.startLoss })
      return 'done'
    }
    const a = s.announcement as cotrain.v1.RoundAnnouncement | null | undefined
    if (a == null) return skip('the listing carries no round announcement')
    const hyper = hyperParamsFromWire(a.hyperParameters)
    const modelConfig = resolveModelConfig(JSON.parse(a.modelConfigJson))
    const startWeights = bytesToFloat32(await this.content(a.modelId))
    const shards: TrainingShard[] = []
    for (const sid of s.shardIds) {
      const shard = decodeShard(await this.content(sid), { expectedId: toHex(sid) })
      shards.push({ id: shard.id, dataset: shard.dataset })
    }
    const claim = submissionClaimFromWire(sub, await this.content(s.deltaId))
    const challengeSeed = await getChallengeSeed(this.options.wallet, { address: contract, id, mine: this.options.mineSeeds ?? this.options.wallet.chain.id === 31337, signal: this.controller.signal })
    const v = await verifySubmission({
      node: this.node, workerPeer: { peerId: s.workerPeerId, multiaddrs: s.workerAddrs },
      submission: claim, startWeights, modelConfig, hyper, roundSeed: parseRoundSeed(a.roundSeed), shards, challengeSeed
    }, { signal: this.controller.signal })
    let evidence = v.evidenceHash
    if (v.outcome === 'unavailable') {
      const since = this.state.unreachableSince[idText] ??= Date.now()
      this.save()
      if (Date.now() - since < (this.options.proofWindowMs ?? 120_000)) {
        this.emit({ event: 'submission:verified', round, contributionId: idText, ok: false, outcome: 'unavailable', score: null, reason: v.reason })
        return 'retry'
      }
      // Silent past the proof window: indistinguishable from hiding a faked checkpoint.
      evidence = evidenceHash({ commitment: claim.commitment, challengeSeed, check: 'withheld', index: v.checks.at(-1)?.index ?? -1, expected: 'checkpoint', got: 'unreachable' })
    }
    if (v.outcome === 'valid') {
      const heldOut = await this.heldOutFor(modelConfig)
      const modelId = toContentId(a.modelId)
      if (this.reference?.modelId !== modelId) {
        this.reference = { modelId, value: await heldOutReference({ modelConfig, weights: startWeights, heldOut }, { signal: this.controller.signal }) }
      }
      const m = await measureImprovement({ modelConfig, startWeights, deltaBytes: claim.deltaBytes, heldOut, reference: this.reference.value }, { signal: this.controller.signal })
      pending.push({ round, id, improvement: m.improvement, startLoss: m.startLoss })
      this.state.verifiedUnsent = { ...this.state.verifiedUnsent, [idText]: { round, improvement: m.improvement, startLoss: m.startLoss } }
      this.save()
      this.emit({ event: 'submission:verified', round, contributionId: idText, ok: true, outcome: v.outcome, score: null, reason: v.reason })
      return 'done'
    }
    if (await this.pastChallengeWindow(id)) {
      // The worker may rightly have deleted what it was asked for; the chain no longer takes back its reward either.
      this.state.handled[idText] = 0
      delete this.state.unreachableSince[idText]
      this.save()
      return skip(`past its challenge window, not reported (${v.reason})`)
    }
    this.emit({ event: 'submission:verified', round, contributionId: idText, ok: false, outcome: 'fraud', score: null, reason: v.reason })
    let report: { hash: string, slashed: boolean } | undefined
    try {
      report = await reportFraud(this.options.wallet, { address: contract, id, evidenceHash: evidence! })
    } catch (err) {
      // Other validators' reports reached quorum first: the slash this report asked for happened.
      if (!(err instanceof ContractRevertedError && err.errorName === 'ContributionAlreadyFraudulent')) throw err
    }
    this.state.handled[idText] = 'fraud'
    delete this.state.unreachableSince[idText]
    this.save()
    if (report !== undefined) this.emit({ event: 'fraud:reported', round, contributionId: idText, evidenceHash: evidence!, tx: report.hash, slashed: report.slashed })
    else this.emit({ event: 'submission:skipped', round, contributionId: idText, reason: 'already slashed on chain by other validators\' reports' })
    return 'done'
  }

  /**
   * Whether contribution `id` was mined longer ago than it can be challenged
   * (lib/challenge challengeWindowSeconds, by the chain's clock). Workers keep
   * their checkpoints that long and a margin more (worker/node/checkpointRetention),
   * so a validator never reports what an honest worker was entitled to delete.
   */
  private async pastChallengeWindow (id: bigint): Promise<boolean> {
    const client = this.options.wallet
    this.challengeWindowSeconds ??= await challengeWindowSeconds(client, this.options.contract)
    const c = await getContribution(client, { address: this.options.contract, id })
    const [mined, head] = await Promise.all([getBlock(client, { blockNumber: BigInt(c.submittedBlock) }), getBlock(client)])
    return Number(head.timestamp - mined.timestamp) > this.challengeWindowSeconds
  }

  /** Scores the verified updates of a round in one transaction, scaled by the round's median improvement. */
  private async sendScores (round: number, pending: Pending[]): Promise<void> {
    const scale = scoreScale({ startLoss: pending[0].startLoss, medianImprovement: median(pending.map((p) => p.improvement)) })
    const scores = pending.map((p) => ({ id: p.id, score: qualityScore({ verified: true, improvement: p.improvement, scale })! }))
    const r = await distributeRewardsBatch(this.options.wallet, { address: this.options.contract, scores })
    for (const s of scores) {
      this.state.handled[s.id.toString()] = s.score
      delete this.state.verifiedUnsent?.[s.id.toString()]
    }
    this.save()
    this.emit({ event: 'scores:sent', round, ids: scores.map((s) => s.id.toString()), scores: scores.map((s) => s.score), tx: r.hash })
    for (const s of scores) this.emit({ event: 'submission:verified', round, contributionId: s.id.toString(), ok: true, outcome: 'valid', score: s.score, reason: 'scored' })
    if (this.options.validationContributions === false) return
    const batch = [...(this.state.unrecordedScores ?? []), ...scores.map((s) => ({ id: s.id.toString(), score: s.score }))]
    this.state.unrecordedScores = batch
    this.save()
    const dataHash = validationBatchHash(this.address, batch.map((b) => ({ id: BigInt(b.id), score: b.score })))
    try {
      const c = await submitContribution(this.options.wallet, { address: this.options.contract, ctype: ContributionType.Validation, dataHash })
      this.state.lastValidationBlock = c.blockNumber.toString()
      delete this.state.unrecordedScores
      this.save()
      this.emit({ event: 'validation:submitted', round, contributionId: c.id.toString(), dataHash })
    } catch (err) {
      this.emit({ event: 'validator:warning', message: `could not record the batch as a Validation contribution (the next batch will cover its scores): ${oneLine(err)}` })
    }
  }

  /**
   * Scores other validators' Validation contributions: their batch is the
   * ContributionScored events they emitted since their previous Validation
   * contribution; its hash must be their dataHash, and their scores are
   * compared with ours on the ids we both scored (mean absolute difference d:
   * score = clamp(round(100 - 2d), 1, 100); a hash that does not match: 1).
   */
  private async scoreOtherValidators (): Promise<void> {
    const client = this.options.wallet
    const address = this.options.contract
    const out: Array<{ id: bigint, score: number }> = []
    const batches = await readValidationBatches(client, address)
    for (const { id, contributor, dataHash, batch } of batches) {
      if (contributor.toLowerCase() === this.address.toLowerCase() || this.state.validationsScored.includes(id.toString())) continue
      if (await readStaking(client, address, 'hasScored', [id, this.address])) { this.state.validationsScored.push(id.toString()); continue }
      let score = 1
      let agreement = 'batch hash mismatch'
      if (batch.length > 0 && validationBatchHash(contributor, batch) === dataHash.toLowerCase()) {
        const common = batch.filter((b) => typeof this.state.handled[b.id.toString()] === 'number' && (this.state.handled[b.id.toString()] as number) > 0)
        const d = common.length === 0 ? 0 : common.reduce((acc, b) => acc + Math.abs(b.score - (this.state.handled[b.id.toString()] as number)), 0) / common.length
        score = Math.min(100, Math.max(1, Math.round(100 - 2 * d)))
        agreement = `${common.length} common ids, mean |difference| ${d.toFixed(1)}`
      }
      out.push({ id, score })
      this.state.validationsScored.push(id.toString())
      this.emit({ event: 'validation:scored', contributionId: id.toString(), validator: contributor, score, agreement })
    }
    if (out.length > 0) await distributeRewardsBatch(client, { address, scores: out })
    this.save()
  }
}

/** Errors that retrying cannot mend: the account lacks the validator role. */
function isFatal (err: unknown): boolean {
  return err instanceof ContractRevertedError && err.errorName === 'ValidatorUnauthorized'
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
