/**
 * Who signed an EIP-191 (personal_sign) message, for the join binding: the
 * address of the secp256k1 public key recovered from the signature. Public-key
 * recovery is the largest cost of a join on the coordinator: about 3 ms in
 * viem's JavaScript (noble) on this project's 2-core machine, about 0.45 ms in
 * libsecp256k1 compiled to WebAssembly (tiny-secp256k1, shipped as a .wasm
 * file in its npm package: nothing to build). Where the WebAssembly module
 * does not load, viem's is used; both accept and refuse the same signatures
 * (recoverMessageSigner.test.ts).
 */
import { bytesToHex, hashMessage, hexToBytes, keccak256, recoverMessageAddress } from 'viem'
import type { Address } from 'viem'

type Secp256k1 = typeof import('tiny-secp256k1')

let loading: Promise<Secp256k1 | null> | undefined

/** tiny-secp256k1, loaded on first use (a worker, which never verifies, does not pay for it); null when it cannot load. */
async function wasmSecp256k1 (): Promise<Secp256k1 | null> {
  loading ??= import('tiny-secp256k1').catch(() => null)
  return await loading
}

/** Which implementation recovers the key: 'auto' (WebAssembly where it loads), or one of them (tests, benchmarks). */
export type RecoveryEngine = 'auto' | 'wasm' | 'viem'

/**
 * The lower-case address that signed `message` with the 65-byte r || s || v
 * `signature` (v 0, 1, 27 or 28), or undefined for a signature that recovers
 * no key.
 *
 * @example
 * const signer = await recoverMessageSigner(text, signature)
 * if (signer !== address.toLowerCase()) throw new Error('not signed by address')
 */
export async function recoverMessageSigner (message: string, signature: Uint8Array, options: { engine?: RecoveryEngine } = {}): Promise<Address | undefined> {
  if (signature.byteLength !== 65) return undefined
  const v = signature[64]
  const recoveryId = v >= 27 ? v - 27 : v
  if (recoveryId !== 0 && recoveryId !== 1) return undefined
  const engine = options.engine ?? 'auto'
  const secp = engine === 'viem' ? null : await wasmSecp256k1()
  if (secp === null) {
    if (engine === 'wasm') throw new Error('tiny-secp256k1 did not load')
    try {
      return (await recoverMessageAddress({ message, signature: bytesToHex(signature) })).toLowerCase() as Address
    } catch {
      return undefined
    }
  }
  let publicKey: Uint8Array | null
  try {
    publicKey = secp.recover(hexToBytes(hashMessage(message)), signature.subarray(0, 64), recoveryId, false)
  } catch {
    // r or s out of range, or r not the x of a point: no key.
    return undefined
  }
  if (publicKey == null) return undefined
  return `0x${keccak256(publicKey.subarray(1)).slice(-40)}`
}
