/**
 * Private networks for end-to-end tests, made with Linux network namespaces
 * (root and iproute2): each namespace is joined to this host by a veth pair
 * and can reach one address of the host (the "server address", where a test
 * runs the coordinator and the chain), but has no route to any other
 * namespace. A process in one namespace therefore cannot open a connection to
 * a process in another, as between two homes behind NAT; only what the host
 * relays gets through. No firewall rule is needed, and the host's own routing
 * (ip_forward) does not matter: the namespaces have no route to each other to
 * begin with.
 */
import { execFileSync } from 'node:child_process'
import { randomInt } from 'node:crypto'

/** One namespace: where its processes listen, and the command prefix that runs a program inside it. */
export interface PrivateNetwork {
  name: string
  /** This namespace's own address (what a process in it listens on). */
  addr: string
  /** Prefix for spawn: `['ip', 'netns', 'exec', name]`. */
  exec: string[]
}

export interface PrivateNetworks {
  /** The host address every namespace reaches (listen there to serve all of them). */
  serverAddr: string
  networks: PrivateNetwork[]
  /** Deletes the namespaces (their veth pairs go with them). */
  remove: () => void
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] })

/**
 * Why private networks cannot be made here, or undefined when they can.
 * `byTheHost` is true when the kernel or container refuses namespaces to a
 * root process with iproute2 (no CAP_NET_ADMIN, say): nothing the project's
 * set-up can install changes that, while not being root or lacking `ip` is
 * a set-up fault.
 */
export function privateNetworksUnavailable (): { reason: string, byTheHost: boolean } | undefined {
  if (process.platform !== 'linux') return { reason: `network namespaces need Linux (this is ${process.platform})`, byTheHost: true }
  if (process.getuid?.() !== 0) return { reason: 'network namespaces need root (CI runs as root)', byTheHost: false }
  const probe = `ctprobe${process.pid}`
  try {
    ip('netns', 'add', probe)
    ip('netns', 'del', probe)
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    const reason = `cannot create a network namespace with iproute2 (\`ip netns add\`): ${(e.stderr?.trim() !== '' && e.stderr != null ? e.stderr : e.message ?? String(err)).trim().split('\n')[0]}`
    return { reason, byTheHost: e.code !== 'ENOENT' && /not permitted|permission denied/i.test(`${e.stderr ?? ''} ${e.message ?? ''}`) }
  }
  return undefined
}

/**
 * Creates `count` namespaces on 10.231.N.0/24 (N random, so two runs rarely
 * meet): namespace i has 10.231.N.(4i+2)/30, its host side 10.231.N.(4i+1);
 * the server address is namespace 0's host side, routed from every other one.
 *
 * @example
 * const nets = createPrivateNetworks(2)
 * spawn(...nets.networks[0].exec, 'node', 'worker/cli.ts', ...); nets.remove()
 */
export function createPrivateNetworks (count: number): PrivateNetworks {
  const subnet = `10.231.${randomInt(0, 256)}`
  const serverAddr = `${subnet}.1`
  const networks: PrivateNetwork[] = []
  const remove = (): void => {
    for (const n of networks) {
      try { ip('netns', 'del', n.name) } catch { /* already gone */ }
    }
  }
  try {
    for (let i = 0; i < count; i++) {
      // Interface names have at most 15 characters.
      const name = `ct${process.pid}n${i}`
      const hostSide = `ct${process.pid}h${i}`
      const inside = `ct${process.pid}p${i}`
      const hostAddr = `${subnet}.${4 * i + 1}`
      const addr = `${subnet}.${4 * i + 2}`
      ip('netns', 'add', name)
      networks.push({ name, addr, exec: ['ip', 'netns', 'exec', name] })
      ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', inside)
      ip('link', 'set', inside, 'netns', name)
      ip('addr', 'add', `${hostAddr}/30`, 'dev', hostSide)
      ip('link', 'set', hostSide, 'up')
      ip('-n', name, 'addr', 'add', `${addr}/30`, 'dev', inside)
      ip('-n', name, 'link', 'set', inside, 'up')
      ip('-n', name, 'link', 'set', 'lo', 'up')
      if (i > 0) ip('-n', name, 'route', 'add', `${serverAddr}/32`, 'via', hostAddr)
    }
  } catch (err) {
    remove()
    throw err
  }
  return { serverAddr, networks, remove }
}
