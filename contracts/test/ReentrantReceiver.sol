// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICotrainStaking} from "../ICotrainStaking.sol";

/// @title ReentrantReceiver (test only)
/// @notice A contributor contract that, when paid, calls back into the staking contract with a
/// configured call (e.g. claimRewards again, or withdrawStake), and records what happened; or refuses
/// ETH altogether.
contract ReentrantReceiver {
    ICotrainStaking public immutable staking;
    /// @notice Call made from `receive`; empty means none.
    bytes public reentryCall;
    /// @notice Refuse every payment.
    bool public rejectPayments;
    uint256 public reentryAttempts;
    bool public lastReentrySucceeded;
    bytes public lastReentryError;
    uint256 public received;

    constructor(ICotrainStaking staking_) {
        staking = staking_;
    }

    function register() external payable {
        staking.registerContributor{value: msg.value}();
    }

    function submit(ICotrainStaking.ContributionType ctype, bytes32 dataHash) external returns (uint256) {
        return staking.submitContribution(ctype, dataHash);
    }

    function requestUnstake(uint256 amount) external {
        staking.requestUnstake(amount);
    }

    function setReentryCall(bytes calldata data) external {
        reentryCall = data;
    }

    function setRejectPayments(bool reject) external {
        rejectPayments = reject;
    }

    function claim() external {
        staking.claimRewards();
    }

    function withdraw() external {
        staking.withdrawStake();
    }

    receive() external payable {
        if (rejectPayments) revert("no thanks");
        received += msg.value;
        if (reentryCall.length == 0) return;
        ++reentryAttempts;
        (bool ok, bytes memory ret) = address(staking).call(reentryCall);
        lastReentrySucceeded = ok;
        lastReentryError = ret;
    }
}
