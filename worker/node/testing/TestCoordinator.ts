import type { PeerId } from '@libp2p/interface'
import { bytesToHex, hexToBytes } from 'viem'
import { loadMnist } from '../../../lib/data/loadMnist.ts'
import { splitIntoShards, type Shard } from '../../../lib/data/shard.ts'
import { float32ToBytes } from '../../../lib/hash/float32Bytes.ts'
import { weightsId } from '../../../lib/hash/contentId.ts'
import { initialWeights } from '../../../lib/model/flatWeights.ts'
import {
  ErrorCode, ProtocolError, contentIdBytes, createNode, startAssignService, startContentService, startJoinService, startSubmitService,
  type CotrainNode, type DecodedUpdateSubmission, type RoundAnnouncement
} from '../../../lib/net/index.ts'
import { computeCommitment } from '../../../lib/proof/commitment.ts'
import { deltaHash } from '../../../lib/proof/delta.ts'
import { deltaFromWire } from '../../../lib/proof/deltaWire.ts'
import { hyperParamsToWire } from '../../../lib/net/hyperParamsWire.ts'
import { resolveHyperParams } from '../../../lib/training/hyperParams.ts'

/** The tiny round the worker tests run: MLP 784-16-10, 6 steps of 16, a checkpoint every 2. */
export const TEST_MODEL: { kind: 'mlp', hidden: number[] } = { kind: 'mlp', hidden: [16] }
export const TEST_HYPER = { steps: 6, batchSize: 16, checkpointInterval: 2, learningRate: 2e-3 }

/**
 * A minimal coordinator for the worker's tests, built from the real lib/net
 * services on a real libp2p node: serves one round's model and shards,
 * hands every joined worker shard (index mod 2), and checks each submission
 * the way the real one does first (open round, delta hash, commitment).
 */
export class TestCoordinator {
  node!: CotrainNode
  round = 1
  readonly submissions: DecodedUpdateSubmission[] = []
  startWeights!: Float32Array
  shards!: Shard[]
  readonly seed = new Uint8Array(32).fill(7)
  /** The next this many submissions are answered BUSY (a coordinator under load or restarting). */
  busySubmits = 0
  /** What the join and the submission's ack say about the next assign poll (seconds; 0: at once). */
  joinRetryAfter = 0
  ackRetryAfter = 0
  /** Every assign request, when and from whom (address, lower-case hex). */
  readonly assignPolls: Array<{ at: number, who: string }> = []
  private workers = 0

  async start (): Promise<void> {
    this.node = await createNode({ gossipsub: true })
    this.startWeights = initialWeights(TEST_MODEL, 'worker-test')
    this.shards = splitIntoShards(await loadMnist({ split: 'train', limit: 400 }), 2)
    const model = float32ToBytes(this.startWeights)
    const content = new Map<string, Uint8Array>([[weightsId(this.startWeights), model], ...this.shards.map((s) => [s.id, s.bytes] as [string, Uint8Array])])
    await startContentService(this.node, { provider: (id) => content.get(id) })
    const joins = await startJoinService(this.node, { onJoin: () => ({ retryAfter: this.joinRetryAfter }) })
    const addressOf = joins.addressOf.bind(joins)
    const slot = new Map<string, number>()
    await startAssignService(this.node, {
      addressOf,
      onAssign: (req) => {
        const who = bytesToHex(req.workerAddress)
        this.assignPolls.push({ at: Date.now(), who })
        if (!slot.has(who)) slot.set(who, this.workers++)
        const shard = this.shards[(slot.get(who) as number) % this.shards.length]
        return { round: this.round, workerAddress: req.workerAddress, shards: [{ contentId: contentIdBytes(shard.id), index: 0, samples: shard.dataset.count, size: shard.bytes.byteLength }], totalSamples: shard.dataset.count, announcement: this.announcement(), retryAfter: 0 }
      }
    })
    await startSubmitService(this.node, {
      addressOf,
      onSubmit: (s) => {
        if (this.busySubmits > 0) {
          this.busySubmits--
          throw new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy, try again later')
        }
        if (s.round !== this.round) throw new ProtocolError(ErrorCode.ERROR_CODE_STALE, `round ${s.round} is not open (open: ${this.round})`)
        const dh = deltaHash(deltaFromWire(s))
        if (dh !== bytesToHex(s.deltaHash)) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, 'delta_hash does not match the delta')
        const c = computeCommitment({ round: s.round, startWeightsId: bytesToHex(s.baseModelId), deltaHash: dh, proofRoot: bytesToHex(s.proofRoot), workerAddress: bytesToHex(s.workerAddress) })
        if (c !== bytesToHex(s.commitment)) throw new ProtocolError(ErrorCode.ERROR_CODE_INVALID, 'commitment does not match')
        if (this.submissions.some((x) => bytesToHex(x.commitment) === c)) throw new ProtocolError(ErrorCode.ERROR_CODE_DUPLICATE, 'commitment already submitted')
        this.submissions.push(s)
        return { round: s.round, commitment: s.commitment, receivedAt: Math.floor(Date.now() / 1000), retryAfter: this.ackRetryAfter }
      }
    })
  }

  announcement (): RoundAnnouncement {
    const now = Math.floor(Date.now() / 1000)
    return {
      round: this.round,
      modelId: hexToBytes(weightsId(this.startWeights)),
      hyperParameters: hyperParamsToWire(resolveHyperParams(TEST_HYPER)),
      roundSeed: this.seed,
      modelConfigJson: JSON.stringify(TEST_MODEL),
      openedAt: now,
      trainDeadline: now + 600,
      submitDeadline: now + 900
    }
  }

  get multiaddr (): string { return this.node.getMultiaddrs()[0].toString() }
  get peerId (): PeerId { return this.node.peerId }

  async stop (): Promise<void> { await this.node.stop() }
}
