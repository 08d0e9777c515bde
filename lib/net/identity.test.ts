import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { InvalidInputError } from '../errors.ts'
import { loadOrCreateIdentity } from './identity.ts'

describe('loadOrCreateIdentity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-id-'))

  it('creates an Ed25519 key with mode 0600 and loads the same peer id later', async () => {
    const path = join(dir, 'nested', 'peer.key')
    const a = await loadOrCreateIdentity(path)
    assert.equal(a.type, 'Ed25519')
    assert.equal(statSync(path).mode & 0o777, 0o600)
    const b = await loadOrCreateIdentity(path)
    assert.ok(peerIdFromPrivateKey(a).equals(peerIdFromPrivateKey(b)))
  })

  it('gives concurrent creators the same key', async () => {
    const path = join(dir, 'race.key')
    const keys = await Promise.all([1, 2, 3, 4].map(async () => await loadOrCreateIdentity(path)))
    for (const k of keys) assert.ok(peerIdFromPrivateKey(k).equals(peerIdFromPrivateKey(keys[0])))
  })

  it('refuses a key file others can read, with a hint', async () => {
    const path = join(dir, 'open.key')
    await loadOrCreateIdentity(path)
    chmodSync(path, 0o644)
    await assert.rejects(loadOrCreateIdentity(path), (e: unknown) => e instanceof InvalidInputError && /chmod 600/.test(e.message))
  })

  it('refuses a file that is not a key', async () => {
    const path = join(dir, 'junk.key')
    writeFileSync(path, 'not a key', { mode: 0o600 })
    await assert.rejects(loadOrCreateIdentity(path), /not a libp2p private key/)
  })
})
