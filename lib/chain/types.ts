import type { Address, Hex } from 'viem'

/** `ICotrainStaking.ContributionType` (the uint8 the contract takes). */
export const ContributionType = { ComputePower: 0, Dataset: 1, Validation: 2 } as const
export type ContributionType = typeof ContributionType[keyof typeof ContributionType]

/** `ICotrainStaking.ContributionStatus`. */
export const ContributionStatus = { Pending: 0, Finalized: 1, Fraudulent: 2, Expired: 3 } as const
export type ContributionStatus = typeof ContributionStatus[keyof typeof ContributionStatus]

/** `ICotrainStaking.Contributor`, as `getContributor` returns it. */
export type Contributor = {
  registered: boolean
  /** Active stake, wei. */
  stake: bigint
  unbondingAmount: bigint
  /** Unix seconds; 0n when nothing is unbonding. */
  unbondingReleaseTime: bigint
  /** 0..1000 (starts at 100). */
  reputation: number
  pendingContributions: number
  maxPendingContributions: number
  lockedRewards: bigint
  claimableRewards: bigint
  totalEarned: bigint
  totalSlashed: bigint
}

/** `ICotrainStaking.Contribution`, as `getContribution` returns it. */
export type Contribution = {
  contributor: Address
  ctype: ContributionType
  status: ContributionStatus
  dataHash: Hex
  submittedBlock: bigint
  scoreCount: number
  medianScore: number
  fraudReportCount: number
  reward: bigint
  /** Unix seconds: when it expires if still pending. */
  expiresAt: bigint
  /** Unix seconds: once finalized, when its reward unlocks and its fraud window closes; 0n before. */
  lockedUntil: bigint
}
