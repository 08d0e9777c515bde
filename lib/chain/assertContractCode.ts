import type { Address } from 'viem'
import { getCode } from 'viem/actions'
import { rpcUrlOf, type ChainClient } from './createChainClient.ts'
import { NoContractCodeError } from './errors.ts'
import { toChainError } from './toChainError.ts'

// Addresses seen to hold code, per client: code does not disappear, so each is asked about once.
const checked = new WeakMap<ChainClient, Set<string>>()

/**
 * Throws {@link NoContractCodeError} ("no contract at 0x.. on URL") when
 * `address` has no code. A read from such an address fails with viem's
 * `returned no data ("0x")`, and a transaction to it succeeds doing nothing;
 * every staking read and write checks first, so every CLI says what is wrong.
 *
 * @example
 * await assertContractCode(client, staking)
 */
export async function assertContractCode (client: ChainClient, address: Address): Promise<void> {
  let seen = checked.get(client)
  if (seen?.has(address.toLowerCase()) === true) return
  let code
  try {
    code = await getCode(client, { address })
  } catch (err) {
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
  if (code == null || code === '0x') throw new NoContractCodeError(address, rpcUrlOf(client))
  if (seen == null) checked.set(client, seen = new Set())
  seen.add(address.toLowerCase())
}
