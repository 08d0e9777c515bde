/**
 * Swarm distribution, the fetching side: get a content object from the peers
 * an assignment names as its providers first, one after another, each with
 * its own deadline, a short stall timeout and the object's known size as the
 * limit, and from the coordinator last. Every source is hash-checked (the
 * content id is the sha256), so a provider that lies, stalls or is gone
 * costs a retry elsewhere, never a wrong model.
 */
import { rm } from 'node:fs/promises'
import type { DialTarget, Libp2p } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { fetchContent, fetchContentToFile, type FetchContentOptions } from './content.ts'
import { isRelayedAddr } from './relay.ts'
import { LIMITS } from './constants.ts'
import { HashMismatchError, MessageTooLargeError } from '../errors.ts'

/** A peer named as a provider: its peer id and direct listen addresses. */
export interface ProviderRef {
  peerId: string
  addrs: string[]
}

/** Where one object can be fetched: the named providers, then the coordinator. */
export interface SwarmSource {
  contentId: string | Uint8Array
  /** The object's size when known: a provider announcing more is refused before anything is read. */
  size?: number
  providers: readonly ProviderRef[]
  coordinator: DialTarget
}

export interface SwarmFetchOptions extends Omit<FetchContentOptions, 'maxAttempts' | 'stallTimeoutMs'> {
  /** Deadline per provider (default: 10 s plus 1 s per MiB of the object). */
  providerTimeoutMs?: number
  /** No chunk for this long from a provider moves on (default 5 s). */
  providerStallMs?: number
  /** Called when a provider fails, before the next source is tried. */
  onProviderFailed?: (provider: ProviderRef, err: unknown) => void
}

/** Which source an object came from. */
export interface SwarmFetched {
  /** The provider's peer id, or undefined when it came from the coordinator. */
  provider?: string
  /** Providers tried and given up on before it. */
  failures: number
}

const PROVIDER_STALL_MS = 5_000
/** Attempts per provider: one retry covers a broken stream; a second failure moves on. */
const PROVIDER_ATTEMPTS = 2

/**
 * How a provider failed, for the coordinator (FailedProvider): 'wrong-bytes'
 * when what it sent failed the hash check or announced another size, which
 * an honest holder never does; anything else (not found, stalled, past its
 * deadline, not dialable) is 'unavailable', which a network fault explains too.
 */
export function providerFault (err: unknown): 'wrong-bytes' | 'unavailable' {
  for (let e = err; e != null; e = (e as { cause?: unknown }).cause) {
    if (e instanceof HashMismatchError || e instanceof MessageTooLargeError) return 'wrong-bytes'
  }
  return 'unavailable'
}

/** Dial target of a provider: its direct addresses with its peer id, so Noise checks who answers. Undefined when none is usable. */
export function providerTarget (p: ProviderRef): Multiaddr[] | undefined {
  const out: Multiaddr[] = []
  for (const a of p.addrs.slice(0, LIMITS.providerAddrs)) {
    try {
      if (isRelayedAddr(a)) continue
      const ma = multiaddr(a)
      const named = ma.getComponents().findLast((c) => c.name === 'p2p')?.value
      if (named !== undefined && named !== p.peerId) continue
      out.push(named === undefined ? ma.encapsulate(`/p2p/${p.peerId}`) : ma)
    } catch {
      // A malformed address costs only itself.
    }
  }
  return out.length > 0 ? out : undefined
}

async function trySources<T> (node: Libp2p, source: SwarmSource, options: SwarmFetchOptions, fetchFrom: (target: DialTarget, o: FetchContentOptions) => Promise<T>, beforeCoordinator?: () => Promise<void>): Promise<{ value: T } & SwarmFetched> {
  const self = node.peerId.toString()
  const maxSize = source.size !== undefined && source.size > 0 ? source.size : options.maxSize
  const deadline = options.providerTimeoutMs ?? 10_000 + Math.ceil((source.size ?? 0) / (1024 * 1024)) * 1000
  let failures = 0
  for (const p of source.providers.slice(0, LIMITS.providers)) {
    const target = p.peerId === self ? undefined : providerTarget(p)
    if (target === undefined) continue
    const signals = [AbortSignal.timeout(deadline)]
    if (options.signal !== undefined) signals.push(options.signal)
    try {
      const value = await fetchFrom(target, { ...options, signal: AbortSignal.any(signals), maxSize, maxAttempts: PROVIDER_ATTEMPTS, stallTimeoutMs: options.providerStallMs ?? PROVIDER_STALL_MS })
      return { value, provider: p.peerId, failures }
    } catch (err) {
      options.signal?.throwIfAborted()
      failures++
      options.onProviderFailed?.(p, err)
    }
  }
  if (failures > 0) await beforeCoordinator?.()
  const value = await fetchFrom(source.coordinator, { ...options, maxSize })
  return { value, failures }
}

/**
 * Fetches an object into memory from its providers, else the coordinator (hash-checked).
 *
 * @example
 * const { value: weights } = await fetchFromSwarm(node, { contentId: ann.modelId, size, providers, coordinator })
 */
export async function fetchFromSwarm (node: Libp2p, source: SwarmSource, options: SwarmFetchOptions = {}): Promise<{ value: Uint8Array } & SwarmFetched> {
  return await trySources(node, source, options, async (target, o) => await fetchContent(node, target, source.contentId, o))
}

/**
 * Fetches an object into the file `path` (through `path.partial`, see
 * fetchContentToFile) from its providers, else the coordinator. Bytes a
 * provider left in the partial file are kept for the next provider (a wrong
 * prefix fails the hash check, which deletes it) but not for the
 * coordinator: the last resort starts clean, so no provider can spoil it.
 */
export async function fetchFromSwarmToFile (node: Libp2p, source: SwarmSource, path: string, options: SwarmFetchOptions = {}): Promise<{ value: { path: string, size: number } } & SwarmFetched> {
  return await trySources(node, source, options,
    async (target, o) => await fetchContentToFile(node, target, source.contentId, path, o),
    async () => { await rm(`${path}.partial`, { force: true }) })
}
