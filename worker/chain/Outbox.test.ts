import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { keccak256, parseEther, stringToHex, type Hash, type Hex } from 'viem'
import { getTransactionCount } from 'viem/actions'
import { getContribution } from '../../lib/chain/actions/getContribution.ts'
import { getContributionIdByHash } from '../../lib/chain/actions/getContributionIdByHash.ts'
import { registerContributor } from '../../lib/chain/actions/registerContributor.ts'
import { createChainClient, type WalletChainClient } from '../../lib/chain/createChainClient.ts'
import { accountFromPrivateKey } from '../../lib/chain/loadAccount.ts'
import { readStaking, writeStaking } from '../../lib/chain/stakingCall.ts'
import { startLocalStaking, type LocalStaking } from '../../lib/chain/testing/localStaking.ts'
import { TcpProxy } from '../../lib/chain/testing/TcpProxy.ts'
import { Outbox, type OutboxEntry, type OutboxEvents } from './Outbox.ts'
import { OutboxStoreError } from './OutboxStore.ts'

const hashOf = (s: string): Hex => keccak256(stringToHex(s))
const fastBackoff = { initialMs: 40, maxMs: 300 }

/** Resolves with the detail of the `n`-th `type` event that passes `filter`. */
async function nextEvent<K extends keyof OutboxEvents> (outbox: Outbox, type: K, filter: (d: OutboxEvents[K]) => boolean = () => true, n = 1): Promise<OutboxEvents[K]> {
  return await new Promise((resolve) => {
    let seen = 0
    const on = (e: CustomEvent<OutboxEvents[K]>): void => {
      if (filter(e.detail) && ++seen === n) { outbox.removeEventListener(type, on); resolve(e.detail) }
    }
    outbox.addEventListener(type, on)
  })
}

async function entriesOnDisk (dir: string): Promise<OutboxEntry[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  return await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as OutboxEntry))
}

describe('worker Outbox against hardhat node', function () {
  let local: LocalStaking
  let owner: WalletChainClient
  let worker: WalletChainClient
  let root: string
  let n = 0
  const newDir = (): string => join(root, `outbox-${n++}`)
  const submissions = async (): Promise<bigint> => await readStaking(owner, local.address, 'nextContributionId') - 1n
  const setAutomine = async (on: boolean): Promise<void> => { await owner.request({ method: 'evm_setAutomine', params: [on] } as never) }
  const mine = async (): Promise<void> => { await owner.request({ method: 'evm_mine' } as never) }

  before(async function () {
    local = await startLocalStaking()
    owner = await local.clientFor(0)
    worker = await local.clientFor(1)
    await registerContributor(worker, { address: local.address, stake: parseEther('5') })
    root = await mkdtemp(join(tmpdir(), 'cotrain-outbox-'))
  })
  after(async function () {
    await local?.stop()
    if (root != null) await rm(root, { recursive: true, force: true })
  })

  it('queues while the RPC is unreachable, loses nothing, and delivers each exactly once when it is back', async function () {
    const proxy = await TcpProxy.start({ target: local.chain.port })
    const client = await createChainClient({ rpcUrl: proxy.url, account: worker.account, chainId: local.chain.chainId, pollingIntervalMs: 50, retryCount: 0, timeoutMs: 2000 })
    await proxy.cut()
    const dir = newDir()
    const outbox = new Outbox({ dir, client, address: local.address, backoff: fastBackoff })
    const before = await submissions()
    try {
      const retries = nextEvent(outbox, 'outbox:retry', () => true, 3)
      await outbox.start()
      const hashes = [hashOf('outage 1'), hashOf('outage 2'), hashOf('outage 3')]
      const entries: OutboxEntry[] = []
      for (const dataHash of hashes) entries.push(await outbox.submitContribution({ dataHash }))
      const retry = await retries
      assert.match(retry.error.message, new RegExp(`^cannot reach RPC at ${proxy.url} \\(is the node running\\? check --rpc-url\\)$`))
      assert.ok(retry.delayMs >= 20 && retry.delayMs <= 300)
      // The same commitment again is the same entry, not a second submission.
      assert.equal((await outbox.submitContribution({ dataHash: hashes[1] })).id, entries[1].id)
      const onDisk = await entriesOnDisk(dir)
      assert.equal(onDisk.length, 3)
      assert.ok(onDisk.every((e) => e.state === 'pending' && e.tx == null))
      assert.ok(onDisk[0].attempts >= 3 && onDisk[0].lastError?.startsWith('cannot reach RPC'))
      assert.equal(await submissions(), before)

      await proxy.restore()
      const done = await Promise.all(entries.map(async (e) => await outbox.waitFor(e.id)))
      assert.equal(await submissions(), before + 3n)
      for (const [i, e] of done.entries()) {
        assert.equal(e.state, 'confirmed')
        assert.equal(e.result?.contributionId, await getContributionIdByHash(owner, { address: local.address, dataHash: hashes[i], contributor: worker.account.address }))
        assert.match(e.result?.txHash ?? '', /^0x[0-9a-f]{64}$/)
      }
      assert.deepEqual((await entriesOnDisk(dir)).map((e) => e.state), ['confirmed', 'confirmed', 'confirmed'])
    } finally {
      await outbox.stop()
      await proxy.stop()
    }
  })

  it('an outage between broadcast and receipt settles the recorded transaction', async function () {
    const proxy = await TcpProxy.start({ target: local.chain.port })
    const client = await createChainClient({ rpcUrl: proxy.url, account: worker.account, chainId: local.chain.chainId, pollingIntervalMs: 50, retryCount: 0, timeoutMs: 2000 })
    const outbox = new Outbox({ dir: newDir(), client, address: local.address, backoff: fastBackoff })
    const before = await submissions()
    await setAutomine(false)
    try {
      const sent = nextEvent(outbox, 'outbox:sent')
      await outbox.start()
      const entry = await outbox.submitContribution({ dataHash: hashOf('outage after send') })
      const { hash } = await sent
      const retry = nextEvent(outbox, 'outbox:retry')
      await proxy.cut()
      await mine()
      assert.match((await retry).error.message, /^cannot reach RPC/)
      await proxy.restore()
      const done = await outbox.waitFor(entry.id)
      assert.equal(done.result?.txHash, hash)
    } finally {
      await setAutomine(true)
      await outbox.stop()
      await proxy.stop()
    }
    assert.equal(await submissions(), before + 1n)
  })

  it('a restart after the send (transaction still in the mempool) does not submit twice', async function () {
    const dir = newDir()
    const dataHash = hashOf('restart in mempool')
    const before = await submissions()
    const nonceBefore = await getTransactionCount(owner, { address: worker.account.address })
    await setAutomine(false)
    try {
      const first = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
      const sent = nextEvent(first, 'outbox:sent')
      await first.start()
      const entry = await first.submitContribution({ dataHash })
      const { hash } = await sent
      await first.stop() // the "crash": the entry on disk says sent, nothing recorded
      const [stored] = (await entriesOnDisk(dir)).filter((e) => e.id === entry.id)
      assert.equal(stored.state, 'sent')
      assert.equal(stored.tx?.hash, hash)

      const second = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
      await second.start()
      try {
        await mine()
        const done = await second.waitFor(entry.id)
        assert.equal(done.result?.txHash, hash)
        assert.equal(done.result?.alreadyDone, undefined)
      } finally {
        await second.stop()
      }
    } finally {
      await setAutomine(true)
    }
    assert.equal(await submissions(), before + 1n)
    assert.equal(await getTransactionCount(owner, { address: worker.account.address }), nonceBefore + 1)
  })

  it('re-broadcasts the same signed bytes when the node dropped the transaction', async function () {
    const dir = newDir()
    const before = await submissions()
    await setAutomine(false)
    let hash: Hash
    let id: string
    try {
      const first = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
      const sent = nextEvent(first, 'outbox:sent')
      await first.start()
      id = (await first.submitContribution({ dataHash: hashOf('dropped') })).id
      hash = (await sent).hash
      await first.stop()
      await owner.request({ method: 'hardhat_dropTransaction', params: [hash] } as never)
    } finally {
      await setAutomine(true)
    }
    const second = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
    const resent = nextEvent(second, 'outbox:sent')
    await second.start()
    try {
      assert.equal((await resent).hash, hash)
      assert.equal((await second.waitFor(id)).result?.txHash, hash)
    } finally {
      await second.stop()
    }
    assert.equal(await submissions(), before + 1n)
  })

  it('re-signs with a fresh nonce when another transaction took the recorded one', async function () {
    const dir = newDir()
    const before = await submissions()
    await setAutomine(false)
    let recorded: Hash
    let id: string
    try {
      const first = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
      const sent = nextEvent(first, 'outbox:sent')
      await first.start()
      id = (await first.submitContribution({ dataHash: hashOf('nonce taken') })).id
      recorded = (await sent).hash
      await first.stop()
      await owner.request({ method: 'hardhat_dropTransaction', params: [recorded] } as never)
      // Another process on the same key spends the nonce first.
      await setAutomine(true)
      await writeStaking(worker, { address: local.address, functionName: 'addStake', value: parseEther('0.1') })
    } finally {
      await setAutomine(true)
    }
    const second = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
    await second.start()
    try {
      const done = await second.waitFor(id)
      assert.notEqual(done.result?.txHash, recorded)
      assert.ok((done.result?.contributionId ?? 0n) > 0n)
    } finally {
      await second.stop()
    }
    assert.equal(await submissions(), before + 1n)
  })

  it('a crash that lost the record finds the submission on chain by its hash', async function () {
    const dir = newDir()
    const dataHash = hashOf('record lost')
    const first = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
    await first.start()
    const entry = await first.submitContribution({ dataHash })
    const mined = await first.waitFor(entry.id)
    await first.stop()
    // Roll the file back to "never sent", as if the process died before writing anything.
    const path = join(dir, `${entry.id}.json`)
    await writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), state: 'pending', tx: undefined, result: undefined }))
    const before = await submissions()

    const second = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
    await second.start()
    try {
      const done = await second.waitFor(entry.id)
      assert.equal(done.result?.alreadyDone, true)
      assert.equal(done.result?.contributionId, mined.result?.contributionId)
      assert.equal(done.result?.txHash, mined.result?.txHash)
      assert.equal(done.result?.blockNumber, mined.result?.blockNumber)
    } finally {
      await second.stop()
    }
    assert.equal(await submissions(), before)
  })

  it('survives a real kill -9 between send and record', async function () {
    const dir = newDir()
    const dataHash = hashOf('kill -9')
    const before = await submissions()
    await setAutomine(false)
    try {
      const child = spawn(process.execPath, [fileURLToPath(new URL('./testing/outboxChild.ts', import.meta.url))], {
        env: { ...process.env, COTRAIN_PRIVATE_KEY: local.chain.accounts[1].privateKey, RPC_URL: local.chain.url, STAKING: local.address, OUTBOX_DIR: dir, DATA_HASH: dataHash },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      const lines = createInterface({ input: child.stdout })
      const [line] = await once(lines, 'line') as [string]
      assert.match(line, /^SENT 0x[0-9a-f]{64}$/)
      child.kill('SIGKILL')
      await once(child, 'exit')
      const [stored] = await entriesOnDisk(dir)
      assert.equal(stored.state, 'sent')
      assert.equal(await readFile(join(dir, 'outbox.lock'), 'utf8'), `${child.pid}\n`) // stale lock left behind

      const second = new Outbox({ dir, client: worker, address: local.address, backoff: fastBackoff })
      await second.start()
      try {
        await mine()
        const done = await second.waitFor(stored.id)
        assert.equal(done.result?.txHash, line.slice(5))
        const c = await getContribution(owner, { address: local.address, id: done.result?.contributionId as bigint })
        assert.equal(c.dataHash, dataHash)
      } finally {
        await second.stop()
      }
    } finally {
      await setAutomine(true)
    }
    assert.equal(await submissions(), before + 1n)
  })

  it('stops retrying on a permanent error and reports it', async function () {
    const stranger = await local.clientFor(3) // never registered
    const outbox = new Outbox({ dir: newDir(), client: stranger, address: local.address, backoff: fastBackoff })
    let retries = 0
    outbox.addEventListener('outbox:retry', () => { retries++ })
    const failed = nextEvent(outbox, 'outbox:failed')
    await outbox.start()
    try {
      const entry = await outbox.submitContribution({ dataHash: hashOf('not registered') })
      const { error, entry: reported } = await failed
      assert.equal(reported.id, entry.id)
      assert.equal(reported.state, 'failed')
      assert.match(error.message, /^0x[0-9a-fA-F]{40} is not registered as a contributor \(register first/)
      await assert.rejects(outbox.waitFor(entry.id), /is not registered as a contributor/)
      assert.equal(retries, 0)
    } finally {
      await outbox.stop()
    }
  })

  it('retries while the contract is paused, then delivers', async function () {
    const outbox = new Outbox({ dir: newDir(), client: worker, address: local.address, backoff: fastBackoff })
    await writeStaking(owner, { address: local.address, functionName: 'pause' })
    const retry = nextEvent(outbox, 'outbox:retry')
    await outbox.start()
    try {
      const entry = await outbox.submitContribution({ dataHash: hashOf('paused') })
      assert.equal((await retry).error.message, 'the staking contract is paused (wait until its owner unpauses it)')
      await writeStaking(owner, { address: local.address, functionName: 'unpause' })
      assert.equal((await outbox.waitFor(entry.id)).state, 'confirmed')
    } finally {
      await writeStaking(owner, { address: local.address, functionName: 'unpause' }).catch(() => {})
      await outbox.stop()
    }
  })

  it('registers through the outbox once, and treats a second registration as done', async function () {
    const fresh = await createChainClient({ rpcUrl: local.chain.url, account: accountFromPrivateKey(local.chain.accounts[4].privateKey), pollingIntervalMs: 50 })
    const outbox = new Outbox({ dir: newDir(), client: fresh, address: local.address, backoff: fastBackoff })
    await outbox.start()
    try {
      const a = await outbox.waitFor((await outbox.enqueue({ kind: 'registerContributor', stake: parseEther('1') })).id)
      assert.equal(a.result?.alreadyDone, undefined)
      const b = await outbox.waitFor((await outbox.enqueue({ kind: 'registerContributor', stake: parseEther('1') })).id)
      assert.equal(b.result?.alreadyDone, true)
      const c = await outbox.waitFor((await outbox.submitContribution({ dataHash: hashOf('after register') })).id)
      assert.ok((c.result?.contributionId ?? 0n) > 0n)
    } finally {
      await outbox.stop()
    }
  })

  it('refuses a folder another live outbox holds', async function () {
    const dir = newDir()
    const a = new Outbox({ dir, client: worker, address: local.address })
    await a.start()
    try {
      const b = new Outbox({ dir, client: worker, address: local.address })
      await assert.rejects(b.start(), (e: unknown) => e instanceof OutboxStoreError && e.message.startsWith(`outbox ${dir} is in use by process ${process.pid}`))
    } finally {
      await a.stop()
    }
  })
})
