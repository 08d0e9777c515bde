import { readFile } from 'node:fs/promises'
import { inspect } from 'node:util'
import { bytesToHex } from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'
import { KeyError, KeystorePasswordError } from './errors.ts'
import { decryptKeystore, parsePrivateKey } from './keystore.ts'
import { promptPassword } from './promptPassword.ts'

/** Environment variables the key comes from. */
export const PRIVATE_KEY_ENV = 'COTRAIN_PRIVATE_KEY'
export const KEYSTORE_ENV = 'COTRAIN_KEYSTORE'
export const KEYSTORE_PASSWORD_ENV = 'COTRAIN_KEYSTORE_PASSWORD'

/** Where {@link loadAccount} looks for the key. */
export type LoadAccountParameters = {
  /** Environment to read (`COTRAIN_PRIVATE_KEY`, `COTRAIN_KEYSTORE`, `COTRAIN_KEYSTORE_PASSWORD`); default `process.env`. */
  env?: Record<string, string | undefined>
  /** Encrypted keystore file (the `--keystore` flag); overrides `COTRAIN_KEYSTORE`. */
  keystorePath?: string
  /** Asks for the keystore password when the env has none; default: a no-echo prompt on a TTY. */
  prompt?: (question: string) => Promise<string>
}

/**
 * Loads the signing account from exactly one source: `COTRAIN_PRIVATE_KEY`
 * (hex) or an encrypted keystore (`keystorePath` / `COTRAIN_KEYSTORE`, password
 * from `COTRAIN_KEYSTORE_PASSWORD` or a prompt on a TTY). Never from a flag
 * value. The account prints as `LocalAccount(0x...)` under `util.inspect`,
 * `String()` and `JSON.stringify`, and no error here carries the key.
 *
 * @example
 * const account = await loadAccount({ keystorePath: opts.keystore })
 */
export async function loadAccount (params: LoadAccountParameters = {}): Promise<PrivateKeyAccount> {
  const env = params.env ?? process.env
  const rawKey = env[PRIVATE_KEY_ENV]
  const keystorePath = nonEmpty(params.keystorePath) ?? nonEmpty(env[KEYSTORE_ENV])
  const hasKey = nonEmpty(rawKey) != null

  if (hasKey && keystorePath != null) {
    throw new KeyError(`both ${PRIVATE_KEY_ENV} and a keystore are set`, { hint: `use one: unset ${PRIVATE_KEY_ENV} or drop --keystore` })
  }
  if (keystorePath != null) return await fromKeystore(keystorePath, env, params.prompt)
  if (hasKey) return accountFromPrivateKey(bytesToHex(parsePrivateKey(rawKey as string, PRIVATE_KEY_ENV)))
  throw new KeyError('no signing key', { hint: `set ${PRIVATE_KEY_ENV} or pass --keystore FILE (password in ${KEYSTORE_PASSWORD_ENV} or typed at the prompt)` })
}

/**
 * A viem account for `privateKey` whose printed forms show only the address.
 * (viem's account object holds no key field, only closures over it; this
 * makes sure logs and error dumps of the object stay that way.)
 */
export function accountFromPrivateKey (privateKey: `0x${string}`): PrivateKeyAccount {
  let account: PrivateKeyAccount
  try {
    account = privateKeyToAccount(privateKey)
  } catch {
    // No cause: the library's message may quote its input.
    throw new KeyError('not a valid secp256k1 private key')
  }
  const shown = `LocalAccount(${account.address})`
  Object.defineProperties(account, {
    [inspect.custom]: { value: () => shown, enumerable: false },
    toString: { value: () => shown, enumerable: false },
    toJSON: { value: () => ({ type: 'local', address: account.address }), enumerable: false },
  })
  return account
}

async function fromKeystore (path: string, env: Record<string, string | undefined>, prompt?: (question: string) => Promise<string>): Promise<PrivateKeyAccount> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new KeyError(`cannot read keystore ${path}${code != null ? ` (${code})` : ''}`, { hint: 'check the --keystore path and its permissions' })
  }
  const password = env[KEYSTORE_PASSWORD_ENV] ?? await (prompt ?? promptPassword)(`password for keystore ${path}: `)
  let privateKey: `0x${string}`
  try {
    privateKey = await decryptKeystore(text, password)
  } catch (err) {
    if (err instanceof KeystorePasswordError) throw new KeystorePasswordError(path)
    if (err instanceof KeyError) throw new KeyError(`${path}: ${err.shortMessage}`, { hint: err.hint })
    throw err
  }
  return accountFromPrivateKey(privateKey)
}

function nonEmpty (value: string | undefined): string | undefined {
  return value == null || value.trim() === '' ? undefined : value
}
