/**
 * sodium-native (libsodium's prebuilt addon), loaded once for the Noise
 * transport's cipher and its handshake's X25519; undefined where the addon
 * does not load on this platform, and callers fall back to node:crypto.
 */
import { createRequire } from 'node:module'

let loaded: Record<string, unknown> | null | undefined

/**
 * The addon's functions, typed by the caller as the part it uses.
 *
 * @example
 * const sodium = sodiumNative<{ crypto_scalarmult: (q: Uint8Array, n: Uint8Array, p: Uint8Array) => void }>()
 */
export function sodiumNative<T> (): T | undefined {
  if (loaded === undefined) {
    try {
      loaded = createRequire(import.meta.url)('sodium-native') as Record<string, unknown>
    } catch {
      loaded = null
    }
  }
  return (loaded ?? undefined) as T | undefined
}
