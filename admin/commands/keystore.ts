import { existsSync } from 'node:fs'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { KEYSTORE_PASSWORD_ENV, PRIVATE_KEY_ENV, promptPassword, writeKeystoreFile } from '../../lib/chain/index.ts'
import { commonOptions, renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { noMore, printResult } from './adminOptions.ts'

const specs = {
  out: { type: 'string', description: 'where to write the keystore file (never overwritten)' },
  import: { type: 'boolean', description: `encrypt the key in ${PRIVATE_KEY_ENV} instead of a new one`, default: false },
  ...commonOptions
} as const satisfies OptionSpecs
const help = renderHelp('admin keystore create --out FILE [--import]',
  `Writes an encrypted keystore (Web3 Secret Storage v3, scrypt) for a new key, or for the key in ${PRIVATE_KEY_ENV} with --import. The password comes from ${KEYSTORE_PASSWORD_ENV} or is asked at the terminal. Prints the address, never the key.`, specs, [
    'npm run admin -- keystore create --out owner.json',
    `${PRIVATE_KEY_ENV}=0x... ${KEYSTORE_PASSWORD_ENV}=... npm run admin -- keystore create --out owner.json --import`
  ])

/** `admin keystore create`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o, positionals } = resolveOptions(specs, { argv, env: process.env, positionals: true })
  if (o.help) { process.stdout.write(help); return }
  const [action, ...extra] = positionals
  if (action !== 'create') throw new InvalidInputError(action === undefined ? 'admin keystore needs an action' : `unknown keystore action "${action}"`, { hint: 'usage: admin keystore create --out FILE' })
  noMore(extra, 'admin keystore create --out FILE')
  if (o.out === undefined) throw new InvalidInputError('admin keystore create needs --out FILE')
  if (existsSync(o.out)) throw new InvalidInputError(`${o.out} already exists`, { hint: 'a keystore is never overwritten; choose another --out' })
  let key: `0x${string}`
  if (o.import) {
    const env = process.env[PRIVATE_KEY_ENV]
    if (env === undefined || env === '') throw new InvalidInputError(`--import needs the key in ${PRIVATE_KEY_ENV}`)
    key = (env.startsWith('0x') ? env : `0x${env}`) as `0x${string}`
  } else {
    key = generatePrivateKey()
  }
  const password = process.env[KEYSTORE_PASSWORD_ENV] ?? await promptPassword('keystore password: ')
  if (password.length < 8) throw new InvalidInputError('the keystore password needs at least 8 characters')
  await writeKeystoreFile(o.out, key, password)
  const address = privateKeyToAccount(key).address
  printResult(o.json, { address, file: o.out }, [`wrote ${o.out} for ${address}; use it with --keystore ${o.out}`])
}

export const summary = 'create an encrypted keystore file (new key, or --import the env key)'
