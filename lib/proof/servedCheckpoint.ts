import { ProofFormatError } from './errors.ts'

/**
 * The serialized checkpoint a worker serves over /cotrain/checkpoint
 * (`CheckpointReply.checkpoint`, content id = sha256 of these bytes):
 * the canonical weights bytes (float32 LE, 4n bytes) followed by the
 * optimizer-state bytes (CTOA, 16 + 8n bytes). The leaf travels as fields of
 * the reply, so it is not part of the blob. n follows from the length alone:
 * n = (size - 16) / 12.
 */
export function encodeServedCheckpoint (files: { weights: Uint8Array, optimizer: Uint8Array }): Uint8Array {
  const out = new Uint8Array(files.weights.byteLength + files.optimizer.byteLength)
  out.set(files.weights, 0)
  out.set(files.optimizer, files.weights.byteLength)
  return out
}

/** Splits a served checkpoint back into weights and optimizer bytes; `weightCount` checks the model size when given. */
export function decodeServedCheckpoint (bytes: Uint8Array, options: { weightCount?: number } = {}): { weights: Uint8Array, optimizer: Uint8Array } {
  const n = (bytes.byteLength - 16) / 12
  if (!Number.isInteger(n) || n < 1) throw new ProofFormatError(`a served checkpoint is 12n + 16 bytes, got ${bytes.byteLength}`)
  if (options.weightCount !== undefined && n !== options.weightCount) throw new ProofFormatError(`served checkpoint holds ${n} weights, the model has ${options.weightCount}`)
  return { weights: bytes.subarray(0, 4 * n), optimizer: bytes.subarray(4 * n) }
}
