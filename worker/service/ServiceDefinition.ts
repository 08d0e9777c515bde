import path from 'node:path'
import { KEYSTORE_ENV, KEYSTORE_PASSWORD_ENV, PRIVATE_KEY_ENV } from '../../lib/chain/index.ts'
import { CotrainError, InvalidInputError } from '../../lib/errors.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'

/** A service definition the platform cannot run (bad unit name, a platform with no service manager we support). */
export class ServiceError extends CotrainError {
  override name = 'ServiceError'
}

/**
 * What a worker service runs, independent of the service manager: the
 * command line (node, the worker CLI, `start` and its flags), the folder it
 * runs in, and the secrets it needs in its environment (kept out of the
 * command line, in a file only the user can read).
 */
export interface ServiceDefinition {
  /** Unit / job name, e.g. `cotrain-worker`. */
  name: string
  /** The program and its arguments: `[node, /abs/worker/cli.ts, 'start', ...flags]`. */
  command: string[]
  /** Where relative paths in the flags (--data-dir, --keystore) resolve: the folder install ran in. */
  workingDirectory: string
  /** Secret environment: COTRAIN_PRIVATE_KEY or COTRAIN_KEYSTORE_PASSWORD, never on the command line. */
  secretEnv: Record<string, string>
}

/** What {@link buildServiceDefinition} takes. */
export interface BuildServiceDefinitionParameters {
  name: string
  /** The `worker start` flags the user gave install (already validated against `startSpecs`). */
  startArgv: string[]
  /** `worker start`'s option specs: options set through their environment variable become flags, so the service runs what the user ran. */
  startSpecs: OptionSpecs
  env: Record<string, string | undefined>
  cwd: string
  execPath: string
  cliPath: string
}

/**
 * Builds the definition from `worker start` flags and the environment at
 * install time. The key travels only through `secretEnv`: a raw key from
 * COTRAIN_PRIVATE_KEY, or a keystore (a flag, it is a path) with its password.
 *
 * @example
 * const def = buildServiceDefinition({ name: 'cotrain-worker', startArgv: ['--coordinator', addr], startSpecs, env: process.env, cwd: process.cwd(), execPath: process.execPath, cliPath })
 */
export function buildServiceDefinition (p: BuildServiceDefinitionParameters): ServiceDefinition {
  if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(p.name)) throw new InvalidInputError(`--name: not a usable service name: "${p.name}"`, { hint: 'letters, digits, _ . @ - only' })
  const given = new Set(p.startArgv.map((a) => /^--([^=]+)/.exec(a)?.[1]).filter((n): n is string => n !== undefined))
  const flags = [...p.startArgv]
  for (const [name, spec] of Object.entries(p.startSpecs)) {
    const value = spec.env !== undefined ? p.env[spec.env] : undefined
    if (given.has(name) || value === undefined || value === '') continue
    flags.push(spec.type === 'boolean' ? (value === 'true' || value === '1' ? `--${name}` : '') : `--${name}=${value}`)
  }
  const keystore = given.has('keystore') || nonEmpty(p.env[KEYSTORE_ENV]) !== undefined
  const secretEnv: Record<string, string> = {}
  const rawKey = nonEmpty(p.env[PRIVATE_KEY_ENV])
  if (keystore) {
    if (rawKey !== undefined) throw new InvalidInputError(`both ${PRIVATE_KEY_ENV} and a keystore are set`, { hint: `use one: unset ${PRIVATE_KEY_ENV} or drop --keystore` })
    const password = p.env[KEYSTORE_PASSWORD_ENV]
    if (password === undefined) throw new InvalidInputError(`a service cannot type the keystore password: set ${KEYSTORE_PASSWORD_ENV} when you run install`, { hint: 'it is stored in a file only you can read (mode 0600), never on the command line' })
    secretEnv[KEYSTORE_PASSWORD_ENV] = password
  } else if (rawKey !== undefined) {
    secretEnv[PRIVATE_KEY_ENV] = rawKey.trim()
  } else {
    throw new InvalidInputError('no signing key for the service', { hint: `set ${PRIVATE_KEY_ENV}, or pass --keystore FILE with ${KEYSTORE_PASSWORD_ENV} set, when you run install` })
  }
  return {
    name: p.name,
    command: [p.execPath, path.resolve(p.cliPath), 'start', ...flags.filter((f) => f !== '')],
    workingDirectory: p.cwd,
    secretEnv
  }
}

function nonEmpty (v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v
}
