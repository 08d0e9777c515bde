import { createClient, defineChain, http, type Account, type Chain, type Client, type Transport } from 'viem'
import { getChainId } from 'viem/actions'
import { toChainError } from './toChainError.ts'

/** A viem client the cotrain actions take: reads need no account, writes need one. */
export type ChainClient = Client<Transport, Chain, Account | undefined>

/** A {@link ChainClient} with a signing account. */
export type WalletChainClient = Client<Transport, Chain, Account>

/** What {@link createChainClient} takes. */
export type CreateChainClientParameters<A extends Account | undefined = undefined> = {
  /** JSON-RPC endpoint (`--rpc-url`). */
  rpcUrl: string
  /** Signing account (from `loadAccount`); leave out for a read-only client. */
  account?: A
  /** Skip the `eth_chainId` probe when known. */
  chainId?: number
  /** How often to poll for receipts and blocks; default 100 ms on 31337 (hardhat), else 1 s. */
  pollingIntervalMs?: number
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number
  /** Transport-level retries of one request; default 1 (the outbox does its own backoff). */
  retryCount?: number
}

/**
 * Builds a viem client for `rpcUrl`, asking the node for its chain id first,
 * so an unreachable endpoint fails here with one line ("cannot reach RPC at
 * URL (is the node running? check --rpc-url)").
 *
 * @example
 * const client = await createChainClient({ rpcUrl: 'http://127.0.0.1:8545', account })
 */
export async function createChainClient<A extends Account | undefined = undefined> (
  params: CreateChainClientParameters<A>,
): Promise<Client<Transport, Chain, A>> {
  const transport = http(params.rpcUrl, { timeout: params.timeoutMs ?? 10_000, retryCount: params.retryCount ?? 1, retryDelay: 100 })
  let chainId = params.chainId
  if (chainId == null) {
    try {
      chainId = await getChainId(createClient({ transport }))
    } catch (err) {
      throw toChainError(err, { rpcUrl: params.rpcUrl })
    }
  }
  const chain = defineChain({
    id: chainId,
    name: chainId === 31337 ? 'hardhat' : `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [params.rpcUrl] } },
  })
  const pollingInterval = params.pollingIntervalMs ?? (chainId === 31337 ? 100 : 1000)
  return createClient({ chain, transport, account: params.account as A, pollingInterval, cacheTime: 0 }) as Client<Transport, Chain, A>
}

/** The RPC URL a client talks to (for error messages). */
export function rpcUrlOf (client: Client): string | undefined {
  const url = (client.transport as { url?: unknown }).url
  return typeof url === 'string' ? url : client.chain?.rpcUrls.default.http[0]
}
