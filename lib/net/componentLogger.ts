/**
 * libp2p's component logger without the loggers nobody reads. libp2p makes
 * a new scoped logger for every connection and every stream (the muxer's,
 * multistream-select's, identify's, ping's), and each is three `weald`
 * debug instances, each asking whether stderr is a terminal: with a
 * thousand workers that is a system call and several allocations per stream
 * for logs that are off. Here a name whose logs DEBUG does not enable gets
 * a no-op logger, and only its `newScope` asks again, for the scoped name,
 * so `DEBUG=libp2p*` (or any narrower pattern) prints what it prints with
 * libp2p's own logger.
 *
 * One difference: whether a name is enabled is decided when its logger is
 * made, so `enable()` called after a node started reaches only loggers made
 * after it (new connections and streams), where weald's loggers re-check
 * on every call. Set DEBUG before the process starts.
 */
import { defaultLogger, enabled } from '@libp2p/logger'
import type { ComponentLogger, Logger } from '@libp2p/interface'

const ignore = (): void => {}

/** Whether DEBUG enables any of the three loggers libp2p's logger(`name`) makes. */
function anyEnabled (name: string): boolean {
  return enabled(name) || enabled(`${name}:error`) || enabled(`${name}:trace`)
}

/** A logger whose calls do nothing; its scopes are looked up again (DEBUG may enable `a:b:*` and not `a`). */
function disabled (name: string): Logger {
  return Object.assign(ignore.bind(null), {
    error: ignore,
    trace: ignore,
    enabled: false,
    newScope: (scope: string): Logger => loggerFor(`${name}:${scope}`)
  })
}

const real = defaultLogger()

function loggerFor (name: string): Logger {
  if (!anyEnabled(name)) return disabled(name)
  return real.forComponent(name)
}

/**
 * A ComponentLogger for `createLibp2p({ logger })`: libp2p's own for names
 * DEBUG enables, a no-op one for the rest.
 *
 * @example
 * createLibp2p({ logger: componentLogger(), ... })
 */
export function componentLogger (): ComponentLogger {
  return { forComponent: loggerFor }
}
