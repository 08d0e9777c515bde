// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CotrainStaking} from "../CotrainStaking.sol";

/// @title CotrainStakingCommitReveal (benchmark only, never deployed by cotrain)
/// @notice Commit-reveal scoring on top of CotrainStaking, written to measure what it would cost
/// (`npm run bench:gas`), not to run: the decision and its figures are in contracts/README.md.
/// A validator commits to a whole batch with one hash, keccak256(validator, ids, scores, salt),
/// and reveals the batch later; the reveal scores through the same path as distributeRewardsBatch
/// (median at the quorum-th score). What stops copying: a commitment counts for an id only if it
/// was made within COMMIT_BLOCKS of the id's submission, and no score of that id can be revealed
/// before that window closes, so nobody can see another validator's score while it can still
/// commit. One commitment per batch (not per score) keeps the storage cost at one slot per batch.
/// What it leaves open: a validator may decline to reveal after seeing the others' reveals (it
/// cannot change its score, only withhold it); a real version would need to penalize that.
contract CotrainStakingCommitReveal is CotrainStaking {
    /// Blocks after a submission during which its scores can be committed; reveals come after.
    uint256 public constant COMMIT_BLOCKS = 100;

    /// @custom:storage-location erc7201:cotrain.storage.CotrainStakingCommitReveal
    struct CommitStorage {
        /// validator => commitment => block it was made in (0: none)
        mapping(address => mapping(bytes32 => uint256)) committedIn;
    }

    /// @notice `validator` committed to a batch of scores.
    event ScoresCommitted(address indexed validator, bytes32 indexed commitment);

    /// @notice No such commitment by this validator (wrong ids, scores or salt, or already revealed).
    error CommitmentUnknown(bytes32 commitment);
    /// @notice The commitment came after `id`'s commit window closed.
    error CommitmentTooLate(uint256 id, uint256 committedIn, uint256 windowEnd);
    /// @notice `id`'s commit window is still open: reveals wait until block `windowEnd` + 1.
    error RevealTooEarly(uint256 id, uint256 windowEnd);

    function _commits() private pure returns (CommitStorage storage $) {
        bytes32 location =
            keccak256(abi.encode(uint256(keccak256("cotrain.storage.CotrainStakingCommitReveal")) - 1)) & ~bytes32(uint256(0xff));
        assembly {
            $.slot := location
        }
    }

    /// @notice The commitment a validator makes for a batch: what `revealScores` recomputes.
    function scoresCommitment(address validator, uint256[] calldata ids, uint8[] calldata qualityScores, bytes32 salt)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(validator, ids, qualityScores, salt));
    }

    /// @notice Step 1: commit to a batch without revealing it.
    function commitScores(bytes32 commitment) external whenNotPaused onlyValidator {
        _commits().committedIn[msg.sender][commitment] = block.number;
        emit ScoresCommitted(msg.sender, commitment);
    }

    /// @notice Step 2, after every id's commit window: reveal the batch; scores as distributeRewardsBatch.
    function revealScores(uint256[] calldata ids, uint8[] calldata qualityScores, bytes32 salt)
        external
        whenNotPaused
        onlyValidator
    {
        if (ids.length != qualityScores.length) revert BatchLengthMismatch(ids.length, qualityScores.length);
        bytes32 commitment = scoresCommitment(msg.sender, ids, qualityScores, salt);
        mapping(bytes32 => uint256) storage mine = _commits().committedIn[msg.sender];
        uint256 committedIn = mine[commitment];
        if (committedIn == 0) revert CommitmentUnknown(commitment);
        delete mine[commitment]; // refunds most of the slot, and a reveal cannot be replayed
        StakingStorage storage $ = _s();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 windowEnd = uint256($.cores[ids[i]].submittedBlock) + COMMIT_BLOCKS;
            if (committedIn > windowEnd) revert CommitmentTooLate(ids[i], committedIn, windowEnd);
            if (block.number <= windowEnd) revert RevealTooEarly(ids[i], windowEnd);
            ContributionStatus status = _score(ids[i], qualityScores[i]);
            if (status != ContributionStatus.Pending) emit ScoreSkipped(ids[i], msg.sender, status);
        }
    }
}
