import { isAddress, type Address } from 'viem'
import { InvalidInputError } from '../errors.ts'
import type { OptionSpecs } from './options.ts'

/** The options of every command that talks to the staking contract: which chain, which contract. */
export const chainOptions = {
  'rpc-url': { type: 'string', description: 'Ethereum JSON-RPC endpoint', default: 'http://127.0.0.1:8545', env: 'COTRAIN_RPC_URL' },
  contract: { type: 'string', description: 'staking contract (proxy) address', env: 'COTRAIN_CONTRACT', validate: (v: string) => isAddress(v, { strict: false }) ? undefined : `not an address: "${v}"` }
} as const satisfies OptionSpecs

/**
 * The --contract address, which `command` (e.g. `worker rewards`) cannot do
 * without; else a one-line error saying how to give it.
 */
export function requireContract (contract: string | undefined, command: string): Address {
  if (contract === undefined) throw new InvalidInputError(`${command} needs --contract`, { hint: 'pass the staking proxy address with --contract 0x... or set COTRAIN_CONTRACT' })
  return contract as Address
}
