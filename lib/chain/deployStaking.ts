import { encodeFunctionData, parseEther } from 'viem'
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem'
import { DeploymentFailedError } from './errors.ts'
import { proxyArtifact, stakingArtifact } from './stakingArtifact.ts'

/**
 * Every CotrainStaking parameter, as `initialize` takes it (the Solidity `StakingParams` struct).
 * Amounts in wei, durations in seconds, shares in basis points. Bounds are enforced on chain.
 */
export type StakingParams = {
  /** Least active stake to register and submit; [1 gwei, 1e6 ETH]. */
  minimumStake: bigint
  /** Stake backing one pending contribution: maxPending = stake / stakePerPending; [1, minimumStake]. */
  stakePerPending: bigint
  /** Base reward per ContributionType [ComputePower, Dataset, Validation]; each [0, 1000 ETH]. */
  baseRewards: readonly [bigint, bigint, bigint]
  /** Distinct validators that finalize a score or a fraud finding; [2, 15] and more than half the validators. */
  quorum: number
  /** Seconds a credited reward stays locked and can be slashed; [60, 90 days]. */
  rewardLockPeriod: bigint
  /** Seconds between an unstake request and its withdrawal; [60, 90 days]. */
  unbondingPeriod: bigint
  /** Share of stake slashed on a fraud finding, in bps; [100, 5000]. */
  slashBps: number
  /** Share of everything slashed paid to the reporting validators, in bps; [0, 2000]. */
  reporterShareBps: number
  /** Seconds a contribution may stay pending before it expires (no reward, stake unbound); [1 hour, 30 days]. */
  pendingTimeout: bigint
}

/**
 * Devnet defaults: small stakes, rewards a local pool can fund, a quorum of two validators (the
 * contract's least: no single key scores or slashes alone), minutes-long windows so a demo can claim
 * and withdraw, and a day for pending work to be scored before it expires.
 */
export const defaultStakingParams: StakingParams = {
  minimumStake: parseEther('1'),
  stakePerPending: parseEther('0.1'),
  baseRewards: [parseEther('0.01'), parseEther('0.02'), parseEther('0.005')],
  quorum: 2,
  rewardLockPeriod: 300n,
  unbondingPeriod: 600n,
  slashBps: 5000,
  reporterShareBps: 1000,
  pendingTimeout: 86_400n,
}

/** What `deployStaking` takes. */
export type DeployStakingParameters = {
  /** Signs and pays both deployments; its account becomes the owner unless `owner` is given. */
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  /** Waits for the receipts. */
  publicClient: PublicClient
  /** Overrides on top of `defaultStakingParams`. */
  params?: Partial<StakingParams>
  /** Owner of the staking contract; defaults to the wallet's account. */
  owner?: Address
  /**
   * The first validators, added without delay at initialization (later ones wait `changeDelay()`);
   * the quorum must be more than half of them.
   */
  validators?: readonly Address[]
}

/** Where `deployStaking` put things. */
export type DeployStakingReturnType = {
  /** The proxy: the address every client talks to. */
  address: Address
  /** The CotrainStaking implementation behind it. */
  implementation: Address
  /** The resolved parameters it was initialized with. */
  params: StakingParams
}

/**
 * Deploys the CotrainStaking implementation and the ERC-1967 proxy that initializes it, with plain
 * viem clients (works against `hardhat node` over HTTP and in-process in tests).
 *
 * @example
 * const { address } = await deployStaking({ walletClient, publicClient, params: { quorum: 2 }, validators: [v1, v2] })
 */
export async function deployStaking (
  { walletClient, publicClient, params, owner, validators = [] }: DeployStakingParameters,
): Promise<DeployStakingReturnType> {
  const resolved: StakingParams = { ...defaultStakingParams, ...params }
  const staking = stakingArtifact()
  const proxy = proxyArtifact()

  const implementation = await deployContract(walletClient, publicClient, 'CotrainStaking implementation', {
    abi: staking.abi,
    bytecode: staking.bytecode,
    args: [],
  })
  const initData = encodeFunctionData({
    abi: staking.abi,
    functionName: 'initialize',
    args: [owner ?? walletClient.account.address, resolved, validators],
  })
  const address = await deployContract(walletClient, publicClient, 'CotrainStaking proxy', {
    abi: proxy.abi,
    bytecode: proxy.bytecode,
    args: [implementation, initData],
  })
  return { address, implementation, params: resolved }
}

async function deployContract (
  walletClient: DeployStakingParameters['walletClient'],
  publicClient: PublicClient,
  what: string,
  { abi, bytecode, args }: { abi: ReturnType<typeof stakingArtifact>['abi'], bytecode: `0x${string}`, args: readonly unknown[] },
): Promise<Address> {
  const hash = await walletClient.deployContract({
    abi,
    bytecode,
    args,
    account: walletClient.account,
    chain: walletClient.chain,
  })
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success' || receipt.contractAddress == null) {
    throw new DeploymentFailedError(what, hash, `receipt status ${receipt.status}`)
  }
  return receipt.contractAddress
}
