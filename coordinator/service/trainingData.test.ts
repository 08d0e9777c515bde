import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { resolveModelConfig, type GptConfig } from '../../lib/model/config.ts'
import { initialWeights } from '../../lib/model/flatWeights.ts'
import { sampleText } from '../../lib/model/generateText.ts'
import { selectBackend } from '../../lib/training/selectBackend.ts'
import { CoordinatorStore } from '../store/CoordinatorStore.ts'
import { tempDir } from '../testing/tempDir.ts'
import { loadTrainingData, publishTextDataset, readLanguageModel, SAMPLE_PROMPT } from './trainingData.ts'
import { splitIntoShards } from '../../lib/data/shard.ts'
import { contentIdOf } from '../../lib/hash/contentId.ts'
import { canonicalManifestJson, manifestFromCanonicalJson } from '../../lib/data/datasetManifest.ts'
import { textHeldOutSlice } from '../../lib/validation/qualityScore.ts'
import { roundAnnouncement } from './roundPlan.ts'
import { toContentId } from '../../lib/net/index.ts'

const TEXT = 'The quick brown fox jumps over the lazy dog. The jury said it was over.\n'.repeat(12)
const GPT = resolveModelConfig({ kind: 'gpt', vocabSize: 40, contextLength: 16, layers: 1, heads: 2, embedDim: 16 }) as GptConfig

describe('coordinator: language-model data, evaluation and sample', function () {
  this.timeout(60_000)
  const dirs: Array<{ remove: () => void }> = []
  const fresh = (prefix: string): string => { const t = tempDir(prefix); dirs.push(t); return t.dir }
  before(async () => { await selectBackend({ backend: 'wasm' }) })
  after(() => { for (const d of dirs) d.remove() })

  it('loads --text files for a gpt, evaluates held-out loss in bits per character with a fixed-seed sample, and saves what `coordinator sample` needs', async () => {
    const dir = fresh('cotrain-lm-')
    const file = join(dir, 'book.txt')
    writeFileSync(file, TEXT)
    const data = await loadTrainingData(GPT, { dataDir: dir, textFiles: [file] })
    const windows = Math.floor((TEXT.length - 1) / 16)
    assert.equal(data.train.count + data.test.count, windows)
    assert.equal(data.test.count, Math.floor(windows / 20))
    const weights = initialWeights(GPT, 'lm-eval')
    const e = await data.evaluate(weights)
    assert.ok(Math.abs(e.bitsPerChar! - e.loss / Math.LN2) < 1e-12)
    assert.ok(e.loss > 2 && e.loss < 5, `untrained loss ${e.loss}`)
    assert.ok(e.sample!.startsWith(SAMPLE_PROMPT) && e.sample!.length === SAMPLE_PROMPT.length + 160)
    assert.ok([...e.sample!].every((ch) => TEXT.includes(ch)), 'sample uses the text\'s characters')
    assert.equal((await data.evaluate(weights)).sample, e.sample, 'the same weights give the same sample')
    assert.deepEqual(readLanguageModel(dir), { model: GPT, tokenizer: data.tokenizer })
    await assert.rejects(loadTrainingData({ ...GPT, vocabSize: 8 }, { dataDir: dir, textFiles: [file] }), /the text has 30 distinct characters, the gpt's vocabSize is 8/)
    await assert.rejects(loadTrainingData(resolveModelConfig({ kind: 'mlp' }), { dataDir: dir, textFiles: [file] }), /--text needs --model gpt/)
  })

  it('`coordinator sample --prompt` continues the prompt from the latest model, reproducibly by seed', async () => {
    const dir = fresh('cotrain-sample-')
    const file = join(dir, 'book.txt')
    writeFileSync(file, TEXT)
    await loadTrainingData(GPT, { dataDir: dir, textFiles: [file] })
    const { tokenizer } = readLanguageModel(dir)
    const store = await CoordinatorStore.open(dir)
    await store.putModel(initialWeights(GPT, 'older'), { round: 0, createdAt: Date.now() })
    const latest = initialWeights(GPT, 'sample-cli')
    await store.putModel(latest, { round: 1, createdAt: Date.now() })
    store.close()
    const cli = async (...args: string[]): Promise<{ round: number, prompt: string, text: string }> => {
      const { stdout } = await promisify(execFile)(process.execPath, ['coordinator/cli.ts', 'sample', '--data-dir', dir, '--json', '--backend', 'wasm', '--tokens', '40', ...args])
      return JSON.parse(stdout)
    }
    const a = await cli('--prompt', 'The jury', '--seed', 's1')
    assert.equal(a.round, 1)
    assert.equal(a.prompt, 'The jury')
    assert.equal(a.text, await sampleText({ config: GPT, weights: latest, tokenizer, prompt: 'The jury', tokens: 40, seed: 's1' }))
    assert.notEqual(a.text, await sampleText({ config: GPT, weights: latest, tokenizer, prompt: 'The jury', tokens: 40, seed: 's2' }))
  })

  it('publishes a --text run\'s held-out windows by content id, and a validator scores on its own slice of them, not on the default corpus', async () => {
    const dir = fresh('cotrain-heldout-')
    const file = join(dir, 'book.txt')
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => TEXT.slice(i % 50, i % 50 + 20 + (i % 7)) + '\n').join(''))
    const data = await loadTrainingData(GPT, { dataDir: dir, textFiles: [file], testSamples: 4 })
    assert.ok(data.heldOut!.count > 20 && data.test.count === 4)
    const blobs = new Map<string, Uint8Array>()
    const put = async (bytes: Uint8Array): Promise<{ id: string }> => { const id = contentIdOf(bytes); blobs.set(id, bytes); return { id } }
    const datasetId = await publishTextDataset({ put }, splitIntoShards(data.train, 3), data)
    const content = async (id: string): Promise<Uint8Array> => blobs.get(id) ?? assert.fail(`no content ${id}`)
    const manifest = manifestFromCanonicalJson(new TextDecoder().decode(await content(datasetId)))
    assert.equal(manifest.heldOut!.reduce((n, e) => n + e.samples, 0), data.heldOut!.count)
    assert.deepEqual(manifest.tokenizer, data.tokenizer)

    // Every window a validator scores on is a held-out window of this text, in order; two validators get different slices.
    const window = (d: { images: Uint8Array | Uint16Array }, i: number): string => d.images.subarray(i * 17, (i + 1) * 17).join(',')
    const all = Array.from({ length: data.heldOut!.count }, (_, i) => window(data.heldOut!, i))
    const a = await textHeldOutSlice({ datasetId, content, model: GPT, key: '0x' + 'aa'.repeat(20), count: 8 })
    const b = await textHeldOutSlice({ datasetId, content, model: GPT, key: '0x' + 'bb'.repeat(20), count: 8 })
    assert.equal(a.count, 8)
    const start = all.indexOf(window(a, 0))
    assert.ok(start >= 0, 'the slice comes from the held-out split')
    for (let i = 0; i < 8; i++) assert.equal(window(a, i), all[start + i])
    assert.notEqual(window(a, 0), window(b, 0))

    // The announcement names the dataset; a manifest that does not hash to it, or lists no held-out windows, is refused.
    const announced = roundAnnouncement({ number: 1, modelId: '0x' + '11'.repeat(32), seed: '22'.repeat(32), state: 'training', openedAt: 0, deadline: 1000, hyperParams: { training: {}, model: GPT } } as never, { trainingTimeoutMs: 1, collectTimeoutMs: 1, openTimeoutMs: 1, datasetId })
    assert.equal(toContentId(announced.datasetId!), datasetId)
    const tampered = async (id: string): Promise<Uint8Array> => id === datasetId ? new TextEncoder().encode(canonicalManifestJson({ ...manifest, tokenizer: { kind: 'char', symbols: [...manifest.tokenizer!.symbols].reverse() } })) : await content(id)
    await assert.rejects(textHeldOutSlice({ datasetId, content: tampered, model: GPT, key: 'k' }), /does not hash to its id/)
    const { heldOut: _, ...noHeldOut } = manifest
    const bare = await put(new TextEncoder().encode(canonicalManifestJson(noHeldOut)))
    await assert.rejects(textHeldOutSlice({ datasetId: bare.id, content, model: GPT, key: 'k' }), /lists no held-out text windows/)
    await assert.rejects(textHeldOutSlice({ datasetId, content, model: { ...GPT, contextLength: 8 }, key: 'k' }), /windows of 17 tokens, the gpt needs contextLength \+ 1 = 9/)
  })
})
