/**
 * A node's Ed25519 identity key with its signing key imported once.
 * @libp2p/crypto imports the key from JWK on every signature, and a node
 * signs for every Noise handshake and, with no stored peer record of its
 * own, for every identify answer it gives (a fresh signed peer record each
 * time): a coordinator spent about 1 ms of CPU per joining worker on the
 * imports. Other key types are returned as they are.
 */
import { createPrivateKey, sign } from 'node:crypto'
import type { AbortOptions, PrivateKey } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

const wrapped = new WeakSet<PrivateKey>()

/**
 * `key`, signing with a key object imported once (the same signatures:
 * Ed25519 is deterministic); a key this already wrapped is returned as is.
 *
 * @example
 * createLibp2p({ privateKey: importedOnce(await generateKeyPair('Ed25519')) })
 */
export function importedOnce (key: PrivateKey): PrivateKey {
  if (wrapped.has(key) || key.type !== 'Ed25519' || key.raw.byteLength !== 64) return key
  const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')
  const keyObject = createPrivateKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', d: b64(key.raw.subarray(0, 32)), x: b64(key.raw.subarray(32)) } })
  const signOnce = (message: Uint8Array | Uint8ArrayList, options?: AbortOptions): Uint8Array => {
    options?.signal?.throwIfAborted()
    return sign(null, message instanceof Uint8Array ? message : message.subarray(), keyObject)
  }
  const imported = Object.assign(Object.create(key) as PrivateKey, { sign: signOnce })
  wrapped.add(imported)
  return imported
}
