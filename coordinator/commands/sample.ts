import { intBetween, type OptionSpecs } from '../../lib/cli/options.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import { printResult } from '../../lib/cli/printResult.ts'
import { NotFoundError } from '../errors.ts'
import { DEFAULT_SAMPLE_TOKENS, DEFAULT_TEMPERATURE, sampleText } from '../../lib/model/generateText.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import { selectBackend, type BackendName } from '../../lib/training/selectBackend.ts'
import { readLanguageModel } from '../service/trainingData.ts'
import { coordinatorBaseOptions } from './coordinatorOptions.ts'
import { openExistingStore } from './round.ts'

const specs = {
  ...coordinatorBaseOptions,
  ...backendOption,
  prompt: { type: 'string', description: 'text to continue (characters of the training text only)', default: '', env: 'COTRAIN_PROMPT' },
  tokens: { type: 'number', description: 'characters to generate', default: DEFAULT_SAMPLE_TOKENS, validate: intBetween(1, 10_000) },
  temperature: { type: 'number', description: 'softmax temperature: lower is more conservative', default: DEFAULT_TEMPERATURE, validate: (v: number) => v > 0 && v <= 10 ? undefined : `expected a number in (0, 10], got ${v}` },
  seed: { type: 'string', description: 'seed of the draw: same model, prompt and seed give the same text', default: 'cotrain/sample' }
} as const satisfies OptionSpecs

/** `coordinator sample`: text from the latest model. */
export const { summary, run } = defineCommand({
  summary: 'print a continuation of a prompt from the latest global language model (--model gpt)',
  usage: 'coordinator sample [options]',
  description: "Continues --prompt with the coordinator's latest global model (read from its data dir; the coordinator may be running).",
  options: specs,
  examples: ['coordinator sample --data-dir coord --prompt "The jury said"', 'coordinator sample --data-dir coord --prompt "It was" --tokens 400 --temperature 0.6 --json']
}, async (o) => {
  const { model, tokenizer } = readLanguageModel(o['data-dir'])
  const store = await openExistingStore(o['data-dir'])
  let weights: Float32Array
  let round: number
  try {
    const latest = store.getLatestModel()
    if (latest === undefined) throw new NotFoundError(`no model in ${o['data-dir']} yet`, { hint: 'start the coordinator first' })
    weights = await store.readModelWeights(latest.id)
    round = latest.round
  } finally {
    store.close()
  }
  await selectBackend({ backend: o.backend as BackendName | 'auto' })
  const text = await sampleText({ config: model, weights, tokenizer, prompt: o.prompt, tokens: o.tokens, seed: o.seed, temperature: o.temperature })
  printResult(o.json, { round, prompt: o.prompt, text }, [`${o.prompt}${text}`])
})
