import assert from 'node:assert/strict'
import { untagSentence } from './brownCorpus.ts'
import { buildCharTokenizer, checkCharTokenizer, decodeTokens, encodeText, UNKNOWN_SYMBOL } from './charTokenizer.ts'
import { HELD_OUT_EVERY, textDatasets } from './textDataset.ts'

describe('data: text', () => {
  it('a char tokenizer is the sorted characters of the corpus and round-trips its text', () => {
    const tok = buildCharTokenizer('hello, world\n')
    assert.deepEqual(tok.symbols, ['\n', ' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 'w'])
    assert.equal(decodeTokens(tok, encodeText(tok, 'world, hello')), 'world, hello')
    assert.throws(() => encodeText(tok, 'hex'), /character "x" \(U\+0078\) is not in the tokenizer/)
    assert.throws(() => checkCharTokenizer({ kind: 'char', symbols: ['a', 'a'] }), /repeats symbol "a"/)
    assert.throws(() => checkCharTokenizer({ kind: 'bpe', symbols: [] }), /unsupported tokenizer "bpe"/)
  })

  it('a corpus with more than 256 characters keeps the 255 most frequent and maps the rest to U+FFFD', () => {
    const rare = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('')
    const tok = buildCharTokenizer('a'.repeat(5) + rare + rare.slice(0, 255))
    assert.equal(tok.symbols.length, 256)
    assert.ok(tok.symbols.includes(UNKNOWN_SYMBOL) && tok.symbols.includes('a'))
    assert.equal(decodeTokens(tok, encodeText(tok, String.fromCodePoint(0x4e00 + 299))), UNKNOWN_SYMBOL)
  })

  it('cuts windows of T + 1 tokens and holds out every 20th, deterministically', () => {
    const T = 4
    const ids = Uint8Array.from({ length: 40 * T + 1 }, (_, i) => i % 200)
    const { train, heldOut } = textDatasets(ids, T)
    assert.equal(train.count + heldOut.count, 40)
    assert.equal(heldOut.count, 40 / HELD_OUT_EVERY)
    assert.deepEqual(train.sampleShape, [T + 1])
    assert.deepEqual([...heldOut.images.subarray(0, T + 1)], [76, 77, 78, 79, 80])
    assert.deepEqual([...train.images.subarray(T + 1, 2 * (T + 1))], [4, 5, 6, 7, 8])
    assert.throws(() => textDatasets(ids.subarray(0, 10), T), /at least 20 are needed/)
  })

  it('strips the Brown corpus tags into plain sentences', () => {
    assert.equal(untagSentence("\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, it's/pps+bez over/rp ./."), 'The jury said "no evidence", it\'s over.')
  })
})
