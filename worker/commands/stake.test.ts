import assert from 'node:assert/strict'
import { parseEther } from 'viem'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { devChainRpc as rpc, runCli, type CliRun } from '../../lib/cli/testing/runCli.ts'

/** Runs the real `worker stake` CLI as a process with the account's key in the environment. */
async function stake (local: LocalStaking, key: string, args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, COTRAIN_PRIVATE_KEY: key }
  delete env.COTRAIN_KEYSTORE
  return await runCli('worker/cli.ts', ['stake', ...args, '--rpc-url', local.chain.url, '--contract', local.address], env)
}

describe('worker stake (CLI against a hardhat node)', function () {
  this.timeout(120_000)
  let local: LocalStaking
  let key: string
  before(async () => {
    local = await startLocalStaking()
    key = local.chain.accounts[5].privateKey
  })
  after(async () => { await local?.stop() })

  const json = async (args: string[]): Promise<Record<string, any>> => {
    const r = await stake(local, key, [...args, '--json'])
    assert.equal(r.code, 0, r.stderr)
    return JSON.parse(r.stdout)
  }

  it('registers with the first add, adds, unbonds, refuses an early withdraw, then withdraws after the unbonding period', async () => {
    const fresh = await json([])
    assert.equal(fresh.registered, false)
    assert.equal(fresh.minimumStake, parseEther('1').toString())

    const registered = await json(['add', '1.5'])
    assert.equal(registered.action, 'register')
    assert.equal(registered.now.stake, parseEther('1.5').toString())
    const added = await json(['add', '0.5'])
    assert.equal(added.action, 'add')
    assert.equal(added.now.stake, parseEther('2').toString())

    const unbonding = await json(['unstake', '0.7'])
    assert.equal(unbonding.now.stake, parseEther('1.3').toString())
    assert.equal(unbonding.now.unbondingAmount, parseEther('0.7').toString())
    assert.ok(Number(unbonding.releaseTime) * 1000 > Date.now() - 60_000)

    const early = await stake(local, key, ['withdraw'])
    assert.equal(early.code, 1)
    assert.match(early.stderr, /^error: 0x[0-9a-fA-F]{40}'s unbonding stake is released at .* \(wait until then\)\n$/)

    await rpc(local.chain.url, 'evm_increaseTime', [Number(local.params.unbondingPeriod) + 1])
    await rpc(local.chain.url, 'evm_mine', [])
    const withdrawn = await json(['withdraw'])
    assert.equal(withdrawn.amount, parseEther('0.7').toString())
    assert.equal(withdrawn.now.unbondingAmount, '0')
    assert.equal(withdrawn.now.stake, parseEther('1.3').toString())

    const text = await stake(local, key, [])
    assert.equal(text.code, 0, text.stderr)
    assert.match(text.stdout, /registered, stake 1\.3 ETH \(minimum 1 ETH\)\nnothing unbonding; 0 pending contributions/)
  })

  it('gives one-line errors for a missing or bad amount, an unknown action, an extra argument and nothing to withdraw', async () => {
    const cases: Array<[string[], RegExp, number]> = [
      [['add'], /^error: worker stake add needs an amount in ETH \(e\.g\. worker stake add 0\.5\)\n$/, 2],
      [['add', 'lots'], /^error: worker stake add: "lots" is not an amount of ETH/, 2],
      [['unstake', '0'], /^error: worker stake unstake: the amount must be more than 0\n$/, 2],
      [['grow'], /^error: unknown worker stake action "grow"/, 2],
      [['withdraw', '3'], /^error: worker stake withdraw: unexpected argument "3"/, 2],
      [['unstake', '99'], /^error: cannot unstake 99 ETH: active stake is 1\.3 ETH\n$/, 1],
      [['withdraw'], /^error: 0x[0-9a-fA-F]{40} has nothing unbonding \(start unbonding first: worker stake unstake ETH\)\n$/, 1]
    ]
    for (const [args, re, code] of cases) {
      const r = await stake(local, key, args)
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`)
      assert.match(r.stderr, re, args.join(' '))
      assert.ok(!r.stderr.includes(key.slice(2)) && !r.stdout.includes(key.slice(2)), 'the key is never printed')
    }
  })
})
