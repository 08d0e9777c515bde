import { join } from 'node:path'
import { resolveOptions, renderHelp, commonOptions, intBetween } from '../lib/cli/options.ts'
import { runCommand } from '../lib/cli/runCommand.ts'
import { InvalidInputError } from '../lib/errors.ts'
import { BACKENDS, type BackendName } from '../lib/training/selectBackend.ts'
import { WORKER_FAULTS, validateFaultMode } from '../lib/faults/index.ts'
import { renderDevnetTable, runDevnet } from './runDevnet.ts'

const specs = {
  ...commonOptions,
  workers: { type: 'number', description: 'honest workers', default: 3, env: 'COTRAIN_DEVNET_WORKERS', validate: intBetween(1, 16) },
  rounds: { type: 'number', description: 'training rounds', default: 3, env: 'COTRAIN_DEVNET_ROUNDS', validate: intBetween(1, 100) },
  validators: { type: 'number', description: 'validators (the contract quorum equals this; at least 2)', default: 2, validate: intBetween(2, 5) },
  model: { type: 'string', description: 'model: mlp or cnn (MNIST), gpt (a small character language model on the Brown corpus)', default: 'mlp', env: 'COTRAIN_MODEL', validate: (v: string) => ['mlp', 'cnn', 'gpt'].includes(v) ? undefined : `expected mlp, cnn or gpt, got "${v}"` },
  'model-config': { type: 'string', description: 'with --model gpt: JSON of gpt fields over the devnet\'s (2 layers, width 64, 4 heads, context 32), e.g. \'{"layers":1,"embedDim":32}\'', env: 'COTRAIN_MODEL_CONFIG' },
  text: { type: 'string', description: 'with --model gpt: UTF-8 text files to train on, comma-separated (default: the Brown corpus)', env: 'COTRAIN_TEXT' },
  'model-file': { type: 'string', description: 'train your own model instead: a tfjs-layers / Keras Sequential topology JSON (see docs/bring-your-own-model.md)', env: 'COTRAIN_MODEL_FILE' },
  'worker-backends': { type: 'string', description: `comma-separated --backend per worker, honest workers first then the cheater (${BACKENDS.join(', ')}); wasm for the rest`, default: 'wasm', env: 'COTRAIN_DEVNET_WORKER_BACKENDS', validate: (v: string) => v.split(',').map((b) => b.trim()).find((b) => !(BACKENDS as readonly string[]).includes(b)) === undefined ? undefined : `unknown backend in "${v}" (use ${BACKENDS.join(', ')})` },
  cheat: { type: 'string', description: `add one cheating worker with this fault mode (${WORKER_FAULTS.join(', ')})`, default: 'skip-steps', env: 'COTRAIN_DEVNET_CHEAT', validate: validateFaultMode },
  steps: { type: 'number', description: 'inner training steps per round (default 100, gpt 40)', validate: intBetween(1, 100_000) },
  'checkpoint-interval': { type: 'number', description: 'steps between checkpoints', default: 10, validate: intBetween(1, 10_000) },
  'train-samples': { type: 'number', description: 'training samples to shard (MNIST digits or gpt text windows)', default: 30000, validate: intBetween(100, 1_000_000) },
  'chain-port': { type: 'number', description: 'port of the local hardhat node', default: 8545, validate: intBetween(1, 65535) },
  'dashboard-port': { type: 'number', description: 'port of the coordinator dashboard (0 = any free port)', default: 8080, validate: intBetween(0, 65535) },
  'data-dir': { type: 'string', description: 'folder for every process state (wiped at start)', default: '.devnet' },
  'settle-timeout': { type: 'number', description: 'seconds to wait for on-chain settlement after the last round', default: 120, validate: intBetween(1, 3600) }
} as const

/** `--model-config` as an object of numbers; the coordinator validates the keys and ranges. */
function parseModelConfig (text: string): Record<string, number> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new InvalidInputError(`--model-config is not JSON: ${(err as Error).message}`, { hint: 'e.g. --model-config \'{"layers":1}\'' })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'number')) throw new InvalidInputError('--model-config must be a JSON object of numbers, e.g. \'{"layers":1}\'')
  return parsed as Record<string, number>
}

await runCommand(async () => {
  const { options } = resolveOptions(specs, { argv: process.argv.slice(2), env: process.env })
  if (options.help) {
    process.stdout.write(renderHelp('npm run devnet -- [options]', 'Runs a local cotrain network: hardhat node + staking contract, coordinator, validators and workers as separate processes, real MNIST training rounds with proofs, challenges, scores, rewards and slashing.', specs,
      ['npm run devnet', 'npm run devnet -- --workers 4 --rounds 5 --model cnn', 'npm run devnet -- --model gpt', 'npm run devnet -- --model gpt --text book.txt --model-config \'{"layers":1,"embedDim":32}\'', 'npm run devnet -- --cheat none', 'VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run devnet -- --worker-backends webgpu,wasm,wasm', 'npm run devnet -- --cheat random-delta --json']))
    return
  }
  const controller = new AbortController()
  let interrupted = false
  const onSignal = (): void => {
    if (interrupted) process.exit(130)
    interrupted = true
    process.stderr.write('\nstopping every process the devnet started…\n')
    controller.abort(new Error('interrupted'))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const started = Date.now()
  const say = (text: string): void => { if (!options.json) process.stderr.write(`[devnet ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}\n`) }
  const result = await runDevnet({
    workers: options.workers,
    rounds: options.rounds,
    validators: options.validators,
    model: options.model as 'mlp' | 'cnn' | 'gpt',
    modelFile: options['model-file'],
    modelConfig: options['model-config'] === undefined ? undefined : parseModelConfig(options['model-config']),
    text: options.text?.split(',').map((f) => f.trim()).filter((f) => f !== ''),
    cheat: options.cheat,
    workerBackends: options['worker-backends'].split(',').map((b) => b.trim() as BackendName),
    steps: options.steps ?? (options.model === 'gpt' ? 40 : 100),
    checkpointInterval: options['checkpoint-interval'],
    trainSamples: options['train-samples'],
    chainPort: options['chain-port'],
    dashboardPort: options['dashboard-port'],
    dataDir: options['data-dir'],
    settleTimeoutS: options['settle-timeout'],
    signal: controller.signal,
    onLine: say,
    onEvent: (source, ev) => {
      if (options.json) { process.stdout.write(JSON.stringify({ source, ...ev }) + '\n'); return }
      const { event, ...rest } = ev
      if (/progress/.test(event)) return
      say(`${source.padEnd(14)} ${event} ${Object.entries(rest).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v)}`).join(' ')}`)
    }
  })
  if (options.json) process.stdout.write(JSON.stringify({ event: 'devnet:done', result }, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v) + '\n')
  else process.stdout.write('\n' + renderDevnetTable(result) + `\nstate: ${options['data-dir']}/ (result.json has all of it)\n` +
    // The dashboard ends with the processes; the coordinator's saved state can serve it again.
    `dashboard: stopped with the devnet; reopen it with  npm run coordinator -- dashboard --data-dir ${join(options['data-dir'], 'coordinator')}\n`)
})
