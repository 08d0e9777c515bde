import assert from 'node:assert/strict'
import { concat, keccak256, parseEther, stringToHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { getBlock } from 'viem/actions'
import { oneLine } from '../../errors.ts'
import { accountFromPrivateKey } from '../loadAccount.ts'
import { createChainClient, type WalletChainClient } from '../createChainClient.ts'
import { ChainError, ContractRevertedError, NoContractCodeError, RpcUnreachableError } from '../errors.ts'
import { freePort } from '../startLocalChain.ts'
import { readStaking, writeStaking } from '../stakingCall.ts'
import { startLocalStaking, type LocalStaking } from '../testing/localStaking.ts'
import { chainErrorMessage } from '../toChainError.ts'
import { ContributionStatus, ContributionType } from '../types.ts'
import { addStake } from './addStake.ts'
import { claimRewards } from './claimRewards.ts'
import { distributeRewardsBatch } from './distributeRewardsBatch.ts'
import { fundRewardPool } from './fundRewardPool.ts'
import { computeChallengeSeed, getChallengeSeed } from './getChallengeSeed.ts'
import { getContribution } from './getContribution.ts'
import { getContributionIdByHash } from './getContributionIdByHash.ts'
import { getContributor } from './getContributor.ts'
import { getRewards } from './getRewards.ts'
import { registerContributor } from './registerContributor.ts'
import { reportFraud } from './reportFraud.ts'
import { submitContribution } from './submitContribution.ts'

const hashOf = (s: string): Hex => keccak256(stringToHex(s))

/** Expects `promise` to fail with a ChainError whose one line matches `line`. */
async function failsWith (promise: Promise<unknown>, line: RegExp): Promise<ChainError> {
  const err = await promise.then(() => assert.fail('did not fail'), (e: unknown) => e)
  assert.ok(err instanceof ChainError, String(err))
  assert.match(oneLine(err), line)
  assert.ok(!oneLine(err).includes('\n'), 'one line')
  return err
}

describe('chain actions against hardhat node', function () {
  let local: LocalStaking
  let owner: WalletChainClient
  let worker: WalletChainClient
  let validator: WalletChainClient
  let validator2: WalletChainClient
  const address = (): `0x${string}` => local.address

  before(async function () {
    // stakePerPending = minimumStake: a 1 ETH stake allows one pending contribution.
    local = await startLocalStaking({ params: { stakePerPending: parseEther('1') }, validators: [2, 6] })
    owner = await local.clientFor(0)
    worker = await local.clientFor(1)
    validator = await local.clientFor(2)
    validator2 = await local.clientFor(6)
  })
  after(async function () { await local?.stop() })

  it('registers once, then skips', async function () {
    const first = await registerContributor(worker, { address: address(), stake: parseEther('3') })
    assert.equal(first.alreadyRegistered, false)
    assert.equal(first.stake, parseEther('3'))
    const again = await registerContributor(worker, { address: address() })
    assert.deepEqual(again, { alreadyRegistered: true, stake: parseEther('3') })
    const c = await getContributor(worker, { address: address() })
    assert.equal(c.registered, true)
    assert.equal(c.reputation, 100)
    assert.equal(c.maxPendingContributions, 3)
    const added = await addStake(worker, { address: address(), value: parseEther('1') })
    assert.equal(added.stake, parseEther('4'))
  })

  it('submits and returns the id from the event; the hash maps back to it', async function () {
    const dataHash = hashOf('round 1 worker 1')
    const { id, blockNumber, hash } = await submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash })
    assert.equal(id, 1n)
    assert.match(hash, /^0x[0-9a-f]{64}$/)
    const c = await getContribution(worker, { address: address(), id })
    assert.equal(c.contributor, worker.account.address)
    assert.equal(c.dataHash, dataHash)
    assert.equal(c.submittedBlock, blockNumber)
    assert.equal(c.status, ContributionStatus.Pending)
    assert.equal(await getContributionIdByHash(worker, { address: address(), dataHash }), 1n)
    assert.equal(await getContributionIdByHash(worker, { address: address(), dataHash: hashOf('never') }), 0n)
  })

  it('a duplicate hash is a one-line error naming the first contribution', async function () {
    const err = await failsWith(
      submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('round 1 worker 1') }),
      /^data hash 0x[0-9a-f]{64} was already submitted by this account \(contribution #1\) \(every contribution needs a new commitment\)$/,
    )
    assert.equal((err as ContractRevertedError).errorName, 'ContributionDuplicate')
    assert.equal(err.retryable, false)
  })

  it('reads the challenge seed once the 4 next blocks exist (mining them on the dev chain), and computes the same off chain', async function () {
    const { id, blockNumber } = await submitContribution(worker, { address: address(), ctype: ContributionType.Dataset, dataHash: hashOf('seed') })
    const seed = await getChallengeSeed(worker, { address: address(), id, mine: true })
    const next = await Promise.all([1n, 2n, 3n, 4n].map(async (i) => (await getBlock(worker, { blockNumber: blockNumber + i })).hash))
    assert.equal(seed, keccak256(concat(next)))
    assert.equal(await computeChallengeSeed(worker, { address: address(), id }), seed)
    // Without mining, an idle automine chain times out cleanly.
    const later = await submitContribution(worker, { address: address(), ctype: ContributionType.Dataset, dataHash: hashOf('seed 2') })
    await failsWith(getChallengeSeed(worker, { address: address(), id: later.id, timeoutMs: 200, pollIntervalMs: 50 }), /was not ready within 200 ms/)
  })

  it('too many pending, not registered and under-staked are one-line errors', async function () {
    // Worker has 3 pending of 4 allowed: one more fits, the next does not.
    await submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('p4') })
    const tooMany = await failsWith(submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('p5') }),
      /has too many pending contributions \(4 of 4 allowed\) \(wait for validators to score them, or stake more with: worker stake add ETH\)$/)
    assert.equal(tooMany.retryable, true)
    const stranger = await local.clientFor(5)
    await failsWith(submitContribution(stranger, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('x') }),
      /^0x[0-9a-fA-F]{40} is not registered as a contributor \(register first/)
    await failsWith(registerContributor(stranger, { address: address(), stake: parseEther('0.5') }), /^stake 0.5 ETH is below the minimum of 1 ETH/)
    await registerContributor(stranger, { address: address(), stake: parseEther('1') })
    await writeStaking(stranger, { address: address(), functionName: 'requestUnstake', args: [parseEther('0.5')] })
    await failsWith(submitContribution(stranger, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('y') }),
      /is under-staked: stake 0.5 ETH, minimum 1 ETH \(top up with: worker stake add ETH\)$/)
  })

  it('paused is a retryable one-line error', async function () {
    await writeStaking(owner, { address: address(), functionName: 'pause' })
    try {
      const err = await failsWith(submitContribution(worker, { address: address(), ctype: ContributionType.ComputePower, dataHash: hashOf('paused') }),
        /^the staking contract is paused \(wait until its owner unpauses it\)$/)
      assert.equal(err.retryable, true)
    } finally {
      await writeStaking(owner, { address: address(), functionName: 'unpause' })
    }
  })

  it('scores in a batch, locks the reward, then claims it after the window', async function () {
    await fundRewardPool(owner, { address: address(), value: parseEther('10') })
    const first = await distributeRewardsBatch(validator2, { address: address(), scores: [{ id: 1n, score: 90 }, { id: 2n, score: 70 }] })
    assert.deepEqual(first.finalized, [], 'quorum 2: one score finalizes nothing')
    const batch = await distributeRewardsBatch(validator, { address: address(), scores: [{ id: 1n, score: 80 }, { id: 2n, score: 60 }] })
    assert.deepEqual(batch.finalized.map((f) => [f.id, f.medianScore]), [[1n, 80], [2n, 60]])
    const rewards = await getRewards(worker, { address: address() })
    assert.ok(rewards.locked > 0n)
    assert.equal(rewards.claimable, 0n)
    assert.equal(rewards.earned, rewards.locked)
    await failsWith(claimRewards(worker, { address: address() }), /has no claimable rewards/)
    await failsWith(distributeRewardsBatch(worker, { address: address(), scores: [{ id: 3n, score: 50 }] }), /is not a validator \(the contract owner must propose and apply it: npm run admin -- validators add ADDRESS\)$/)
    await assert.rejects(distributeRewardsBatch(validator, { address: address(), scores: [{ id: 3n, score: 101 }] }), /outside 1\.\.100/)

    await worker.request({ method: 'evm_increaseTime', params: [Number(local.params.rewardLockPeriod) + 1] } as never)
    await worker.request({ method: 'evm_mine' } as never)
    const after = await getRewards(worker, { address: address() })
    assert.equal(after.claimable, rewards.locked)
    const { amount } = await claimRewards(worker, { address: address() })
    assert.equal(amount, rewards.locked)
    assert.deepEqual(await getRewards(worker, { address: address() }), { locked: 0n, claimable: 0n, earned: rewards.earned })
  })

  it('reports fraud and slashes at quorum', async function () {
    const first = await reportFraud(validator2, { address: address(), id: 3n, evidenceHash: hashOf('replay of segment 4 differs') })
    assert.equal(first.slashed, false)
    const { slashed } = await reportFraud(validator, { address: address(), id: 3n, evidenceHash: hashOf('replay of segment 4 differs') })
    assert.equal(slashed, true)
    assert.equal((await getContribution(worker, { address: address(), id: 3n })).status, ContributionStatus.Fraudulent)
    assert.ok((await getContributor(worker, { address: address() })).totalSlashed > 0n)
  })

  it('an address with no contract says so, for reads and writes', async function () {
    const nowhere = privateKeyToAccount(generatePrivateKey()).address
    const line = new RegExp(`^no contract at ${nowhere} on ${local.chain.url} \\(check --contract and --rpc-url`)
    const read = await failsWith(readStaking(worker, nowhere, 'minimumStake'), line)
    assert.ok(read instanceof NoContractCodeError)
    await failsWith(addStake(worker, { address: nowhere, value: 1n }), line)
  })

  it('an account without ETH gets "not enough ETH"', async function () {
    const broke = await createChainClient({ rpcUrl: local.chain.url, account: accountFromPrivateKey(generatePrivateKey()) })
    await failsWith(registerContributor(broke, { address: address() }), /has not enough ETH to pay for this transaction's value and gas \(send ETH to the account/)
  })

  it('an unreachable RPC is one line', async function () {
    const url = `http://127.0.0.1:${await freePort()}`
    const err = await createChainClient({ rpcUrl: url }).then(() => assert.fail('connected'), (e: unknown) => e)
    assert.ok(err instanceof RpcUnreachableError)
    assert.equal(oneLine(err), `cannot reach RPC at ${url} (is the node running? check --rpc-url)`)
    const offline = await createChainClient({ rpcUrl: url, chainId: 31337, retryCount: 0 })
    await failsWith(readStaking(offline, address(), 'minimumStake'), /^cannot reach RPC at http:\/\/127\.0\.0\.1:\d+ \(is the node running\? check --rpc-url\)$/)
    assert.equal(chainErrorMessage(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }), { rpcUrl: 'https://rpc.example/v3/0123456789abcdef0123456789?x=1' }),
      'cannot reach RPC at https://rpc.example/v3/*** (is the node running? check --rpc-url)')
  })
})
