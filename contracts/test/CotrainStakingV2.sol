// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CotrainStaking} from "../CotrainStaking.sol";

/// @title CotrainStakingV2 (test only)
/// @notice An upgrade target for the tests: same storage, a new version string, one new value in its
/// own ERC-7201 namespace set by a reinitializer.
contract CotrainStakingV2 is CotrainStaking {
    /// @custom:storage-location erc7201:cotrain.storage.CotrainStakingV2
    struct V2Storage {
        uint256 marker;
    }

    /// @notice The V2 initializer ran.
    event V2Initialized(uint256 marker);

    function _v2() private pure returns (V2Storage storage $) {
        bytes32 location =
            keccak256(abi.encode(uint256(keccak256("cotrain.storage.CotrainStakingV2")) - 1)) & ~bytes32(uint256(0xff));
        assembly {
            $.slot := location
        }
    }

    /// @notice Runs once, at the upgrade.
    function initializeV2(uint256 marker) external reinitializer(2) {
        _v2().marker = marker;
        emit V2Initialized(marker);
    }

    /// @notice The value `initializeV2` stored.
    function v2Marker() external view returns (uint256) {
        return _v2().marker;
    }

    /// @inheritdoc CotrainStaking
    function version() external pure override returns (string memory) {
        return "2.0.0-test";
    }
}
