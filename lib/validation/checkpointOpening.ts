/**
 * How one checkpoint travels over /cotrain/checkpoint/1.0.0: the worker
 * turns its stored checkpoint j (weights, Adam state, leaf, Merkle proof) into
 * a CheckpointReply plus one blob (lib/proof servedCheckpoint: weights bytes
 * then optimizer bytes), and the verifier turns the reply and the
 * (hash-checked) blob back into the ServedCheckpoint lib/training verifies.
 * The wire Leaf has no `step` field: it is min(j*k, H), a function of the
 * round's hyper-parameters, so the verifier fills it in; a worker that lies
 * about it breaks the Merkle proof (the step is inside the hashed leaf).
 */
import type { cotrain } from '../proto/cotrain.js'
import type { CheckpointReply } from '../net/messages.ts'
import { contentIdBytes, contentIdOf, type ContentId } from '../hash/contentId.ts'
import { LIMITS } from '../net/constants.ts'
import { fromHex, sha256Hex, toHex, type Hex } from '../hash/sha256.ts'
import { decodeLeaf, encodeLeaf, type ProofLeaf } from '../proof/leaf.ts'
import type { MerkleProof } from '../proof/merkle.ts'
import { decodeServedCheckpoint, encodeServedCheckpoint } from '../proof/servedCheckpoint.ts'
import { checkpointStep, resolveHyperParams, type TrainingHyperParams } from '../training/hyperParams.ts'
import type { ServedCheckpoint } from '../training/verifySegment.ts'
import { CheckpointOpeningError } from './errors.ts'

/**
 * The worker's answer to a challenge for checkpoint j: the reply to send and
 * the blob it names (inline when small; otherwise serve `blob` by
 * `contentId` from the worker's content service).
 *
 * @example
 * const c = await checkpointWithProof(result, req.index)
 * const { reply, blob, contentId } = checkpointOpening(c)
 */
export function checkpointOpening (c: ServedCheckpoint): { reply: CheckpointReply, blob: Uint8Array, contentId: ContentId } {
  const blob = encodeServedCheckpoint(c)
  const contentId = contentIdOf(blob)
  const reply = openingReply(c, contentId, blob.byteLength)
  reply.checkpoint = blob.byteLength <= LIMITS.inlineCheckpoint ? blob : new Uint8Array(0)
  return { reply, blob, contentId }
}

/**
 * The answer to an `opening_only` challenge: leaf, proof, content id and
 * size, never the bytes, even for a checkpoint small enough to go inline.
 * The content id is hashed over the weights then the optimizer bytes as
 * they lie, so the served blob (their concatenation) is never built.
 */
export function checkpointOpeningOnly (c: ServedCheckpoint): { reply: CheckpointReply, contentId: ContentId } {
  const contentId = sha256Hex(c.weights, c.optimizer)
  return { reply: openingReply(c, contentId, c.weights.byteLength + c.optimizer.byteLength), contentId }
}

function openingReply (c: ServedCheckpoint, contentId: ContentId, size: number): CheckpointReply {
  const leaf = decodeLeaf(c.leaf)
  return {
    round: leaf.round,
    index: leaf.index,
    leaf: {
      round: leaf.round,
      workerAddress: fromHex(leaf.workerAddress, 20),
      index: leaf.index,
      weightsHash: fromHex(leaf.weightsHash, 32),
      optimizerHash: fromHex(leaf.optimizerHash, 32),
      batchHash: fromHex(leaf.batchHash, 32),
      loss: leaf.loss,
      updateNorm: leaf.updateNorm
    },
    proof: c.proof.siblings.map((s) => fromHex(s, 32)),
    checkpointId: contentIdBytes(contentId),
    checkpointSize: size,
    checkpoint: new Uint8Array(0)
  }
}

/**
 * Rebuilds the ServedCheckpoint from a reply and its blob (as returned by
 * lib/net requestCheckpoint; an empty blob for a checkpoint of some size is
 * an opening without bytes: weights and optimizer empty). `leafCount` is the
 * submission's; the step comes from the hyper-parameters.
 */
export function servedCheckpointFromReply (reply: cotrain.v1.CheckpointReply, blob: Uint8Array, ctx: { hyper: Partial<TrainingHyperParams>, leafCount: number }): ServedCheckpoint {
  // Decoded messages carry proto3 defaults; the wire schema (checkCheckpointReply) checked the lengths.
  const w = reply.leaf as cotrain.v1.Leaf | null | undefined
  if (w == null) throw new CheckpointOpeningError(`checkpoint ${reply.index} reply has no leaf`)
  let parts: { weights: Uint8Array, optimizer: Uint8Array }
  try {
    // Asked for the opening only (requestCheckpoint openingOnly): the leaf and its proof, no bytes.
    parts = blob.byteLength === 0 && reply.checkpointSize > 0 ? { weights: new Uint8Array(0), optimizer: new Uint8Array(0) } : decodeServedCheckpoint(blob)
  } catch (err) {
    throw new CheckpointOpeningError(`checkpoint ${reply.index}: ${(err as Error).message}`, { cause: err })
  }
  const { weights, optimizer } = parts
  const leaf: ProofLeaf = {
    round: w.round,
    workerAddress: toHex(w.workerAddress),
    index: w.index,
    step: checkpointStep(resolveHyperParams(ctx.hyper), w.index),
    weightsHash: toHex(w.weightsHash),
    optimizerHash: toHex(w.optimizerHash),
    batchHash: toHex(w.batchHash),
    // The leaf stores loss as float32; the wire carries it as a double.
    loss: Math.fround(w.loss),
    updateNorm: w.updateNorm
  }
  const proof: MerkleProof = { index: reply.index, count: ctx.leafCount, siblings: reply.proof.map((p) => toHex(p) as Hex) }
  return { weights, optimizer, leaf: encodeLeaf(leaf), proof }
}
