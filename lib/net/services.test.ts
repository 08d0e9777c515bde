import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { bytesToHex } from 'viem'
import { HashMismatchError, MessageTooLargeError } from '../errors.ts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import type { RejectedEventDetail } from './protocol.ts'
import { sendRequest, startAnsweringService } from './protocol.ts'
import type { HandlerContext } from './protocol.ts'
import { lpStream } from '@libp2p/utils'
import { joinProtocol, requestJoin, startJoinService } from './join.ts'
import type { JoinService } from './join.ts'
import { signJoinBinding } from './joinBinding.ts'
import { requestAssignment, startAssignService } from './assign.ts'
import type { AssignService } from './assign.ts'
import { startSubmitService, submitUpdate } from './submit.ts'
import { requestCheckpoint, startCheckpointService } from './checkpoint.ts'
import { listSubmissions, startSubmissionsService } from './submissions.ts'
import { startContentService } from './content.ts'
import { contentIdBytes, contentIdOf } from '../hash/contentId.ts'
import { pb } from './messages.ts'
import { ASSIGN_PROTOCOL, JOIN_PROTOCOL, LIMITS, SUBMIT_PROTOCOL } from './constants.ts'
import { framed, rawRequest, varint } from './testing/rawRequest.ts'
import { sampleAssignment, sampleCheckpointReply, sampleJoin, sampleSubmission, sampleSubmissionList, sampleWait } from './testing/sampleMessages.ts'

const refused = (code: ErrorCode) => (e: unknown) => e instanceof ProtocolError && e.remote && e.code === code
const capabilities = { backend: 'wasm', tfjsVersion: '4.22.0', simd: true, samplesPerSecond: 8700, gflops: 33, cpuCores: 2, memoryMib: 24000 }

describe('request/response services between in-process nodes', function () {
  let coordinator: CotrainNode
  let worker: CotrainNode
  let intruder: CotrainNode
  let joins: JoinService
  let assign: AssignService
  const signer = privateKeyToAccount(generatePrivateKey())
  const rejected: RejectedEventDetail[] = []
  const submitted = new Set<string>()
  let assignBehaviour: 'ok' | 'wait' | 'stale' | 'crash' | 'hang' = 'ok'

  before(async () => {
    [coordinator, worker, intruder] = await Promise.all([createNode(), createNode(), createNode()])
    joins = await startJoinService(coordinator, {
      onJoin: ({ join }) => {
        if (join.capabilities?.backend === 'refuse-me') throw new ProtocolError(ErrorCode.ERROR_CODE_FORBIDDEN, 'address has no stake')
        return {}
      }
    })
    joins.on('request:rejected', (d) => rejected.push(d))
    const addressOf = joins.addressOf.bind(joins)
    assign = await startAssignService(coordinator, {
      addressOf,
      timeoutMs: 500,
      onAssign: async (req) => {
        if (assignBehaviour === 'stale') throw new ProtocolError(ErrorCode.ERROR_CODE_STALE, `round ${req.round} is closed`)
        if (assignBehaviour === 'crash') throw new Error('sqlite at /secret/path is locked')
        if (assignBehaviour === 'hang') await new Promise(() => {})
        if (assignBehaviour === 'wait' || req.round === 0) return { ...sampleWait, workerAddress: req.workerAddress }
        return { ...sampleAssignment, round: req.round, workerAddress: req.workerAddress }
      }
    })
    await startSubmitService(coordinator, {
      addressOf,
      onSubmit: (s) => {
        const key = bytesToHex(s.commitment)
        if (submitted.has(key)) throw new ProtocolError(ErrorCode.ERROR_CODE_DUPLICATE, 'commitment already submitted')
        submitted.add(key)
        return { round: s.round, commitment: s.commitment, receivedAt: 1 }
      }
    })
    for (const n of [worker, intruder]) await n.dial(coordinator.getMultiaddrs()[0])
  })

  after(async () => {
    await Promise.all([coordinator, worker, intruder].map(async (n) => { await n.stop() }))
  })

  describe('join', () => {
    it('accepts a valid binding and remembers the address for the peer', async () => {
      const { accepted, coordinator: peer } = await requestJoin(worker, coordinator.getMultiaddrs()[0], { signer, capabilities })
      assert.ok(peer.equals(coordinator.peerId))
      assert.equal(accepted.announcementTopic, 'cotrain/v2/rounds')
      assert.equal(joins.addressOf(worker.peerId), signer.address)
    })

    it('refuses a forged binding (signed by another key)', async () => {
      const binding = await signJoinBinding({ signer: privateKeyToAccount(generatePrivateKey()), workerPeerId: intruder.peerId, coordinatorPeerId: coordinator.peerId })
      const forged = { capabilities, ...binding, workerAddress: Buffer.from(signer.address.slice(2), 'hex') }
      await assert.rejects(sendRequest(intruder, coordinator.peerId, joinProtocol, forged), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
      assert.equal(joins.addressOf(intruder.peerId), undefined)
      assert.equal(rejected.at(-1)?.codeName, 'UNAUTHENTICATED')
    })

    it('refuses a binding copied from another peer, and a reused nonce', async () => {
      const join = await sampleJoin(worker.peerId, coordinator.peerId)
      await assert.rejects(sendRequest(intruder, coordinator.peerId, joinProtocol, join), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
      await sendRequest(worker, coordinator.peerId, joinProtocol, join)
      await assert.rejects(sendRequest(worker, coordinator.peerId, joinProtocol, join), refused(ErrorCode.ERROR_CODE_DUPLICATE))
      // Restore the worker's own binding for the tests below.
      await requestJoin(worker, coordinator.peerId, { signer, capabilities })
    })

    it('passes the callback\'s refusal on', async () => {
      await assert.rejects(requestJoin(intruder, coordinator.peerId, { signer: privateKeyToAccount(generatePrivateKey()), capabilities: { ...capabilities, backend: 'refuse-me' } }),
        (e: unknown) => refused(ErrorCode.ERROR_CODE_FORBIDDEN)(e) && /no stake/.test((e as Error).message))
    })
  })

  describe('assign', () => {
    it('serves a joined worker its assignment', async () => {
      const a = await requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: signer.address })
      assert.equal(a.totalSamples, 1000)
      assert.equal(a.shards.length, 2)
    })

    it('tells a worker to wait when there is no work', async () => {
      const a = await requestAssignment(worker, coordinator.peerId, { round: 0, workerAddress: signer.address })
      assert.equal(a.shards.length, 0)
      assert.equal(a.retryAfter, 5)
    })

    it('refuses peers that have not joined, and requests for another address', async () => {
      await assert.rejects(requestAssignment(intruder, coordinator.peerId, { round: 3, workerAddress: signer.address }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
      await assert.rejects(requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: new Uint8Array(20).fill(1) }), refused(ErrorCode.ERROR_CODE_FORBIDDEN))
    })

    it('passes stale-round errors on, hides internal errors, times out hung handlers', async () => {
      try {
        assignBehaviour = 'stale'
        await assert.rejects(requestAssignment(worker, coordinator.peerId, { round: 2, workerAddress: signer.address }), refused(ErrorCode.ERROR_CODE_STALE))
        assignBehaviour = 'crash'
        await assert.rejects(requestAssignment(worker, coordinator.peerId, { round: 2, workerAddress: signer.address }),
          (e: unknown) => refused(ErrorCode.ERROR_CODE_INTERNAL)(e) && !/secret/.test((e as Error).message))
        assignBehaviour = 'hang'
        await assert.rejects(requestAssignment(worker, coordinator.peerId, { round: 2, workerAddress: signer.address }), refused(ErrorCode.ERROR_CODE_TIMEOUT))
      } finally {
        assignBehaviour = 'ok'
      }
      await requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: signer.address })
    })

    it('stops serving after stop() and serves again after start()', async () => {
      await assign.stop()
      await assert.rejects(requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: signer.address }))
      await assign.start()
      await requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: signer.address })
    })
  })

  describe('submit', () => {
    const mine = (): ReturnType<typeof sampleSubmission> => ({ ...sampleSubmission(1000), workerAddress: Buffer.from(signer.address.slice(2), 'hex'), commitment: randomBytes(32) })

    it('acks a submission once and refuses the duplicate', async () => {
      const s = mine()
      const ack = await submitUpdate(worker, coordinator.peerId, s)
      assert.deepEqual(Buffer.from(ack.commitment), Buffer.from(s.commitment!))
      await assert.rejects(submitUpdate(worker, coordinator.peerId, s), refused(ErrorCode.ERROR_CODE_DUPLICATE))
    })

    it('refuses a submission from a peer that has not joined, for someone else\'s address', async () => {
      await assert.rejects(submitUpdate(intruder, coordinator.peerId, mine()), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
    })

    it('refuses to send an oversized submission', async () => {
      const s = { ...mine(), encoding: pb.DeltaEncoding.DELTA_ENCODING_FLOAT32, numParams: LIMITS.submitRequest / 4, delta: new Uint8Array(LIMITS.submitRequest), scales: new Uint8Array(0) }
      await assert.rejects(submitUpdate(worker, coordinator.peerId, s), MessageTooLargeError)
    })
  })

  describe('bad input on the wire', () => {
    const errorOf = (reply: Uint8Array | null): string => {
      assert.ok(reply !== null, 'expected an error reply')
      const res = pb.JoinResponse.decode(reply)
      assert.ok(res.error != null, 'expected an error, got a result')
      return ErrorCode[res.error.code!]
    }

    it('replies TOO_LARGE to an oversized message, MALFORMED to garbage, then serves a good client', async () => {
      const big = framed(randomBytes(LIMITS.joinRequest + 1))
      assert.equal(errorOf(await rawRequest(intruder, coordinator.peerId, JOIN_PROTOCOL, big)), 'ERROR_CODE_TOO_LARGE')
      // A length prefix announcing 1 GiB: refused before any body is read.
      assert.equal(errorOf(await rawRequest(intruder, coordinator.peerId, SUBMIT_PROTOCOL, varint(1 << 30))), 'ERROR_CODE_UNAUTHENTICATED')
      assert.equal(errorOf(await rawRequest(worker, coordinator.peerId, SUBMIT_PROTOCOL, varint(1 << 30))), 'ERROR_CODE_TOO_LARGE')
      assert.equal(errorOf(await rawRequest(intruder, coordinator.peerId, JOIN_PROTOCOL, framed(randomBytes(100)))), 'ERROR_CODE_MALFORMED')
      assert.equal(errorOf(await rawRequest(intruder, coordinator.peerId, JOIN_PROTOCOL, Uint8Array.from([0x80, 0x80]))), 'ERROR_CODE_MALFORMED')
      assert.equal(errorOf(await rawRequest(intruder, coordinator.peerId, JOIN_PROTOCOL, new Uint8Array(0))), 'ERROR_CODE_MALFORMED')
      // Schema: a decodable AssignmentRequest with a 3-byte address.
      const short = framed(pb.AssignmentRequest.encode({ round: 1, workerAddress: new Uint8Array(3) }).finish())
      assert.equal(errorOf(await rawRequest(worker, coordinator.peerId, ASSIGN_PROTOCOL, short)), 'ERROR_CODE_MALFORMED')
      await assert.rejects(intruder.dialProtocol(coordinator.peerId, '/cotrain/nonsense/1.0.0'))
      await requestAssignment(worker, coordinator.peerId, { round: 3, workerAddress: signer.address })
      await requestJoin(intruder, coordinator.peerId, { signer: privateKeyToAccount(generatePrivateKey()), capabilities })
    })
  })

  describe('submissions', () => {
    it('lists a round\'s submissions a page at a time, refusing pages over the limit', async () => {
      const one = sampleSubmissionList().submissions![0]
      const all = Array.from({ length: 25 }, (_, i) => ({ ...one, workerPeerId: `peer-${i}` }))
      const service = await startSubmissionsService(coordinator, {
        onList: ({ round, start, limit }) => {
          if (round !== 3) throw new ProtocolError(ErrorCode.ERROR_CODE_NOT_FOUND, `no round ${round}`)
          // limit 9999 asks for one huge page: each summary padded to ~300 KiB.
          if (limit === 9999) return { round, total: 25, submissions: all.map((s) => ({ ...s, submission: { ...s.submission, leafCount: 16000, leaves: Array.from({ length: 16000 }, () => ({ loss: 1.5, updateNorm: 0.1 })) } })) }
          return { round, total: all.length, submissions: all.slice(start, start + (limit || 10)) }
        }
      })
      try {
        const seen: string[] = []
        for (let start = 0, total = 1; start < total;) {
          const page = await listSubmissions(intruder, coordinator.peerId, { round: 3, start })
          total = page.total
          start += page.submissions.length
          seen.push(...page.submissions.map((s) => s.workerPeerId ?? ''))
        }
        assert.equal(seen.length, 25)
        assert.equal(seen[24], 'peer-24')
        await assert.rejects(listSubmissions(intruder, coordinator.peerId, { round: 4 }), refused(ErrorCode.ERROR_CODE_NOT_FOUND))
        await assert.rejects(listSubmissions(intruder, coordinator.peerId, { round: 3, limit: 9999 }), refused(ErrorCode.ERROR_CODE_TOO_LARGE))
      } finally {
        await service.stop()
      }
    })
  })

  describe('checkpoint', () => {
    it('returns an inline checkpoint, or fetches a large one by content id, hash-checked', async () => {
      const small = randomBytes(1000)
      const large = randomBytes(LIMITS.inlineCheckpoint + 5000)
      let lie = false
      const content = await startContentService(worker, { provider: (id) => id === contentIdOf(large) ? large : undefined })
      const service = await startCheckpointService(worker, {
        onCheckpointRequest: (req) => {
          const bytes = req.index === 1 ? small : large
          const inline = req.index === 1 ? (lie ? randomBytes(1000) : small) : undefined
          return { ...sampleCheckpointReply, index: req.index, leaf: { ...sampleCheckpointReply.leaf, index: req.index }, checkpointId: contentIdBytes(contentIdOf(bytes)), checkpointSize: bytes.byteLength, checkpoint: inline }
        }
      })
      try {
        const a = await requestCheckpoint(coordinator, worker.peerId, { round: 3, index: 1 })
        assert.ok(Buffer.from(a.checkpoint).equals(small))
        assert.equal(a.reply.proof.length, 2)
        const b = await requestCheckpoint(coordinator, worker.peerId, { round: 3, index: 2 })
        assert.ok(Buffer.from(b.checkpoint).equals(large))
        lie = true
        await assert.rejects(requestCheckpoint(coordinator, worker.peerId, { round: 3, index: 1 }), HashMismatchError)
      } finally {
        await service.stop()
        await content.stop()
      }
    })
  })

  describe('deadlines and stop', () => {
    /** A join service on the coordinator node whose handler waits for its signal, and what that signal said. */
    const waitingService = async (options: { readTimeoutMs?: number } = {}): Promise<{ service: { stop: () => Promise<void> }, aborted: Promise<unknown>, rejected: RejectedEventDetail[] }> => {
      let onAbort: (reason: unknown) => void = () => {}
      const aborted = new Promise<unknown>((resolve) => { onAbort = resolve })
      const service = await startAnsweringService(coordinator, { ...joinProtocol, id: '/cotrain/test-deadlines/1.0.0' }, async (_req, ctx: HandlerContext) => {
        return await new Promise<never>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => { onAbort(ctx.signal.reason); reject(ctx.signal.reason) }, { once: true })
        })
      }, options)
      const rejected: RejectedEventDetail[] = []
      service.addEventListener('request:rejected', (e) => { rejected.push(e.detail) })
      return { service, aborted, rejected }
    }

    it('refuses a request that does not arrive in readTimeoutMs with TIMEOUT', async () => {
      const { service, rejected } = await waitingService({ readTimeoutMs: 200 })
      try {
        const stream = await worker.dialProtocol(coordinator.peerId, '/cotrain/test-deadlines/1.0.0')
        const started = Date.now()
        const reply = await lpStream(stream).read({ signal: AbortSignal.timeout(5_000) })
        const res = pb.JoinResponse.decode(reply.subarray())
        assert.equal(res.error?.code, ErrorCode.ERROR_CODE_TIMEOUT)
        assert.ok(Date.now() - started < 2_000, `replied after ${Date.now() - started} ms`)
        assert.deepEqual(rejected.map((r) => [r.codeName, r.message]), [['TIMEOUT', 'no complete request in time']])
      } finally {
        await service.stop()
      }
    })

    it('stop() aborts the requests being served, with the reason', async () => {
      const { service, aborted } = await waitingService()
      const reply = sendRequest(worker, coordinator.peerId, { ...joinProtocol, id: '/cotrain/test-deadlines/1.0.0' }, await sampleJoin(worker.peerId, coordinator.peerId))
      reply.catch(() => {})
      // The handler is running once the request has been read.
      await new Promise((resolve) => setTimeout(resolve, 300))
      await service.stop()
      assert.match(String((await aborted as Error).message), /join service stopped/)
      await assert.rejects(reply)
    })
  })
})
