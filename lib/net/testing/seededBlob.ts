import { createCipheriv, createHash } from 'node:crypto'

/** `size` deterministic pseudo-random bytes from `seed` (AES-256-CTR keystream, fast). */
export function seededBlob (size: number, seed: string): Uint8Array {
  const key = createHash('sha256').update(`cotrain-blob-${seed}`).digest()
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
  return new Uint8Array(cipher.update(Buffer.alloc(size)))
}
