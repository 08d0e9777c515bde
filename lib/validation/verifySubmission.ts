/**
 * Verifies one submitted update end to end, the way every verifier (the
 * coordinator for acceptance, each validator for scoring) does it: recompute
 * the delta hash and the commitment, draw the challenged segments from the
 * on-chain challenge seed, fetch the needed checkpoints from the worker with
 * their Merkle proofs, and replay them (lib/training verifyStart, verifyEnd,
 * verifySegment). See docs/validation.md.
 */
import type { DialTarget, Libp2p } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { isRelayedAddr } from '../net/relay.ts'
import { HashMismatchError } from '../errors.ts'
import { weightsId, type ContentId } from '../hash/contentId.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import { defaultChallengePlan, type ChallengePlan } from '../challenge/challengePlan.ts'
import { selectChallengeSegments } from '../challenge/selectChallengeSegments.ts'
import { CheckpointSizeError, requestCheckpoint } from '../net/checkpoint.ts'
import { ErrorCode, ProtocolError } from '../net/ProtocolError.ts'
import { computeCommitment } from '../proof/commitment.ts'
import { decodeDelta, deltaHash } from '../proof/delta.ts'
import { decodeLeaf } from '../proof/leaf.ts'
import type { ModelConfig, ModelConfigInput } from '../model/config.ts'
import { checkpointCount, resolveHyperParams, type TrainingHyperParams } from '../training/hyperParams.ts'
import type { ReplaySpec, TrainingShard } from '../training/trainRound.ts'
import { verifyEnd, verifySegment, verifyStart, type ServedCheckpoint, type VerifyResult } from '../training/verifySegment.ts'
import { backendClass, isDeterministicClass } from '../training/selectBackend.ts'
import { encodeOptimizerState, initialOptimizerState } from '../training/optimizerState.ts'
import { float32ToBytes } from '../hash/float32Bytes.ts'
import { servedCheckpointFromReply } from './checkpointOpening.ts'
import { CheckpointOpeningError } from './errors.ts'
import { ProofFormatError } from '../proof/errors.ts'
import { evidenceHash } from './evidenceHash.ts'
import { sleep } from '../async/sleep.ts'
import type { RoundSeed } from '../hash/roundSeed.ts'

/** What the worker claims, in canonical form (see submissionClaimFromWire for the wire shape). */
export interface SubmissionClaim {
  round: number
  /** 20 bytes hex. */
  workerAddress: string
  /** The on-chain dataHash. */
  commitment: string
  proofRoot: string
  leafCount: number
  /** Per-leaf summaries as submitted (shown and logged, never used to choose segments; fetched leaves are checked against them). */
  leaves: ReadonlyArray<{ loss: number, updateNorm: number }>
  /** Canonical delta bytes (CTDL). */
  deltaBytes: Uint8Array
  /** The delta hash the worker declared, when it declared one. */
  deltaHash?: string
  /** Content id of W_r the worker trained from, when declared (0x lower-case hex, as every content id). */
  baseModelId?: ContentId
  /** How to replay exactly; without it replays are tolerance-checked with one micro-batch. */
  replay?: ReplaySpec
}

/** The worker to challenge: its libp2p peer id and listen addresses. */
export interface WorkerPeer {
  peerId: string
  multiaddrs: readonly string[]
}

/**
 * Where checkpoint j comes from; the default asks the worker over
 * /cotrain/checkpoint/1.0.0. With `openingOnly` a source may leave the bytes
 * out (weights and optimizer empty): the leaf and proof are enough there.
 */
export type CheckpointSource = (index: number, options: { signal?: AbortSignal, openingOnly?: boolean }) => Promise<ServedCheckpoint>

export interface VerifySubmissionParameters {
  /** Our libp2p node, to dial the worker (with `workerPeer`); or give `checkpoints`. */
  node?: Libp2p
  workerPeer?: WorkerPeer | DialTarget
  /** Overrides the network fetch (e.g. the worker's own store in a benchmark). */
  checkpoints?: CheckpointSource
  submission: SubmissionClaim
  /** W_r. */
  startWeights: Float32Array
  modelConfig: ModelConfigInput | ModelConfig
  hyper: Partial<TrainingHyperParams>
  roundSeed: RoundSeed
  /** The worker's assigned shards, in assignment order. */
  shards: TrainingShard[]
  /** `challengeSeed(contributionId)` from the chain (getChallengeSeed), or any bytes32 for off-chain checks. */
  challengeSeed: string
  plan?: ChallengePlan
  /** Cross-backend replay tolerance (default lib/training DEFAULT_REPLAY_THRESHOLD). */
  threshold?: number
  /** Attempts per checkpoint before the worker counts as unreachable (default 3), and the pause between them. */
  fetchAttempts?: number
  fetchRetryDelayMs?: number
  /**
   * Overall time the worker has to serve every challenged checkpoint, retries
   * included (default {@link VERIFY_DEFAULTS}.fetchDeadlineMs). Replays run on
   * the verifier's machine and do not count against the worker.
   */
  fetchDeadlineMs?: number
  /**
   * Slowest transfer a worker may serve at: each checkpoint fetch is given
   * `requestTimeoutMs + size / minBytesPerSecond` (size as the model implies),
   * so a worker trickling bytes under every stall timer still misses it.
   */
  minBytesPerSecond?: number
  /** Fixed part of each checkpoint fetch's time budget (dial, request, reply). */
  requestTimeoutMs?: number
  /** Runs one segment replay (default: verifySegment on this thread; the coordinator passes its pool of replay threads). A throw is a local error, never a verdict. */
  replaySegment?: typeof verifySegment
}

/** Default deadlines and rates of a verification (docs/challenges.md, "Liveness"). */
export const VERIFY_DEFAULTS = Object.freeze({
  fetchAttempts: 3,
  fetchRetryDelayMs: 500,
  fetchDeadlineMs: 120_000,
  minBytesPerSecond: 32 * 1024,
  // Generous: a loaded verifier (or worker) must not mistake its own slowness for a stalling peer.
  requestTimeoutMs: 30_000
})

/** One check and its result. */
export interface VerificationCheck {
  check: 'commitment' | 'delta' | 'leaves' | 'summary' | 'withheld' | 'start' | 'end' | 'segment'
  /** Checkpoint (start, end, summary, withheld) or segment index; -1 when none. */
  index: number
  ok: boolean
  reason: string
  /** Replay distance, for segments (null when the check failed before replaying). */
  distance?: number | null
  exact?: boolean
}

/**
 * - `valid`: every check passed.
 * - `fraud`: a check failed on what the worker committed to (slashable; `evidenceHash` set).
 * - `unavailable`: the worker could not be reached for a checkpoint. Not
 *   fraud by itself: the caller retries within its proof window and treats
 *   a worker still unreachable after it as withholding (docs/validation.md).
 */
export type VerificationOutcome = 'valid' | 'fraud' | 'unavailable'

export interface SubmissionVerification {
  ok: boolean
  outcome: VerificationOutcome
  /** One printable line: the first failure, or a summary. */
  reason: string
  /** The challenged segments (ascending). */
  segments: number[]
  checks: VerificationCheck[]
  /** bytes32 for reportFraud when `outcome === 'fraud'`, else null. */
  evidenceHash: Hex | null
  /** Seconds spent (fetch and replay). */
  seconds: number
}

class WorkerUnavailableError extends Error {
  override name = 'WorkerUnavailableError'
}

/**
 * Verifies a submission. Never throws for a cheat or an unreachable worker
 * (those are outcomes); throws only on bad local inputs or an abort.
 *
 * @example
 * const v = await verifySubmission({ node, workerPeer: { peerId, multiaddrs }, submission, startWeights,
 *   modelConfig, hyper, roundSeed, shards, challengeSeed: await getChallengeSeed(client, { address, id }) })
 * if (v.outcome === 'fraud') await reportFraud(wallet, { address, id, evidenceHash: v.evidenceHash! })
 */
export async function verifySubmission (params: VerifySubmissionParameters, options: { signal?: AbortSignal } = {}): Promise<SubmissionVerification> {
  const started = performance.now()
  const s = params.submission
  const hyper = resolveHyperParams(params.hyper)
  const checks: VerificationCheck[] = []
  let segments: number[] = []
  const evidenceOf = (check: string, index: number, expected: string, got: string): Hex =>
    evidenceHash({ commitment: s.commitment, challengeSeed: params.challengeSeed, check, index, expected, got })
  const done = (outcome: VerificationOutcome, reason: string, evidence: Hex | null = null): SubmissionVerification =>
    ({ ok: outcome === 'valid', outcome, reason, segments, checks, evidenceHash: evidence, seconds: (performance.now() - started) / 1000 })
  const fraud = (c: Omit<VerificationCheck, 'ok'>, expected: string, got: string): SubmissionVerification => {
    checks.push({ ...c, ok: false })
    return done('fraud', c.reason, evidenceOf(c.check, c.index, expected, got))
  }

  // 1. The commitment binds W_r, the delta, the proof root and the worker.
  const dh = deltaHash(s.deltaBytes)
  if (s.deltaHash !== undefined && s.deltaHash.toLowerCase() !== dh) return fraud({ check: 'delta', index: -1, reason: 'the delta does not hash to the declared delta hash' }, s.deltaHash.toLowerCase(), dh)
  const startId = weightsId(params.startWeights)
  if (s.baseModelId !== undefined && s.baseModelId !== startId) return fraud({ check: 'commitment', index: -1, reason: 'the submission is relative to another model than W_r' }, startId, s.baseModelId)
  let want: string
  try {
    want = computeCommitment({ round: s.round, startWeightsId: startId, deltaHash: dh, proofRoot: s.proofRoot, workerAddress: s.workerAddress })
  } catch (err) {
    return fraud({ check: 'commitment', index: -1, reason: `the commitment cannot be recomputed: ${(err as Error).message}` }, 'well-formed', 'malformed')
  }
  if (want !== s.commitment.toLowerCase()) return fraud({ check: 'commitment', index: -1, reason: 'the commitment does not match W_r, the delta, the proof root and the worker' }, want, s.commitment.toLowerCase())
  checks.push({ check: 'commitment', index: -1, ok: true, reason: 'commitment recomputed' })

  // 2. A delta that does not decode, or holds NaN/Inf, is never a result of training.
  try {
    const d = decodeDelta(s.deltaBytes, { expectedLength: params.startWeights.length })
    if (!d.values.every(Number.isFinite)) return fraud({ check: 'delta', index: -1, reason: 'the delta holds non-finite values' }, 'finite', 'non-finite')
  } catch (err) {
    return fraud({ check: 'delta', index: -1, reason: `the delta is malformed: ${(err as Error).message}` }, 'CTDL', 'malformed')
  }
  const count = checkpointCount(hyper)
  if (s.leafCount !== count || s.leaves.length !== count) return fraud({ check: 'leaves', index: -1, reason: `the proof has ${s.leafCount} leaves (${s.leaves.length} summaries), the round's H and k give ${count}` }, String(count), String(s.leafCount))
  checks.push({ check: 'delta', index: -1, ok: true, reason: 'delta decodes, finite, right size' })

  // 3. Segments the worker could not predict when it committed.
  segments = selectChallengeSegments({ seed: params.challengeSeed as Hex, dataHash: s.commitment as Hex, leafCount: count, plan: params.plan ?? defaultChallengePlan })

  // 4. Fetch what the checks need: j, j+1 of each challenged j (which include 0 and the last),
  //    within the fetch deadline: a worker that stalls is unavailable, never a hang.
  //    When the replays here are bit-exact (the worker's deterministic backend class is ours),
  //    a segment's end is checked by the hashes its leaf commits to, so only its opening (leaf
  //    and proof) is fetched, unless it starts another challenged segment or ends the run; and
  //    checkpoint 0 must be W_r with a zero optimizer state, which the verifier has already.
  const fetchOne = params.checkpoints ?? networkSource(params, count, hyper)
  const needed = [...new Set([0, count - 1, ...segments.flatMap((j) => [j, j + 1])])].sort((a, b) => a - b)
  const exactHere = s.replay !== undefined && isDeterministicClass(s.replay.backendClass) && s.replay.backendClass === backendClass()
  const whole = new Set(exactHere ? [count - 1, ...segments.filter((j) => j > 0)] : needed)
  const served = new Map<number, ServedCheckpoint>()
  const attempts = params.fetchAttempts ?? VERIFY_DEFAULTS.fetchAttempts
  const fetchDeadlineMs = params.fetchDeadlineMs ?? VERIFY_DEFAULTS.fetchDeadlineMs
  const fetchDeadline = AbortSignal.timeout(fetchDeadlineMs)
  const fetchSignal = options.signal === undefined ? fetchDeadline : AbortSignal.any([options.signal, fetchDeadline])
  const pastDeadline = (j: number): SubmissionVerification => {
    checks.push({ check: 'withheld', index: j, ok: false, reason: `the worker did not serve its proof within ${fetchDeadlineMs} ms` })
    return done('unavailable', `the worker did not serve its proof within the ${(fetchDeadlineMs / 1000).toFixed(0)} s fetch deadline (checkpoint ${j})`)
  }
  /** Checkpoint j (its opening alone when `openingOnly`) with retries, or the verification's outcome when the worker does not serve it. */
  const fetchCheckpoint = async (j: number, openingOnly: boolean): Promise<ServedCheckpoint | SubmissionVerification> => {
    options.signal?.throwIfAborted()
    if (fetchDeadline.aborted) return pastDeadline(j)
    let c: ServedCheckpoint | undefined
    for (let a = 1; c === undefined; a++) {
      try {
        c = await fetchOne(j, { signal: fetchSignal, openingOnly })
      } catch (err) {
        options.signal?.throwIfAborted()
        if (fetchDeadline.aborted) return pastDeadline(j)
        // Only the worker's own answer (a refusal, bytes that do not match) is evidence; a local failure is not.
        if (!(err instanceof WorkerUnavailableError) && !isTransient(err) && !isWorkersAnswer(err)) throw err
        if (!(err instanceof WorkerUnavailableError) && !isTransient(err)) {
          return fraud({ check: 'withheld', index: j, reason: `the worker did not serve checkpoint ${j}: ${oneLineOf(err)}` }, 'checkpoint', errorToken(err))
        }
        if (a >= attempts) {
          checks.push({ check: 'withheld', index: j, ok: false, reason: `the worker could not serve checkpoint ${j}: ${oneLineOf(err)}` })
          return done('unavailable', `the worker could not serve its proof (checkpoint ${j}, ${attempts} attempts): ${oneLineOf(err)}`)
        }
        try {
          await sleep(params.fetchRetryDelayMs ?? VERIFY_DEFAULTS.fetchRetryDelayMs, { signal: fetchSignal })
        } catch {
          options.signal?.throwIfAborted()
          return pastDeadline(j)
        }
      }
    }
    // The summaries are what dashboards and logs show of the run: a leaf that differs from its summary is a lie about the committed proof.
    let leafNorm: number
    try {
      leafNorm = decodeLeaf(c.leaf).updateNorm
    } catch {
      leafNorm = NaN
    }
    if (!Object.is(leafNorm, s.leaves[j].updateNorm) && !(Number.isNaN(leafNorm) && Number.isNaN(s.leaves[j].updateNorm))) {
      return fraud({ check: 'summary', index: j, reason: `leaf ${j} has update norm ${leafNorm}, the submission's summary says ${s.leaves[j].updateNorm}` }, String(s.leaves[j].updateNorm), String(leafNorm))
    }
    return c
  }
  const isOutcome = (x: ServedCheckpoint | SubmissionVerification): x is SubmissionVerification => 'outcome' in x
  for (const j of needed) {
    const c = await fetchCheckpoint(j, !whole.has(j))
    if (isOutcome(c)) return c
    // Checkpoint 0's bytes are the verifier's own: the start check then holds the leaf to them.
    served.set(j, j === 0 && c.weights.byteLength === 0 ? { ...c, weights: float32ToBytes(params.startWeights), optimizer: encodeOptimizerState(initialOptimizerState(params.startWeights.length)) } : c)
  }

  // 5. Replays.
  const ctx = { round: s.round, workerAddress: s.workerAddress, hyper, proofRoot: s.proofRoot }
  const start = await verifyStart({ ...ctx, startWeights: params.startWeights, checkpoint: served.get(0)! })
  if (!start.ok) return fraud({ check: 'start', index: 0, reason: start.reason }, startId, leafToken(served.get(0)!))
  checks.push({ check: 'start', index: 0, ok: true, reason: start.reason })
  const end = await verifyEnd({ ...ctx, startWeights: params.startWeights, checkpoint: served.get(count - 1)!, deltaBytes: s.deltaBytes, commitment: s.commitment })
  if (!end.ok) return fraud({ check: 'end', index: count - 1, reason: end.reason }, dh, leafToken(served.get(count - 1)!))
  checks.push({ check: 'end', index: count - 1, ok: true, reason: end.reason })
  for (const j of segments) {
    const replay = async (): Promise<VerifyResult> => await (params.replaySegment ?? verifySegment)({
      ...ctx, model: params.modelConfig, roundSeed: params.roundSeed, shards: params.shards,
      index: j, from: served.get(j)!, to: served.get(j + 1)!, replay: s.replay, threshold: params.threshold
    }, options)
    let r = await replay()
    if (r.needsBytes === true) {
      // The replay ran where it is not bit-exact after all (another thread's backend): compare with the bytes.
      const c = await fetchCheckpoint(j + 1, false)
      if (isOutcome(c)) return c
      served.set(j + 1, c)
      r = await replay()
    }
    if (!r.ok) return fraud({ check: 'segment', index: j, reason: r.reason, distance: r.distance, exact: r.exact }, leafToken(served.get(j + 1)!), 'replay-differs')
    checks.push({ check: 'segment', index: j, ok: true, reason: r.reason, distance: r.distance, exact: r.exact })
  }
  const worst = Math.max(0, ...checks.filter((c) => c.check === 'segment').map((c) => c.distance ?? 0))
  return done('valid', `verified: start, end and ${segments.length} replayed segment(s) [${segments.join(', ')}], worst distance ${worst.toExponential(2)}`)
}

function networkSource (params: VerifySubmissionParameters, leafCount: number, hyper: TrainingHyperParams): CheckpointSource {
  const { node, workerPeer } = params
  if (node === undefined || workerPeer === undefined) throw new TypeError('verifySubmission needs node and workerPeer, or checkpoints')
  const targets = dialTargets(workerPeer)
  let failures = 0
  // What checkpoint j must weigh: the model's weights and Adam state (lib/proof servedCheckpoint).
  const expectedSize = 12 * params.startWeights.length + 16
  const budgetMs = Math.ceil((params.requestTimeoutMs ?? VERIFY_DEFAULTS.requestTimeoutMs) + 1000 * expectedSize / (params.minBytesPerSecond ?? VERIFY_DEFAULTS.minBytesPerSecond))
  return async (index, options) => {
    let got: Awaited<ReturnType<typeof requestCheckpoint>>
    const slow = AbortSignal.timeout(budgetMs)
    const signal = options.signal === undefined ? slow : AbortSignal.any([options.signal, slow])
    // After a failure, go through the relay (the coordinator's connection to
    // the worker): "I could not connect" (NAT, a flooded port) is not "it refused".
    const target = failures > 0 && failures % 3 !== 0 && targets.relayed !== undefined ? targets.relayed : targets.all
    try {
      got = await requestCheckpoint(node, target, { round: params.submission.round, index }, { signal, expectedSize, openingOnly: options.openingOnly })
      failures = 0
    } catch (err) {
      failures++
      options.signal?.throwIfAborted()
      // A refusal or a lie from a reachable worker is its answer; anything else is the network.
      if (err instanceof ProtocolError && err.remote && isRefusal(err.code)) throw err
      if (err instanceof HashMismatchError || err instanceof CheckpointSizeError) throw err
      if (slow.aborted) throw new WorkerUnavailableError(`checkpoint ${index} did not arrive within ${Math.round(budgetMs)} ms (slower than the minimum transfer rate)`, { cause: err })
      throw new WorkerUnavailableError((err as Error).message, { cause: err })
    }
    return servedCheckpointFromReply(got.reply, got.checkpoint, { hyper, leafCount })
  }
}

/**
 * Where to dial the worker: all its addresses (libp2p tries direct ones
 * first), and its relayed ones alone for the retry after a failure. With no
 * address at all, its peer id: a connection it holds open to us (it dialled
 * the coordinator) still works.
 */
export function dialTargets (p: WorkerPeer | DialTarget): { all: DialTarget, relayed?: DialTarget } {
  if (typeof p === 'object' && p !== null && 'multiaddrs' in p && 'peerId' in p && typeof (p as WorkerPeer).peerId === 'string') {
    const w = p as WorkerPeer
    const addrs: Multiaddr[] = w.multiaddrs.map((a) => multiaddr(a.endsWith(`/p2p/${w.peerId}`) ? a : `${a}/p2p/${w.peerId}`))
    if (addrs.length === 0) return { all: peerIdFromString(w.peerId) }
    const relayed = addrs.filter((a) => isRelayedAddr(a))
    return { all: addrs, relayed: relayed.length > 0 ? relayed : undefined }
  }
  return { all: p as DialTarget }
}

/** Codes by which a reachable worker declines to open a checkpoint it committed to. */
function isRefusal (code: ErrorCode): boolean {
  return code === ErrorCode.ERROR_CODE_NOT_FOUND || code === ErrorCode.ERROR_CODE_OUT_OF_RANGE || code === ErrorCode.ERROR_CODE_FORBIDDEN || code === ErrorCode.ERROR_CODE_INVALID || code === ErrorCode.ERROR_CODE_MALFORMED
}

/** Errors that are a reachable worker's answer about what it committed to: a refusal, or bytes that do not match. */
function isWorkersAnswer (err: unknown): boolean {
  return (err instanceof ProtocolError && isRefusal(err.code)) || err instanceof HashMismatchError || err instanceof CheckpointSizeError ||
    err instanceof CheckpointOpeningError || err instanceof ProofFormatError
}

function isTransient (err: unknown): boolean {
  return err instanceof ProtocolError && (err.code === ErrorCode.ERROR_CODE_BUSY || err.code === ErrorCode.ERROR_CODE_TIMEOUT || err.code === ErrorCode.ERROR_CODE_INTERNAL)
}

function errorToken (err: unknown): string {
  if (err instanceof ProtocolError) return `refused:${err.code}`
  if (err instanceof HashMismatchError) return 'hash-mismatch'
  if (err instanceof CheckpointSizeError) return 'wrong-size'
  return 'malformed'
}

function leafToken (c: ServedCheckpoint): string {
  return sha256Hex(c.leaf)
}

function oneLineOf (err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]
}

