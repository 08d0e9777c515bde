import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { createNode } from './createNode.ts'
import { importedOnce } from './importedKey.ts'

describe('importedOnce', function () {
  this.timeout(30_000)

  it('signs exactly as the key itself does, and wraps a key once', async () => {
    const key = await generateKeyPair('Ed25519')
    const imported = importedOnce(key)
    const message = crypto.randomBytes(100)
    assert.deepEqual(Buffer.from(await imported.sign(message)), Buffer.from(await key.sign(message)))
    assert.equal(await key.publicKey.verify(message, await imported.sign(message)), true)
    assert.equal(imported.publicKey.equals(key.publicKey), true)
    assert.equal(importedOnce(imported), imported)
  })

  it('leaves a node importing no key per connection: handshakes and identify answers sign with the imported one', async () => {
    const server = await createNode()
    const clients = await Promise.all([0, 1, 2].map(async () => await createNode()))
    try {
      const createPrivateKey = crypto.createPrivateKey
      let imports = 0
      crypto.createPrivateKey = ((...args: Parameters<typeof createPrivateKey>) => {
        // Noise's X25519 keys come as DER: only the identity key comes as JWK.
        if ((args[0] as { format?: string }).format === 'jwk') imports++
        return createPrivateKey(...args)
      }) as typeof createPrivateKey
      try {
        // Each connection: a Noise handshake and identify both ways, whose answers carry a freshly signed peer record.
        for (const client of clients) {
          await client.services.ping.ping(server.getMultiaddrs()[0])
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      } finally {
        crypto.createPrivateKey = createPrivateKey
      }
      // @libp2p/crypto imports the key from JWK for each signature: at least one per connection on each side.
      assert.equal(imports, 0)
    } finally {
      await Promise.all([server, ...clients].map(async (n) => { await n.stop() }))
    }
  })
})
