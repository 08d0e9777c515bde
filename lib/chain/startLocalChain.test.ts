import assert from 'node:assert/strict'
import { parseEther } from 'viem'
import { getBalance } from 'viem/actions'
import { oneLine } from '../errors.ts'
import { createChainClient } from './createChainClient.ts'
import { devAccounts, startLocalChain } from './startLocalChain.ts'

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('startLocalChain', function () {
  it('starts a real hardhat node on 127.0.0.1 with the funded dev accounts, and stops it', async function () {
    const chain = await startLocalChain()
    let stopped = false
    try {
      assert.match(chain.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.equal(chain.chainId, 31337)
      assert.equal(chain.accounts.length, 20)
      assert.equal(chain.accounts[0].address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
      const client = await createChainClient({ rpcUrl: chain.url })
      assert.equal(await getBalance(client, { address: chain.accounts[19].address }), parseEther('10000'))
      assert.ok(alive(chain.pid))
      await chain.stop()
      stopped = true
      assert.equal(alive(chain.pid), false)
      await assert.rejects(createChainClient({ rpcUrl: chain.url }), (e: unknown) => oneLine(e) === `cannot reach RPC at ${chain.url} (is the node running? check --rpc-url)`)
      await chain.stop() // idempotent
    } finally {
      if (!stopped) await chain.stop()
    }
  })

  it('fails in one line when the port is taken', async function () {
    const first = await startLocalChain()
    try {
      await assert.rejects(startLocalChain({ port: first.port, timeoutMs: 30_000 }), (e: unknown) => {
        const line = oneLine(e)
        return line === `port ${first.port} on 127.0.0.1 is in use (stop what listens there or choose another --port)`
      })
    } finally {
      await first.stop()
    }
  })

  it('derives the same dev keys as hardhat prints', function () {
    const [a0, a1] = devAccounts(2)
    assert.equal(a0.privateKey, '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
    assert.equal(a1.privateKey, '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
  })
})
