/**
 * One valid example of every wire message, for round-trip and fuzz tests.
 */
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { PeerId } from '@libp2p/interface'
import { pb } from '../messages.ts'
import type { Assignment, CheckpointReply, Join, JoinAccepted, RoundAnnouncement, SubmissionList, UpdateSubmission } from '../messages.ts'
import { signJoinBinding } from '../joinBinding.ts'
import { contentIdBytes, contentIdOf } from '../../hash/contentId.ts'
import { hyperParamsToWire } from '../hyperParamsWire.ts'
import { resolveHyperParams } from '../../training/hyperParams.ts'

const h = (fill: number): Uint8Array => new Uint8Array(32).fill(fill)

export const sampleAddress = new Uint8Array(20).fill(0xab)

export const sampleAnnouncement: RoundAnnouncement = {
  round: 3,
  modelId: h(1),
  hyperParameters: hyperParamsToWire(resolveHyperParams({ steps: 100, batchSize: 64, learningRate: 0.001, checkpointInterval: 10 })),
  roundSeed: h(2),
  modelConfigJson: '{"layers":[784,128,10]}',
  openedAt: 1_700_000_000,
  trainDeadline: 1_700_000_600,
  submitDeadline: 1_700_000_900,
  datasetId: h(3)
}

export const sampleAccepted: JoinAccepted = {
  workerAddress: sampleAddress,
  serverTime: 1_700_000_000,
  announcementTopic: 'cotrain/v2/rounds',
  currentRound: sampleAnnouncement
}

export const sampleAssignment: Assignment = {
  round: 3,
  workerAddress: sampleAddress,
  shards: [{ contentId: h(4), index: 0, samples: 600, size: 470_000 }, { contentId: h(5), index: 7, samples: 400, size: 313_000 }],
  totalSamples: 1000,
  announcement: sampleAnnouncement,
  providers: [{ contentId: h(4), size: 470_000, providers: [{ peerId: '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp', addrs: ['/ip4/10.0.0.5/tcp/4002'] }] }]
}

/** "No work now, ask again in 5 s." */
export const sampleWait: Assignment = { round: 0, workerAddress: sampleAddress, retryAfter: 5 }

export function sampleSubmission (numParams = 16): UpdateSubmission {
  return {
    round: 3,
    workerAddress: sampleAddress,
    baseModelId: h(1),
    commitment: h(6),
    encoding: pb.DeltaEncoding.DELTA_ENCODING_INT8_SCALED,
    delta: new Uint8Array(numParams).fill(3),
    scales: new Uint8Array(4 * Math.ceil(numParams / 8)),
    scaleBlock: 8,
    numParams,
    deltaHash: h(7),
    proofRoot: h(8),
    leafCount: 2,
    leaves: [{ loss: 2.3, updateNorm: 0.5 }, { loss: 1.9, updateNorm: 0.4 }],
    samples: 1000,
    contributionId: '42',
    txHash: h(9)
  }
}

/** A page of one submission (delta left out, served by id). */
export function sampleSubmissionList (): SubmissionList {
  const { delta, ...rest } = sampleSubmission(16)
  return {
    round: 3,
    total: 1,
    submissions: [{ workerPeerId: '12D3KooWExample', workerAddrs: ['/ip4/127.0.0.1/tcp/4001'], submission: rest, deltaId: h(16), deltaSize: delta!.byteLength, status: 'accepted' }]
  }
}

const sampleCheckpoint = new Uint8Array(100).fill(5)

export const sampleCheckpointReply: CheckpointReply = {
  round: 3,
  index: 1,
  leaf: { round: 3, workerAddress: sampleAddress, index: 1, weightsHash: h(10), optimizerHash: h(11), batchHash: h(12), loss: 1.9, updateNorm: 0.4 },
  proof: [h(13), h(14)],
  checkpointId: contentIdBytes(contentIdOf(sampleCheckpoint)),
  checkpointSize: sampleCheckpoint.byteLength,
  checkpoint: sampleCheckpoint
}

/** A Join signed by a fresh key for `workerPeerId` towards `coordinatorPeerId`. */
export async function sampleJoin (workerPeerId: PeerId | string, coordinatorPeerId: PeerId | string): Promise<Join> {
  const signer = privateKeyToAccount(generatePrivateKey())
  const binding = await signJoinBinding({ signer, workerPeerId, coordinatorPeerId })
  return { capabilities: { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 8700, gflops: 33, cpuCores: 2, memoryMib: 24_000 }, ...binding, clientVersion: 'test' }
}
