import { multiaddr } from '@multiformats/multiaddr'
import { isAddress, type Address } from 'viem'
import { intBetween, renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { sleep } from '../../lib/async/sleep.ts'
import { formatDuration, formatMoment } from '../../lib/cli/humanUnits.ts'
import type { ModelConfigInput } from '../../lib/model/config.ts'
import { readLayersTopology } from '../../lib/model/layersTopology.ts'
import { CoordinatorService, type CoordinatorEvent } from '../service/CoordinatorService.ts'
import { coordinatorBaseOptions } from './coordinatorOptions.ts'
import { DEFAULT_INNER_LEARNING_RATE } from '../config.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import type { BackendName } from '../../lib/training/selectBackend.ts'

const positive = (v: number): string | undefined => v > 0 && Number.isFinite(v) ? undefined : `expected a positive number, got ${v}`

/** One line in `coordinator --help`. */
export const summary = 'run the coordinator: shard data, schedule rounds, verify, aggregate, serve the dashboard'

const specs = {
  ...coordinatorBaseOptions,
  // A fixed port by default: workers keep the coordinator's address, so they find it again after a restart.
  listen: { type: 'string', description: 'libp2p listen multiaddr (comma-separated for several; tcp/0 picks a free port, which changes on restart)', default: '/ip4/127.0.0.1/tcp/4001', env: 'COTRAIN_LISTEN' },
  'max-workers': { type: 'number', description: 'workers (plus validators) the node makes room for: sizes its connection limits', default: 1000, env: 'COTRAIN_MAX_WORKERS', validate: intBetween(1, 1_000_000) },
  'swarm-seeds': { type: 'number', description: 'swarm distribution: workers the coordinator sends each round\'s model to itself; the rest fetch it from workers that hold it (0 = off: every worker fetches everything from the coordinator)', default: 3, env: 'COTRAIN_SWARM_SEEDS', validate: intBetween(0, 1000) },
  'rpc-url': { type: 'string', description: 'Ethereum JSON-RPC endpoint', default: 'http://127.0.0.1:8545', env: 'COTRAIN_RPC_URL' },
  contract: { type: 'string', description: 'staking contract (proxy): submissions must be committed there', env: 'COTRAIN_CONTRACT', validate: (v: string) => isAddress(v, { strict: false }) ? undefined : `not an address: "${v}"` },
  ...backendOption,
  model: { type: 'string', description: 'model: mlp or cnn (MNIST), gpt (a character language model)', default: 'mlp', env: 'COTRAIN_MODEL', validate: (v: string) => ['mlp', 'cnn', 'gpt'].includes(v) ? undefined : `unknown model "${v}" (mlp, cnn, gpt)` },
  'model-config': { type: 'string', description: 'JSON of the model\'s fields over its defaults, e.g. \'{"layers":4,"embedDim":256}\' for the gpt', env: 'COTRAIN_MODEL_CONFIG' },
  'model-file': { type: 'string', description: 'train your own classifier: a tfjs-layers / Keras Sequential topology (the JSON of model.toJSON() or a model.json; weights in it are not used, training starts from seeded weights) on MNIST, instead of --model', env: 'COTRAIN_MODEL_FILE' },
  text: { type: 'string', description: 'with --model gpt: UTF-8 text files to train on, comma-separated (default: the Brown corpus)', env: 'COTRAIN_TEXT' },
  shards: { type: 'number', description: 'shards the training set is split into', default: 10, env: 'COTRAIN_SHARDS', validate: intBetween(1, 100_000) },
  'train-samples': { type: 'number', description: 'use the first N training samples: MNIST digits or gpt text windows (0 = all)', default: 0, env: 'COTRAIN_TRAIN_SAMPLES', validate: intBetween(0, 100_000_000) },
  'test-samples': { type: 'number', description: 'evaluate on the first N held-out samples (default 2000 digits, 128 text windows)', env: 'COTRAIN_TEST_SAMPLES', validate: intBetween(1, 1_000_000) },
  rounds: { type: 'number', description: 'exit after this many rounds are done (0 = run forever)', default: 0, env: 'COTRAIN_ROUNDS', validate: intBetween(0, 1_000_000) },
  linger: { type: 'number', description: 'after the last round, keep serving models, shards, deltas and submission lists to validators this many seconds (they settle the last rounds on chain)', default: 0, env: 'COTRAIN_LINGER', validate: intBetween(0, 604_800) },
  'min-workers': { type: 'number', description: 'open a round once this many workers are live', default: 2, env: 'COTRAIN_MIN_WORKERS', validate: intBetween(1, 100_000) },
  'min-updates': { type: 'number', description: 'accepted updates a round needs', default: 2, env: 'COTRAIN_MIN_UPDATES', validate: intBetween(1, 100_000) },
  aggregator: { type: 'string', description: 'outer optimizer: fedavg or nesterov (DiLoCo)', default: 'nesterov', env: 'COTRAIN_AGGREGATOR', validate: (v: string) => v === 'fedavg' || v === 'nesterov' ? undefined : `unknown aggregator "${v}" (fedavg, nesterov)` },
  steps: { type: 'number', description: 'inner steps H per round', default: 100, env: 'COTRAIN_STEPS', validate: intBetween(1, 10_000_000) },
  'batch-size': { type: 'number', description: 'batch size', default: 64, env: 'COTRAIN_BATCH_SIZE', validate: intBetween(1, 65_536) },
  lr: { type: 'number', description: 'inner (Adam) learning rate', default: DEFAULT_INNER_LEARNING_RATE, env: 'COTRAIN_LR', validate: positive },
  'checkpoint-interval': { type: 'number', description: 'checkpoint and proof leaf every K steps', default: 10, env: 'COTRAIN_CHECKPOINT_INTERVAL', validate: intBetween(1, 10_000_000) },
  'delta-encoding': { type: 'string', description: 'update encoding: int8 or float32', default: 'int8', env: 'COTRAIN_DELTA_ENCODING', validate: (v: string) => v === 'int8' || v === 'float32' ? undefined : `unknown encoding "${v}" (int8, float32)` },
  'round-timeout': { type: 'number', description: 'seconds a round trains before collecting', default: 600, env: 'COTRAIN_ROUND_TIMEOUT', validate: positive },
  'assignment-grace': { type: 'number', description: 'seconds past its projected time before a worker\'s shards are reassigned (default: a third of --round-timeout, at most 30)', env: 'COTRAIN_ASSIGNMENT_GRACE', validate: (v: number) => v >= 0 ? undefined : `expected >= 0, got ${v}` },
  'dashboard-port': { type: 'number', description: 'dashboard, /api/status and /metrics on 127.0.0.1:PORT (0 = any free port)', default: 0, env: 'COTRAIN_DASHBOARD_PORT', validate: intBetween(0, 65_535) }
} as const satisfies OptionSpecs

const help = renderHelp('coordinator start [options]', 'Shards MNIST (or text, --model gpt), runs training rounds with verification by replay, aggregates, evaluates, and serves the dashboard.', specs, [
  'coordinator start --listen /ip4/127.0.0.1/tcp/9000 --data-dir coord --shards 3 --min-workers 3 --rounds 2',
  'coordinator start --contract 0x5FbD... --aggregator fedavg --steps 60 --batch-size 32 --round-timeout 60 --json',
  'coordinator start --model gpt --model-config \'{"layers":2,"embedDim":128}\' --batch-size 16 --text book.txt',
  'coordinator start --model-file my-model.json --steps 40'
])

/** `coordinator start`: the service until --rounds are done or SIGINT/SIGTERM. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const listen = o.listen.split(',').map(s => s.trim()).filter(s => s !== '')
  for (const addr of listen) {
    try {
      multiaddr(addr)
    } catch (err) {
      throw new InvalidInputError(`bad --listen address "${addr}": ${(err as Error).message.split('\n')[0]}`, { hint: 'use a multiaddr like /ip4/127.0.0.1/tcp/9000' })
    }
  }
  const service = new CoordinatorService({
    dataDir: o['data-dir'],
    listen,
    maxWorkers: o['max-workers'],
    swarmSeeds: o['swarm-seeds'],
    rpcUrl: o['rpc-url'],
    contract: o.contract as Address | undefined,
    model: o['model-file'] !== undefined ? modelFromFile(o['model-file'], o.model, o['model-config']) : modelConfigInput(o.model, o['model-config']),
    textFiles: o.text?.split(',').map((f) => f.trim()).filter((f) => f !== ''),
    shards: o.shards,
    trainSamples: o['train-samples'] === 0 ? undefined : o['train-samples'],
    testSamples: o['test-samples'],
    rounds: o.rounds,
    minWorkers: o['min-workers'],
    minUpdates: o['min-updates'],
    aggregator: o.aggregator as 'fedavg' | 'nesterov',
    training: { steps: o.steps, batchSize: o['batch-size'], learningRate: o.lr, checkpointInterval: o['checkpoint-interval'], deltaEncoding: o['delta-encoding'] as 'int8' | 'float32' },
    roundTimeoutMs: Math.round(o['round-timeout'] * 1000),
    assignmentGraceMs: o['assignment-grace'] === undefined ? undefined : Math.round(o['assignment-grace'] * 1000),
    dashboardPort: o['dashboard-port'],
    backend: o.backend as BackendName | 'auto'
  })
  const json = o.json
  service.on('event', (e) => {
    if (!json && !o.verbose && (e.event === 'round:transitioned' || e.event === 'assignment:created')) return
    process.stdout.write(json ? JSON.stringify(e) + '\n' : describeEvent(e) + '\n')
  })
  const controller = new AbortController()
  let stopped: () => void = () => {}
  const interrupted = new Promise<void>((resolve) => { stopped = resolve })
  const onSignal = (): void => { controller.abort(new Error('interrupted')); stopped() }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    await service.start({ signal: controller.signal })
    await Promise.race([service.finished, interrupted])
    if (o.linger > 0 && !controller.signal.aborted) {
      service.emitEvent({ event: 'coordinator:lingering', seconds: o.linger })
      // Ctrl-C ends the linger early: that abort is the expected way out, not an error.
      await sleep(o.linger * 1000, { signal: controller.signal }).catch(() => {})
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await service.stop()
  }
}

/** `--model` plus `--model-config` JSON overrides; the service validates the result (unknown keys, ranges). */
function modelConfigInput (kind: string, json: string | undefined): ModelConfigInput {
  if (json === undefined || json.trim() === '') return { kind } as ModelConfigInput
  let fields: unknown
  try {
    fields = JSON.parse(json)
  } catch (err) {
    throw new InvalidInputError(`--model-config is not JSON: ${(err as Error).message}`, { hint: 'e.g. --model-config \'{"layers":4}\'' })
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new InvalidInputError('--model-config must be a JSON object of model fields')
  if ('kind' in fields && (fields as { kind: unknown }).kind !== kind) throw new InvalidInputError(`--model-config says kind ${JSON.stringify((fields as { kind: unknown }).kind)}, --model says ${kind}`)
  return { ...fields, kind } as ModelConfigInput
}

/** `--model-file`: the user's topology as a `layers` config; --model / --model-config describe a built-in model, so they cannot come with it. */
function modelFromFile (file: string, kind: string, json: string | undefined): ModelConfigInput {
  if (json !== undefined && json.trim() !== '') throw new InvalidInputError('--model-config cannot be used with --model-file', { hint: 'edit the model file instead' })
  if (kind !== 'mlp') throw new InvalidInputError(`--model ${kind} cannot be used with --model-file`, { hint: 'the file is the model; drop --model' })
  return readLayersTopology(file)
}

const pct = (v: number | undefined): string => v === undefined ? '-' : `${(v * 100).toFixed(2)}%`

/** One human-readable line per event. */
export function describeEvent (e: CoordinatorEvent): string {
  switch (e.event) {
    case 'coordinator:ready': return `coordinator ready: peer ${e.peerId}\n  listening on ${e.multiaddrs.join(', ')}\n  dashboard ${e.dashboardUrl ?? '-'}${e.resumedRound !== undefined ? `\n  resuming round ${e.resumedRound} (${e.resumedState ?? '?'})` : ''}`
    case 'worker:joined': return `worker ${e.address} joined (${e.peerId})`
    case 'round:opened': return `round ${e.round}: opened from model ${e.modelId.slice(0, 12)}..., ${e.shards} shards`
    case 'round:training': return `round ${e.round}: training until ${formatMoment(e.deadline)}`
    case 'submission:received': return `round ${e.round}: update from ${e.peerId}`
    case 'submission:refused': return `round ${e.round}: refused an update from ${e.peerId}: ${e.reason}`
    case 'submission:verified': return `round ${e.round}: update from ${e.peerId} ${e.status}${e.reason != null ? ` (${e.reason})` : ''}`
    case 'assignment:missed': return `round ${e.round}: ${e.peerId} missed its assignment`
    case 'round:done': return `round ${e.round}: done, ${e.accepted} updates, test accuracy ${pct(e.accuracy)}, loss ${e.loss?.toFixed(4) ?? '-'}${e.bitsPerChar !== undefined ? `, ${e.bitsPerChar.toFixed(3)} bits/char\n  sample: ${JSON.stringify(e.sample)}` : ''}`
    case 'round:failed': return `round ${e.round}: FAILED: ${e.reason ?? 'no reason given'}`
    case 'coordinator:finished': return `all ${e.rounds} rounds done`
    case 'coordinator:lingering': return `serving validators for up to ${formatDuration(e.seconds)} more (Ctrl-C stops)`
    case 'worker:refused': return `worker ${e.address} refused: ${e.reason}`
    case 'worker:ineligible': return `worker ${e.address} set inactive: ${e.reason}`
    case 'round:transitioned': return `round ${e.round}: ${e.from} -> ${e.to} (${e.reason})`
    case 'assignment:created': return `round ${e.round}: ${e.peerId} assigned ${e.shards} shard(s), ${e.samples} samples${e.reassignedFrom !== undefined ? ` (reassigned from #${e.reassignedFrom})` : ''}`
    case 'update:clipped': return `round ${e.round}: update from ${e.peerId} clipped (norm ${e.norm.toFixed(3)} over the bound ${e.bound.toFixed(3)})`
    case 'evaluation:failed': return `WARNING round ${e.round}: evaluating the new model failed: ${e.error}`
    case 'dataset:received': return `dataset ${e.datasetId.slice(0, 12)}... received from ${e.contributor}`
    case 'tick:failed': return `WARNING: ${e.error}`
    case 'provider:dropped': return `worker ${e.peerId} no longer named as a provider of ${e.contentId.slice(0, 12)}... (${e.fault === 'wrong-bytes' ? 'sent bytes that failed the hash check' : 'unavailable to several workers'}; reported by ${e.reporter})`
  }
}
