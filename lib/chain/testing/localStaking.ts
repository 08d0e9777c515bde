import { createPublicClient, createWalletClient, http, type Address, type Chain } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { accountFromPrivateKey } from '../loadAccount.ts'
import { createChainClient, type WalletChainClient } from '../createChainClient.ts'
import { deployStaking, type StakingParams } from '../deployStaking.ts'
import { startLocalChain, type LocalChain } from '../startLocalChain.ts'

/** A `hardhat node` with CotrainStaking deployed, for tests and the devnet. */
export type LocalStaking = {
  chain: LocalChain
  /** The staking proxy. */
  address: Address
  params: StakingParams
  /** A client signing with dev account `i` (0 is the owner), talking to `rpcUrl` (default the node). */
  clientFor: (i: number, rpcUrl?: string) => Promise<WalletChainClient>
  stop: () => Promise<void>
}

/**
 * Starts a local chain and deploys CotrainStaking with dev account 0 as owner
 * and the dev accounts numbered in `validators` as its first validators.
 *
 * @example
 * const local = await startLocalStaking({ validators: [2, 3] })
 * const worker = await local.clientFor(1)
 */
export async function startLocalStaking (options: { params?: Partial<StakingParams>, validators?: readonly number[] } = {}): Promise<LocalStaking> {
  const chain = await startLocalChain()
  try {
    const viemChain: Chain = { id: chain.chainId, name: 'hardhat', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [chain.url] } } }
    const owner = privateKeyToAccount(chain.accounts[0].privateKey)
    const walletClient = createWalletClient({ account: owner, chain: viemChain, transport: http(chain.url) })
    const publicClient = createPublicClient({ chain: viemChain, transport: http(chain.url), pollingInterval: 50 })
    const validators = (options.validators ?? []).map((i) => chain.accounts[i].address)
    const { address, params } = await deployStaking({ walletClient, publicClient, params: options.params, validators })
    const clientFor = async (i: number, rpcUrl = chain.url): Promise<WalletChainClient> =>
      await createChainClient({ rpcUrl, account: accountFromPrivateKey(chain.accounts[i].privateKey), chainId: chain.chainId, pollingIntervalMs: 50 })
    return { chain, address, params, clientFor, stop: chain.stop }
  } catch (err) {
    await chain.stop()
    throw err
  }
}
