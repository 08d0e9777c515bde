import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createChainClient, getPendingProposals, readStaking, type ChainClient } from '../lib/chain/index.ts'
import { startLocalChain, type LocalChain } from '../lib/chain/startLocalChain.ts'
import { devChainRpc as rpc, runCli, type CliRun } from '../lib/cli/testing/runCli.ts'

/** Runs the real `admin` CLI as a process; the key only ever in the environment. */
async function admin (env: NodeJS.ProcessEnv, args: string[]): Promise<CliRun> {
  const clean: NodeJS.ProcessEnv = { ...process.env, ...env }
  delete clean.COTRAIN_CONTRACT
  if (env.COTRAIN_KEYSTORE === undefined) delete clean.COTRAIN_KEYSTORE
  return await runCli('admin/cli.ts', args, clean)
}

describe('admin (CLI against a hardhat node)', function () {
  this.timeout(180_000)
  let chain: LocalChain
  let dir: string
  let owner: NodeJS.ProcessEnv
  let contract: `0x${string}`
  let reader: ChainClient
  before(async () => {
    chain = await startLocalChain()
    dir = mkdtempSync(join(tmpdir(), 'cotrain-admin-'))
    owner = { COTRAIN_PRIVATE_KEY: chain.accounts[0].privateKey }
  })
  after(async () => {
    await chain?.stop()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  const ok = async (env: NodeJS.ProcessEnv, args: string[]): Promise<Record<string, any>> => {
    const r = await admin(env, [...args, '--rpc-url', chain.url, '--json'])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    return JSON.parse(r.stdout)
  }
  const fails = async (env: NodeJS.ProcessEnv, args: string[], line: RegExp): Promise<void> => {
    const r = await admin(env, [...args, '--rpc-url', chain.url])
    assert.notEqual(r.code, 0)
    assert.match(r.stderr.trimEnd(), line)
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
  }

  it('creates a keystore, deploys with it, funds, and shows the contract', async () => {
    const file = join(dir, 'owner.json')
    const r = await admin({ ...owner, COTRAIN_KEYSTORE_PASSWORD: 'correct horse battery' }, ['keystore', 'create', '--out', file, '--import', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const created = JSON.parse(r.stdout)
    assert.equal(created.address, chain.accounts[0].address)
    const [v1, v2] = [chain.accounts[1].address, chain.accounts[2].address]
    const deployed = await ok({ COTRAIN_KEYSTORE: file, COTRAIN_KEYSTORE_PASSWORD: 'correct horse battery' }, ['deploy', '--validators', `${v1},${v2}`, '--quorum', '2'])
    contract = deployed.address
    reader = await createChainClient({ rpcUrl: chain.url })
    assert.equal(deployed.owner, chain.accounts[0].address)
    const funded = await ok(owner, ['fund', '5', '--contract', contract])
    assert.equal(funded.rewardPool, 5n * 10n ** 18n + '')
    const shown = await ok({}, ['show', '--contract', contract])
    assert.equal(shown.owner, chain.accounts[0].address)
    assert.equal(shown.validatorCount, '2')
    assert.equal(shown.params.quorum, 2)
    assert.equal(shown.paused, false)
    assert.deepEqual(shown.pending, [])
  })

  it('adds a validator and changes parameters only after the change delay; removes, cancels, pauses', async () => {
    const v3 = chain.accounts[3].address
    const proposed = await ok(owner, ['validators', 'add', v3, '--contract', contract])
    assert.equal(proposed.action, 'proposed')
    await fails(owner, ['validators', 'add', v3, '--contract', contract], /^error: the proposal may be applied from \S+ \(owner changes wait changeDelay\(\) so contributors can exit first\)$/)
    const params = await ok(owner, ['params', 'propose', '--quorum', '3', '--contract', contract])
    const pending = await getPendingProposals(reader, { address: contract })
    assert.deepEqual(pending.map((p) => p.kind).sort(), ['params', 'validator'])
    await fails(owner, ['params', 'apply', '--contract', contract], /^error: the proposal may be applied from/)
    await rpc(chain.url, 'evm_increaseTime', [Number(await readStaking(reader, contract, 'changeDelay'))])
    assert.equal((await ok(owner, ['validators', 'add', v3, '--contract', contract])).action, 'added')
    await ok(owner, ['params', 'apply', '--contract', contract])
    assert.equal((await readStaking(reader, contract, 'params')).quorum, 3)
    assert.equal(await readStaking(reader, contract, 'validatorCount'), 3n)
    assert.equal(BigInt(params.eta), pending.find((p) => p.kind === 'params')!.eta)
    // out of bounds is refused at once; a proposal can be withdrawn
    await fails(owner, ['params', 'propose', '--slash-bps', '9000', '--contract', contract], /^error: slashBps = 9000 is outside \[100, 5000\]$/)
    await ok(owner, ['params', 'propose', '--slash-bps', '2000', '--contract', contract])
    await ok(owner, ['params', 'cancel', '--contract', contract])
    assert.deepEqual(await getPendingProposals(reader, { address: contract }), [])
    // quorum 3 of 2 would be refused on adding back; removal is immediate
    await ok(owner, ['validators', 'remove', v3, '--contract', contract])
    assert.equal((await ok(owner, ['pause', '--contract', contract])).paused, true)
    assert.equal((await ok(owner, ['unpause', '--contract', contract])).paused, false)
  })

  it('says in one line what is wrong: no contract at the address, not the owner, no key, bad input', async () => {
    const nowhere = chain.accounts[9].address
    await fails({}, ['show', '--contract', nowhere], new RegExp(`^error: no contract at ${nowhere} on http://127\\.0\\.0\\.1:\\d+ \\(check --contract and --rpc-url`))
    await fails({ COTRAIN_PRIVATE_KEY: chain.accounts[4].privateKey }, ['pause', '--contract', contract], /^error: 0x[0-9a-fA-F]{40} is not the owner of the staking contract$/)
    await fails({}, ['fund', '1', '--contract', contract], /^error: no signing key \(set COTRAIN_PRIVATE_KEY/)
    await fails(owner, ['fund', 'lots', '--contract', contract], /^error: admin fund needs an amount of ETH, not "lots"/)
    await fails(owner, ['validators', 'add', 'bob', '--contract', contract], /^error: validators add needs an address, not "bob"/)
  })
})
