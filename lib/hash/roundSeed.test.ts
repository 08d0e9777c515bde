import assert from 'node:assert/strict'
import { InvalidInputError } from '../errors.ts'
import { parseRoundSeed, randomRoundSeed, roundSeedBytes } from './roundSeed.ts'

describe('RoundSeed', () => {
  it('accepts exactly 32 bytes as bytes, bare hex or 0x hex, in one canonical form', () => {
    const bytes = new Uint8Array(32).fill(0xab)
    const seed = parseRoundSeed(bytes)
    assert.equal(seed, '0x' + 'ab'.repeat(32))
    assert.equal(parseRoundSeed('AB'.repeat(32)), seed)
    assert.equal(parseRoundSeed('0x' + 'ab'.repeat(32)), seed)
    assert.deepEqual(roundSeedBytes(seed), bytes)
    assert.notEqual(randomRoundSeed(), randomRoundSeed())
    assert.equal(roundSeedBytes(randomRoundSeed()).byteLength, 32)
  })

  it('refuses every other length and non-hex with a one-line error', () => {
    for (const bad of [new Uint8Array(16), new Uint8Array(0), new Uint8Array(33), '0x' + 'ab'.repeat(16), 'ab'.repeat(33), '', 'zz'.repeat(32)]) {
      assert.throws(() => parseRoundSeed(bad), (e: unknown) => e instanceof InvalidInputError && /round seed/.test(e.message) && !e.message.includes('\n'), String(bad))
    }
  })
})
