import type { Multiaddr } from '@multiformats/multiaddr'
import { privateKeyToAccount } from 'viem/accounts'
import { decodeShard } from '../../lib/data/shard.ts'
import { bytesToFloat32 } from '../../lib/hash/float32Bytes.ts'
import { parseRoundSeed } from '../../lib/hash/roundSeed.ts'
import { fromHex } from '../../lib/hash/sha256.ts'
import { hyperParamsFromWire } from '../../lib/net/hyperParamsWire.ts'
import { fetchContent, requestAssignment, requestJoin, toContentId, type CotrainNode, type UpdateSubmission } from '../../lib/net/index.ts'
import { deltaToWire } from '../../lib/proof/deltaWire.ts'
import { trainRound, type TrainRoundResult } from '../../lib/training/trainRound.ts'

/** The wire submission of a training result, as the worker sends it. */
export function wireSubmission (r: TrainRoundResult): UpdateSubmission {
  return {
    round: r.round,
    workerAddress: fromHex(r.workerAddress, 20),
    baseModelId: fromHex(r.startWeightsId, 32),
    commitment: fromHex(r.commitment, 32),
    ...deltaToWire(r.deltaBytes),
    deltaHash: fromHex(r.deltaHash, 32),
    proofRoot: fromHex(r.proofRoot, 32),
    leafCount: r.leaves.length,
    leaves: r.leaves.map(l => ({ loss: l.loss, updateNorm: l.updateNorm })),
    samples: r.samples,
    backendClass: r.replay.backendClass,
    microBatches: r.replay.microBatches
  }
}

/**
 * What a worker does up to its submission, against a real coordinator in
 * tests: joins with `privateKey`, waits (up to 5 s) for the first round's
 * assignment, fetches the model and its shards and trains them. Serving the
 * proof and submitting are left to the test, which is what tests vary.
 *
 * @example
 * const result = await joinAndTrain(node, coord.multiaddr, devAccounts(4)[3].privateKey)
 * await submitUpdate(node, coord.multiaddr, wireSubmission(result))
 */
export async function joinAndTrain (node: CotrainNode, coordinator: Multiaddr, privateKey: string): Promise<TrainRoundResult> {
  const account = privateKeyToAccount(privateKey as `0x${string}`)
  await requestJoin(node, coordinator, { signer: account, capabilities: { backend: 'cpu', samplesPerSecond: 1000 } })
  let a = await requestAssignment(node, coordinator, { round: 0, workerAddress: account.address })
  for (let i = 0; i < 50 && (a.shards ?? []).length === 0; i++) {
    await new Promise(resolve => setTimeout(resolve, 100))
    a = await requestAssignment(node, coordinator, { round: 0, workerAddress: account.address })
  }
  if ((a.shards ?? []).length === 0) throw new Error('no assignment within 5 s')
  const ann = a.announcement!
  const startWeights = bytesToFloat32(await fetchContent(node, coordinator, ann.modelId!))
  const shards = []
  for (const ref of a.shards!) {
    const s = decodeShard(await fetchContent(node, coordinator, ref.contentId!), { expectedId: toContentId(ref.contentId!) })
    shards.push({ id: s.id, dataset: s.dataset })
  }
  return await trainRound({
    round: a.round,
    roundSeed: parseRoundSeed(ann.roundSeed!),
    workerAddress: account.address,
    model: JSON.parse(ann.modelConfigJson!),
    startWeights,
    shards,
    hyper: hyperParamsFromWire(ann.hyperParameters)
  })
}
