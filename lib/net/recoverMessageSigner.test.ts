import assert from 'node:assert/strict'
import { hexToBytes } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { recoverMessageSigner } from './recoverMessageSigner.ts'

/** secp256k1's group order: s and n - s are both valid (the malleable twin of a signature). */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

describe('recoverMessageSigner', () => {
  const signer = privateKeyToAccount(generatePrivateKey())
  const message = 'cotrain join binding v1\nworker address: ' + signer.address

  /** Signatures each engine must agree on, by name. */
  const cases = async (): Promise<Array<[string, Uint8Array]>> => {
    const good = hexToBytes(await signer.signMessage({ message }))
    const withV = (sig: Uint8Array, v: number): Uint8Array => { const c = sig.slice(); c[64] = v; return c }
    const s = BigInt('0x' + Buffer.from(good.subarray(32, 64)).toString('hex'))
    const twin = good.slice()
    twin.set(hexToBytes(`0x${(N - s).toString(16).padStart(64, '0')}`), 32)
    twin[64] = good[64] === 27 ? 28 : 27
    const zeroR = good.slice(); zeroR.fill(0, 0, 32)
    const highS = good.slice(); highS.fill(0xff, 32, 64)
    return [
      ['v 27/28', good],
      ['v 0/1', withV(good, good[64] - 27)],
      ['v 29', withV(good, 29)],
      ['the other recovery id', withV(good, good[64] === 27 ? 28 : 27)],
      ['high-s twin', twin],
      ['r = 0', zeroR],
      ['s >= n', highS],
      ['garbage', new Uint8Array(65).fill(7)],
      ['64 bytes', good.subarray(0, 64)]
    ]
  }

  it('recovers the signer in WebAssembly and in viem alike, and refuses the same signatures', async () => {
    const seen: Record<string, string | undefined> = {}
    for (const [name, sig] of await cases()) {
      const wasm = await recoverMessageSigner(message, sig, { engine: 'wasm' })
      const js = await recoverMessageSigner(message, sig, { engine: 'viem' })
      assert.equal(wasm, js, `${name}: wasm ${wasm ?? 'none'}, viem ${js ?? 'none'}`)
      seen[name] = wasm
    }
    const me = signer.address.toLowerCase()
    assert.equal(seen['v 27/28'], me)
    assert.equal(seen['v 0/1'], me)
    assert.equal(seen['high-s twin'], me, 'the malleable twin recovers the same key (replay is stopped by the nonce, not the signature bytes)')
    for (const refused of ['v 29', 'r = 0', 's >= n', '64 bytes']) assert.equal(seen[refused], undefined, refused)
    assert.notEqual(seen['the other recovery id'], me)
  })

  it('names another signer for a message it did not sign', async () => {
    const sig = hexToBytes(await signer.signMessage({ message }))
    assert.notEqual(await recoverMessageSigner(message + '!', sig), signer.address.toLowerCase())
  })
})
