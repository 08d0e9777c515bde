import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { Admission } from './Admission.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { requestJoin, startJoinService } from './join.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { retryWithBackoff } from './retryWithBackoff.ts'

const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 8700, gflops: 33, cpuCores: 2, memoryMib: 24000 }

describe('join admission', function () {
  this.timeout(120_000)

  it('refuses past the limit at once, with hints that spread the refused over the time the admitted take', async () => {
    let now = 0
    const admission = new Admission('joins', { limit: 2, initialMs: 100, now: () => now })
    const gates: Array<() => void> = []
    const running = [1, 2].map(async () => await admission.run(async () => { await new Promise<void>((resolve) => gates.push(resolve)) }))
    const hints: number[] = []
    for (let i = 0; i < 4; i++) {
      await assert.rejects(admission.run(async () => {}), (err: unknown) => {
        assert.ok(err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_BUSY)
        hints.push(err.retryAfterMs ?? 0)
        return true
      })
    }
    // Two finish per 100 ms: the refused come back 50 ms apart, after the current ones are done.
    assert.deepEqual(hints, [150, 200, 250, 300])
    now = 100
    for (const open of gates) open()
    await Promise.all(running)
    assert.equal(admission.running, 0)
    await admission.run(async () => {})
  })

  it('many simultaneous joins all complete without a timeout; the refused come back after the hint', async () => {
    const LIMIT = 3
    const WORKERS = 24
    // Room for every worker's connection: what is tested is the join protocol's admission, not libp2p's.
    const coordinator = await createNode({ expectedPeers: 100 })
    const workers: CotrainNode[] = []
    try {
      let inFlight = 0
      let maxInFlight = 0
      await startJoinService(coordinator, {
        maxJoinsInFlight: LIMIT,
        onJoin: async () => {
          inFlight++
          maxInFlight = Math.max(maxInFlight, inFlight)
          // A busy coordinator: each join takes a while (a store write, a chain read).
          await delay(200)
          inFlight--
          return {}
        }
      })
      workers.push(...await Promise.all(Array.from({ length: WORKERS }, async () => await createNode())))
      const target = coordinator.getMultiaddrs()[0]
      const retries: Array<{ hint: number | undefined, waited: number, code: number | undefined }> = []
      const started = Date.now()
      await Promise.all(workers.map(async (node) => {
        const signer = privateKeyToAccount(generatePrivateKey())
        await retryWithBackoff(async () => await requestJoin(node, target, { signer, capabilities }, { timeoutMs: 20_000 }), {
          onRetry: (err, _attempt, waited) => { retries.push({ hint: (err as ProtocolError).retryAfterMs, waited, code: (err as ProtocolError).code }) }
        })
      }))
      assert.ok(maxInFlight <= LIMIT, `${maxInFlight} joins worked on at once`)
      assert.ok(retries.length > 0, 'some joins were refused')
      for (const r of retries) {
        assert.equal(r.code, ErrorCode.ERROR_CODE_BUSY, 'every retry follows a BUSY refusal, none a timeout')
        assert.ok(r.hint !== undefined && r.hint > 0, 'every refusal carries a hint')
        assert.ok(r.waited >= r.hint && r.waited <= r.hint * 1.25 + 1, `waited ${r.waited} ms for a hint of ${r.hint} ms`)
      }
      // 24 joins of 200 ms, 3 at a time, take about 1.6 s; a blind back-off or a timeout would take far longer.
      assert.ok(Date.now() - started < 15_000, `all joined in ${Date.now() - started} ms`)
    } finally {
      await Promise.all([coordinator, ...workers].map(async (n) => { await n.stop() }))
    }
  })
})
