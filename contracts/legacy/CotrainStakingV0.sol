// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// A FROZEN TEST FIXTURE, never deployed by cotrain: the staking contract as it was before the fixes of
// issue 14 (git 844ca6a, contracts/CotrainStaking.sol), renamed to ...V0 so its artifact does not
// clash with today's. test/contracts/CotrainStakingV0.abuse.test.ts performs the security review's
// attacks against it and asserts they succeed, which proves each fix in CotrainStaking necessary.
// Do not fix anything here.

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Ownable2StepUpgradeable} from "@openzeppelin/contracts-upgradeable/access/Ownable2StepUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ICotrainStakingV0} from "./ICotrainStakingV0.sol";

/// @title CotrainStakingV0
/// @notice Stake, contributions, validator scoring, locked rewards and slashing for cotrain.
/// Deployed behind an ERC-1967 proxy (UUPS; only the owner upgrades). All state lives in one
/// ERC-7201 namespace, packed so that a submission costs under 100k gas and a score in a batch
/// under 60k. Formulas and bounds are in contracts/README.md; the short form:
/// - reward = baseReward[type] * median / 100 * (0.5 + reputation / 1000), capped at the pool.
/// - reputation (0..1000, starts 100) = (7 * reputation + 10 * median) / 8 after each finalization,
///   0 after a fraud finding.
/// - median of an even count is the lower middle.
/// - slash = slashBps of (active + unbonding) stake, unbonding first, plus all locked rewards;
///   reporterShareBps of it is split evenly among the reporting validators, the rest goes to the pool.
/// - pending contributions per contributor <= min(stake / stakePerPending, 65535).
/// Pause stops registering, staking, submitting, scoring and claiming. Unstaking, withdrawing
/// unbonded stake, fraud reports, funding and owner actions keep working, so stake can always leave
/// and cheaters stay slashable.
/// Invariant: address(this).balance == totalStaked + totalOwedRewards + rewardPool (+ surplus from
/// forced ETH, which `absorbSurplus` moves into the pool).
contract CotrainStakingV0 is
    ICotrainStakingV0,
    Initializable,
    UUPSUpgradeable,
    Ownable2StepUpgradeable,
    PausableUpgradeable,
    ReentrancyGuardTransient
{
    using SafeCast for uint256;

    // -------------------------------------------------------------- constants

    /// @notice Reputation a new contributor starts with.
    uint16 public constant INITIAL_REPUTATION = 100;
    /// @notice Highest reputation; a median of 100 pulls reputation toward it.
    uint16 public constant MAX_REPUTATION = 1000;
    /// @notice Largest quorum: scores are packed 8 bits each into 120 bits.
    uint8 public constant MAX_QUORUM = 15;
    /// @notice Hard cap on pending contributions per contributor (they are counted in 16 bits).
    uint256 public constant MAX_PENDING = type(uint16).max;

    uint256 private constant BPS = 10_000;
    /// Multiplier in bps = MULTIPLIER_BASE_BPS + reputation * MULTIPLIER_BPS_PER_POINT: 0.5x..1.5x.
    uint256 private constant MULTIPLIER_BASE_BPS = 5_000;
    uint256 private constant MULTIPLIER_BPS_PER_POINT = 10;
    /// Reputation moves 1/8 of the way to 10 * median per finalization.
    uint256 private constant REPUTATION_SMOOTHING = 8;
    /// Lock entries kept per account; a reward within lockPeriod/8 of the newest entry merges into it.
    uint256 private constant LOCK_SLOTS = 16;
    uint256 private constant LOCK_MERGE_DIVISOR = 8;

    uint256 public constant MIN_MINIMUM_STAKE = 1 gwei;
    uint256 public constant MAX_MINIMUM_STAKE = 1_000_000 ether;
    uint256 public constant MAX_BASE_REWARD = 1_000 ether;
    uint64 public constant MIN_PERIOD = 1 minutes;
    uint64 public constant MAX_PERIOD = 90 days;
    uint16 public constant MIN_SLASH_BPS = 100;
    uint16 public constant MAX_REPORTER_SHARE_BPS = 5_000;

    // ---------------------------------------------------------------- storage

    /// One contributor, one slot: everything a submission reads and writes.
    struct ContributorRecord {
        uint88 stake;
        uint88 unbonding;
        uint40 unbondingReleaseTime;
        uint16 reputation;
        uint16 pending;
        bool registered;
    }

    /// A reward waiting for its lock window to pass.
    struct LockEntry {
        uint96 amount;
        uint40 unlockTime;
    }

    /// Rewards of one address: settled (claimable) amount plus a ring of lock entries that mature
    /// in order (FIFO). The ring never holds more than LOCK_SLOTS entries, which bounds every loop.
    struct RewardAccount {
        uint96 claimable;
        uint96 totalEarned;
        uint8 lockHead;
        uint8 lockCount;
        LockEntry[16] locks;
    }

    /// Written once at submission, keyed by data hash (the duplicate check and the record are one
    /// slot, which keeps a submission to two fresh slots).
    struct ContributionCore {
        address contributor;
        uint48 id;
        uint40 submittedBlock;
        ContributionType ctype;
    }

    /// Scoring state of one contribution, one slot, keyed by id.
    struct Review {
        uint120 scores; // score i in bits [8i, 8i+8)
        uint96 reward;
        ContributionStatus status;
        uint8 scoreCount;
        uint8 fraudReportCount;
        uint8 medianScore;
    }

    /// @custom:storage-location erc7201:cotrain.storage.CotrainStaking
    struct StakingStorage {
        // read by every submission
        uint96 minimumStake;
        uint96 stakePerPending;
        uint48 nextContributionId;
        uint8 quorum;
        // read on finalization
        uint80[3] baseRewards;
        uint40 rewardLockPeriod;
        uint40 unbondingPeriod;
        uint16 slashBps;
        uint16 reporterShareBps;
        uint32 validatorCount;
        // accounting: balance == totalStaked + totalOwedRewards + rewardPool
        uint128 totalStaked;
        uint128 totalOwedRewards;
        uint128 rewardPool;
        mapping(address => bool) validators;
        mapping(address => ContributorRecord) contributors;
        mapping(address => uint256) totalSlashed;
        mapping(address => RewardAccount) rewardAccounts;
        mapping(bytes32 => ContributionCore) contributionsByHash;
        mapping(uint256 => bytes32) hashById;
        mapping(uint256 => Review) reviews;
        // validator => (id >> 8) => bit (id & 255): consecutive ids share a word, so a batch pays
        // one fresh slot per 256 scores instead of one per score
        mapping(address => mapping(uint256 => uint256)) scoredBitmap;
        mapping(address => mapping(uint256 => uint256)) reportedBitmap;
        mapping(uint256 => address[]) fraudReporters;
    }

    // keccak256(abi.encode(uint256(keccak256("cotrain.storage.CotrainStaking")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STAKING_STORAGE_LOCATION =
        0x362a1faca1fd2898a07f752f7a09947aa14714675b5604bb195bc4060a393300;

    function _s() private pure returns (StakingStorage storage $) {
        assembly {
            $.slot := STAKING_STORAGE_LOCATION
        }
    }

    // ---------------------------------------------------------------- set-up

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the owner and every parameter (each checked against its bounds) once, through
    /// the proxy. Contribution ids start at 1.
    /// @param initialOwner Owner: validators, parameters, pause, upgrades, pool withdrawals.
    /// @param p Initial parameters.
    function initialize(address initialOwner, StakingParams calldata p) external initializer {
        __Ownable_init(initialOwner);
        __Ownable2Step_init();
        __Pausable_init();
        StakingStorage storage $ = _s();
        $.nextContributionId = 1;
        _setMinimumStake(p.minimumStake);
        _setStakePerPending(p.stakePerPending);
        for (uint256 t = 0; t < 3; ++t) {
            _setBaseReward(ContributionType(t), p.baseRewards[t]);
        }
        _setQuorum(p.quorum);
        _setRewardLockPeriod(p.rewardLockPeriod);
        _setUnbondingPeriod(p.unbondingPeriod);
        _setSlashBps(p.slashBps);
        _setReporterShareBps(p.reporterShareBps);
    }

    /// @inheritdoc ICotrainStakingV0
    function version() external pure virtual returns (string memory) {
        return "1.0.0";
    }

    /// @dev Only the owner upgrades; the new implementation must be UUPS (checked by OpenZeppelin).
    function _authorizeUpgrade(address) internal override onlyOwner {}

    // ----------------------------------------------------------- modifiers

    modifier onlyValidator() {
        if (!_s().validators[msg.sender]) revert ValidatorUnauthorized(msg.sender);
        _;
    }

    // -------------------------------------------------------- contributors

    /// @inheritdoc ICotrainStakingV0
    function registerContributor() external payable whenNotPaused {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[msg.sender];
        if (c.registered) revert ContributorAlreadyRegistered(msg.sender);
        if (msg.value < $.minimumStake) revert StakeBelowMinimum(msg.value, $.minimumStake);
        c.registered = true;
        c.reputation = INITIAL_REPUTATION;
        c.stake = msg.value.toUint88();
        $.totalStaked += uint128(msg.value);
        emit ContributorRegistered(msg.sender, msg.value, INITIAL_REPUTATION);
    }

    /// @inheritdoc ICotrainStakingV0
    function addStake() external payable whenNotPaused {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[msg.sender];
        if (!c.registered) revert ContributorNotRegistered(msg.sender);
        if (msg.value == 0) revert AmountZero();
        uint256 stake = uint256(c.stake) + msg.value;
        c.stake = stake.toUint88();
        $.totalStaked += uint128(msg.value);
        emit StakeAdded(msg.sender, msg.value, stake);
    }

    /// @inheritdoc ICotrainStakingV0
    function submitContribution(ContributionType ctype, bytes32 dataHash)
        external
        whenNotPaused
        returns (uint256 id)
    {
        if (dataHash == bytes32(0)) revert ContributionHashZero();
        StakingStorage storage $ = _s();
        ContributorRecord memory c = $.contributors[msg.sender];
        if (!c.registered) revert ContributorNotRegistered(msg.sender);
        if (c.stake < $.minimumStake) revert ContributorStakeTooLow(msg.sender, c.stake, $.minimumStake);
        uint256 maxPending = _maxPending(c.stake, $.stakePerPending);
        if (c.pending >= maxPending) revert ContributorTooManyPending(msg.sender, c.pending, maxPending);
        ContributionCore storage core = $.contributionsByHash[dataHash];
        if (core.contributor != address(0)) revert ContributionDuplicate(dataHash, core.id);

        id = $.nextContributionId;
        $.nextContributionId = uint48(id + 1); // 2^48 submissions cost more gas than exists
        $.contributors[msg.sender].pending = c.pending + 1;
        $.contributionsByHash[dataHash] = ContributionCore({
            contributor: msg.sender,
            id: uint48(id),
            submittedBlock: uint40(block.number),
            ctype: ctype
        });
        $.hashById[id] = dataHash;
        emit ContributionSubmitted(id, msg.sender, ctype, dataHash, block.number);
    }

    /// @inheritdoc ICotrainStakingV0
    function requestUnstake(uint256 amount) external {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[msg.sender];
        if (!c.registered) revert ContributorNotRegistered(msg.sender);
        if (amount == 0) revert UnstakeAmountZero();
        uint256 stake = c.stake;
        if (amount > stake) revert UnstakeExceedsStake(amount, stake);
        uint256 remaining = stake - amount;
        uint256 pending = c.pending;
        if (pending > 0) {
            uint256 required = pending * $.stakePerPending;
            if (required < $.minimumStake) required = $.minimumStake;
            if (remaining < required) revert UnstakeBlockedByPending(msg.sender, pending, required);
        }
        uint256 unbonding = uint256(c.unbonding) + amount;
        uint256 releaseTime = block.timestamp + $.unbondingPeriod;
        c.stake = uint88(remaining);
        c.unbonding = uint88(unbonding); // <= the stake it came from
        c.unbondingReleaseTime = uint40(releaseTime);
        emit UnstakeRequested(msg.sender, amount, unbonding, releaseTime);
    }

    /// @inheritdoc ICotrainStakingV0
    function withdrawStake() external nonReentrant {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[msg.sender];
        uint256 amount = c.unbonding;
        if (amount == 0) revert UnbondingEmpty(msg.sender);
        if (block.timestamp < c.unbondingReleaseTime) {
            revert UnbondingNotReleased(msg.sender, c.unbondingReleaseTime);
        }
        c.unbonding = 0;
        c.unbondingReleaseTime = 0;
        $.totalStaked -= uint128(amount);
        emit StakeWithdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    /// @inheritdoc ICotrainStakingV0
    function claimRewards() external nonReentrant whenNotPaused {
        StakingStorage storage $ = _s();
        RewardAccount storage a = $.rewardAccounts[msg.sender];
        _settle(a);
        uint256 amount = a.claimable;
        if (amount == 0) revert RewardsNoneClaimable(msg.sender);
        a.claimable = 0;
        $.totalOwedRewards -= uint128(amount);
        emit RewardsClaimed(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ----------------------------------------------------------- validators

    /// @inheritdoc ICotrainStakingV0
    function distributeRewards(uint256 id, uint8 qualityScore) external whenNotPaused onlyValidator {
        _score(id, qualityScore);
    }

    /// @inheritdoc ICotrainStakingV0
    function distributeRewardsBatch(uint256[] calldata ids, uint8[] calldata qualityScores)
        external
        whenNotPaused
        onlyValidator
    {
        if (ids.length != qualityScores.length) revert BatchLengthMismatch(ids.length, qualityScores.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            _score(ids[i], qualityScores[i]);
        }
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Not paused: a pause must not become a window in which cheaters exit unslashed.
    function reportFraud(uint256 id, bytes32 evidenceHash) external onlyValidator {
        StakingStorage storage $ = _s();
        address contributor = _contributionCore(id).contributor;
        if (contributor == msg.sender) revert ValidatorOwnContribution(id, msg.sender);
        Review storage r = $.reviews[id];
        if (r.status == ContributionStatus.Fraudulent) revert ContributionAlreadyFraudulent(id);
        if (!_markBit($.reportedBitmap[msg.sender], id)) revert ValidatorAlreadyReported(id, msg.sender);
        uint8 reports = r.fraudReportCount + 1;
        r.fraudReportCount = reports;
        $.fraudReporters[id].push(msg.sender);
        emit FraudReported(id, msg.sender, evidenceHash, reports);
        if (reports >= _quorumFor($, contributor)) _slash(id, contributor, r);
    }

    // ------------------------------------------------------------------ pool

    /// @notice Plain ETH transfers fund the reward pool.
    receive() external payable {
        _s().rewardPool += uint128(msg.value);
        emit RewardPoolFunded(msg.sender, msg.value);
    }

    /// @inheritdoc ICotrainStakingV0
    function fundRewardPool() external payable {
        if (msg.value == 0) revert AmountZero();
        _s().rewardPool += uint128(msg.value);
        emit RewardPoolFunded(msg.sender, msg.value);
    }

    /// @inheritdoc ICotrainStakingV0
    function absorbSurplus() external {
        uint256 amount = surplus();
        if (amount == 0) return;
        _s().rewardPool += uint128(amount);
        emit SurplusAbsorbed(amount);
    }

    // ----------------------------------------------------------------- owner

    /// @inheritdoc ICotrainStakingV0
    function addValidator(address validator) external onlyOwner {
        if (validator == address(0)) revert AddressZero();
        StakingStorage storage $ = _s();
        if ($.validators[validator]) revert ValidatorAlreadyAdded(validator);
        $.validators[validator] = true;
        $.validatorCount += 1;
        emit ValidatorAdded(validator);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Scores and reports it already gave keep counting.
    function removeValidator(address validator) external onlyOwner {
        StakingStorage storage $ = _s();
        if (!$.validators[validator]) revert ValidatorNotFound(validator);
        $.validators[validator] = false;
        $.validatorCount -= 1;
        emit ValidatorRemoved(validator);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [max(MIN_MINIMUM_STAKE, stakePerPending), MAX_MINIMUM_STAKE].
    function setMinimumStake(uint256 value) external onlyOwner {
        _setMinimumStake(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [1, minimumStake], so a contributor at the minimum may always have one pending.
    function setStakePerPending(uint256 value) external onlyOwner {
        _setStakePerPending(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [0, MAX_BASE_REWARD].
    function setBaseReward(ContributionType ctype, uint256 value) external onlyOwner {
        _setBaseReward(ctype, value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [1, MAX_QUORUM]. Contributions already holding that many scores finalize on the
    /// next score.
    function setQuorum(uint8 value) external onlyOwner {
        _setQuorum(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [MIN_PERIOD, MAX_PERIOD]. Applies to rewards credited from now on.
    function setRewardLockPeriod(uint64 value) external onlyOwner {
        _setRewardLockPeriod(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [MIN_PERIOD, MAX_PERIOD]. Applies to unstake requests from now on.
    function setUnbondingPeriod(uint64 value) external onlyOwner {
        _setUnbondingPeriod(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [MIN_SLASH_BPS, 10000].
    function setSlashBps(uint16 value) external onlyOwner {
        _setSlashBps(value);
    }

    /// @inheritdoc ICotrainStakingV0
    /// @dev Bounds: [0, MAX_REPORTER_SHARE_BPS].
    function setReporterShareBps(uint16 value) external onlyOwner {
        _setReporterShareBps(value);
    }

    /// @inheritdoc ICotrainStakingV0
    function pause() external onlyOwner {
        _pause();
    }

    /// @inheritdoc ICotrainStakingV0
    function unpause() external onlyOwner {
        _unpause();
    }

    /// @inheritdoc ICotrainStakingV0
    function withdrawRewardPool(address to, uint256 amount) external onlyOwner nonReentrant {
        if (to == address(0)) revert AddressZero();
        StakingStorage storage $ = _s();
        uint256 pool = $.rewardPool;
        if (amount > pool) revert RewardPoolInsufficient(amount, pool);
        $.rewardPool = uint128(pool - amount);
        emit RewardPoolWithdrawn(to, amount);
        _send(to, amount);
    }

    // ----------------------------------------------------------------- views

    /// @inheritdoc ICotrainStakingV0
    function getContributor(address account) external view returns (Contributor memory out) {
        StakingStorage storage $ = _s();
        ContributorRecord memory c = $.contributors[account];
        RewardAccount storage a = $.rewardAccounts[account];
        out.registered = c.registered;
        out.stake = c.stake;
        out.unbondingAmount = c.unbonding;
        out.unbondingReleaseTime = c.unbondingReleaseTime;
        out.reputation = c.reputation;
        out.pendingContributions = c.pending;
        out.maxPendingContributions = c.registered ? uint32(_maxPending(c.stake, $.stakePerPending)) : 0;
        (out.lockedRewards, out.claimableRewards) = _rewardsOf(a);
        out.totalEarned = a.totalEarned;
        out.totalSlashed = $.totalSlashed[account];
    }

    /// @inheritdoc ICotrainStakingV0
    function getContribution(uint256 id) external view returns (Contribution memory out) {
        StakingStorage storage $ = _s();
        bytes32 dataHash = $.hashById[id];
        if (dataHash == bytes32(0)) revert ContributionNotFound(id);
        ContributionCore memory core = $.contributionsByHash[dataHash];
        Review memory r = $.reviews[id];
        out.contributor = core.contributor;
        out.ctype = core.ctype;
        out.status = r.status;
        out.dataHash = dataHash;
        out.submittedBlock = core.submittedBlock;
        out.scoreCount = r.scoreCount;
        out.medianScore = r.medianScore;
        out.fraudReportCount = r.fraudReportCount;
        out.reward = r.reward;
    }

    /// @inheritdoc ICotrainStakingV0
    function contributionIdByHash(bytes32 dataHash) external view returns (uint256) {
        return _s().contributionsByHash[dataHash].id;
    }

    /// @inheritdoc ICotrainStakingV0
    function nextContributionId() external view returns (uint256) {
        return _s().nextContributionId;
    }

    /// @inheritdoc ICotrainStakingV0
    function challengeSeed(uint256 id) external view returns (bytes32) {
        uint256 seedBlock = uint256(_contributionCore(id).submittedBlock) + 1;
        if (block.number <= seedBlock) revert ChallengeSeedNotReady(id);
        if (block.number - seedBlock > 256) revert ChallengeSeedExpired(id);
        return blockhash(seedBlock);
    }

    /// @inheritdoc ICotrainStakingV0
    function rewardsOf(address account) external view returns (uint256 locked, uint256 claimable) {
        return _rewardsOf(_s().rewardAccounts[account]);
    }

    /// @inheritdoc ICotrainStakingV0
    function isValidator(address account) external view returns (bool) {
        return _s().validators[account];
    }

    /// @inheritdoc ICotrainStakingV0
    function validatorCount() external view returns (uint256) {
        return _s().validatorCount;
    }

    /// @inheritdoc ICotrainStakingV0
    function hasScored(uint256 id, address validator) external view returns (bool) {
        return _s().scoredBitmap[validator][id >> 8] & (1 << (id & 0xff)) != 0;
    }

    /// @inheritdoc ICotrainStakingV0
    function hasReported(uint256 id, address validator) external view returns (bool) {
        return _s().reportedBitmap[validator][id >> 8] & (1 << (id & 0xff)) != 0;
    }

    /// @inheritdoc ICotrainStakingV0
    function rewardPool() external view returns (uint256) {
        return _s().rewardPool;
    }

    /// @inheritdoc ICotrainStakingV0
    function totalStaked() external view returns (uint256) {
        return _s().totalStaked;
    }

    /// @inheritdoc ICotrainStakingV0
    function totalOwedRewards() external view returns (uint256) {
        return _s().totalOwedRewards;
    }

    /// @inheritdoc ICotrainStakingV0
    function surplus() public view returns (uint256) {
        StakingStorage storage $ = _s();
        uint256 accounted = uint256($.totalStaked) + $.totalOwedRewards + $.rewardPool;
        return address(this).balance - accounted;
    }

    /// @inheritdoc ICotrainStakingV0
    function params() external view returns (StakingParams memory p) {
        StakingStorage storage $ = _s();
        p.minimumStake = $.minimumStake;
        p.stakePerPending = $.stakePerPending;
        for (uint256 t = 0; t < 3; ++t) {
            p.baseRewards[t] = $.baseRewards[t];
        }
        p.quorum = $.quorum;
        p.rewardLockPeriod = $.rewardLockPeriod;
        p.unbondingPeriod = $.unbondingPeriod;
        p.slashBps = $.slashBps;
        p.reporterShareBps = $.reporterShareBps;
    }

    /// @inheritdoc ICotrainStakingV0
    function minimumStake() external view returns (uint256) {
        return _s().minimumStake;
    }

    /// @inheritdoc ICotrainStakingV0
    function stakePerPending() external view returns (uint256) {
        return _s().stakePerPending;
    }

    /// @inheritdoc ICotrainStakingV0
    function quorum() external view returns (uint8) {
        return _s().quorum;
    }

    /// @inheritdoc ICotrainStakingV0
    function rewardLockPeriod() external view returns (uint64) {
        return _s().rewardLockPeriod;
    }

    /// @inheritdoc ICotrainStakingV0
    function unbondingPeriod() external view returns (uint64) {
        return _s().unbondingPeriod;
    }

    /// @inheritdoc ICotrainStakingV0
    function slashBps() external view returns (uint16) {
        return _s().slashBps;
    }

    /// @inheritdoc ICotrainStakingV0
    function reporterShareBps() external view returns (uint16) {
        return _s().reporterShareBps;
    }

    /// @inheritdoc ICotrainStakingV0
    function baseReward(ContributionType ctype) external view returns (uint256) {
        return _s().baseRewards[uint8(ctype)];
    }

    // -------------------------------------------------------------- internal

    /// @dev The core record of contribution `id`; reverts for ids never issued.
    function _contributionCore(uint256 id) private view returns (ContributionCore storage) {
        StakingStorage storage $ = _s();
        bytes32 dataHash = $.hashById[id];
        if (dataHash == bytes32(0)) revert ContributionNotFound(id);
        return $.contributionsByHash[dataHash];
    }

    /// @dev Scores (or fraud reports) that settle `contributor`'s work: the quorum, except that a
    /// validator never scores its own, so a validator's work (its Validation contributions) needs at
    /// most the other validators; otherwise, with quorum equal to the validator count, it would stay
    /// pending forever, never be paid, and keep the validator's stake bound.
    function _quorumFor(StakingStorage storage $, address contributor) private view returns (uint256) {
        uint256 q = $.quorum;
        if ($.validators[contributor]) {
            uint256 others = $.validatorCount - 1;
            if (others < q) q = others == 0 ? 1 : others;
        }
        return q;
    }

    /// @dev One validator score; the quorum-th finalizes.
    function _score(uint256 id, uint8 qualityScore) private {
        if (qualityScore == 0 || qualityScore > 100) revert QualityScoreOutOfRange(qualityScore);
        StakingStorage storage $ = _s();
        ContributionCore memory core = _contributionCore(id);
        if (core.contributor == msg.sender) revert ValidatorOwnContribution(id, msg.sender);
        Review memory r = $.reviews[id];
        if (r.status != ContributionStatus.Pending) revert ContributionNotPending(id, r.status);
        if (!_markBit($.scoredBitmap[msg.sender], id)) revert ValidatorAlreadyScored(id, msg.sender);
        uint8 count = r.scoreCount;
        // count < quorum <= MAX_QUORUM here (the quorum-th score finalizes), so the shift stays in 120 bits
        r.scores |= uint120(qualityScore) << (8 * count);
        r.scoreCount = ++count;
        emit ContributionScored(id, msg.sender, qualityScore, count);
        if (count >= _quorumFor($, core.contributor)) {
            _finalize(id, core, r);
        } else {
            $.reviews[id] = r;
        }
    }

    /// @dev Median, reward (capped at the pool), reputation update and lock of the reward.
    function _finalize(uint256 id, ContributionCore memory core, Review memory r) private {
        StakingStorage storage $ = _s();
        uint256 median = _median(r.scores, r.scoreCount);
        ContributorRecord storage c = $.contributors[core.contributor];
        uint256 reputation = c.reputation;
        uint256 reward = uint256($.baseRewards[uint8(core.ctype)]) * median
            * (MULTIPLIER_BASE_BPS + reputation * MULTIPLIER_BPS_PER_POINT) / (100 * BPS);
        uint256 pool = $.rewardPool;
        if (reward > pool) reward = pool; // never credit what the pool does not hold
        reputation = (reputation * (REPUTATION_SMOOTHING - 1) + median * (MAX_REPUTATION / 100)) / REPUTATION_SMOOTHING;
        c.reputation = uint16(reputation);
        c.pending -= 1;
        r.status = ContributionStatus.Finalized;
        r.medianScore = uint8(median);
        r.reward = uint96(reward);
        $.reviews[id] = r;
        uint256 unlockTime = block.timestamp + $.rewardLockPeriod;
        if (reward > 0) {
            $.rewardPool = uint128(pool - reward);
            $.totalOwedRewards += uint128(reward);
            unlockTime = _lock($.rewardAccounts[core.contributor], reward, unlockTime, $.rewardLockPeriod);
        }
        emit ContributionFinalized(id, core.contributor, uint8(median), reward, reputation, unlockTime);
    }

    /// @dev Fraud quorum reached: the contribution earns nothing, the contributor loses slashBps of
    /// its stake (unbonding first) and all locked rewards; reporters share reporterShareBps evenly,
    /// the rest (with the division remainder) goes to the pool.
    function _slash(uint256 id, address contributor, Review storage r) private {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[contributor];
        if (r.status == ContributionStatus.Pending) c.pending -= 1;
        r.status = ContributionStatus.Fraudulent;
        r.reward = 0;
        c.reputation = 0;

        uint256 stakeSlashed;
        {
            uint256 unbonding = c.unbonding;
            uint256 stake = c.stake;
            stakeSlashed = (stake + unbonding) * $.slashBps / BPS;
            uint256 fromUnbonding = stakeSlashed < unbonding ? stakeSlashed : unbonding;
            c.unbonding = uint88(unbonding - fromUnbonding);
            c.stake = uint88(stake - (stakeSlashed - fromUnbonding));
            if (unbonding == fromUnbonding) c.unbondingReleaseTime = 0;
        }
        uint256 rewardsSlashed = _takeLocked($.rewardAccounts[contributor]);
        uint256 slashed = stakeSlashed + rewardsSlashed;
        $.totalSlashed[contributor] += slashed;

        address[] storage reporters = $.fraudReporters[id];
        uint256 n = reporters.length;
        uint256 share = slashed * $.reporterShareBps / BPS / n;
        uint256 toReporters = share * n;
        uint256 toPool = slashed - toReporters;
        $.totalStaked -= uint128(stakeSlashed);
        $.totalOwedRewards = uint128($.totalOwedRewards - rewardsSlashed + toReporters);
        $.rewardPool += uint128(toPool);
        emit ContributorSlashed(id, contributor, stakeSlashed, rewardsSlashed, toPool, toReporters);
        if (share > 0) _payReporters(id, reporters, share);
    }

    /// @dev Credits each reporter `share` as immediately claimable (their finding needs no lock).
    function _payReporters(uint256 id, address[] storage reporters, uint256 share) private {
        StakingStorage storage $ = _s();
        uint256 n = reporters.length;
        for (uint256 i = 0; i < n; ++i) {
            address reporter = reporters[i];
            RewardAccount storage a = $.rewardAccounts[reporter];
            a.claimable += uint96(share);
            a.totalEarned += uint96(share);
            emit ReporterRewarded(id, reporter, share);
        }
    }

    /// @dev Adds a locked reward; merges into the newest entry when that one unlocks within
    /// lockPeriod / 8 of this one (or the ring is full of unmatured entries), delaying it to the
    /// later unlock time. Returns when `amount` unlocks.
    function _lock(RewardAccount storage a, uint256 amount, uint256 unlockTime, uint256 lockPeriod)
        private
        returns (uint256)
    {
        a.totalEarned += uint96(amount);
        uint256 count = a.lockCount;
        if (count == LOCK_SLOTS) {
            _settle(a);
            count = a.lockCount;
        }
        uint256 head = a.lockHead;
        if (count > 0) {
            LockEntry storage last = a.locks[(head + count - 1) % LOCK_SLOTS];
            uint256 lastUnlock = last.unlockTime;
            if (count == LOCK_SLOTS || unlockTime <= lastUnlock + lockPeriod / LOCK_MERGE_DIVISOR) {
                if (lastUnlock > unlockTime) unlockTime = lastUnlock;
                last.amount += uint96(amount);
                last.unlockTime = uint40(unlockTime);
                return unlockTime;
            }
        }
        a.locks[(head + count) % LOCK_SLOTS] = LockEntry(uint96(amount), uint40(unlockTime));
        a.lockCount = uint8(count + 1);
        return unlockTime;
    }

    /// @dev Moves matured lock entries, oldest first, into `claimable`; stops at the first unmatured.
    function _settle(RewardAccount storage a) private {
        uint256 count = a.lockCount;
        if (count == 0) return;
        uint256 head = a.lockHead;
        uint256 claimable = a.claimable;
        while (count > 0) {
            LockEntry memory e = a.locks[head];
            if (e.unlockTime > block.timestamp) break;
            claimable += e.amount;
            head = (head + 1) % LOCK_SLOTS;
            --count;
        }
        a.claimable = uint96(claimable);
        a.lockHead = uint8(head);
        a.lockCount = uint8(count);
    }

    /// @dev Settles, then empties the ring and returns what was still locked.
    function _takeLocked(RewardAccount storage a) private returns (uint256 locked) {
        _settle(a);
        uint256 count = a.lockCount;
        uint256 head = a.lockHead;
        for (uint256 i = 0; i < count; ++i) {
            locked += a.locks[(head + i) % LOCK_SLOTS].amount;
        }
        a.lockCount = 0;
    }

    /// @dev (locked, claimable) as `claimRewards` would see them now.
    function _rewardsOf(RewardAccount storage a) private view returns (uint256 locked, uint256 claimable) {
        claimable = a.claimable;
        uint256 count = a.lockCount;
        uint256 head = a.lockHead;
        bool maturing = true;
        for (uint256 i = 0; i < count; ++i) {
            LockEntry memory e = a.locks[(head + i) % LOCK_SLOTS];
            if (maturing && e.unlockTime <= block.timestamp) {
                claimable += e.amount;
            } else {
                maturing = false;
                locked += e.amount;
            }
        }
    }

    /// @dev Sets bit `id` in a bitmap; false when it was already set.
    function _markBit(mapping(uint256 => uint256) storage bitmap, uint256 id) private returns (bool) {
        uint256 word = bitmap[id >> 8];
        uint256 bit = 1 << (id & 0xff);
        if (word & bit != 0) return false;
        bitmap[id >> 8] = word | bit;
        return true;
    }

    /// @dev Median of `count` packed scores; the lower middle for an even count.
    function _median(uint120 packed, uint256 count) private pure returns (uint256) {
        uint256[] memory s = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 v = (packed >> (8 * i)) & 0xff;
            uint256 j = i;
            while (j > 0 && s[j - 1] > v) {
                s[j] = s[j - 1];
                --j;
            }
            s[j] = v;
        }
        return s[(count - 1) / 2];
    }

    function _maxPending(uint256 stake, uint256 perPending) private pure returns (uint256 maxPending) {
        maxPending = stake / perPending;
        if (maxPending > MAX_PENDING) maxPending = MAX_PENDING;
    }

    /// @dev The only place ETH leaves; callers update state first (checks-effects-interactions) and
    /// are nonReentrant.
    function _send(address to, uint256 amount) private {
        (bool ok,) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    function _setMinimumStake(uint256 value) private {
        StakingStorage storage $ = _s();
        uint256 min = $.stakePerPending > MIN_MINIMUM_STAKE ? $.stakePerPending : MIN_MINIMUM_STAKE;
        if (value < min || value > MAX_MINIMUM_STAKE) {
            revert ParameterOutOfBounds("minimumStake", value, min, MAX_MINIMUM_STAKE);
        }
        emit MinimumStakeUpdated($.minimumStake, value);
        $.minimumStake = uint96(value);
    }

    function _setStakePerPending(uint256 value) private {
        StakingStorage storage $ = _s();
        if (value == 0 || value > $.minimumStake) {
            revert ParameterOutOfBounds("stakePerPending", value, 1, $.minimumStake);
        }
        emit StakePerPendingUpdated($.stakePerPending, value);
        $.stakePerPending = uint96(value);
    }

    function _setBaseReward(ContributionType ctype, uint256 value) private {
        if (value > MAX_BASE_REWARD) revert ParameterOutOfBounds("baseReward", value, 0, MAX_BASE_REWARD);
        StakingStorage storage $ = _s();
        emit BaseRewardUpdated(ctype, $.baseRewards[uint8(ctype)], value);
        $.baseRewards[uint8(ctype)] = uint80(value);
    }

    function _setQuorum(uint8 value) private {
        if (value == 0 || value > MAX_QUORUM) revert ParameterOutOfBounds("quorum", value, 1, MAX_QUORUM);
        StakingStorage storage $ = _s();
        emit QuorumUpdated($.quorum, value);
        $.quorum = value;
    }

    function _setRewardLockPeriod(uint64 value) private {
        if (value < MIN_PERIOD || value > MAX_PERIOD) {
            revert ParameterOutOfBounds("rewardLockPeriod", value, MIN_PERIOD, MAX_PERIOD);
        }
        StakingStorage storage $ = _s();
        emit RewardLockPeriodUpdated($.rewardLockPeriod, value);
        $.rewardLockPeriod = uint40(value);
    }

    function _setUnbondingPeriod(uint64 value) private {
        if (value < MIN_PERIOD || value > MAX_PERIOD) {
            revert ParameterOutOfBounds("unbondingPeriod", value, MIN_PERIOD, MAX_PERIOD);
        }
        StakingStorage storage $ = _s();
        emit UnbondingPeriodUpdated($.unbondingPeriod, value);
        $.unbondingPeriod = uint40(value);
    }

    function _setSlashBps(uint16 value) private {
        if (value < MIN_SLASH_BPS || value > BPS) revert ParameterOutOfBounds("slashBps", value, MIN_SLASH_BPS, BPS);
        StakingStorage storage $ = _s();
        emit SlashBpsUpdated($.slashBps, value);
        $.slashBps = value;
    }

    function _setReporterShareBps(uint16 value) private {
        if (value > MAX_REPORTER_SHARE_BPS) {
            revert ParameterOutOfBounds("reporterShareBps", value, 0, MAX_REPORTER_SHARE_BPS);
        }
        StakingStorage storage $ = _s();
        emit ReporterShareBpsUpdated($.reporterShareBps, value);
        $.reporterShareBps = value;
    }
}
