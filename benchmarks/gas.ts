/**
 * Gas of every CotrainStaking operation, measured through the ERC-1967 proxy on Hardhat's
 * in-process simulator (the same deployment path as the devnet: lib/chain/deployStaking.ts).
 *
 * Scenario: quorum 3, ten contributors with five contributions each (50 in all), three validators
 * each scoring all 50 in one distributeRewardsBatch (the third batch finalizes every one), then
 * claims, unstaking and a fraud finding. Per-call figures are receipt gasUsed (21k base included);
 * "per score" is a batch's gasUsed divided by its 50 scores.
 *
 * Target: every score in a batch <= 60k, including the finalizing score that pays a new
 * contributor its first reward (measured as the marginal cost of one more such score in a batch).
 * The `before` column is the first contract's figures (commit ca1527f, same scenario), for comparison.
 * submitContribution has no target any more: binding a hash to its sender costs a third fresh slot.
 *
 * Commit-reveal, measured: contracts/bench/CotrainStakingCommitReveal.sol (one commitment per
 * validator per batch, revealed after the ids' commit window) against today's batch scoring, from
 * one snapshot of the same state, per score: commit tx + reveal tx vs one batch tx, for a batch of
 * 50 and for one contribution scored alone (the decision is in contracts/README.md).
 *
 * Usage: npm run bench:gas  (builds, then node benchmarks/gas.ts)
 * Writes benchmarks/results/gas.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { network } from 'hardhat'
import { encodeFunctionData, keccak256, parseEther, toHex } from 'viem'
import type { Address, Hash } from 'viem'
import { defaultStakingParams, deployStaking, type StakingParams } from '../lib/chain/deployStaking.ts'
import { stakingArtifact } from '../lib/chain/stakingArtifact.ts'

const BATCH = 50
const CONTRIBUTORS = 10
const PER_SCORE_TARGET = 60_000

const { viem, networkHelpers } = await network.create()
const publicClient = await viem.getPublicClient()
const wallets = await viem.getWalletClients()
const [owner, v1, v2, v3, v4] = wallets
const contributors = wallets.slice(5, 5 + CONTRIBUTORS)
const validators = [v1, v2, v3]

/** The devnet's parameters with a quorum of three and day-long windows, so every scoring and slashing path runs. */
const benchParams: StakingParams = { ...defaultStakingParams, quorum: 3, rewardLockPeriod: 86_400n, unbondingPeriod: 7n * 86_400n }
const { address } = await deployStaking({
  walletClient: owner,
  publicClient,
  params: benchParams,
  validators: [v1, v2, v3, v4].map((v) => v.account.address),
})
const s = await viem.getContractAt('CotrainStaking', address)
await s.write.fundRewardPool({ value: parseEther('1000') })

async function gasOf (tx: Promise<Hash>): Promise<number> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await tx })
  if (receipt.status !== 'success') throw new Error('benchmark transaction reverted')
  return Number(receipt.gasUsed)
}

interface Row { operation: string, gas: number, note: string, target?: number, before?: number }
const rows: Row[] = []
const stats = (xs: number[]) => ({ min: Math.min(...xs), max: Math.max(...xs), mean: Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) })

// contributors: register, add stake, submit five each
const register: number[] = []
const addStake: number[] = []
const submit: number[] = []
const ids: bigint[] = []
for (const [i, c] of contributors.entries()) {
  const account = c.account.address
  register.push(await gasOf(s.write.registerContributor({ value: parseEther('1'), account })))
  addStake.push(await gasOf(s.write.addStake({ value: parseEther('1'), account })))
  for (let k = 0; k < BATCH / CONTRIBUTORS; k++) {
    ids.push(await s.read.nextContributionId())
    submit.push(await gasOf(s.write.submitContribution([k % 3, keccak256(toHex(`bench-${i}-${k}`))], { account })))
  }
}
rows.push({ operation: 'registerContributor', gas: stats(register).max, note: 'first stake; opens the reward account', before: 77_320 })
rows.push({ operation: 'addStake', gas: stats(addStake).max, note: '', before: 41_047 })
rows.push({ operation: 'submitContribution', gas: stats(submit).max, note: `max of ${submit.length} (mean ${stats(submit).mean})`, before: 88_585 })

// one contribution scored one call at a time
const single = contributors[0].account.address
const soloId = await s.read.nextContributionId()
await s.write.submitContribution([0, keccak256(toHex('bench-solo'))], { account: single })
const soloGas: number[] = []
for (const v of validators) soloGas.push(await gasOf(s.write.distributeRewards([soloId, 80], { account: v.account.address })))
rows.push({ operation: 'distributeRewards (1st score)', gas: soloGas[0], note: 'single call', before: 88_810 })
rows.push({ operation: 'distributeRewards (2nd score)', gas: soloGas[1], note: 'single call', before: 71_710 })
rows.push({ operation: 'distributeRewards (finalizing)', gas: soloGas[2], note: 'single call, quorum 3', before: 144_064 })

// 50 contributions scored in batches, one batch per validator
const batchGas: number[] = []
for (const [n, v] of validators.entries()) {
  const scores = ids.map((_, i) => 40 + ((i * 7 + n * 13) % 60))
  batchGas.push(await gasOf(s.write.distributeRewardsBatch([ids, scores], { account: v.account.address })))
}
const labels = ['1st scores', '2nd scores', '3rd scores, all finalize']
const beforeBatch = [33_625, 16_525, 36_751]
for (const [n, g] of batchGas.entries()) {
  rows.push({ operation: `distributeRewardsBatch per score (${labels[n]})`, gas: Math.round(g / BATCH), note: `batch of ${BATCH}: ${g} total`, target: PER_SCORE_TARGET, before: beforeBatch[n] })
}

// The costliest score: the one that finalizes a new contributor's first reward. Its marginal cost
// in a batch is the gas of a batch of two such scores minus a batch of one (the 21k base cancels).
const newcomers = wallets.slice(5 + CONTRIBUTORS, 5 + CONTRIBUTORS + 3)
const firstIds: bigint[] = []
for (const [i, c] of newcomers.entries()) {
  const account = c.account.address
  await s.write.registerContributor({ value: parseEther('1'), account })
  firstIds.push(await s.read.nextContributionId())
  await s.write.submitContribution([0, keccak256(toHex(`bench-first-${i}`))], { account })
  for (const v of [v1, v2]) await s.write.distributeRewards([firstIds[i], 70], { account: v.account.address })
}
const one = await gasOf(s.write.distributeRewardsBatch([[firstIds[0]], [70]], { account: v3.account.address }))
const two = await gasOf(s.write.distributeRewardsBatch([[firstIds[1], firstIds[2]], [70, 70]], { account: v3.account.address }))
rows.push({ operation: 'distributeRewardsBatch, finalizing a first reward', gas: two - one, note: `marginal: batch of 2 (${two}) - batch of 1 (${one})`, target: PER_SCORE_TARGET, before: 81_000 })
rows.push({ operation: 'distributeRewardsBatch per score (mean of 3)', gas: Math.round(batchGas.reduce((a, b) => a + b, 0) / (3 * BATCH)), note: `quorum 3, ${3 * BATCH} scores`, target: PER_SCORE_TARGET })

// claims after the lock, unstaking, withdrawal
await networkHelpers.time.increase(86_400)
rows.push({ operation: 'claimRewards', gas: await gasOf(s.write.claimRewards({ account: contributors[1].account.address })), note: 'five matured rewards', before: 51_248 })
rows.push({ operation: 'requestUnstake', gas: await gasOf(s.write.requestUnstake([parseEther('0.5')], { account: contributors[1].account.address })), note: '', before: 36_695 })
await networkHelpers.time.increase(7 * 86_400)
rows.push({ operation: 'withdrawStake', gas: await gasOf(s.write.withdrawStake({ account: contributors[1].account.address })), note: '', before: 45_957 })

// fraud: a finalized contribution with a locked reward; reports from three validators
const cheat = contributors[2].account.address
const cheatId = await s.read.nextContributionId()
await s.write.submitContribution([0, keccak256(toHex('bench-cheat'))], { account: cheat })
for (const v of validators) await s.write.distributeRewards([cheatId, 90], { account: v.account.address })
const reports: number[] = []
for (const v of [v1, v2, v4]) reports.push(await gasOf(s.write.reportFraud([cheatId, keccak256(toHex('evidence'))], { account: v.account.address })))
rows.push({ operation: 'reportFraud (1st report)', gas: reports[0], note: '', before: 112_650 })
rows.push({ operation: 'reportFraud (quorum, slashes)', gas: reports[2], note: 'slash stake + locked rewards, pay 3 reporters', before: 233_425 })

const deployedBytes = ((await publicClient.getCode({ address: await implementationOf(address) })) ?? '0x').length / 2 - 1

async function implementationOf (proxy: Address): Promise<Address> {
  const slot = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc'
  const raw = await publicClient.getStorageAt({ address: proxy, slot })
  return `0x${(raw ?? '0x').slice(-40)}`
}

// ------------------------------------------------------- commit-reveal, measured
// contracts/bench/CotrainStakingCommitReveal.sol: today's contract plus commitScores(hash of a
// batch) and revealScores(ids, scores, salt) after the ids' commit window. It does not fit EIP-170
// (the table says by how much), so it runs on a second in-process chain that allows oversized code. Both scoring paths
// start from one snapshot of the same state (quorum 3; 50 contributions of 10 contributors, plus
// one scored alone), so the difference is the commit-reveal itself.
const cr = await network.create({ override: { allowUnlimitedContractSize: true } })
const crWallets = await cr.viem.getWalletClients()
const crValidators = crWallets.slice(1, 4)
async function commitRevealFixture () {
  const implementation = await cr.viem.deployContract('CotrainStakingCommitReveal')
  const init = encodeFunctionData({ abi: implementation.abi, functionName: 'initialize', args: [crWallets[0].account.address, benchParams, crWallets.slice(1, 5).map((v) => v.account.address)] })
  const proxy = await cr.viem.deployContract('CotrainProxy', [implementation.address, init])
  const c = await cr.viem.getContractAt('CotrainStakingCommitReveal', proxy.address)
  await c.write.fundRewardPool({ value: parseEther('1000') })
  const batchIds: bigint[] = []
  for (const [i, w] of crWallets.slice(5, 5 + CONTRIBUTORS).entries()) {
    const account = w.account.address
    await c.write.registerContributor({ value: parseEther('2'), account })
    for (let k = 0; k < BATCH / CONTRIBUTORS; k++) {
      batchIds.push(await c.read.nextContributionId())
      await c.write.submitContribution([k % 3, keccak256(toHex(`cr-${i}-${k}`))], { account })
    }
  }
  const soloIds = [await c.read.nextContributionId()]
  await c.write.submitContribution([0, keccak256(toHex('cr-solo'))], { account: crWallets[5].account.address })
  return { c, batchIds, soloIds, implementation: implementation.address }
}
const crPublic = await cr.viem.getPublicClient()
async function crGas (tx: Promise<Hash>): Promise<number> {
  const receipt = await crPublic.waitForTransactionReceipt({ hash: await tx })
  if (receipt.status !== 'success') throw new Error('benchmark transaction reverted')
  return Number(receipt.gasUsed)
}
/** Gas per validator (1st, 2nd, finalizing) to score `which` ids: plain batches, or commit then reveal. */
async function scoreAll (which: 'batchIds' | 'soloIds', commitReveal: boolean): Promise<Array<{ commit: number, score: number }>> {
  const f = await cr.networkHelpers.loadFixture(commitRevealFixture)
  const ids = f[which]
  const scoresOf = (n: number) => ids.map((_, i) => 40 + ((i * 7 + n * 13) % 60))
  if (!commitReveal) {
    const out = []
    for (const [n, v] of crValidators.entries()) out.push({ commit: 0, score: await crGas(f.c.write.distributeRewardsBatch([ids, scoresOf(n)], { account: v.account.address })) })
    return out
  }
  const commits: number[] = []
  for (const [n, v] of crValidators.entries()) {
    const commitment = await f.c.read.scoresCommitment([v.account.address, ids, scoresOf(n), keccak256(toHex(`salt-${n}`))])
    commits.push(await crGas(f.c.write.commitScores([commitment], { account: v.account.address })))
  }
  await cr.networkHelpers.mine(Number(await f.c.read.COMMIT_BLOCKS()))
  const out = []
  for (const [n, v] of crValidators.entries()) out.push({ commit: commits[n], score: await crGas(f.c.write.revealScores([ids, scoresOf(n), keccak256(toHex(`salt-${n}`))], { account: v.account.address })) })
  return out
}
const crFixture = await cr.networkHelpers.loadFixture(commitRevealFixture)
const variantBytes = ((await crPublic.getCode({ address: crFixture.implementation })) ?? '0x').length / 2 - 1
const crRows: Array<{ case: string, validator: string, plainPerScore: number, commitPerScore: number, revealPerScore: number, commitRevealPerScore: number, extraPerScore: number }> = []
for (const [which, n] of [['batchIds', BATCH], ['soloIds', 1]] as const) {
  const plain = await scoreAll(which, false)
  const twoStep = await scoreAll(which, true)
  for (const [k, label] of ['1st', '2nd', 'finalizing'].entries()) {
    const per = (g: number) => Math.round(g / n)
    crRows.push({
      case: n === 1 ? 'one contribution' : `batch of ${n}`,
      validator: label,
      plainPerScore: per(plain[k].score),
      commitPerScore: per(twoStep[k].commit),
      revealPerScore: per(twoStep[k].score),
      commitRevealPerScore: per(twoStep[k].commit + twoStep[k].score),
      extraPerScore: per(twoStep[k].commit + twoStep[k].score) - per(plain[k].score),
    })
  }
}

// ------------------------------------------------------------------------ report
const pad = (x: string, n: number) => x.padEnd(n)
const width = Math.max(...rows.map((r) => r.operation.length))
console.log(`CotrainStaking gas (through the proxy; implementation ${deployedBytes} bytes of ${24_576})`)
console.log(`${pad('operation', width)}  ${'gas'.padStart(8)}  ${'before'.padStart(8)}  ${'target'.padStart(8)}  note`)
for (const r of rows) {
  const target = r.target == null ? '' : `${r.gas <= r.target ? '<=' : '>'} ${r.target / 1000}k`
  console.log(`${pad(r.operation, width)}  ${String(r.gas).padStart(8)}  ${String(r.before ?? '').padStart(8)}  ${target.padStart(8)}  ${r.note}`)
}
console.log('')
console.log(`commit-reveal scoring (contracts/bench, ${variantBytes} bytes: ${variantBytes - deployedBytes} more than today's, ${variantBytes > 24_576 ? `${variantBytes - 24_576} over` : 'within'} EIP-170) vs today's median-picking batch, same state, gas per score`)
const crHead = ['case', 'score', 'today', 'commit', 'reveal', 'c+r', 'extra']
console.log(`${pad(crHead[0], 16)}  ${pad(crHead[1], 10)}  ${crHead.slice(2).map((h) => h.padStart(8)).join('  ')}`)
for (const r of crRows) {
  console.log(`${pad(r.case, 16)}  ${pad(r.validator, 10)}  ${[r.plainPerScore, r.commitPerScore, r.revealPerScore, r.commitRevealPerScore, r.extraPerScore].map((x) => String(x).padStart(8)).join('  ')}`)
}
const failed = rows.filter((r) => r.target != null && r.gas > r.target)

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'gas.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({
  benchmark: 'gas',
  date: new Date().toISOString(),
  contract: stakingArtifact().contractName,
  implementationBytes: deployedBytes,
  scenario: { quorum: 3, batch: BATCH, contributors: CONTRIBUTORS },
  targets: { distributeRewardsBatchPerScore: PER_SCORE_TARGET },
  rows,
  commitReveal: {
    contract: 'contracts/bench/CotrainStakingCommitReveal.sol',
    implementationBytes: variantBytes,
    note: 'per score: a batch transaction\'s gasUsed divided by its scores; today = distributeRewardsBatch on the same state; extra = commit + reveal - today',
    rows: crRows,
  },
  targetsMet: failed.length === 0,
}, null, 2) + '\n')
console.log(`wrote ${out}`)
if (failed.length > 0) {
  console.error(`over target: ${failed.map((r) => r.operation).join(', ')}`)
  process.exitCode = 1
}
