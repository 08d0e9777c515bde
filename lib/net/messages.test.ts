import assert from 'node:assert/strict'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { CotrainError, InvalidInputError } from '../errors.ts'
import {
  checkAssignment, checkUpdateSubmission, decodeAssignmentRequest, decodeHaveNotice, decodeCheckpointRequest, decodeContentRequest, decodeJoin,
  decodeRoundAnnouncement, decodeSubmissionsRequest, decodeUpdateSubmission, pb
} from './messages.ts'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { joinProtocol } from './join.ts'
import { assignProtocol } from './assign.ts'
import { submitProtocol } from './submit.ts'
import { contentProtocol } from './content.ts'
import { checkpointProtocol } from './checkpoint.ts'
import { submissionsProtocol } from './submissions.ts'
import { haveProtocol } from './have.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { LIMITS } from './constants.ts'
import { mutateBytes } from './testing/mutateBytes.ts'
import { sampleAccepted, sampleAddress, sampleAnnouncement, sampleAssignment, sampleCheckpointReply, sampleJoin, sampleSubmission, sampleSubmissionList, sampleWait } from './testing/sampleMessages.ts'

const err = { code: ErrorCode.ERROR_CODE_NOT_FOUND, message: 'no such thing' }

async function decoders (): Promise<Array<{ name: string, decode: (b: Uint8Array) => unknown, seeds: Uint8Array[] }>> {
  const a = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  const b = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  const join = await sampleJoin(a, b)
  const enc = <T>(type: { encode: (m: T) => { finish: () => Uint8Array } }, m: T): Uint8Array => type.encode(m).finish()
  return [
    { name: 'Join', decode: decodeJoin, seeds: [enc(pb.Join, join)] },
    { name: 'RoundAnnouncement', decode: decodeRoundAnnouncement, seeds: [enc(pb.RoundAnnouncement, sampleAnnouncement)] },
    { name: 'AssignmentRequest', decode: decodeAssignmentRequest, seeds: [enc(pb.AssignmentRequest, { round: 3, workerAddress: sampleAddress })] },
    { name: 'ContentRequest', decode: decodeContentRequest, seeds: [enc(pb.ContentRequest, { contentId: new Uint8Array(32).fill(1), offset: 5, maxLength: 9 })] },
    { name: 'UpdateSubmission', decode: decodeUpdateSubmission, seeds: [enc(pb.UpdateSubmission, sampleSubmission())] },
    { name: 'HaveNotice', decode: decodeHaveNotice, seeds: [enc(pb.HaveNotice, { round: 3, workerAddress: sampleAddress, contentIds: [new Uint8Array(32).fill(4), new Uint8Array(32).fill(5)] })] },
    { name: 'HaveResponse', decode: haveProtocol.decodeResponse, seeds: [enc(pb.HaveResponse, { ack: { round: 3, recorded: 2 } }), enc(pb.HaveResponse, { error: err })] },
    { name: 'CheckpointRequest', decode: decodeCheckpointRequest, seeds: [enc(pb.CheckpointRequest, { round: 3, index: 1 })] },
    { name: 'JoinResponse', decode: joinProtocol.decodeResponse, seeds: [enc(pb.JoinResponse, { accepted: sampleAccepted }), enc(pb.JoinResponse, { error: err })] },
    { name: 'AssignmentResponse', decode: assignProtocol.decodeResponse, seeds: [enc(pb.AssignmentResponse, { assignment: sampleAssignment }), enc(pb.AssignmentResponse, { assignment: sampleWait }), enc(pb.AssignmentResponse, { error: err })] },
    { name: 'ContentResponse', decode: contentProtocol.decodeResponse, seeds: [enc(pb.ContentResponse, { chunk: { offset: 2, totalSize: 10, data: new Uint8Array(4) } }), enc(pb.ContentResponse, { error: err })] },
    { name: 'SubmitResponse', decode: submitProtocol.decodeResponse, seeds: [enc(pb.SubmitResponse, { ack: { round: 3, commitment: new Uint8Array(32), receivedAt: 5 } }), enc(pb.SubmitResponse, { error: err })] },
    { name: 'SubmissionsRequest', decode: decodeSubmissionsRequest, seeds: [enc(pb.SubmissionsRequest, { round: 3, start: 10, limit: 5 })] },
    { name: 'SubmissionsResponse', decode: submissionsProtocol.decodeResponse, seeds: [enc(pb.SubmissionsResponse, { list: sampleSubmissionList() }), enc(pb.SubmissionsResponse, { error: err })] },
    { name: 'CheckpointResponse', decode: checkpointProtocol.decodeResponse, seeds: [enc(pb.CheckpointResponse, { reply: sampleCheckpointReply }), enc(pb.CheckpointResponse, { error: err })] }
  ]
}

describe('wire messages', () => {
  it('round-trip every sample through encode and the checked decoders', async () => {
    for (const d of await decoders()) {
      for (const seed of d.seeds) {
        try {
          d.decode(seed)
        } catch (e) {
          // The error variants of responses decode to a thrown remote ProtocolError.
          assert.ok(e instanceof ProtocolError && e.remote, `${d.name}: ${(e as Error).message}`)
          assert.equal(e.code, ErrorCode.ERROR_CODE_NOT_FOUND)
        }
      }
    }
  })

  it('keeps 32-bit fields as numbers (no Long anywhere)', () => {
    const c = pb.ContentChunk.decode(pb.ContentChunk.encode({ offset: 0xffffffff, totalSize: 0xffffffff, data: new Uint8Array(0) }).finish())
    assert.equal(c.offset, 0xffffffff)
    assert.equal(typeof c.totalSize, 'number')
  })

  it('names the bad field when a message breaks the schema', () => {
    const s = sampleSubmission(16)
    assert.throws(() => { checkUpdateSubmission({ ...s, delta: new Uint8Array(15) }) }, (e: unknown) => e instanceof InvalidInputError && /delta/.test(e.message))
    assert.throws(() => { checkUpdateSubmission({ ...s, leafCount: 3 }) }, /leaves/)
    assert.throws(() => { checkUpdateSubmission({ ...s, leaves: [{ loss: NaN, updateNorm: 1 }, { loss: 1, updateNorm: 1 }] }) }, /leaves\[0\]\.loss/)
    assert.throws(() => { checkUpdateSubmission({ ...s, contributionId: '0x12' }) }, /contribution_id/)
    assert.throws(() => { decodeRoundAnnouncement(pb.RoundAnnouncement.encode({ ...sampleAnnouncement, modelId: new Uint8Array(31) }).finish()) }, /model_id/)
  })

  it('bounds the providers an assignment names and the ids a have notice carries', () => {
    const entry = sampleAssignment.providers![0]
    const provider = entry.providers![0]
    checkAssignment(sampleAssignment)
    assert.throws(() => { checkAssignment({ ...sampleAssignment, providers: [entry, entry, entry, entry] }) }, /more than 3 entries .*: providers$/)
    assert.throws(() => { checkAssignment({ ...sampleAssignment, providers: [{ ...entry, providers: new Array(5).fill(provider) }] }) }, /more than 4 providers: providers\[0\]\.providers$/)
    assert.throws(() => { checkAssignment({ ...sampleAssignment, providers: [{ ...entry, providers: [{ ...provider, addrs: new Array(5).fill('/ip4/10.0.0.5/tcp/1') }] }] }) }, /addrs/)
    assert.throws(() => { checkAssignment({ ...sampleAssignment, providers: [{ ...entry, providers: [{ ...provider, addrs: ['x'.repeat(257)] }] }] }) }, /addrs\[0\]/)
    const notice = (n: number): Uint8Array => pb.HaveNotice.encode({ round: 3, workerAddress: sampleAddress, contentIds: new Array(n).fill(new Uint8Array(32)) }).finish()
    assert.equal(decodeHaveNotice(notice(64)).contentIds.length, 64)
    assert.throws(() => decodeHaveNotice(notice(65)), /content_ids/)
    assert.throws(() => decodeHaveNotice(notice(0)), /content_ids/)
    // Failed providers: at most 8, each with a content id, a peer id and a known fault.
    const failure = { contentId: new Uint8Array(32), peerId: '12D3KooWxyz', fault: pb.ProviderFault.PROVIDER_FAULT_WRONG_BYTES }
    const failures = (f: Array<typeof failure>): Uint8Array => pb.HaveNotice.encode({ round: 3, workerAddress: sampleAddress, contentIds: [new Uint8Array(32)], failedProviders: f }).finish()
    // The largest notice fits the request limit, with peer ids of the most characters.
    const largest = pb.HaveNotice.encode({ round: 0xffffffff, workerAddress: sampleAddress, contentIds: new Array(64).fill(new Uint8Array(32)), failedProviders: new Array(8).fill({ ...failure, peerId: 'x'.repeat(128) }) }).finish()
    assert.ok(largest.byteLength <= LIMITS.haveRequest, `${largest.byteLength} bytes`)
    assert.equal(decodeHaveNotice(failures(new Array(8).fill(failure))).failedProviders.length, 8)
    assert.throws(() => decodeHaveNotice(failures(new Array(9).fill(failure))), /failed_providers$/)
    assert.throws(() => decodeHaveNotice(failures([{ ...failure, peerId: '' }])), /failed_providers\[0\]\.peer_id/)
    assert.throws(() => decodeHaveNotice(failures([{ ...failure, contentId: new Uint8Array(31) }])), /failed_providers\[0\]\.content_id/)
    assert.throws(() => decodeHaveNotice(failures([{ ...failure, fault: pb.ProviderFault.PROVIDER_FAULT_UNSPECIFIED }])), /failed_providers\[0\]\.fault/)
  })

  it('fuzz: every decoder survives random and mutated bytes (seeded)', async function () {
    const rng = SeededRandom.fromInteger(0xc0741)
    const all = await decoders()
    let cases = 0
    let accepted = 0
    const start = Date.now()
    for (const d of all) {
      for (let i = 0; i < 800; i++) {
        const input = i % 2 === 0 ? rng.bytes(rng.uniformInt(i % 8 === 0 ? 2000 : 120)) : mutateBytes(rng, rng.pick(d.seeds))
        cases++
        try {
          d.decode(input)
          accepted++
        } catch (e) {
          assert.ok(e instanceof CotrainError, `${d.name} case ${i} threw ${(e as Error)?.name}: ${(e as Error)?.message} for ${Buffer.from(input).toString('hex')}`)
        }
      }
    }
    assert.equal(cases, 800 * all.length)
    assert.ok(cases >= 10_000)
    assert.ok(accepted > 0 && accepted < cases, `accepted ${accepted} of ${cases}`)
    assert.ok(Date.now() - start < 10_000)
  })
})
