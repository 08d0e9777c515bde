import { createPublicClient, http, type Address } from 'viem'
import { cotrainStakingAbi } from '../lib/chain/abi/cotrainStakingAbi.ts'
import { ContributionType } from '../lib/chain/types.ts'

/** What the chain says about one account at the end of a devnet run. */
export interface AccountSummary {
  address: Address
  contributions: number
  finalized: number
  fraudulent: number
  pending: number
  scores: number[]
  reputation: number
  earnedWei: bigint
  lockedWei: bigint
  claimableWei: bigint
  slashedWei: bigint
  stakeWei: bigint
  /** Ids of this account's compute contributions that are neither finalized nor fraudulent. */
  pendingComputeIds: bigint[]
  /** FraudReported events on this account's contributions (one per validator and contribution). */
  fraudReportsAgainst: number
  /** ContributorSlashed events naming this account. */
  slashEvents: number
  /** FraudReported events this account filed (as a validator). */
  fraudReportsFiled: number
}

/** Reads per-account contributions, scores, rewards, reputation, fraud reports and slashes from the staking contract's state and events. */
export async function readChainSummary (rpcUrl: string, contract: Address, accounts: Address[]): Promise<Map<Address, AccountSummary>> {
  const client = createPublicClient({ transport: http(rpcUrl) })
  const abi = cotrainStakingAbi
  const submitted = await client.getContractEvents({ abi, address: contract, eventName: 'ContributionSubmitted', fromBlock: 0n })
  const finalized = await client.getContractEvents({ abi, address: contract, eventName: 'ContributionFinalized', fromBlock: 0n })
  const scoreOf = new Map(finalized.map((e) => [e.args.id ?? 0n, Number(e.args.medianScore)]))
  const reports = await client.getContractEvents({ abi, address: contract, eventName: 'FraudReported', fromBlock: 0n })
  const slashes = await client.getContractEvents({ abi, address: contract, eventName: 'ContributorSlashed', fromBlock: 0n })
  const same = (a: Address | undefined, b: Address): boolean => a?.toLowerCase() === b.toLowerCase()
  const byAccount = new Map<Address, AccountSummary>()
  for (const address of accounts) {
    const c = await client.readContract({ abi, address: contract, functionName: 'getContributor', args: [address] })
    const [locked, claimable] = await client.readContract({ abi, address: contract, functionName: 'rewardsOf', args: [address] })
    const mine = submitted.filter((e) => same(e.args.contributor, address)).map((e) => ({ args: { id: e.args.id ?? 0n, ctype: Number(e.args.ctype) } }))
    const ids = new Set(mine.map((e) => e.args.id))
    const summary: AccountSummary = {
      address,
      contributions: mine.length,
      finalized: 0,
      fraudulent: 0,
      pending: 0,
      scores: [],
      reputation: Number(c.reputation),
      earnedWei: c.totalEarned,
      lockedWei: locked,
      claimableWei: claimable,
      slashedWei: c.totalSlashed,
      stakeWei: c.stake + c.unbondingAmount,
      pendingComputeIds: [],
      fraudReportsAgainst: reports.filter((e) => ids.has(e.args.id ?? -1n)).length,
      slashEvents: slashes.filter((e) => same(e.args.contributor, address)).length,
      fraudReportsFiled: reports.filter((e) => same(e.args.validator, address)).length
    }
    for (const e of mine) {
      const info = await client.readContract({ abi, address: contract, functionName: 'getContribution', args: [e.args.id] })
      if (info.status === 1) { summary.finalized++; summary.scores.push(scoreOf.get(e.args.id) ?? 0) } else if (info.status === 2) summary.fraudulent++
      else {
        summary.pending++
        if (Number(e.args.ctype) === ContributionType.ComputePower) summary.pendingComputeIds.push(e.args.id)
      }
    }
    byAccount.set(address, summary)
  }
  return byAccount
}
