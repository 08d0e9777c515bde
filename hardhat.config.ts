import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";

// Hardhat would download solc from the internet; this project's machines reach
// only the npm registry, so compile with the solc-js build that ships in the
// npm `solc` package. `version` must equal the installed package's version.
const solcVersion: string = createRequire(import.meta.url)("solc/package.json").version;

export default defineConfig({
  plugins: [hardhatViem, hardhatViemAssertions, hardhatNetworkHelpers, hardhatMocha],
  solidity: {
    version: solcVersion,
    path: fileURLToPath(import.meta.resolve("solc/soljson.js")),
    settings: {
      // 100 runs, not 200: CotrainStaking must stay under the 24,576-byte code size limit
      // (EIP-170); 200 runs put it 71 bytes over.
      optimizer: { enabled: true, runs: 100 },
      evmVersion: "cancun",
    },
  },
  paths: {
    sources: "./contracts",
    tests: { mocha: "./test" },
  },
  networks: {
    localhost: { type: "http", url: "http://127.0.0.1:8545" },
  },
});
