import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InvalidInputError } from '../../lib/errors.ts'
import { checkCharTokenizer, type CharTokenizer } from '../../lib/data/charTokenizer.ts'
import { sliceDataset, type Dataset } from '../../lib/data/Dataset.ts'
import { loadMnist } from '../../lib/data/loadMnist.ts'
import { buildDatasetManifest, canonicalManifestJson } from '../../lib/data/datasetManifest.ts'
import type { Shard } from '../../lib/data/shard.ts'
import { heldOutShards } from '../../lib/data/textDataset.ts'
import type { Hex } from '../../lib/hash/sha256.ts'
import { checkDatasetFits } from '../../lib/model/batchTensors.ts'
import { loadTextCorpus } from '../../lib/data/loadTextCorpus.ts'
import { resolveModelConfig, type GptConfig, type ModelConfig } from '../../lib/model/config.ts'
import { evaluate, type Evaluation } from '../../lib/model/evaluate.ts'
import { DEFAULT_SAMPLE_TOKENS, sampleText } from '../../lib/model/generateText.ts'

/** A round's evaluation of the global model: loss and accuracy, and for a language model bits per character and a sample. */
export interface RoundEvaluation extends Evaluation {
  /** Held-out loss in bits per character (char tokenizer: one token is one character). */
  bitsPerChar?: number
  /** Continuation of SAMPLE_PROMPT drawn with SAMPLE_SEED: the same every round, so samples compare. */
  sample?: string
}

/** What the coordinator trains on and how it scores a model. */
export interface TrainingData {
  train: Dataset
  test: Dataset
  tokenizer?: CharTokenizer
  /** Text only: the whole held-out split (`test` is its first testSamples windows), published for validators. */
  heldOut?: Dataset
  evaluate: (weights: Float32Array) => Promise<RoundEvaluation>
}

/** Prompt and seed of the per-round sample. */
export const SAMPLE_PROMPT = 'The '
export const SAMPLE_SEED = 'cotrain/round-sample/v1'
/** Held-out samples a round is evaluated on: MNIST digits, or text windows for the gpt (128 x 64 tokens: about 2 s on one wasm core). */
export const DEFAULT_TEST_SAMPLES = { image: 2000, text: 128 } as const
/** The data dir file holding a gpt coordinator's model config and tokenizer, for `coordinator sample`. */
export const LANGUAGE_MODEL_FILE = 'language-model.json'

/**
 * The coordinator's data for a model: MNIST for the classifiers; for the gpt
 * a text corpus (the given UTF-8 files, else the Brown corpus) cut into
 * windows of contextLength + 1 tokens with its held-out split, the tokenizer
 * written to the data dir. `trainSamples`/`testSamples` keep the first N.
 */
export async function loadTrainingData (model: ModelConfig, options: { dataDir: string, trainSamples?: number, testSamples?: number, textFiles?: string[] }): Promise<TrainingData> {
  if (model.kind !== 'gpt') {
    if (options.textFiles !== undefined && options.textFiles.length > 0) throw new InvalidInputError(`--text needs --model gpt, not ${model.kind}`)
    const train = await loadMnist({ split: 'train', limit: options.trainSamples })
    const test = await loadMnist({ split: 'test', limit: options.testSamples ?? DEFAULT_TEST_SAMPLES.image })
    checkDatasetFits(train, model)
    return { train, test, evaluate: async (weights) => await evaluate({ config: model, weights }, test) }
  }
  const corpus = await loadTextCorpus({ contextLength: model.contextLength, files: options.textFiles })
  const vocab = corpus.tokenizer.symbols.length
  if (vocab > model.vocabSize) throw new InvalidInputError(`the text has ${vocab} distinct characters, the gpt's vocabSize is ${model.vocabSize}`, { hint: `use a gpt with vocabSize >= ${vocab}` })
  const limit = (d: Dataset, n: number | undefined): Dataset => n !== undefined && n < d.count ? sliceDataset(d, 0, n) : d
  const train = limit(corpus.train, options.trainSamples)
  const test = limit(corpus.heldOut, options.testSamples ?? DEFAULT_TEST_SAMPLES.text)
  writeLanguageModel(options.dataDir, { model, tokenizer: corpus.tokenizer })
  const tokenizer = corpus.tokenizer
  return {
    train,
    test,
    tokenizer,
    heldOut: corpus.heldOut,
    evaluate: async (weights) => {
      const e = await evaluate({ config: model, weights }, test, { batchSize: 32 })
      const sample = await sampleText({ config: model, weights, tokenizer, prompt: SAMPLE_PROMPT, tokens: DEFAULT_SAMPLE_TOKENS, seed: SAMPLE_SEED })
      return { ...e, bitsPerChar: e.loss / Math.LN2, sample: SAMPLE_PROMPT + sample }
    }
  }
}

/**
 * Publishes a text run's dataset: its held-out windows as shards and the
 * manifest (training shards, tokenizer, held-out shards) as canonical JSON,
 * all stored by content id, so validators score updates on held-out windows
 * of the same text and tokenizer (lib/validation/qualityScore.ts
 * textHeldOutSlice). Returns the dataset id the round announcements carry.
 */
export async function publishTextDataset (blobs: { put: (bytes: Uint8Array) => Promise<{ id: string }> }, train: Shard[], data: Pick<TrainingData, 'tokenizer' | 'heldOut'>): Promise<Hex> {
  if (data.tokenizer === undefined || data.heldOut === undefined) throw new InvalidInputError('only a text run publishes its held-out windows')
  const heldOut = heldOutShards(data.heldOut)
  for (const s of heldOut) await blobs.put(s.bytes)
  const manifest = buildDatasetManifest(train, { tokenizer: data.tokenizer, heldOut })
  const { id } = await blobs.put(new TextEncoder().encode(canonicalManifestJson(manifest)))
  return id as Hex
}

/** Saves the gpt's config and tokenizer in the data dir (write then rename, so a reader never sees half a file). */
export function writeLanguageModel (dataDir: string, lm: { model: GptConfig, tokenizer: CharTokenizer }): void {
  const file = join(dataDir, LANGUAGE_MODEL_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(lm))
  renameSync(`${file}.tmp`, file)
}

/** The gpt config and tokenizer a coordinator saved in its data dir, validated. */
export function readLanguageModel (dataDir: string): { model: GptConfig, tokenizer: CharTokenizer } {
  const file = join(dataDir, LANGUAGE_MODEL_FILE)
  let parsed: { model?: unknown, tokenizer?: unknown }
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new InvalidInputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { hint: 'point --data-dir at the data dir of a coordinator started with --model gpt' })
  }
  const model = resolveModelConfig(parsed.model as GptConfig)
  if (model.kind !== 'gpt') throw new InvalidInputError(`${file} holds a ${model.kind} model, not a gpt`)
  checkCharTokenizer(parsed.tokenizer)
  return { model, tokenizer: parsed.tokenizer }
}
