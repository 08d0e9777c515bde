import { isAddress, type Address } from 'viem'
import { InvalidInputError } from '../../lib/errors.ts'
import { commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'

/** Options every worker command shares: where its state is, which chain and contract, which key file. */
export const workerBaseOptions = {
  'data-dir': { type: 'string', description: 'worker state: identity, checkpoints, outbox', default: '.cotrain/worker', env: 'COTRAIN_DATA_DIR' },
  'rpc-url': { type: 'string', description: 'Ethereum JSON-RPC endpoint', default: 'http://127.0.0.1:8545', env: 'COTRAIN_RPC_URL' },
  contract: { type: 'string', description: 'staking contract (proxy) address', env: 'COTRAIN_CONTRACT', validate: (v: string) => isAddress(v, { strict: false }) ? undefined : `not an address: "${v}"` },
  keystore: { type: 'string', description: 'encrypted keystore file (password in COTRAIN_KEYSTORE_PASSWORD or prompted); else COTRAIN_PRIVATE_KEY', env: 'COTRAIN_KEYSTORE' },
  ...commonOptions
} as const satisfies OptionSpecs

/** The contract address, required for chain commands. */
export function requireContract (contract: string | undefined, command: string): Address {
  if (contract === undefined) throw new InvalidInputError(`worker ${command} needs --contract`, { hint: 'pass the staking proxy address with --contract 0x... or set COTRAIN_CONTRACT' })
  return contract as Address
}

/** Prints one result: JSON in --json mode, else the text lines. */
export function printResult (json: boolean, value: unknown, lines: string[]): void {
  if (json) process.stdout.write(JSON.stringify(value, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v) + '\n')
  else process.stdout.write(lines.join('\n') + '\n')
}
