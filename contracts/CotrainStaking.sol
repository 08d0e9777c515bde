// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Ownable2StepUpgradeable} from "@openzeppelin/contracts-upgradeable/access/Ownable2StepUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ICotrainStaking} from "./ICotrainStaking.sol";

/// @title CotrainStaking
/// @notice Stake, contributions, validator scoring, locked rewards and slashing for cotrain.
/// Deployed behind an ERC-1967 proxy (UUPS; only the owner upgrades, after an announced delay). All
/// state lives in one ERC-7201 namespace, packed so that a score in a batch costs under 60k gas.
/// Formulas, bounds and the trust model are in contracts/README.md; the short form:
/// - reward = baseReward[type] * median / 100 * (0.5 + reputation / 1000), capped at the pool.
/// - reputation (0..1000, starts 100) = (7 * reputation + 10 * median) / 8 after each finalization,
///   0 after a fraud finding.
/// - median of an even count is the lower middle.
/// - slash = slashBps of (active + unbonding) stake, unbonding first, plus all locked rewards;
///   reporterShareBps of it is split evenly among the reporting validators, the rest goes to the pool.
/// - pending contributions per contributor <= min(stake / stakePerPending, 65535); a contribution
///   not finalized within pendingTimeout expires (no reward) and stops binding stake.
/// - fraud is reportable while a contribution is pending or its reward is locked, and slashes once.
/// - owner changes (parameters, new validators, upgrades) apply only after changeDelay(), long
///   enough for a contributor to exit first; parameters have hard bounds; quorum >= 2 and > half.
/// Pause stops registering, staking, submitting and scoring. Claiming, unstaking, withdrawing
/// unbonded stake, expiring, fraud reports, funding and owner actions keep working, so money can
/// always leave and cheaters stay slashable.
/// Invariant: address(this).balance == totalStaked + totalOwedRewards + rewardPool (+ surplus from
/// forced ETH, which `absorbSurplus` moves into the pool).
contract CotrainStaking is
    ICotrainStaking,
    Initializable,
    UUPSUpgradeable,
    Ownable2StepUpgradeable,
    PausableUpgradeable,
    ReentrancyGuardTransient
{
    using SafeCast for uint256;

    // -------------------------------------------------------------- constants
    // Internal, not public: a getter for each would cost code size the contract does not have
    // (EIP-170); contracts/README.md lists the values.

    /// @notice Reputation a new contributor starts with.
    uint16 internal constant INITIAL_REPUTATION = 100;
    /// @notice Highest reputation; a median of 100 pulls reputation toward it.
    uint16 internal constant MAX_REPUTATION = 1000;
    /// @notice Largest quorum: scores are packed 8 bits each into 120 bits.
    uint8 internal constant MAX_QUORUM = 15;
    /// @notice Hard cap on pending contributions per contributor (they are counted in 16 bits).
    uint256 internal constant MAX_PENDING = type(uint16).max;

    uint256 private constant BPS = 10_000;
    /// Multiplier in bps = MULTIPLIER_BASE_BPS + reputation * MULTIPLIER_BPS_PER_POINT: 0.5x..1.5x.
    uint256 private constant MULTIPLIER_BASE_BPS = 5_000;
    uint256 private constant MULTIPLIER_BPS_PER_POINT = 10;
    /// Reputation moves 1/8 of the way to 10 * median per finalization.
    uint256 private constant REPUTATION_SMOOTHING = 8;
    /// Lock entries kept per account; a reward within lockPeriod/8 of the newest entry merges into it.
    uint256 private constant LOCK_SLOTS = 16;
    uint256 private constant LOCK_MERGE_DIVISOR = 8;

    uint256 internal constant MIN_MINIMUM_STAKE = 1 gwei;
    uint256 internal constant MAX_MINIMUM_STAKE = 1_000_000 ether;
    /// @notice A reward (at most 1.5x the base) is stored in 64 bits: 18.4 ETH.
    uint256 internal constant MAX_BASE_REWARD = 10 ether;
    uint64 internal constant MIN_PERIOD = 1 minutes;
    uint64 internal constant MAX_PERIOD = 90 days;
    /// @notice Pending work must get time to be scored through a validator outage, but not bind
    /// stake for longer than a month.
    uint64 internal constant MIN_PENDING_TIMEOUT = 1 hours;
    uint64 internal constant MAX_PENDING_TIMEOUT = 30 days;
    /// @notice Validators are at least two, and a quorum is more than half of them.
    uint8 internal constant MIN_QUORUM = 2;
    uint16 internal constant MIN_SLASH_BPS = 100;
    /// @notice One incident never takes more than half of a stake.
    uint16 internal constant MAX_SLASH_BPS = 5_000;
    /// @notice Reporters never get more than a fifth of a slash: false reports must not pay well.
    uint16 internal constant MAX_REPORTER_SHARE_BPS = 2_000;
    /// Proposal kinds, the first word of what a proposal id hashes.
    uint8 private constant PROPOSAL_PARAMS = 0;
    uint8 private constant PROPOSAL_VALIDATOR = 1;
    uint8 private constant PROPOSAL_UPGRADE = 2;
    /// @notice Blocks after the submission block whose hashes make the challenge seed.
    uint256 internal constant SEED_BLOCKS = 4;

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
    /// `opened` is set at registration so that the first reward, paid inside a validator's batch,
    /// updates a slot instead of creating one (20k gas less per first reward).
    struct RewardAccount {
        uint96 claimable;
        uint96 totalEarned;
        uint8 lockHead;
        uint8 lockCount;
        bool opened;
        LockEntry[16] locks;
    }

    /// Written once at submission, keyed by id.
    struct ContributionCore {
        address contributor;
        uint40 submittedBlock;
        uint40 expiresAt;
        ContributionType ctype;
    }

    /// Scoring state of one contribution, one slot, keyed by id.
    struct Review {
        uint120 scores; // score i in bits [8i, 8i+8)
        ContributionStatus status;
        uint8 scoreCount;
        uint8 fraudReportCount;
        uint8 medianScore;
        uint64 reward; // <= 1.5 * MAX_BASE_REWARD
        uint40 lockedUntil; // fraud window end once finalized
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
        uint40 pendingTimeout;
        // accounting: balance == totalStaked + totalOwedRewards + rewardPool
        uint128 totalStaked;
        uint128 totalOwedRewards;
        uint128 rewardPool;
        mapping(address => bool) validators;
        mapping(address => ContributorRecord) contributors;
        mapping(address => uint256) totalSlashed;
        mapping(address => RewardAccount) rewardAccounts;
        // keccak256(contributor, dataHash) => id: a hash binds only its own submitter, so copying a
        // pending submission gives the copier its own (unscored) contribution, never the victim's
        mapping(bytes32 => uint256) idByKey;
        mapping(uint256 => ContributionCore) cores;
        mapping(uint256 => bytes32) hashById;
        mapping(uint256 => Review) reviews;
        // validator => (id >> 8) => bit (id & 255): consecutive ids share a word, so a batch pays
        // one fresh slot per 256 scores instead of one per score
        mapping(address => mapping(uint256 => uint256)) scoredBitmap;
        mapping(address => mapping(uint256 => uint256)) reportedBitmap;
        mapping(uint256 => address[]) fraudReporters;
        // announced changes
        // announced changes: proposal id => when it may be applied (0: none)
        mapping(bytes32 => uint256) proposalEta;
    }

    // keccak256(abi.encode(uint256(keccak256("cotrain.storage.CotrainStaking")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STAKING_STORAGE_LOCATION =
        0x362a1faca1fd2898a07f752f7a09947aa14714675b5604bb195bc4060a393300;

    /// @dev Internal (not private) for contracts/bench/CotrainStakingCommitReveal.sol; same bytecode.
    function _s() internal pure returns (StakingStorage storage $) {
        assembly {
            $.slot := STAKING_STORAGE_LOCATION
        }
    }

    // ---------------------------------------------------------------- set-up

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the owner, every parameter (each checked against its bounds) and the first
    /// validators once, through the proxy, without delay (nobody has staked yet). Ids start at 1.
    /// @param initialOwner Owner: proposes changes, removes validators, pauses, withdraws the pool.
    /// @param p Initial parameters.
    /// @param initialValidators The first validators; the quorum must be more than half of them.
    function initialize(address initialOwner, StakingParams calldata p, address[] calldata initialValidators)
        external
        initializer
    {
        __Ownable_init(initialOwner);
        __Ownable2Step_init();
        __Pausable_init();
        StakingStorage storage $ = _s();
        $.nextContributionId = 1;
        for (uint256 i = 0; i < initialValidators.length; ++i) {
            _addValidator(initialValidators[i]);
        }
        _checkParams(p);
        _writeParams(p);
    }

    /// @inheritdoc ICotrainStaking
    function version() external pure virtual returns (string memory) {
        return "1.0.0";
    }

    /// @dev Only the owner upgrades, only to the implementation it proposed, and only after the delay;
    /// the new implementation must be UUPS (checked by OpenZeppelin).
    function _authorizeUpgrade(address newImplementation) internal override onlyOwner {
        _consumeProposal(keccak256(abi.encode(PROPOSAL_UPGRADE, newImplementation)));
    }

    /// @notice Disabled: without an owner a pause could never end.
    function renounceOwnership() public override onlyOwner {
        revert OwnershipRenounceDisabled();
    }

    // ----------------------------------------------------------- modifiers

    modifier onlyValidator() {
        if (!_s().validators[msg.sender]) revert ValidatorUnauthorized(msg.sender);
        _;
    }

    // -------------------------------------------------------- contributors

    /// @inheritdoc ICotrainStaking
    function registerContributor() external payable whenNotPaused {
        StakingStorage storage $ = _s();
        ContributorRecord storage c = $.contributors[msg.sender];
        if (c.registered) revert ContributorAlreadyRegistered(msg.sender);
        if (msg.value < $.minimumStake) revert StakeBelowMinimum(msg.value, $.minimumStake);
        c.registered = true;
        c.reputation = INITIAL_REPUTATION;
        c.stake = msg.value.toUint88();
        $.totalStaked += uint128(msg.value);
        // Pay for the reward account's slots now, so a validator's batch never creates them: the
        // header, and a placeholder in the first lock entry (count 0, so it is never read).
        RewardAccount storage a = $.rewardAccounts[msg.sender];
        a.opened = true;
        if (a.lockCount == 0 && a.locks[a.lockHead].unlockTime == 0) a.locks[a.lockHead].unlockTime = 1;
        emit ContributorRegistered(msg.sender, msg.value, INITIAL_REPUTATION);
    }

    /// @inheritdoc ICotrainStaking
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

    /// @inheritdoc ICotrainStaking
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
        bytes32 key = _key(msg.sender, dataHash);
        uint256 existing = $.idByKey[key];
        if (existing != 0) revert ContributionDuplicate(dataHash, existing);

        id = $.nextContributionId;
        $.nextContributionId = uint48(id + 1); // 2^48 submissions cost more gas than exists
        $.contributors[msg.sender].pending = c.pending + 1;
        $.idByKey[key] = id;
        $.cores[id] = ContributionCore({
            contributor: msg.sender,
            submittedBlock: uint40(block.number),
            expiresAt: uint40(block.timestamp + $.pendingTimeout),
            ctype: ctype
        });
        $.hashById[id] = dataHash;
        emit ContributionSubmitted(id, msg.sender, ctype, dataHash, block.number);
    }

    /// @inheritdoc ICotrainStaking
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

    /// @inheritdoc ICotrainStaking
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

    /// @inheritdoc ICotrainStaking
    /// @dev Not paused: a pause must never freeze matured rewards.
    function claimRewards() external nonReentrant {
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

    /// @inheritdoc ICotrainStaking
    /// @dev Not paused: a pause (during which nothing is scored) must not keep stake bound.
    function expireContributions(uint256[] calldata ids) external returns (uint256 expired) {
        StakingStorage storage $ = _s();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            ContributionCore memory core = $.cores[id];
            if (core.contributor == address(0) || block.timestamp < core.expiresAt) continue;
            Review storage r = $.reviews[id];
            if (r.status != ContributionStatus.Pending) continue;
            r.status = ContributionStatus.Expired;
            $.contributors[core.contributor].pending -= 1;
            ++expired;
            emit ContributionExpired(id, core.contributor);
        }
    }

    // ----------------------------------------------------------- validators

    /// @inheritdoc ICotrainStaking
    function distributeRewards(uint256 id, uint8 qualityScore) external whenNotPaused onlyValidator {
        ContributionStatus status = _score(id, qualityScore);
        if (status != ContributionStatus.Pending) revert ContributionNotPending(id, status);
    }

    /// @inheritdoc ICotrainStaking
    function distributeRewardsBatch(uint256[] calldata ids, uint8[] calldata qualityScores)
        external
        whenNotPaused
        onlyValidator
    {
        if (ids.length != qualityScores.length) revert BatchLengthMismatch(ids.length, qualityScores.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            // Another validator's score or the deadline may have settled an id since this batch was
            // made: skip it rather than lose the validator's other scores.
            ContributionStatus status = _score(ids[i], qualityScores[i]);
            if (status != ContributionStatus.Pending) emit ScoreSkipped(ids[i], msg.sender, status);
        }
    }

    /// @inheritdoc ICotrainStaking
    /// @dev Not paused: a pause must not become a window in which cheaters exit unslashed.
    /// The window: pending and before its deadline, or finalized with its reward still locked. An
    /// old, paid contribution can no longer be used to take stake, and each contribution slashes once.
    function reportFraud(uint256 id, bytes32 evidenceHash) external onlyValidator {
        StakingStorage storage $ = _s();
        ContributionCore storage core = _contributionCore(id);
        address contributor = core.contributor;
        if (contributor == msg.sender) revert ValidatorOwnContribution(id, msg.sender);
        Review storage r = $.reviews[id];
        ContributionStatus status = r.status;
        if (status == ContributionStatus.Fraudulent) revert ContributionAlreadyFraudulent(id);
        uint256 windowEnd = status == ContributionStatus.Pending
            ? core.expiresAt
            : (status == ContributionStatus.Finalized ? r.lockedUntil : 0);
        if (block.timestamp >= windowEnd) revert ContributionFraudWindowClosed(id);
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

    /// @inheritdoc ICotrainStaking
    function fundRewardPool() external payable {
        if (msg.value == 0) revert AmountZero();
        _s().rewardPool += uint128(msg.value);
        emit RewardPoolFunded(msg.sender, msg.value);
    }

    /// @inheritdoc ICotrainStaking
    function absorbSurplus() external {
        uint256 amount = surplus();
        if (amount == 0) return;
        _s().rewardPool += uint128(amount);
        emit SurplusAbsorbed(amount);
    }

    // ----------------------------------------------------------------- owner

    /// @inheritdoc ICotrainStaking
    function proposeValidator(address validator) external onlyOwner {
        if (validator == address(0)) revert AddressZero();
        if (_s().validators[validator]) revert ValidatorAlreadyAdded(validator);
        (bytes32 id, uint256 eta) = _propose(abi.encode(PROPOSAL_VALIDATOR, validator));
        emit ValidatorProposed(id, validator, eta);
    }

    /// @inheritdoc ICotrainStaking
    function applyValidator(address validator) external onlyOwner {
        _consumeProposal(keccak256(abi.encode(PROPOSAL_VALIDATOR, validator)));
        _addValidator(validator);
        StakingStorage storage $ = _s();
        _checkQuorum($.quorum, $.validatorCount);
    }

    /// @inheritdoc ICotrainStaking
    /// @dev Scores and reports it already gave keep counting.
    function removeValidator(address validator) external onlyOwner {
        StakingStorage storage $ = _s();
        if (!$.validators[validator]) revert ValidatorNotFound(validator);
        $.validators[validator] = false;
        $.validatorCount -= 1;
        emit ValidatorRemoved(validator);
    }

    /// @inheritdoc ICotrainStaking
    function proposeParams(StakingParams calldata p) external onlyOwner {
        _checkParams(p);
        (bytes32 id, uint256 eta) = _propose(abi.encode(PROPOSAL_PARAMS, p));
        emit ParamsProposed(id, p, eta);
    }

    /// @inheritdoc ICotrainStaking
    /// @dev The quorum is checked against the validators of now, which may differ from proposal time.
    function applyParams(StakingParams calldata p) external onlyOwner {
        _consumeProposal(keccak256(abi.encode(PROPOSAL_PARAMS, p)));
        _checkParams(p);
        _writeParams(p);
    }

    /// @inheritdoc ICotrainStaking
    function proposeUpgrade(address implementation) external onlyOwner {
        if (implementation == address(0)) revert AddressZero();
        (bytes32 id, uint256 eta) = _propose(abi.encode(PROPOSAL_UPGRADE, implementation));
        emit UpgradeProposed(id, implementation, eta);
    }

    /// @inheritdoc ICotrainStaking
    function cancelProposal(bytes32 id) external onlyOwner {
        StakingStorage storage $ = _s();
        if ($.proposalEta[id] == 0) revert ProposalNotFound();
        delete $.proposalEta[id];
        emit ProposalCancelled(id);
    }

    /// @inheritdoc ICotrainStaking
    function pause() external onlyOwner {
        _pause();
    }

    /// @inheritdoc ICotrainStaking
    function unpause() external onlyOwner {
        _unpause();
    }

    /// @inheritdoc ICotrainStaking
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

    /// @inheritdoc ICotrainStaking
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

    /// @inheritdoc ICotrainStaking
    function getContribution(uint256 id) external view returns (Contribution memory out) {
        StakingStorage storage $ = _s();
        ContributionCore memory core = _contributionCore(id);
        Review memory r = $.reviews[id];
        out.contributor = core.contributor;
        out.ctype = core.ctype;
        out.status = _statusOf(core, r);
        out.dataHash = $.hashById[id];
        out.submittedBlock = core.submittedBlock;
        out.expiresAt = core.expiresAt;
        out.lockedUntil = r.lockedUntil;
        out.scoreCount = r.scoreCount;
        out.medianScore = r.medianScore;
        out.fraudReportCount = r.fraudReportCount;
        out.reward = r.reward;
    }

    /// @inheritdoc ICotrainStaking
    function contributionIdByHash(address contributor, bytes32 dataHash) external view returns (uint256) {
        return _s().idByKey[_key(contributor, dataHash)];
    }

    /// @inheritdoc ICotrainStaking
    function nextContributionId() external view returns (uint256) {
        return _s().nextContributionId;
    }

    /// @inheritdoc ICotrainStaking
    function challengeSeed(uint256 id) external view returns (bytes32) {
        uint256 first = uint256(_contributionCore(id).submittedBlock) + 1;
        if (block.number <= first + SEED_BLOCKS - 1) revert ChallengeSeedNotReady(id);
        if (block.number - first > 256) revert ChallengeSeedExpired(id);
        bytes32[SEED_BLOCKS] memory hashes;
        for (uint256 i = 0; i < SEED_BLOCKS; ++i) {
            hashes[i] = blockhash(first + i);
        }
        return keccak256(abi.encodePacked(hashes));
    }

    /// @inheritdoc ICotrainStaking
    function rewardsOf(address account) external view returns (uint256 locked, uint256 claimable) {
        return _rewardsOf(_s().rewardAccounts[account]);
    }

    /// @inheritdoc ICotrainStaking
    function isValidator(address account) external view returns (bool) {
        return _s().validators[account];
    }

    /// @inheritdoc ICotrainStaking
    function validatorCount() external view returns (uint256) {
        return _s().validatorCount;
    }

    /// @inheritdoc ICotrainStaking
    function hasScored(uint256 id, address validator) external view returns (bool) {
        return _s().scoredBitmap[validator][id >> 8] & (1 << (id & 0xff)) != 0;
    }

    /// @inheritdoc ICotrainStaking
    function hasReported(uint256 id, address validator) external view returns (bool) {
        return _s().reportedBitmap[validator][id >> 8] & (1 << (id & 0xff)) != 0;
    }

    /// @inheritdoc ICotrainStaking
    function rewardPool() external view returns (uint256) {
        return _s().rewardPool;
    }

    /// @inheritdoc ICotrainStaking
    function totalStaked() external view returns (uint256) {
        return _s().totalStaked;
    }

    /// @inheritdoc ICotrainStaking
    function totalOwedRewards() external view returns (uint256) {
        return _s().totalOwedRewards;
    }

    /// @inheritdoc ICotrainStaking
    function surplus() public view returns (uint256) {
        StakingStorage storage $ = _s();
        uint256 accounted = uint256($.totalStaked) + $.totalOwedRewards + $.rewardPool;
        return address(this).balance - accounted;
    }

    /// @inheritdoc ICotrainStaking
    function changeDelay() public view returns (uint256) {
        StakingStorage storage $ = _s();
        uint256 exit = $.unbondingPeriod > $.rewardLockPeriod ? $.unbondingPeriod : $.rewardLockPeriod;
        return uint256($.pendingTimeout) + exit;
    }

    /// @inheritdoc ICotrainStaking
    function proposalEta(bytes32 id) external view returns (uint256) {
        return _s().proposalEta[id];
    }

    /// @inheritdoc ICotrainStaking
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
        p.pendingTimeout = $.pendingTimeout;
    }

    /// @inheritdoc ICotrainStaking
    function minimumStake() external view returns (uint256) {
        return _s().minimumStake;
    }

    /// @inheritdoc ICotrainStaking
    function stakePerPending() external view returns (uint256) {
        return _s().stakePerPending;
    }

    // -------------------------------------------------------------- internal

    /// @dev The core record of contribution `id`; reverts for ids never issued.
    function _contributionCore(uint256 id) private view returns (ContributionCore storage core) {
        core = _s().cores[id];
        if (core.contributor == address(0)) revert ContributionNotFound(id);
    }

    /// @dev The duplicate-check key: a data hash binds only the address that submitted it.
    function _key(address contributor, bytes32 dataHash) private pure returns (bytes32 key) {
        assembly {
            mstore(0x00, contributor)
            mstore(0x20, dataHash)
            key := keccak256(0x0c, 0x34)
        }
    }

    /// @dev The status as clients should see it: a pending contribution past its deadline is Expired
    /// even before anyone called `expireContributions`.
    function _statusOf(ContributionCore memory core, Review memory r) private view returns (ContributionStatus) {
        if (r.status == ContributionStatus.Pending && block.timestamp >= core.expiresAt) {
            return ContributionStatus.Expired;
        }
        return r.status;
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

    /// @dev One validator score; the quorum-th finalizes. Returns the status found: anything but
    /// Pending means nothing was done (the callers revert or skip). Internal for the commit-reveal
    /// benchmark variant (contracts/bench), which scores through it too.
    function _score(uint256 id, uint8 qualityScore) internal returns (ContributionStatus) {
        if (qualityScore == 0 || qualityScore > 100) revert QualityScoreOutOfRange(qualityScore);
        StakingStorage storage $ = _s();
        ContributionCore memory core = _contributionCore(id);
        if (core.contributor == msg.sender) revert ValidatorOwnContribution(id, msg.sender);
        Review memory r = $.reviews[id];
        ContributionStatus status = _statusOf(core, r);
        if (status != ContributionStatus.Pending) return status;
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
        return ContributionStatus.Pending;
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
        r.reward = uint64(reward);
        uint256 unlockTime = block.timestamp + $.rewardLockPeriod;
        r.lockedUntil = uint40(unlockTime);
        $.reviews[id] = r;
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

    /// @dev Every bound a parameter set must meet; the quorum also against today's validators.
    function _checkParams(StakingParams memory p) private view {
        _checkBounds("minimumStake", p.minimumStake, MIN_MINIMUM_STAKE, MAX_MINIMUM_STAKE);
        // at most the minimum, so a contributor at the minimum may always have one pending
        _checkBounds("stakePerPending", p.stakePerPending, 1, p.minimumStake);
        for (uint256 t = 0; t < 3; ++t) {
            _checkBounds("baseReward", p.baseRewards[t], 0, MAX_BASE_REWARD);
        }
        _checkBounds("quorum", p.quorum, MIN_QUORUM, MAX_QUORUM);
        _checkQuorum(p.quorum, _s().validatorCount);
        _checkBounds("rewardLockPeriod", p.rewardLockPeriod, MIN_PERIOD, MAX_PERIOD);
        _checkBounds("unbondingPeriod", p.unbondingPeriod, MIN_PERIOD, MAX_PERIOD);
        _checkBounds("slashBps", p.slashBps, MIN_SLASH_BPS, MAX_SLASH_BPS);
        _checkBounds("reporterShareBps", p.reporterShareBps, 0, MAX_REPORTER_SHARE_BPS);
        _checkBounds("pendingTimeout", p.pendingTimeout, MIN_PENDING_TIMEOUT, MAX_PENDING_TIMEOUT);
    }

    function _checkBounds(string memory name, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert ParameterOutOfBounds(name, value, min, max);
    }

    /// @dev More than half of the validators must agree, so no minority (nor one key) decides.
    function _checkQuorum(uint256 q, uint256 validators) private pure {
        if (2 * q <= validators) revert QuorumBelowMajority(q, validators);
    }

    function _writeParams(StakingParams memory p) private {
        StakingStorage storage $ = _s();
        $.minimumStake = uint96(p.minimumStake);
        $.stakePerPending = uint96(p.stakePerPending);
        for (uint256 t = 0; t < 3; ++t) {
            $.baseRewards[t] = uint80(p.baseRewards[t]);
        }
        $.quorum = p.quorum;
        $.rewardLockPeriod = uint40(p.rewardLockPeriod);
        $.unbondingPeriod = uint40(p.unbondingPeriod);
        $.slashBps = p.slashBps;
        $.reporterShareBps = p.reporterShareBps;
        $.pendingTimeout = uint40(p.pendingTimeout);
        emit ParamsApplied(p);
    }

    /// @dev Records proposal keccak256(`what`), applicable after the change delay (a repeat restarts it).
    function _propose(bytes memory what) private returns (bytes32 id, uint256 eta) {
        id = keccak256(what);
        eta = block.timestamp + changeDelay();
        _s().proposalEta[id] = eta;
    }

    /// @dev Reverts unless proposal `id` exists and its eta passed; then removes it.
    function _consumeProposal(bytes32 id) private {
        StakingStorage storage $ = _s();
        uint256 eta = $.proposalEta[id];
        if (eta == 0) revert ProposalNotFound();
        if (block.timestamp < eta) revert ProposalNotReady(eta);
        delete $.proposalEta[id];
    }

    function _addValidator(address validator) private {
        if (validator == address(0)) revert AddressZero();
        StakingStorage storage $ = _s();
        if ($.validators[validator]) revert ValidatorAlreadyAdded(validator);
        $.validators[validator] = true;
        $.validatorCount += 1;
        emit ValidatorAdded(validator);
    }
}
