import type { Address } from 'viem'
import { chainOptions, requireContract as requireContractOption } from '../../lib/cli/chainOptions.ts'
import { commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'

/** Options every worker command shares: where its state is, which chain and contract, which key file. */
export const workerBaseOptions = {
  'data-dir': { type: 'string', description: 'worker state: identity, checkpoints, outbox', default: '.cotrain/worker', env: 'COTRAIN_DATA_DIR' },
  ...chainOptions,
  keystore: { type: 'string', description: 'encrypted keystore file (password in COTRAIN_KEYSTORE_PASSWORD or prompted); else COTRAIN_PRIVATE_KEY', env: 'COTRAIN_KEYSTORE' },
  ...commonOptions
} as const satisfies OptionSpecs

/** The contract address, required for chain commands. */
export function requireContract (contract: string | undefined, command: string): Address {
  return requireContractOption(contract, `worker ${command}`)
}

export { printResult } from '../../lib/cli/printResult.ts'
