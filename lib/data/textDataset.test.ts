import assert from 'node:assert/strict'
import { untagSentence } from './brownCorpus.ts'
import { buildCharTokenizer, checkCharTokenizer, decodeTokens, encodeText, UNKNOWN_SYMBOL } from './charTokenizer.ts'
import { HELD_OUT_EVERY, textDatasets } from './textDataset.ts'
import { buildDatasetManifest, canonicalManifestJson, checkDatasetManifest, manifestHashOf } from './datasetManifest.ts'
import { concatDatasets, type Dataset } from './Dataset.ts'
import { decodeShard, splitIntoShards } from './shard.ts'
import { gptBatch } from '../model/gpt.ts'
import { quietCpuBanner } from '../model/quietCpuBanner.ts'
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

  it('a vocabulary over 256 symbols gets uint16 token ids that round-trip through windows, shards, the manifest and a gpt batch', () => {
    // 300 CJK characters, each several times, in a scrambled order.
    const symbols = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i))
    const text = Array.from({ length: 6000 }, (_, i) => symbols[(i * 7919) % 300]).join('')
    const tok = buildCharTokenizer(text)
    assert.equal(tok.symbols.length, 300)
    const ids = encodeText(tok, text)
    assert.ok(ids instanceof Uint16Array && Math.max(...ids) === 299)
    assert.equal(decodeTokens(tok, ids), text)
    const { train, heldOut } = textDatasets(ids, 16)
    assert.ok(train.images instanceof Uint16Array && heldOut.images instanceof Uint16Array)
    const shards = splitIntoShards(train, 3)
    const manifest = buildDatasetManifest(shards, { tokenizer: tok })
    checkDatasetManifest(manifest)
    assert.equal(manifest.shards[0].size, 16 + 4 + shards[0].dataset.count * (17 * 2 + 1), 'two bytes a token id')
    assert.equal(shards[0].bytes[6], 2, 'value type uint16')
    const back = shards.map((s) => decodeShard(s.bytes, { expectedId: s.id }).dataset)
    assert.ok(back.every((d) => d.images instanceof Uint16Array))
    assert.deepEqual(concatDatasets(back).images, train.images)
    assert.equal(decodeTokens(tok, back[0].images.subarray(0, 17)), text.slice(0, 17))
    const ok = validateDatasetShards({ manifest, shards: new Map(shards.map((s) => [s.id, s.bytes])), expected: { numClasses: 1 }, minSamples: 10 })
    assert.ok(ok.ok, ok.reasons.join('; '))
    // The shard length check counts two bytes a value: a uint8 header over uint16 values is refused.
    const wrongType = shards[0].bytes.slice()
    wrongType[6] = 1
    assert.throws(() => decodeShard(wrongType), /does not match its header/)
    quietCpuBanner()
    const { x } = gptBatch(train, [0, 1], { kind: 'gpt', vocabSize: 300, contextLength: 16, layers: 1, heads: 1, embedDim: 8 })
    assert.deepEqual([...x.dataSync()], [...train.images.subarray(0, 16), ...train.images.subarray(17, 33)])
    x.dispose()
  })

  it('a corpus with more than 65,536 characters keeps the 65,535 most frequent and maps the rest to U+FFFD', () => {
    const rare = Array.from({ length: 65_600 }, (_, i) => String.fromCodePoint(0x10000 + i)).join('')
    const tok = buildCharTokenizer('a'.repeat(5) + rare + [...rare].slice(0, 65_535).join(''))
    assert.equal(tok.symbols.length, 65_536)
    assert.ok(tok.symbols.includes(UNKNOWN_SYMBOL) && tok.symbols.includes('a'))
    assert.equal(decodeTokens(tok, encodeText(tok, String.fromCodePoint(0x10000 + 65_599))), UNKNOWN_SYMBOL)
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
