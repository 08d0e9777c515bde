import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createNode } from './createNode.ts'
import type { CotrainNode } from './createNode.ts'
import { ErrorCode } from './ProtocolError.ts'
import type { RejectedEventDetail } from './protocol.ts'
import { requestJoin, startJoinService } from './join.ts'
import { requestAssignment, startAssignService } from './assign.ts'
import { startSubmitService, submitUpdate } from './submit.ts'
import { fetchContent, startContentService } from './content.ts'
import { requestCheckpoint, startCheckpointService } from './checkpoint.ts'
import { listSubmissions, startSubmissionsService } from './submissions.ts'
import { contentIdBytes, contentIdOf } from '../hash/contentId.ts'
import { pb } from './messages.ts'
import { ASSIGN_PROTOCOL, CHECKPOINT_PROTOCOL, CONTENT_PROTOCOL, JOIN_PROTOCOL, SUBMISSIONS_PROTOCOL, SUBMIT_PROTOCOL } from './constants.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { mutateBytes } from './testing/mutateBytes.ts'
import { framed, rawRequest } from './testing/rawRequest.ts'
import { sampleAssignment, sampleCheckpointReply, sampleJoin, sampleSubmission, sampleSubmissionList } from './testing/sampleMessages.ts'
import type { TypedEventTarget } from '../events/TypedEventTarget.ts'
import type { ProtocolServiceEvents } from './protocol.ts'

const CASES_PER_PROTOCOL = 70

describe('handler fuzz over real streams (seeded)', function () {
  let server: CotrainNode
  let fuzzer: CotrainNode
  let honest: CotrainNode
  const honestSigner = privateKeyToAccount(generatePrivateKey())
  const fuzzSigner = privateKeyToAccount(generatePrivateKey())
  const blob = randomBytes(300_000)
  const rejected: RejectedEventDetail[] = []

  before(async () => {
    [server, fuzzer, honest] = await Promise.all([createNode(), createNode(), createNode()])
    const joins = await startJoinService(server, { onJoin: () => ({}) })
    const addressOf = joins.addressOf.bind(joins)
    const services = [
      joins,
      await startAssignService(server, { addressOf, onAssign: (req) => ({ ...sampleAssignment, round: req.round, workerAddress: req.workerAddress }) }),
      await startSubmitService(server, { addressOf, onSubmit: (s) => ({ round: s.round, commitment: s.commitment, receivedAt: 1 }) }),
      await startContentService(server, { provider: (id) => id === contentIdOf(blob) ? blob : undefined }),
      await startCheckpointService(server, {
        onCheckpointRequest: (req) => {
          if (req.index > 5) throw new Error('no such checkpoint')
          return { ...sampleCheckpointReply, round: req.round, index: req.index, leaf: { ...sampleCheckpointReply.leaf, round: req.round, index: req.index } }
        }
      }),
      await startSubmissionsService(server, {
        onList: (req) => {
          const list = sampleSubmissionList()
          return { ...list, round: req.round, submissions: list.submissions!.map((s) => ({ ...s, submission: { ...s.submission, round: req.round } })).slice(req.start) }
        }
      })
    ]
    for (const s of services as Array<TypedEventTarget<ProtocolServiceEvents>>) s.on('request:rejected', (d) => rejected.push(d))
    for (const n of [fuzzer, honest]) await n.dial(server.getMultiaddrs()[0])
    await requestJoin(fuzzer, server.peerId, { signer: fuzzSigner, capabilities: { backend: 'cpu' } })
    await requestJoin(honest, server.peerId, { signer: honestSigner, capabilities: { backend: 'cpu' } })
  })

  after(async () => {
    await Promise.all([server.stop(), fuzzer.stop(), honest.stop()])
  })

  it(`answers ${6 * CASES_PER_PROTOCOL} random and mutated requests with well-formed replies while serving an honest peer`, async () => {
    const fuzzAddress = Buffer.from(fuzzSigner.address.slice(2), 'hex')
    const targets = [
      { protocol: JOIN_PROTOCOL, response: pb.JoinResponse, seed: pb.Join.encode(await sampleJoin(fuzzer.peerId, server.peerId)).finish() },
      { protocol: ASSIGN_PROTOCOL, response: pb.AssignmentResponse, seed: pb.AssignmentRequest.encode({ round: 3, workerAddress: fuzzAddress }).finish() },
      { protocol: SUBMIT_PROTOCOL, response: pb.SubmitResponse, seed: pb.UpdateSubmission.encode({ ...sampleSubmission(64), workerAddress: fuzzAddress }).finish() },
      { protocol: CONTENT_PROTOCOL, response: pb.ContentResponse, seed: pb.ContentRequest.encode({ contentId: contentIdBytes(contentIdOf(blob)), offset: 299_000 }).finish() },
      { protocol: CHECKPOINT_PROTOCOL, response: pb.CheckpointResponse, seed: pb.CheckpointRequest.encode({ round: 3, index: 1 }).finish() },
      { protocol: SUBMISSIONS_PROTOCOL, response: pb.SubmissionsResponse, seed: pb.SubmissionsRequest.encode({ round: 3, start: 0, limit: 5 }).finish() }
    ]

    let stop = false
    let honestRounds = 0
    const honestTraffic = (async (): Promise<void> => {
      const me = Buffer.from(honestSigner.address.slice(2), 'hex')
      while (!stop) {
        await requestAssignment(honest, server.peerId, { round: 3, workerAddress: me })
        await submitUpdate(honest, server.peerId, { ...sampleSubmission(64), workerAddress: me, commitment: randomBytes(32) })
        assert.equal((await fetchContent(honest, server.peerId, contentIdOf(blob))).byteLength, blob.byteLength)
        await requestCheckpoint(honest, server.peerId, { round: 2, index: 1 })
        assert.equal((await listSubmissions(honest, server.peerId, { round: 3 })).submissions.length, 1)
        honestRounds++
      }
    })().then(() => undefined, (err: unknown) => err)

    const rng = SeededRandom.fromInteger(0x5eed)
    const outcomes = new Map<string, number>()
    try {
      for (let i = 0; i < CASES_PER_PROTOCOL; i++) {
        for (const t of targets) {
          const kind = i % 3
          const input = kind === 0
            ? rng.bytes(rng.uniformInt(300))
            : kind === 1 ? framed(rng.bytes(rng.uniformInt(300))) : mutateBytes(rng, framed(t.seed))
          const reply = await rawRequest(fuzzer, server.peerId, t.protocol, input)
          assert.ok(reply !== null, `${t.protocol} case ${i}: no reply to ${Buffer.from(input).toString('hex')}`)
          const res = t.response.decode(reply) as { error?: { code?: number } | null }
          const outcome = res.error != null ? ErrorCode[res.error.code ?? 0] : 'ok'
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
        }
      }
    } finally {
      stop = true
      const honestError = await honestTraffic
      if (honestError !== undefined) throw honestError
    }
    console.log(`      outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}, honest rounds meanwhile: ${honestRounds}`)
    assert.ok(honestRounds > 0)
    assert.ok((outcomes.get('ERROR_CODE_MALFORMED') ?? 0) > 50, JSON.stringify([...outcomes]))
    assert.ok((outcomes.get('ERROR_CODE_TOO_LARGE') ?? 0) > 0, JSON.stringify([...outcomes]))
    assert.ok(rejected.length >= 6 * CASES_PER_PROTOCOL - (outcomes.get('ok') ?? 0))
    // The node still serves everyone after the fuzz (a mutated but still
    // valid Join may have re-bound the fuzzer's peer, so join again first).
    await requestJoin(fuzzer, server.peerId, { signer: fuzzSigner, capabilities: { backend: 'cpu' } })
    await requestAssignment(fuzzer, server.peerId, { round: 3, workerAddress: fuzzAddress })
  })
})
