import assert from 'node:assert/strict'
import { untagSentence } from './brownCorpus.ts'
import { buildCharTokenizer, checkCharTokenizer, decodeTokens, encodeText, UNKNOWN_SYMBOL } from './charTokenizer.ts'
import { HELD_OUT_EVERY, textDatasets } from './textDataset.ts'
import { buildDatasetManifest, canonicalManifestJson, checkDatasetManifest, manifestHashOf } from './datasetManifest.ts'
import type { Dataset } from './Dataset.ts'
import { splitIntoShards } from './shard.ts'
import { validateDatasetShards } from './validateDatasetShards.ts'
import { manifestFromWire, manifestToWire } from '../net/dataset.ts'

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

describe('data: text datasets as contributions', () => {
  const text = 'It was the best of times, it was the worst of times.\n'.repeat(20)
  const tokenizer = buildCharTokenizer(text)
  const shards = splitIntoShards(textDatasets(encodeText(tokenizer, text), 16).train, 2)

  it('records the tokenizer in the manifest and its id, checks it, and carries it over the wire', () => {
    const manifest = buildDatasetManifest(shards, { tokenizer })
    checkDatasetManifest(manifest)
    assert.deepEqual(manifest.tokenizer, tokenizer)
    assert.notEqual(manifestHashOf(manifest), manifestHashOf(buildDatasetManifest(shards)))
    assert.ok(canonicalManifestJson(manifest).endsWith(`,"tokenizer":${JSON.stringify(tokenizer)}}`))
    const back = manifestFromWire(manifestToWire(manifest))
    assert.equal(manifestHashOf(back), manifestHashOf(manifest))
    assert.throws(() => checkDatasetManifest({ ...manifest, tokenizer: { kind: 'char', symbols: ['a', 'a'] } }), /dataset manifest: char tokenizer repeats symbol "a"/)
    assert.throws(() => checkDatasetManifest({ ...buildDatasetManifest(splitIntoShards(labelled(), 1)), tokenizer }), /a text dataset has samples of \[contextLength \+ 1\] token ids and 1 class/)
  })

  it('validators accept an intact text dataset and fail one with token ids outside its tokenizer', () => {
    const manifest = buildDatasetManifest(shards, { tokenizer })
    const bytes = new Map(shards.map((s) => [s.id, s.bytes]))
    const ok = validateDatasetShards({ manifest, shards: bytes, expected: { numClasses: 1 }, minSamples: 10 })
    assert.ok(ok.ok, ok.reasons.join('; '))
    const small = { ...tokenizer, symbols: tokenizer.symbols.slice(0, 5) }
    const bad = validateDatasetShards({ manifest: { ...manifest, tokenizer: small }, shards: bytes })
    assert.equal(bad.ok, false)
    assert.match(bad.reasons.join(' '), /token id \d+ at \d+, the tokenizer has 5 symbols/)
  })
})

function labelled (): Dataset {
  return { images: new Uint8Array(8 * 4), labels: new Uint8Array(8).map((_, i) => i % 2), sampleShape: [2, 2], count: 8, numClasses: 2 }
}
