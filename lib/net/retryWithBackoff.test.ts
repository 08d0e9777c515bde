import assert from 'node:assert/strict'
import { freePort } from '../chain/startLocalChain.ts'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { requestJoin, startJoinService } from './join.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { backoffDelay, isTransientError, retryWithBackoff } from './retryWithBackoff.ts'

const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 8700, gflops: 33, cpuCores: 2, memoryMib: 24000 }

describe('retryWithBackoff', function () {
  it('spreads delays over [d/2, d] with d doubling up to the ceiling', () => {
    assert.equal(backoffDelay(1, { baseMs: 100, random: () => 0 }), 50)
    assert.equal(backoffDelay(1, { baseMs: 100, random: () => 0.999999 }), 100)
    assert.equal(backoffDelay(4, { baseMs: 100, random: () => 0 }), 400)
    assert.equal(backoffDelay(40, { baseMs: 100, maxMs: 5000, random: () => 0.999999 }), 5000)
    // A fleet that failed at the same moment comes back spread out, not at once.
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(5, { baseMs: 500 })))
    assert.ok(delays.size > 50, `only ${delays.size} distinct delays`)
  })

  it('retries transient failures and stops at once on a refusal', async () => {
    let calls = 0
    const got = await retryWithBackoff(async () => {
      if (++calls < 3) throw new ProtocolError(ErrorCode.ERROR_CODE_BUSY, 'busy', { remote: true })
      return 'ok'
    }, { baseMs: 1 })
    assert.equal(got, 'ok')
    assert.equal(calls, 3)

    calls = 0
    const forbidden = new ProtocolError(ErrorCode.ERROR_CODE_FORBIDDEN, 'no stake', { remote: true })
    await assert.rejects(retryWithBackoff(async () => { calls++; throw forbidden }, { baseMs: 1 }), (e) => e === forbidden)
    assert.equal(calls, 1)
    assert.equal(isTransientError(new Error('ECONNREFUSED')), true)
    assert.equal(isTransientError(new ProtocolError(ErrorCode.ERROR_CODE_STALE, 'old', { remote: true })), false)
  })

  it('gives up after giveUpAfterMs and when aborted', async () => {
    let t = 0
    let calls = 0
    await assert.rejects(retryWithBackoff(async () => { calls++; t += 400; throw new Error('down') }, { baseMs: 1, giveUpAfterMs: 1000, now: () => t }), /down/)
    assert.equal(calls, 3)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('stopped')), 50)
    await assert.rejects(retryWithBackoff(async () => { throw new Error('down') }, { baseMs: 20, maxMs: 20, signal: controller.signal }), /stopped/)
  })

  describe('a worker joining a coordinator that is not up yet (a restart)', function () {
    this.timeout(20_000)
    let coordinator: CotrainNode | undefined
    let worker: CotrainNode | undefined
    after(async () => { await coordinator?.stop(); await worker?.stop() })

    it('keeps dialling with back-off and joins once the coordinator listens on its fixed port', async () => {
      const port = await freePort()
      const key = await generateKeyPair('Ed25519')
      coordinator = await createNode({ privateKey: key, listen: [`/ip4/127.0.0.1/tcp/${port}`], start: false })
      worker = await createNode()
      const target = multiaddr(`/ip4/127.0.0.1/tcp/${port}/p2p/${coordinator.peerId.toString()}`)
      const signer = privateKeyToAccount(generatePrivateKey())
      const failures: unknown[] = []
      const joined = retryWithBackoff(async () => await requestJoin(worker!, target, { signer, capabilities }, { timeoutMs: 3000 }), {
        baseMs: 100, maxMs: 400, giveUpAfterMs: 15_000, onRetry: (err) => failures.push(err)
      })
      await new Promise((resolve) => setTimeout(resolve, 700))
      await coordinator.start()
      await startJoinService(coordinator, { onJoin: () => ({}) })
      const { coordinator: peer } = await joined
      assert.equal(peer.toString(), coordinator.peerId.toString())
      assert.ok(failures.length >= 1, 'the first attempts found nobody listening')
    })
  })
})
