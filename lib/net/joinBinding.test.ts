import assert from 'node:assert/strict'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { ErrorCode, ProtocolError } from './ProtocolError.ts'
import { joinBindingMessage, signJoinBinding, verifyJoinBinding } from './joinBinding.ts'

describe('join binding', () => {
  const signer = privateKeyToAccount(generatePrivateKey())
  const other = privateKeyToAccount(generatePrivateKey())
  let worker: string
  let coordinator: string
  let intruder: string

  before(async () => {
    [worker, coordinator, intruder] = await Promise.all([1, 2, 3].map(async () => peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()))
  })

  const refused = (code: ErrorCode) => (e: unknown) => e instanceof ProtocolError && e.code === code

  it('signs a text naming both peers, the address, time and nonce', () => {
    const text = joinBindingMessage({ workerAddress: signer.address, workerPeerId: worker, coordinatorPeerId: coordinator, issuedAt: 1700000000, nonce: new Uint8Array(16) })
    assert.equal(text, [
      'cotrain join binding v1',
      `worker address: ${signer.address}`,
      `worker peer id: ${worker}`,
      `coordinator peer id: ${coordinator}`,
      'issued at: 1700000000',
      `nonce: 0x${'00'.repeat(16)}`
    ].join('\n'))
  })

  it('verifies a binding for the peers it names', async () => {
    const b = await signJoinBinding({ signer, workerPeerId: worker, coordinatorPeerId: coordinator })
    assert.equal(await verifyJoinBinding(b, { workerPeerId: worker, coordinatorPeerId: coordinator }), signer.address)
  })

  it('refuses a binding signed by another key (forged)', async () => {
    const b = await signJoinBinding({ signer: other, workerPeerId: worker, coordinatorPeerId: coordinator })
    const forged = { ...b, workerAddress: Buffer.from(signer.address.slice(2), 'hex') }
    await assert.rejects(verifyJoinBinding(forged, { workerPeerId: worker, coordinatorPeerId: coordinator }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
  })

  it('refuses a binding replayed by another peer or towards another coordinator', async () => {
    const b = await signJoinBinding({ signer, workerPeerId: worker, coordinatorPeerId: coordinator })
    await assert.rejects(verifyJoinBinding(b, { workerPeerId: intruder, coordinatorPeerId: coordinator }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
    await assert.rejects(verifyJoinBinding(b, { workerPeerId: worker, coordinatorPeerId: intruder }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
  })

  it('refuses a stale binding and garbage signatures', async () => {
    const b = await signJoinBinding({ signer, workerPeerId: worker, coordinatorPeerId: coordinator, now: 1_000_000 })
    await assert.rejects(verifyJoinBinding(b, { workerPeerId: worker, coordinatorPeerId: coordinator, now: 1_000_301 }), refused(ErrorCode.ERROR_CODE_STALE))
    const garbage = { ...b, signature: new Uint8Array(65).fill(7) }
    await assert.rejects(verifyJoinBinding(garbage, { workerPeerId: worker, coordinatorPeerId: coordinator, now: 1_000_000 }), refused(ErrorCode.ERROR_CODE_UNAUTHENTICATED))
  })
})
