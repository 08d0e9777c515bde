// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// A FROZEN TEST FIXTURE, never deployed by cotrain: the staking interface as it was before the fixes of
// issue 14 (git 844ca6a, contracts/ICotrainStaking.sol), renamed to ...V0 so its artifact does not
// clash with today's. test/contracts/CotrainStakingV0.abuse.test.ts performs the security review's
// attacks against it and asserts they succeed, which proves each fix in CotrainStaking necessary.
// Do not fix anything here.

/// @title ICotrainStakingV0
/// @notice The staking, scoring, reward and slashing contract of cotrain, as the clients see it.
/// Contributors stake native ETH, submit contributions identified by a data hash, validators score
/// them (a quorum of distinct scores finalizes with the median) and report fraud (a quorum of
/// distinct reports slashes). Rewards come from a funded pool, are locked for a challenge window and
/// are then pulled with `claimRewards`. See contracts/README.md for the formulas.
interface ICotrainStakingV0 {
    // ------------------------------------------------------------------ types

    /// @notice What a contribution is.
    enum ContributionType {
        ComputePower,
        Dataset,
        Validation
    }

    /// @notice Where a contribution is in its life.
    /// Pending: waiting for `quorum` scores. Finalized: scored, reward credited.
    /// Fraudulent: `quorum` fraud reports; it earns nothing and its contributor was slashed.
    enum ContributionStatus {
        Pending,
        Finalized,
        Fraudulent
    }

    /// @notice Every tunable parameter; passed to `initialize` and returned by `params()`.
    /// Amounts in wei, durations in seconds, shares in basis points (1/10000).
    struct StakingParams {
        /// Least active stake to register and to submit.
        uint256 minimumStake;
        /// Active stake that backs one pending contribution: maxPending = stake / stakePerPending.
        uint256 stakePerPending;
        /// Reward at quality 100 and multiplier 1x, indexed by ContributionType.
        uint256[3] baseRewards;
        /// Distinct validators needed to finalize a score, and to slash on fraud.
        uint8 quorum;
        /// How long a credited reward stays locked (and can be taken back on fraud).
        uint64 rewardLockPeriod;
        /// How long requested unstake waits before it can be withdrawn (slashable meanwhile).
        uint64 unbondingPeriod;
        /// Share of stake (active + unbonding) taken on a fraud finding.
        uint16 slashBps;
        /// Share of everything slashed that goes to the reporting validators (the rest to the pool).
        uint16 reporterShareBps;
    }

    /// @notice A contributor as the clients read it.
    struct Contributor {
        /// True once `registerContributor` succeeded; stays true after a full exit.
        bool registered;
        /// Active stake (what backs submissions); excludes unbonding.
        uint256 stake;
        /// Stake requested out, waiting for `unbondingReleaseTime`; still slashable.
        uint256 unbondingAmount;
        /// When `withdrawStake` may take `unbondingAmount` (0 when nothing is unbonding).
        uint64 unbondingReleaseTime;
        /// 0..1000; starts at 100 and moves with each finalized score, 0 after a fraud finding.
        uint16 reputation;
        /// Contributions submitted and neither finalized nor found fraudulent.
        uint32 pendingContributions;
        /// How many may be pending with the current active stake.
        uint32 maxPendingContributions;
        /// Rewards credited and still in their lock window.
        uint256 lockedRewards;
        /// Rewards past their lock window, ready for `claimRewards`.
        uint256 claimableRewards;
        /// All rewards ever credited to this address (contributions and reporter shares).
        uint256 totalEarned;
        /// All stake and locked rewards ever slashed from this address.
        uint256 totalSlashed;
    }

    /// @notice A contribution as the clients read it.
    struct Contribution {
        address contributor;
        ContributionType ctype;
        ContributionStatus status;
        bytes32 dataHash;
        /// Block the submission was mined in; the challenge seed is the hash of the next block.
        uint64 submittedBlock;
        /// Distinct validator scores so far (equals the quorum at finalization).
        uint8 scoreCount;
        /// Median of the scores (lower middle for an even count); 0 until finalized.
        uint8 medianScore;
        /// Distinct fraud reports so far.
        uint8 fraudReportCount;
        /// Reward credited at finalization; 0 while pending and after a fraud finding.
        uint256 reward;
    }

    // ----------------------------------------------------------------- events

    /// @notice A contributor joined with `stake`, starting at `reputation`.
    event ContributorRegistered(address indexed contributor, uint256 stake, uint256 reputation);
    /// @notice `amount` joined the active stake, now `stake`.
    event StakeAdded(address indexed contributor, uint256 amount, uint256 stake);
    /// @notice Contribution `id` was recorded in block `blockNumber`.
    event ContributionSubmitted(
        uint256 indexed id, address indexed contributor, ContributionType ctype, bytes32 dataHash, uint256 blockNumber
    );
    /// @notice `validator` scored `id`; `scoreCount` distinct scores so far.
    event ContributionScored(uint256 indexed id, address indexed validator, uint8 qualityScore, uint8 scoreCount);
    /// @notice `id` reached the quorum: median, credited reward, the contributor's new reputation.
    /// @param unlockTime When the credited reward leaves its lock window.
    event ContributionFinalized(
        uint256 indexed id,
        address indexed contributor,
        uint8 medianScore,
        uint256 reward,
        uint256 reputation,
        uint256 unlockTime
    );
    /// @notice `validator` reported `id` as fraudulent; `reportCount` distinct reports so far.
    event FraudReported(uint256 indexed id, address indexed validator, bytes32 evidenceHash, uint8 reportCount);
    /// @notice The fraud quorum on `id` slashed `contributor`.
    /// @param stakeSlashed Taken from unbonding first, then from active stake.
    /// @param rewardsSlashed All the contributor's locked rewards.
    event ContributorSlashed(
        uint256 indexed id,
        address indexed contributor,
        uint256 stakeSlashed,
        uint256 rewardsSlashed,
        uint256 toPool,
        uint256 toReporters
    );
    /// @notice `reporter` was credited `amount` (claimable at once) for the finding on `id`.
    event ReporterRewarded(uint256 indexed id, address indexed reporter, uint256 amount);
    /// @notice `account` was paid `amount` of matured rewards.
    event RewardsClaimed(address indexed account, uint256 amount);
    /// @notice `amount` moved to unbonding, now `unbondingAmount` in all, released at `releaseTime`.
    event UnstakeRequested(address indexed contributor, uint256 amount, uint256 unbondingAmount, uint256 releaseTime);
    /// @notice `contributor` was paid its released unbonding `amount`.
    event StakeWithdrawn(address indexed contributor, uint256 amount);
    /// @notice `amount` joined the reward pool.
    event RewardPoolFunded(address indexed from, uint256 amount);
    /// @notice The owner sent `amount` of the unallocated pool to `to`.
    event RewardPoolWithdrawn(address indexed to, uint256 amount);
    /// @notice `amount` of unaccounted (forced) ETH joined the pool.
    event SurplusAbsorbed(uint256 amount);
    /// @notice `validator` may score and report.
    event ValidatorAdded(address indexed validator);
    /// @notice `validator` may no longer score or report (what it gave stays counted).
    event ValidatorRemoved(address indexed validator);
    /// @notice A parameter changed (one event per setter, old and new value).
    event MinimumStakeUpdated(uint256 oldValue, uint256 newValue);
    event StakePerPendingUpdated(uint256 oldValue, uint256 newValue);
    event BaseRewardUpdated(ContributionType indexed ctype, uint256 oldValue, uint256 newValue);
    event QuorumUpdated(uint256 oldValue, uint256 newValue);
    event RewardLockPeriodUpdated(uint256 oldValue, uint256 newValue);
    event UnbondingPeriodUpdated(uint256 oldValue, uint256 newValue);
    event SlashBpsUpdated(uint256 oldValue, uint256 newValue);
    event ReporterShareBpsUpdated(uint256 oldValue, uint256 newValue);

    // ----------------------------------------------------------------- errors

    /// @notice A zero address where a real one is needed.
    error AddressZero();
    /// @notice `registerContributor` by an address that already registered.
    error ContributorAlreadyRegistered(address contributor);
    /// @notice An action that needs a registered contributor.
    error ContributorNotRegistered(address contributor);
    /// @notice Submitting with active stake under the minimum (never staked enough, unstaked or slashed).
    error ContributorStakeTooLow(address contributor, uint256 stake, uint256 minimum);
    /// @notice Submitting while `pending` contributions already use all the stake allows.
    error ContributorTooManyPending(address contributor, uint256 pending, uint256 maxPending);
    /// @notice Registering with less than the minimum stake.
    error StakeBelowMinimum(uint256 amount, uint256 minimum);
    /// @notice `addStake` or `fundRewardPool` without value.
    error AmountZero();
    /// @notice A contribution with the zero data hash.
    error ContributionHashZero();
    /// @notice A data hash that an earlier contribution already used.
    error ContributionDuplicate(bytes32 dataHash, uint256 existingId);
    /// @notice An id that no contribution has (0 never has one).
    error ContributionNotFound(uint256 id);
    /// @notice Scoring a contribution that is no longer pending.
    error ContributionNotPending(uint256 id, ContributionStatus status);
    /// @notice Reporting a contribution already found fraudulent.
    error ContributionAlreadyFraudulent(uint256 id);
    /// @notice The block after the submission block has not been mined yet.
    error ChallengeSeedNotReady(uint256 id);
    /// @notice The block after the submission block is more than 256 blocks old; its hash is gone.
    error ChallengeSeedExpired(uint256 id);
    /// @notice A validator-only action by an address that is not a validator.
    error ValidatorUnauthorized(address account);
    /// @notice `addValidator` of a validator.
    error ValidatorAlreadyAdded(address validator);
    /// @notice `removeValidator` of an address that is not a validator.
    error ValidatorNotFound(address validator);
    /// @notice A validator scoring or reporting its own contribution.
    error ValidatorOwnContribution(uint256 id, address validator);
    /// @notice A validator scoring the same contribution twice.
    error ValidatorAlreadyScored(uint256 id, address validator);
    /// @notice A validator reporting the same contribution twice.
    error ValidatorAlreadyReported(uint256 id, address validator);
    /// @notice A quality score outside 1..100.
    error QualityScoreOutOfRange(uint8 qualityScore);
    /// @notice `distributeRewardsBatch` with arrays of different lengths.
    error BatchLengthMismatch(uint256 idsLength, uint256 scoresLength);
    /// @notice `requestUnstake(0)`.
    error UnstakeAmountZero();
    /// @notice Unstaking more than the active stake.
    error UnstakeExceedsStake(uint256 amount, uint256 stake);
    /// @notice Unstaking would leave pending contributions unbacked: while any is pending the remaining
    /// active stake must be at least max(minimumStake, pending * stakePerPending).
    error UnstakeBlockedByPending(address contributor, uint256 pending, uint256 requiredStake);
    /// @notice `withdrawStake` with nothing unbonding.
    error UnbondingEmpty(address contributor);
    /// @notice `withdrawStake` before the release time.
    error UnbondingNotReleased(address contributor, uint256 releaseTime);
    /// @notice `claimRewards` with nothing past its lock window.
    error RewardsNoneClaimable(address account);
    /// @notice The owner asking for more than the unallocated pool.
    error RewardPoolInsufficient(uint256 requested, uint256 available);
    /// @notice Sending ETH failed.
    error TransferFailed(address to, uint256 amount);
    /// @notice A parameter outside its documented bounds.
    error ParameterOutOfBounds(string parameter, uint256 value, uint256 min, uint256 max);

    // -------------------------------------------------------------- contributors

    /// @notice Joins with `msg.value` (>= minimumStake) as stake; reputation starts at 100 of 1000.
    function registerContributor() external payable;

    /// @notice Adds `msg.value` to the caller's active stake.
    function addStake() external payable;

    /// @notice Records a contribution; ids start at 1. Needs active stake >= minimumStake and fewer
    /// pending contributions than stake / stakePerPending.
    function submitContribution(ContributionType ctype, bytes32 dataHash) external returns (uint256 id);

    /// @notice Moves `amount` of active stake to unbonding; the whole unbonding amount releases
    /// `unbondingPeriod` after the latest request.
    function requestUnstake(uint256 amount) external;

    /// @notice Sends the released unbonding amount to the caller. Works while paused.
    function withdrawStake() external;

    /// @notice Sends the caller's rewards that are past their lock window.
    function claimRewards() external;

    // ----------------------------------------------------------------- validators

    /// @notice Scores a pending contribution 1..100; the quorum-th distinct score finalizes it.
    function distributeRewards(uint256 id, uint8 qualityScore) external;

    /// @notice `distributeRewards` for many contributions in one transaction (all or nothing).
    function distributeRewardsBatch(uint256[] calldata ids, uint8[] calldata qualityScores) external;

    /// @notice Reports a contribution as fraudulent; the quorum-th distinct report slashes.
    function reportFraud(uint256 id, bytes32 evidenceHash) external;

    // ---------------------------------------------------------------------- pool

    /// @notice Adds `msg.value` to the reward pool (plain ETH transfers do the same).
    function fundRewardPool() external payable;

    /// @notice Moves ETH that arrived without accounting (forced transfers) into the pool. Anyone.
    function absorbSurplus() external;

    // ---------------------------------------------------------------------- owner

    /// @notice Lets `validator` score and report. Owner only.
    function addValidator(address validator) external;
    /// @notice Stops `validator` scoring and reporting. Owner only.
    function removeValidator(address validator) external;
    /// @notice Owner-only setters; each checks its documented bounds and emits its *Updated event.
    function setMinimumStake(uint256 value) external;
    function setStakePerPending(uint256 value) external;
    function setBaseReward(ContributionType ctype, uint256 value) external;
    function setQuorum(uint8 value) external;
    function setRewardLockPeriod(uint64 value) external;
    function setUnbondingPeriod(uint64 value) external;
    function setSlashBps(uint16 value) external;
    function setReporterShareBps(uint16 value) external;
    /// @notice Stops registering, staking, submitting, scoring and claiming. Owner only.
    function pause() external;
    /// @notice Undoes `pause`. Owner only.
    function unpause() external;

    /// @notice Sends `amount` of the unallocated pool to `to`; never stake or owed rewards.
    function withdrawRewardPool(address to, uint256 amount) external;

    // ---------------------------------------------------------------------- views

    /// @notice Everything about `account` as a contributor (zeroes when never registered).
    function getContributor(address account) external view returns (Contributor memory);
    /// @notice Contribution `id`; reverts ContributionNotFound for ids never issued.
    function getContribution(uint256 id) external view returns (Contribution memory);
    /// @notice 0 when no contribution used `dataHash`.
    function contributionIdByHash(bytes32 dataHash) external view returns (uint256);
    /// @notice The id the next submission gets.
    function nextContributionId() external view returns (uint256);
    /// @notice blockhash(submittedBlock + 1): randomness the contributor could not know when submitting.
    /// A call runs in the context of the latest block, whose own hash is not readable, so this view
    /// answers once block submittedBlock + 2 exists, and for 256 blocks after the seed block
    /// (ChallengeSeedNotReady before, ChallengeSeedExpired after). Off chain, the same value is the
    /// hash of block submittedBlock + 1, readable from any node at any time.
    function challengeSeed(uint256 id) external view returns (bytes32);
    /// @notice Rewards of `account`: still locked, and claimable now.
    function rewardsOf(address account) external view returns (uint256 locked, uint256 claimable);
    /// @notice Whether `account` may score and report.
    function isValidator(address account) external view returns (bool);
    /// @notice How many validators there are.
    function validatorCount() external view returns (uint256);
    /// @notice Whether `validator` scored contribution `id`.
    function hasScored(uint256 id, address validator) external view returns (bool);
    /// @notice Whether `validator` reported contribution `id`.
    function hasReported(uint256 id, address validator) external view returns (bool);
    /// @notice Unallocated pool: what future rewards can come from.
    function rewardPool() external view returns (uint256);
    /// @notice Active plus unbonding stake of everyone.
    function totalStaked() external view returns (uint256);
    /// @notice Locked plus claimable rewards of everyone.
    function totalOwedRewards() external view returns (uint256);
    /// @notice Balance beyond stakes + owed rewards + pool (forced ETH); 0 normally.
    function surplus() external view returns (uint256);
    /// @notice All parameters at once; the getters below read them one by one.
    function params() external view returns (StakingParams memory);
    function minimumStake() external view returns (uint256);
    function stakePerPending() external view returns (uint256);
    function quorum() external view returns (uint8);
    function rewardLockPeriod() external view returns (uint64);
    function unbondingPeriod() external view returns (uint64);
    function slashBps() external view returns (uint16);
    function reporterShareBps() external view returns (uint16);
    function baseReward(ContributionType ctype) external view returns (uint256);
    /// @notice Implementation version, e.g. "1.0.0".
    function version() external pure returns (string memory);
}
