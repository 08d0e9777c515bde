import { isAddress, parseEther, type Address } from 'viem'
import { createChainClient, loadAccount, type WalletChainClient } from '../../lib/chain/index.ts'
import { commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { chainOptions, requireContract as requireContractOption } from '../../lib/cli/chainOptions.ts'
import { InvalidInputError } from '../../lib/errors.ts'

/** Options every admin command shares: which chain, which contract, which key. */
export const adminBaseOptions = {
  ...chainOptions,
  keystore: { type: 'string', description: 'the owner\'s encrypted keystore file (password in COTRAIN_KEYSTORE_PASSWORD or prompted); else COTRAIN_PRIVATE_KEY', env: 'COTRAIN_KEYSTORE' },
  ...commonOptions
} as const satisfies OptionSpecs

/** The contract address, required by every command but deploy and keystore. */
export function requireContract (contract: string | undefined, command: string): Address {
  return requireContractOption(contract, `admin ${command}`)
}

/** A signing client for the owner key (env or keystore, never a flag). */
export async function ownerClient (o: { 'rpc-url': string, keystore?: string }): Promise<WalletChainClient> {
  const account = await loadAccount({ keystorePath: o.keystore })
  return await createChainClient({ rpcUrl: o['rpc-url'], account })
}

/** An address argument, else a one-line error naming what it is for. */
export function addressArg (text: string | undefined, what: string): Address {
  if (text === undefined || !isAddress(text, { strict: false })) throw new InvalidInputError(`${what} needs an address${text === undefined ? '' : `, not "${text}"`}`, { hint: 'a 0x-prefixed 20-byte hex address' })
  return text as Address
}

/** `ETH` as wei: a positive decimal amount, else a one-line error. */
export function ethArg (text: string | undefined, what: string): bigint {
  if (text === undefined || !/^\d+(\.\d{1,18})?$/.test(text)) throw new InvalidInputError(`${what} needs an amount of ETH${text === undefined ? '' : `, not "${text}"`}`, { hint: 'a positive decimal number such as 0.5' })
  const wei = parseEther(text)
  if (wei === 0n) throw new InvalidInputError(`${what}: the amount must be more than 0`)
  return wei
}

/** Rejects arguments a command does not take. */
export function noMore (extra: string[], usage: string): void {
  if (extra.length > 0) throw new InvalidInputError(`unexpected argument "${extra[0]}"`, { hint: `usage: ${usage}` })
}

export { printResult } from '../../lib/cli/printResult.ts'

/** A unix time as an ISO date. */
export function when (seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString()
}
