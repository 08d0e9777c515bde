import { CotrainError } from '../errors.ts'

/**
 * Anything that went wrong talking to the chain or the staking contract.
 * `retryable` says whether sending the same thing again later can succeed
 * (an RPC outage, a paused contract, a nonce race) or never will (an
 * under-staked account, a duplicate data hash): the outbox retries the former
 * and reports the latter.
 */
export class ChainError extends CotrainError {
  override name = 'ChainError'
  readonly retryable: boolean

  constructor (shortMessage: string, options: { details?: string, hint?: string, cause?: unknown, retryable?: boolean } = {}) {
    super(shortMessage, options)
    this.retryable = options.retryable ?? false
  }
}

/** The JSON-RPC endpoint did not answer (refused, reset, timed out, 5xx). */
export class RpcUnreachableError extends ChainError {
  override name = 'RpcUnreachableError'
  readonly url: string

  constructor (url: string, options: { cause?: unknown, details?: string } = {}) {
    super(`cannot reach RPC at ${redactUrl(url)}`, { ...options, hint: 'is the node running? check --rpc-url', retryable: true })
    this.url = redactUrl(url)
  }
}

/**
 * The staking contract refused the call with a custom error; `errorName` and
 * `args` are the decoded revert (e.g. `ContributionDuplicate`, `[hash, id]`).
 */
export class ContractRevertedError extends ChainError {
  override name = 'ContractRevertedError'
  readonly errorName: string
  readonly args: readonly unknown[]

  constructor (errorName: string, args: readonly unknown[], shortMessage: string, options: { hint?: string, retryable?: boolean, cause?: unknown } = {}) {
    super(shortMessage, options)
    this.errorName = errorName
    this.args = args
  }
}

/** The sending account cannot pay value + gas. */
export class AccountUnderfundedError extends ChainError {
  override name = 'AccountUnderfundedError'
  constructor (account: string | undefined, options: { cause?: unknown } = {}) {
    super(`account ${account ?? '(sender)'} has not enough ETH to pay for this transaction's value and gas`, {
      ...options,
      hint: 'send ETH to the account, or lower the stake / value',
    })
  }
}

/** Another transaction took the nonce (a second process on the same key, a replaced or dropped tx). */
export class NonceConflictError extends ChainError {
  override name = 'NonceConflictError'
  constructor (detail: string, options: { cause?: unknown } = {}) {
    super(`transaction nonce conflict: ${detail}`, { ...options, hint: 'another transaction from this account used the nonce; it is retried with a fresh one', retryable: true })
  }
}

/** A key could not be loaded: missing, malformed, unreadable keystore. Never carries the key. */
export class KeyError extends CotrainError {
  override name = 'KeyError'
}

/** The keystore's MAC did not match: the password is wrong (or the file was altered). */
export class KeystorePasswordError extends KeyError {
  override name = 'KeystorePasswordError'
  constructor (source?: string) {
    super(`wrong password for keystore${source != null ? ` ${source}` : ''}`, {
      hint: 'check COTRAIN_KEYSTORE_PASSWORD or the password you typed',
    })
  }
}

/**
 * Drops what may be an API key from an RPC URL before it is printed: user
 * info, the query string, and path segments that look like tokens (20+
 * characters, as in `/v3/<key>`).
 */
export function redactUrl (url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    u.search = ''
    u.pathname = u.pathname.split('/').map((s) => /^[\w-]{20,}$/.test(s) ? '***' : s).join('/')
    return u.toString().replace(/\/$/, '')
  } catch {
    return url
  }
}

/** The address holds no contract code on this chain: wrong address, wrong chain, or not deployed. */
export class NoContractCodeError extends ChainError {
  override name = 'NoContractCodeError'
  constructor (address: string, rpcUrl?: string) {
    super(`no contract at ${address}${rpcUrl != null ? ` on ${redactUrl(rpcUrl)}` : ''}`, {
      hint: 'check --contract and --rpc-url (is this the chain it was deployed on?)',
    })
  }
}

/** Compiled artifacts are missing or unreadable: the contracts were not built. */
export class ArtifactNotFoundError extends CotrainError {
  override name = 'ArtifactNotFoundError'
  constructor (contractName: string, path: string, cause?: unknown) {
    super(`no compiled artifact for ${contractName} at ${path}`, {
      hint: 'run `npx hardhat build`',
      cause
    })
  }
}

/** A deployment transaction that did not produce a contract. */
export class DeploymentFailedError extends CotrainError {
  override name = 'DeploymentFailedError'
  constructor (what: string, hash: string, details?: string) {
    super(`deploying ${what} failed (tx ${hash})`, {
      details,
      hint: 'check that the wallet has ETH and the params are within their bounds',
    })
  }
}
