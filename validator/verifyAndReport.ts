import { getBlock } from 'viem/actions'
import { ContractRevertedError, getChallengeSeed, getContribution, readStaking, reportFraud, distributeRewardsBatch } from '../lib/chain/index.ts'
import { challengeWindowSeconds } from '../lib/challenge/challengeWindow.ts'
import type { Dataset } from '../lib/data/Dataset.ts'
import { decodeShard } from '../lib/data/shard.ts'
import { bytesToFloat32 } from '../lib/hash/float32Bytes.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'
import { toHex } from '../lib/hash/sha256.ts'
import { resolveModelConfig, type ModelConfig } from '../lib/model/config.ts'
import { hyperParamsFromWire } from '../lib/net/hyperParamsWire.ts'
import { toContentId } from '../lib/net/index.ts'
import type { cotrain } from '../lib/proto/cotrain.js'
import type { TrainingShard } from '../lib/training/trainRound.ts'
import { evidenceHash } from '../lib/validation/evidenceHash.ts'
import { heldOutReference, heldOutSliceFor, measureImprovement, median, qualityScore, scoreScale, type HeldOutReference } from '../lib/validation/qualityScore.ts'
import { submissionClaimFromWire } from '../lib/validation/submissionClaim.ts'
import { dialTargets, verifySubmission } from '../lib/validation/verifySubmission.ts'
import { answersPing, isWithholding, noteUnavailable, retryBudget } from '../lib/validation/withholding.ts'
import { recordValidationBatch } from './validationBatchJobs.ts'
import type { ValidatorContext } from './ValidatorContext.ts'

/** A verified update waiting for its round's score batch. */
export interface Pending { round: number, id: bigint, improvement: number, startLoss: number }

/**
 * Verify and report: checks each compute contribution, reports the ones that
 * fail with reportFraud, and scores a round's verified updates by held-out
 * improvement in one distributeRewardsBatch.
 */
export class ComputeVerifier {
  private readonly ctx: ValidatorContext
  /** Held-out slices by model architecture (MNIST digits, or text windows for a gpt of some context length). */
  private readonly heldOut = new Map<string, Dataset>()
  /** Held-out loss and gradient at the model a round trains from, by model id: one per round, shared by its updates. */
  private reference: { modelId: string, value: HeldOutReference } | undefined
  /** Seconds a contribution can be challenged after it is mined (challengeWindowSeconds), read once. */
  private challengeWindowSeconds: number | undefined

  constructor (ctx: ValidatorContext) {
    this.ctx = ctx
  }

  /**
   * This validator's held-out slice for a model's data: MNIST for the
   * classifiers; for a gpt, the held-out windows of the dataset the round
   * announces (a coordinator's --text run), else of the default corpus.
   */
  async heldOutFor (model: ModelConfig, datasetId?: string): Promise<Dataset> {
    const key = model.kind === 'gpt' ? `gpt/${model.contextLength}/${datasetId ?? 'default'}` : 'image'
    let d = this.heldOut.get(key)
    if (d === undefined) {
      const source = datasetId === undefined ? undefined : { datasetId, content: async (id: string) => await this.ctx.content(id) }
      d = await heldOutSliceFor(model, this.ctx.address, this.ctx.options.heldOutSamples, source)
      this.heldOut.set(key, d)
    }
    return d
  }

  /**
   * Verifies one submission (lib/validation verifySubmission, challenged by
   * the on-chain seed): a valid one is measured on held-out data and added to
   * `pending` for the round's score batch; a failed one is reported with
   * reportFraud, unless past its challenge window; an unreachable worker is
   * retried, with more time each try, and counts as withholding only under
   * lib/validation/withholding.ts's rule (spaced retries over the proof
   * window, five windows for a worker that answers pings).
   */
  async check (round: number, s: cotrain.v1.SubmissionSummary, pending: Pending[]): Promise<'done' | 'retry' | 'skip'> {
    const sub = s.submission
    const idText = sub?.contributionId ?? ''
    if (sub == null || idText === '') return 'skip'
    if (this.ctx.state.handled[idText] !== undefined) return 'done'
    const id = BigInt(idText)
    const skip = (reason: string): 'skip' => {
      this.ctx.emit({ event: 'submission:skipped', round, contributionId: idText, reason })
      return 'skip'
    }
    if (toHex(sub.workerAddress ?? new Uint8Array(0)).toLowerCase() === this.ctx.address.toLowerCase()) return skip('our own contribution')
    const { contract } = this.ctx.options
    const [scored, reported] = await Promise.all([
      readStaking(this.ctx.options.wallet, contract, 'hasScored', [id, this.ctx.address]),
      readStaking(this.ctx.options.wallet, contract, 'hasReported', [id, this.ctx.address])
    ])
    if (scored || reported) {
      this.ctx.state.handled[idText] = reported ? 'fraud' : 0
      delete this.ctx.state.verifiedUnsent?.[idText]
      this.ctx.save()
      return skip('already scored or reported on chain')
    }
    const known = this.ctx.state.verifiedUnsent?.[idText]
    if (known !== undefined) {
      pending.push({ round, id, improvement: known.improvement, startLoss: known.startLoss })
      return 'done'
    }
    const a = s.announcement as cotrain.v1.RoundAnnouncement | null | undefined
    if (a == null) return skip('the listing carries no round announcement')
    const hyper = hyperParamsFromWire(a.hyperParameters)
    const modelConfig = resolveModelConfig(JSON.parse(a.modelConfigJson))
    const startWeights = bytesToFloat32(await this.ctx.content(a.modelId))
    const shards: TrainingShard[] = []
    for (const sid of s.shardIds) {
      const shard = decodeShard(await this.ctx.content(sid), { expectedId: toHex(sid) })
      shards.push({ id: shard.id, dataset: shard.dataset })
    }
    const claim = submissionClaimFromWire(sub, await this.ctx.content(s.deltaId))
    const challengeSeed = await getChallengeSeed(this.ctx.options.wallet, { address: contract, id, mine: this.ctx.options.mineSeeds ?? this.ctx.options.wallet.chain.id === 31337, signal: this.ctx.signal })
    const workerPeer = { peerId: s.workerPeerId, multiaddrs: s.workerAddrs }
    const unreachable = this.ctx.state.unreachable?.[idText]
    const v = await verifySubmission({
      node: this.ctx.node, workerPeer,
      submission: claim, startWeights, modelConfig, hyper, roundSeed: parseRoundSeed(a.roundSeed), shards, challengeSeed,
      // A worker that was slow before gets more time now (it may be starved of CPU, or on a slow link).
      ...retryBudget(unreachable)
    }, { signal: this.ctx.signal })
    let evidence = v.evidenceHash
    if (v.outcome === 'unavailable') {
      // "I could not fetch" is not "it withheld": spaced retries over the proof window, longer for a worker that answers pings.
      const rule = { proofWindowMs: this.ctx.options.proofWindowMs ?? 120_000 }
      const targets = dialTargets(workerPeer)
      const alive = await answersPing(this.ctx.node, targets.relayed === undefined ? [targets.all] : [targets.all, targets.relayed], { signal: this.ctx.signal })
      const rec = noteUnavailable(unreachable, Date.now(), alive, rule)
      this.ctx.state.unreachable = { ...this.ctx.state.unreachable, [idText]: rec }
      this.ctx.state.unreachableSince[idText] ??= rec.since
      this.ctx.save()
      if (!isWithholding(rec, Date.now(), rule)) {
        this.ctx.emit({ event: 'submission:verified', round, contributionId: idText, ok: false, outcome: 'unavailable', score: null, reason: `${v.reason} (attempt ${rec.attempts}, ${alive ? 'it answers pings' : 'no answer to a ping'})` })
        return 'retry'
      }
      // Silent past the proof window: indistinguishable from hiding a faked checkpoint.
      evidence = evidenceHash({ commitment: claim.commitment, challengeSeed, check: 'withheld', index: v.checks.at(-1)?.index ?? -1, expected: 'checkpoint', got: 'unreachable' })
    }
    if (v.outcome === 'valid') {
      const heldOut = await this.heldOutFor(modelConfig, a.datasetId != null && a.datasetId.length > 0 ? toContentId(a.datasetId) : undefined)
      const modelId = toContentId(a.modelId)
      if (this.reference?.modelId !== modelId) {
        this.reference = { modelId, value: await heldOutReference({ modelConfig, weights: startWeights, heldOut }, { signal: this.ctx.signal }) }
      }
      const m = await measureImprovement({ modelConfig, startWeights, deltaBytes: claim.deltaBytes, heldOut, reference: this.reference.value }, { signal: this.ctx.signal })
      pending.push({ round, id, improvement: m.improvement, startLoss: m.startLoss })
      this.ctx.state.verifiedUnsent = { ...this.ctx.state.verifiedUnsent, [idText]: { round, improvement: m.improvement, startLoss: m.startLoss } }
      delete this.ctx.state.unreachable?.[idText]
      this.ctx.save()
      this.ctx.emit({ event: 'submission:verified', round, contributionId: idText, ok: true, outcome: v.outcome, score: null, reason: v.reason })
      return 'done'
    }
    if (await this.pastChallengeWindow(id)) {
      // The worker may rightly have deleted what it was asked for; the chain no longer takes back its reward either.
      this.ctx.state.handled[idText] = 0
      delete this.ctx.state.unreachableSince[idText]
      delete this.ctx.state.unreachable?.[idText]
      this.ctx.save()
      return skip(`past its challenge window, not reported (${v.reason})`)
    }
    this.ctx.emit({ event: 'submission:verified', round, contributionId: idText, ok: false, outcome: 'fraud', score: null, reason: v.reason })
    let report: { hash: string, slashed: boolean } | undefined
    try {
      report = await reportFraud(this.ctx.options.wallet, { address: contract, id, evidenceHash: evidence! })
    } catch (err) {
      // Other validators' reports reached quorum first: the slash this report asked for happened.
      if (!(err instanceof ContractRevertedError && err.errorName === 'ContributionAlreadyFraudulent')) throw err
    }
    this.ctx.state.handled[idText] = 'fraud'
    delete this.ctx.state.unreachableSince[idText]
    delete this.ctx.state.unreachable?.[idText]
    this.ctx.save()
    if (report !== undefined) this.ctx.emit({ event: 'fraud:reported', round, contributionId: idText, evidenceHash: evidence!, tx: report.hash, slashed: report.slashed })
    else this.ctx.emit({ event: 'submission:skipped', round, contributionId: idText, reason: 'already slashed on chain by other validators\' reports' })
    return 'done'
  }

  /**
   * Whether contribution `id` was mined longer ago than it can be challenged
   * (lib/challenge challengeWindowSeconds, by the chain's clock). Workers keep
   * their checkpoints that long and a margin more (worker/node/checkpointRetention),
   * so a validator never reports what an honest worker was entitled to delete.
   */
  private async pastChallengeWindow (id: bigint): Promise<boolean> {
    const client = this.ctx.options.wallet
    this.challengeWindowSeconds ??= await challengeWindowSeconds(client, this.ctx.options.contract)
    const c = await getContribution(client, { address: this.ctx.options.contract, id })
    const [mined, head] = await Promise.all([getBlock(client, { blockNumber: BigInt(c.submittedBlock) }), getBlock(client)])
    return Number(head.timestamp - mined.timestamp) > this.challengeWindowSeconds
  }

  /** Scores the verified updates of a round in one transaction, scaled by the round's median improvement. */
  async sendScores (round: number, pending: Pending[]): Promise<void> {
    const scale = scoreScale({ startLoss: pending[0].startLoss, medianImprovement: median(pending.map((p) => p.improvement)) })
    const scores = pending.map((p) => ({ id: p.id, score: qualityScore({ verified: true, improvement: p.improvement, scale })! }))
    const r = await distributeRewardsBatch(this.ctx.options.wallet, { address: this.ctx.options.contract, scores })
    for (const s of scores) {
      this.ctx.state.handled[s.id.toString()] = s.score
      delete this.ctx.state.verifiedUnsent?.[s.id.toString()]
    }
    this.ctx.save()
    this.ctx.emit({ event: 'scores:sent', round, ids: scores.map((s) => s.id.toString()), scores: scores.map((s) => s.score), tx: r.hash })
    for (const s of scores) this.ctx.emit({ event: 'submission:verified', round, contributionId: s.id.toString(), ok: true, outcome: 'valid', score: s.score, reason: 'scored' })
    if (this.ctx.options.validationContributions !== false) await recordValidationBatch(this.ctx, round, scores)
  }
}
