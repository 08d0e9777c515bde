import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { isRelayedAddr } from '../../lib/net/relay.ts'
import { LIMITS } from '../../lib/net/constants.ts'

/** The IP (or DNS name) an address starts with, if any. */
function hostOf (addr: string | Multiaddr): string | undefined {
  try {
    const c = multiaddr(addr.toString()).getComponents()[0]
    return c !== undefined && ['ip4', 'ip6', 'dns', 'dns4', 'dns6'].includes(c.name) ? c.value : undefined
  } catch {
    return undefined
  }
}

/**
 * The listen addresses of a worker that other workers can dial directly: not
 * relayed, and on the host its connection to the coordinator came from. A
 * worker behind NAT listens on a private address its packets do not come
 * from, so it gets none and is never named as a provider (relaying a model
 * through the coordinator would cost the egress swarm distribution saves).
 *
 * @example
 * dialableAddrs(['/ip4/10.1.2.3/tcp/4002', '/ip4/127.0.0.1/tcp/4002'], '/ip4/10.1.2.3/tcp/51234') // ['/ip4/10.1.2.3/tcp/4002']
 */
export function dialableAddrs (listenAddrs: readonly string[], observed: string | Multiaddr | undefined): string[] {
  const from = observed === undefined ? undefined : hostOf(observed)
  if (from === undefined) return []
  return listenAddrs.filter((a) => !isRelayedAddr(a) && hostOf(a) === from).slice(0, LIMITS.providerAddrs)
}
