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
import { loadTrainingData, readLanguageModel, SAMPLE_PROMPT } from './trainingData.ts'

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
})
