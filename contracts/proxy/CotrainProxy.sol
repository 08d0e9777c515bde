// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Imported so that Hardhat compiles OpenZeppelin's ERC1967Proxy and writes its artifact
// (artifacts/@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol/ERC1967Proxy.json), which
// lib/chain/deployStaking.ts deploys in front of CotrainStaking.
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

/// @title CotrainProxy
/// @notice The ERC-1967 proxy that holds cotrain's staking state; CotrainStaking (UUPS) behind it.
contract CotrainProxy is ERC1967Proxy {
    /// @param implementation CotrainStaking implementation.
    /// @param data Encoded `initialize(owner, params)` call, run in the proxy's context.
    constructor(address implementation, bytes memory data) payable ERC1967Proxy(implementation, data) {}
}
