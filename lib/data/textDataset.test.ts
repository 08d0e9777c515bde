import assert from 'node:assert/strict'
import { untagSentence } from './brownCorpus.ts'
import { buildCharTokenizer, checkCharTokenizer, decodeTokens, encodeText, UNKNOWN_SYMBOL } from './charTokenizer.ts'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HELD_OUT_EVERY, heldOutShards, textDatasets } from './textDataset.ts'
import { buildDatasetManifest, canonicalManifestJson, checkDatasetManifest, manifestEntries, manifestHashOf, type DatasetManifest } from './datasetManifest.ts'
import { concatDatasets, sliceDataset, type Dataset } from './Dataset.ts'
import { packTextFiles } from '../../dataset/packDataset.ts'
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
    const held = heldOutShards(heldOut)
    const manifest = buildDatasetManifest(shards, { tokenizer: tok, heldOut: held })
    checkDatasetManifest(manifest)
    assert.equal(manifest.shards[0].size, 16 + 4 + shards[0].dataset.count * (17 * 2 + 1), 'two bytes a token id')
    assert.equal(shards[0].bytes[6], 2, 'value type uint16')
    const back = shards.map((s) => decodeShard(s.bytes, { expectedId: s.id }).dataset)
    assert.ok(back.every((d) => d.images instanceof Uint16Array))
    assert.deepEqual(concatDatasets(back).images, train.images)
    assert.equal(decodeTokens(tok, back[0].images.subarray(0, 17)), text.slice(0, 17))
    const ok = validateDatasetShards({ manifest, shards: new Map([...shards, ...held].map((s) => [s.id, s.bytes])), expected: { numClasses: 1 }, minSamples: 10 })
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
  const split = textDatasets(encodeText(tokenizer, text), 16)
  const shards = splitIntoShards(split.train, 2)
  const held = heldOutShards(split.heldOut)

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
    const manifest = buildDatasetManifest(shards, { tokenizer, heldOut: held })
    const bytes = new Map([...shards, ...held].map((s) => [s.id, s.bytes]))
    const ok = validateDatasetShards({ manifest, shards: bytes, expected: { numClasses: 1 }, minSamples: 10 })
    assert.ok(ok.ok, ok.reasons.join('; '))
    const small = { ...tokenizer, symbols: tokenizer.symbols.slice(0, 5) }
    const bad = validateDatasetShards({ manifest: { ...manifest, tokenizer: small }, shards: bytes })
    assert.equal(bad.ok, false)
    assert.match(bad.reasons.join(' '), /token id \d+ at \d+, the tokenizer has 5 symbols/)
  })
})

describe('data: a text dataset is scored on its own held-out windows', () => {
  // Text that never repeats a 17-token window: seeded pseudo-random letters (a xorshift, so the test is the same every run).
  let seed = 0x9e3779b9
  const letters = Array.from({ length: 8003 }, () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return 'abcdefghijklmnopqrst '[(seed >>> 0) % 21] }).join('')
  const T = 16

  function pack (text: string): { manifest: DatasetManifest, bytes: Map<string, Uint8Array>, train: Dataset, heldOut: Dataset } {
    const tok = buildCharTokenizer(text)
    const { train, heldOut } = textDatasets(encodeText(tok, text), T)
    const shards = splitIntoShards(train, 3)
    const held = heldOutShards(heldOut)
    return { manifest: buildDatasetManifest(shards, { tokenizer: tok, heldOut: held }), bytes: new Map([...shards, ...held].map((s) => [s.id, s.bytes])), train, heldOut }
  }

  it('packs `dataset submit --text` files with the held-out split listed after the training shards, on the wire too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cotrain-text-'))
    try {
      const file = join(dir, 'letters.txt')
      writeFileSync(file, letters)
      const packed = await packTextFiles([file], { contextLength: T, shards: 3 })
      const expected = pack(letters)
      assert.equal(packed.manifestHash, manifestHashOf(expected.manifest), 'the same text packs to the same manifest')
      assert.equal(packed.heldOut?.length, 1)
      assert.deepEqual(packed.heldOut[0].dataset.images, expected.heldOut.images, 'held out: every 20th window of the text')
      assert.deepEqual(manifestEntries(packed.manifest).map((e) => e.id), [...packed.shards, ...packed.heldOut].map((s) => s.id), 'uploaded after the training shards')
      assert.ok(canonicalManifestJson(packed.manifest).endsWith(`,"heldOut":[{"id":"${packed.heldOut[0].id}","samples":${expected.heldOut.count},"size":${packed.heldOut[0].bytes.byteLength}}]}`))
      assert.equal(manifestHashOf(manifestFromWire(manifestToWire(packed.manifest))), packed.manifestHash, 'the wire keeps the held-out list (and so the id)')
      const noHeldOut = buildDatasetManifest(packed.shards, { tokenizer: packed.manifest.tokenizer })
      assert.equal(manifestHashOf(manifestFromWire(manifestToWire(noHeldOut))), manifestHashOf(noHeldOut), 'and adds none where there was none')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('scores new text 100 on its held-out windows, and text repeated to look bigger near 1', () => {
    const fresh = pack(letters)
    const good = validateDatasetShards({ manifest: fresh.manifest, shards: fresh.bytes, expected: { numClasses: 1 }, minSamples: 400 })
    assert.ok(good.ok, good.reasons.join('; '))
    assert.equal(good.stats.heldOutNovelty, 1)
    assert.equal(good.score, 100)
    // The same text four times: the repeats straddle window edges (8003 is not a multiple of 16), so every
    // training window is distinct and usefulness alone would still say 1; the held-out windows occur in the repeats.
    const padded = pack(letters.repeat(4))
    const bad = validateDatasetShards({ manifest: padded.manifest, shards: padded.bytes, expected: { numClasses: 1 }, minSamples: 400 })
    assert.ok(bad.ok, bad.reasons.join('; '))
    assert.equal(bad.stats.usefulness, 1, 'no training window repeats another')
    assert.ok(bad.stats.heldOutNovelty < 0.3, `novelty ${bad.stats.heldOutNovelty}`)
    assert.ok(bad.score <= 10, `score ${bad.score}`)
    assert.match(bad.reasons.join('; '), /\d+% of the held-out windows occur verbatim elsewhere in the text/)
  })

  it('fails a text dataset without held-out windows, with a held-out shard missing, or with held-out windows not cut from its text', () => {
    const { manifest, bytes, train, heldOut } = pack(letters)
    const check = (m: DatasetManifest, b = bytes): string => {
      const v = validateDatasetShards({ manifest: m, shards: b, expected: { numClasses: 1 } })
      assert.equal(v.ok, false)
      assert.equal(v.score, 1)
      return v.reasons.join('; ')
    }
    const { heldOut: _, ...noHeldOut } = manifest
    assert.match(check(noHeldOut), /a text dataset must list its held-out windows/)
    assert.match(check(manifest, new Map([...bytes].filter(([id]) => id !== manifest.heldOut![0].id))), /held-out shard 0 \(0x[0-9a-f]{64}\) is missing/)
    // Held-out windows picked to make evaluation easy: copies of training windows, same count and shape.
    const easy = { ...heldOut, images: train.images.slice(0, heldOut.images.length) }
    const [easyShard] = splitIntoShards(easy, 1)
    const swapped = { ...manifest, heldOut: [{ id: easyShard.id, samples: easy.count, size: easyShard.bytes.byteLength }] }
    assert.match(check(swapped, new Map([...bytes, [easyShard.id, easyShard.bytes]])), /window 19 does not begin where window 18 ends: the held-out windows are not every 20th window of one text/)
    // One window too many held out (its last one twice): no longer every 20th.
    const [more] = splitIntoShards(concatDatasets([heldOut, sliceDataset(heldOut, heldOut.count - 1, heldOut.count)]), 1)
    assert.match(check({ ...manifest, heldOut: [{ id: more.id, samples: heldOut.count + 1, size: more.bytes.byteLength }] }, new Map([...bytes, [more.id, more.bytes]])), new RegExp(`^${heldOut.count + 1} held-out windows of ${train.count + heldOut.count + 1}: every 20th window, ${heldOut.count}, must be held out$`))
  })
})

function labelled (): Dataset {
  return { images: new Uint8Array(8 * 4), labels: new Uint8Array(8).map((_, i) => i % 2), sampleShape: [2, 2], count: 8, numClasses: 2 }
}
