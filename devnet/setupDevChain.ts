import { createPublicClient, createWalletClient, http, parseEther, type Address, type Chain } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { deployStaking, type StakingParams } from '../lib/chain/deployStaking.ts'
import { startLocalChain, type LocalChain } from '../lib/chain/startLocalChain.ts'
import { createChainClient } from '../lib/chain/createChainClient.ts'
import { accountFromPrivateKey } from '../lib/chain/loadAccount.ts'
import { fundRewardPool } from '../lib/chain/actions/fundRewardPool.ts'

/** A local chain with the staking contract deployed, funded and its validators added. */
export interface DevChain {
  chain: LocalChain
  contract: Address
  params: StakingParams
  validators: Address[]
}

/**
 * Starts `hardhat node` on 127.0.0.1, deploys CotrainStaking behind its proxy
 * (dev account 0 owns it), funds the reward pool and adds dev accounts
 * 1..validators as validators. Quorum equals the number of validators so every
 * contribution needs all of them to agree, and is never under the contract's
 * least (2): a one-validator devnet deploys but nothing finalizes until a
 * second validator is added. `quorum` overrides it (a validator registered
 * now but started later must not be needed for the early rounds).
 */
export async function setupDevChain (options: { port?: number, validators: number, poolEth: string, accounts: number, quorum?: number, signal?: AbortSignal }): Promise<DevChain> {
  const chain = await startLocalChain({ port: options.port, accounts: options.accounts, signal: options.signal })
  try {
    const viemChain: Chain = { id: chain.chainId, name: 'hardhat', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [chain.url] } } }
    const owner = privateKeyToAccount(chain.accounts[0].privateKey)
    const walletClient = createWalletClient({ account: owner, chain: viemChain, transport: http(chain.url) })
    const publicClient = createPublicClient({ chain: viemChain, transport: http(chain.url), pollingInterval: 50 })
    // The shortest lock the contract allows keeps the demo short; devnet then
    // advances chain time past it to show rewards becoming claimable.
    // Validators join at deployment: later additions wait the contract's change delay.
    const validators = chain.accounts.slice(1, 1 + options.validators).map((a) => a.address)
    const { address, params } = await deployStaking({
      walletClient,
      publicClient,
      params: { quorum: options.quorum ?? devnetQuorum(options.validators), rewardLockPeriod: 60n, unbondingPeriod: 120n },
      validators,
    })
    const ownerClient = await createChainClient({ rpcUrl: chain.url, account: accountFromPrivateKey(chain.accounts[0].privateKey), chainId: chain.chainId, pollingIntervalMs: 50 })
    await fundRewardPool(ownerClient, { address, value: parseEther(options.poolEth) })
    return { chain, contract: address, params, validators }
  } catch (err) {
    await chain.stop()
    throw err
  }
}

/** All validators must agree, and never fewer than the contract's least quorum of 2. */
export function devnetQuorum (validators: number): number {
  return Math.max(2, validators)
}
