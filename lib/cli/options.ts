import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { InvalidInputError } from '../errors.ts'

/** One option of a command: its type, default, environment variable and help text. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean'
  description: string
  default?: string | number | boolean
  /** Environment variable that sets it when no flag does, e.g. `COTRAIN_RPC_URL`. */
  env?: string
  /** Single-letter alias. */
  short?: string
  /** Extra check on the resolved value; return an error text to reject it. */
  validate?: (value: never) => string | undefined
}

export type OptionSpecs = Record<string, OptionSpec>

type ValueOf<S extends OptionSpec> = S['type'] extends 'number' ? number : S['type'] extends 'boolean' ? boolean : string

/** The resolved values: a key is present when a default, file, env or flag set it. */
export type ResolvedOptions<S extends OptionSpecs> = { [K in keyof S]: S[K] extends { default: unknown } ? ValueOf<S[K]> : ValueOf<S[K]> | undefined }

/** Flags that could carry a secret are refused outright, with the way to pass it instead. */
const SECRET_FLAGS = new Set(['private-key', 'privatekey', 'key', 'password', 'mnemonic', 'keystore-password'])

/** Options every command has. */
export const commonOptions = {
  config: { type: 'string', description: 'JSON config file; its keys are the long option names', env: 'COTRAIN_CONFIG' },
  json: { type: 'boolean', description: 'print machine-readable JSON instead of text', default: false },
  verbose: { type: 'boolean', description: 'print stack traces and debug lines', default: false },
  help: { type: 'boolean', short: 'h', description: 'show this help', default: false }
} as const satisfies OptionSpecs

/**
 * Resolves a command's options with the precedence flag > env > config file >
 * default. Unknown flags, unknown config keys, and values of the wrong type are
 * one-line errors that name the option.
 *
 * @example
 * const opts = resolveOptions(specs, { argv: ['--workers', '3'], env: process.env })
 */
export function resolveOptions<S extends OptionSpecs> (specs: S, input: { argv: string[], env?: NodeJS.ProcessEnv, positionals?: boolean }): { options: ResolvedOptions<S>, positionals: string[] } {
  const env = input.env ?? {}
  for (const arg of input.argv) {
    const name = /^--?([^=]+)/.exec(arg)?.[1]?.toLowerCase()
    if (name != null && SECRET_FLAGS.has(name)) {
      throw new InvalidInputError(`refusing --${name}: secrets are never passed as flags`, { hint: 'set COTRAIN_PRIVATE_KEY in the environment or use --keystore FILE with COTRAIN_KEYSTORE_PASSWORD' })
    }
  }
  const parseSpec: Record<string, { type: 'string' | 'boolean', short?: string }> = {}
  for (const [name, spec] of Object.entries(specs)) {
    parseSpec[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string', ...(spec.short != null ? { short: spec.short } : {}) }
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: input.argv, options: parseSpec, allowPositionals: input.positionals ?? false, strict: true })
  } catch (err) {
    throw new InvalidInputError((err as Error).message.split('\n')[0].replace(/^TypeError \[\w+\]: /, ''), { hint: 'see --help' })
  }

  const configPath = (parsed.values.config as string | undefined) ?? env[specs.config?.env ?? 'COTRAIN_CONFIG']
  const fileValues = configPath != null && configPath !== '' ? readConfigFile(configPath, specs) : {}

  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(specs)) {
    let raw: unknown
    let source = ''
    if (parsed.values[name] !== undefined) { raw = parsed.values[name]; source = `--${name}` } else if (spec.env != null && env[spec.env] !== undefined && env[spec.env] !== '') { raw = env[spec.env]; source = spec.env } else if (name in fileValues) { raw = fileValues[name]; source = `${configPath}: ${name}` } else if (spec.default !== undefined) { raw = spec.default; source = 'default' } else continue
    const value = coerce(raw, spec, source)
    if (spec.validate != null) {
      const problem = spec.validate(value as never)
      if (problem != null) throw new InvalidInputError(`${source}: ${problem}`)
    }
    out[name] = value
  }
  return { options: out as ResolvedOptions<S>, positionals: parsed.positionals }
}

function readConfigFile (path: string, specs: OptionSpecs): Record<string, unknown> {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new InvalidInputError(`cannot read config file ${path}: ${(err as Error).message.split('\n')[0]}`)
  }
  if (data == null || typeof data !== 'object' || Array.isArray(data)) throw new InvalidInputError(`config file ${path} must hold a JSON object`)
  for (const key of Object.keys(data)) {
    if (!(key in specs) || key === 'config') throw new InvalidInputError(`config file ${path}: unknown key "${key}"`, { hint: `known keys: ${Object.keys(specs).filter(k => k !== 'config').join(', ')}` })
    if (SECRET_FLAGS.has(key.toLowerCase())) throw new InvalidInputError(`config file ${path}: secrets do not belong in config files`)
  }
  return data as Record<string, unknown>
}

function coerce (raw: unknown, spec: OptionSpec, source: string): string | number | boolean {
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw
      if (raw === 'true' || raw === '1') return true
      if (raw === 'false' || raw === '0') return false
      throw new InvalidInputError(`${source}: expected true or false, got "${String(raw)}"`)
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw)
      if (typeof raw === 'boolean' || raw === '' || !Number.isFinite(n)) throw new InvalidInputError(`${source}: expected a number, got "${String(raw)}"`)
      return n
    }
    default:
      if (typeof raw !== 'string') throw new InvalidInputError(`${source}: expected a string, got ${JSON.stringify(raw)}`)
      return raw
  }
}

/** Checks that a number option is an integer within [min, max]. */
export function intBetween (min: number, max: number): (value: number) => string | undefined {
  return (value) => Number.isInteger(value) && value >= min && value <= max ? undefined : `expected an integer from ${min} to ${max}, got ${value}`
}

/** Renders a help text from the specs. */
export function renderHelp (usage: string, description: string, specs: OptionSpecs, examples: string[] = []): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const flag = `${s.short != null ? `-${s.short}, ` : '    '}--${name}${s.type === 'boolean' ? '' : ` <${s.type}>`}`
    const extra = [s.env != null ? `env ${s.env}` : '', s.default !== undefined && s.type !== 'boolean' ? `default ${String(s.default)}` : ''].filter(Boolean).join(', ')
    return `  ${flag.padEnd(30)} ${s.description}${extra !== '' ? ` (${extra})` : ''}`
  })
  return [`Usage: ${usage}`, '', description, '', 'Options:', ...rows, ...(examples.length > 0 ? ['', 'Examples:', ...examples.map(e => `  ${e}`)] : []), ''].join('\n')
}
