import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Abi, Hex } from 'viem'
import { ArtifactNotFoundError } from './errors.ts'

/**
 * A compiled contract as Hardhat writes it under `artifacts/`: what deploying needs. Calls use the
 * generated, typed `cotrainStakingAbi` (lib/chain/abi) instead of the artifact's ABI.
 */
export type ContractArtifact = {
  contractName: string
  abi: Abi
  bytecode: Hex
}

const repoRoot = new URL('../../', import.meta.url)

/**
 * Reads one Hardhat artifact at run time (never bundled, so a fresh build is always what runs).
 *
 * @example
 * const { abi, bytecode } = readArtifact('contracts/CotrainStaking.sol', 'CotrainStaking')
 */
export function readArtifact (sourceName: string, contractName: string): ContractArtifact {
  const path = fileURLToPath(new URL(`artifacts/${sourceName}/${contractName}.json`, repoRoot))
  let json: { abi?: unknown, bytecode?: unknown }
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new ArtifactNotFoundError(contractName, path, err)
  }
  if (!Array.isArray(json.abi) || typeof json.bytecode !== 'string' || !json.bytecode.startsWith('0x')) {
    throw new ArtifactNotFoundError(contractName, path)
  }
  return { contractName, abi: json.abi as Abi, bytecode: json.bytecode as Hex }
}

let staking: ContractArtifact | undefined
let proxy: ContractArtifact | undefined

/** The CotrainStaking implementation (ABI + creation bytecode); read once, then cached. */
export function stakingArtifact (): ContractArtifact {
  staking ??= readArtifact('contracts/CotrainStaking.sol', 'CotrainStaking')
  return staking
}

/** The ERC-1967 proxy (`CotrainProxy`) that CotrainStaking runs behind; read once, then cached. */
export function proxyArtifact (): ContractArtifact {
  proxy ??= readArtifact('contracts/proxy/CotrainProxy.sol', 'CotrainProxy')
  return proxy
}

