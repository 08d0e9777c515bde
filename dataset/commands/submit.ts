/**
 * `dataset submit`: packs MNIST-format IDX files into shards, publishes them
 * to a coordinator and submits the Dataset contribution on chain.
 */
import { isAddress, parseEther, type Address } from 'viem'
import { loadAccount } from '../../lib/chain/loadAccount.ts'
import { Progress } from '../../lib/cli/Progress.ts'
import { commonOptions, intBetween, renderHelp, resolveOptions } from '../../lib/cli/options.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { submitDataset } from '../submitDataset.ts'
import type { DatasetSubmitEvent } from '../submitDataset.ts'

/** The options of `dataset submit`. */
export const submitOptions = {
  coordinator: { type: 'string', description: 'coordinator multiaddr, /ip4/HOST/tcp/PORT/p2p/PEER_ID', env: 'COTRAIN_COORDINATOR' },
  images: { type: 'string', description: 'IDX images file (uint8, [N, ...sample], e.g. train-images-idx3-ubyte)', env: 'COTRAIN_IMAGES' },
  labels: { type: 'string', description: 'IDX labels file (uint8, [N])', env: 'COTRAIN_LABELS' },
  text: { type: 'string', description: 'instead of --images/--labels: UTF-8 text files for a language model, comma-separated (char tokenizer recorded in the manifest)', env: 'COTRAIN_TEXT' },
  'context-length': { type: 'number', description: 'with --text: tokens per window (the gpt\'s contextLength)', env: 'COTRAIN_CONTEXT_LENGTH', default: 64, validate: intBetween(1, 4096) },
  shards: { type: 'number', description: 'shards to cut the dataset into; 0 = about 8 MiB each', env: 'COTRAIN_SHARDS', default: 0, validate: intBetween(0, 4096) },
  'num-classes': { type: 'number', description: 'number of classes; default max label + 1', env: 'COTRAIN_NUM_CLASSES', validate: intBetween(1, 256) },
  'rpc-url': { type: 'string', description: 'Ethereum JSON-RPC endpoint', env: 'COTRAIN_RPC_URL', default: 'http://127.0.0.1:8545' },
  contract: { type: 'string', description: 'CotrainStaking proxy address', env: 'COTRAIN_CONTRACT', validate: (v: string) => isAddress(v) ? undefined : `"${v}" is not an address` },
  keystore: { type: 'string', description: 'encrypted keystore file (password in COTRAIN_KEYSTORE_PASSWORD); else COTRAIN_PRIVATE_KEY', env: 'COTRAIN_KEYSTORE' },
  stake: { type: 'string', description: 'ETH to stake when registering; default the contract minimum', env: 'COTRAIN_STAKE' },
  'auto-register': { type: 'boolean', description: 'register with stake when not registered (COTRAIN_AUTO_REGISTER=false to refuse instead)', env: 'COTRAIN_AUTO_REGISTER', default: true },
  'data-dir': { type: 'string', description: 'folder for the libp2p identity; default a fresh identity', env: 'COTRAIN_DATA_DIR' },
  ...commonOptions
} as const satisfies OptionSpecs

const USAGE = 'dataset submit --coordinator MULTIADDR (--images FILE --labels FILE | --text FILE,...) --contract 0xADDR [options]'
const DESCRIPTION = 'Packs an MNIST-format dataset (or UTF-8 text for a language model: training windows and the held-out split, every 20th window) into content-addressed shards, publishes it to a coordinator, and submits it as a Dataset contribution (the key comes from COTRAIN_PRIVATE_KEY or --keystore).'
const EXAMPLES = [
  'COTRAIN_PRIVATE_KEY=0x... dataset submit --coordinator /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW... --images train-images-idx3-ubyte --labels train-labels-idx1-ubyte --shards 10 --contract 0x5FbDB2315678afecb367f032d93F642f64180aa3',
  'dataset submit --keystore key.json --images imgs.idx --labels labels.idx --coordinator $ADDR --contract $STAKING --json',
  'dataset submit --text book1.txt,book2.txt --context-length 64 --coordinator $ADDR --contract $STAKING'
]

function required<T> (value: T | undefined, flag: string, hint: string): T {
  if (value === undefined || value === '') throw new InvalidInputError(`--${flag} is required`, { hint })
  return value
}

/** Runs `dataset submit` with `argv` (the arguments after the command name). */
export async function runSubmit (argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { options: o } = resolveOptions(submitOptions, { argv, env })
  if (o.help) {
    process.stdout.write(renderHelp(USAGE, DESCRIPTION, submitOptions, EXAMPLES))
    return
  }
  const coordinator = required(o.coordinator, 'coordinator', 'the coordinator prints its multiaddr in <data-dir>/coordinator.json')
  const text = o.text?.split(',').map((f) => f.trim()).filter((f) => f !== '')
  if (text !== undefined && (o.images !== undefined || o.labels !== undefined)) throw new InvalidInputError('--text cannot be combined with --images/--labels', { hint: 'submit text and images as separate datasets' })
  const images = text === undefined ? required(o.images, 'images', 'an IDX images file such as train-images-idx3-ubyte, or --text FILES') : undefined
  const labels = text === undefined ? required(o.labels, 'labels', 'an IDX labels file such as train-labels-idx1-ubyte') : undefined
  const contract = required(o.contract, 'contract', 'the CotrainStaking proxy address') as Address
  let stake: bigint | undefined
  if (o.stake !== undefined) {
    try {
      stake = parseEther(o.stake)
    } catch {
      throw new InvalidInputError(`--stake "${o.stake}" is not an amount of ETH`)
    }
  }
  const account = await loadAccount({ keystorePath: o.keystore, env })

  const progress = new Progress({ json: o.json })
  const onEvent = (e: DatasetSubmitEvent): void => {
    if (o.json) {
      process.stdout.write(JSON.stringify(e) + '\n')
      return
    }
    switch (e.event) {
      case 'dataset:packed': progress.line(`packed ${e.samples} samples of [${e.sampleShape.join('x')}], ${e.numClasses} classes, into ${e.shards} shards${e.heldOutShards !== undefined ? ` and ${e.heldOutSamples} held-out windows in ${e.heldOutShards}` : ''} (${(e.bytes / 1024 / 1024).toFixed(1)} MiB); dataset ${e.datasetId}`); break
      case 'contributor:registered': progress.line(`registered ${e.address} with ${e.stake} ETH stake (tx ${e.txHash})`); break
      case 'shard:sent': progress.update('uploading shards', e.sent, e.needed); break
      case 'dataset:published': progress.line(`published to ${e.coordinator}: ${e.sent} shards sent, ${e.skipped} already held`); break
      case 'contribution:submitted':
        process.stdout.write(e.alreadySubmitted
          ? `contribution #${e.contributionId} (Dataset ${e.datasetId}) was already on chain\n`
          : `contribution #${e.contributionId} submitted: Dataset ${e.datasetId} (tx ${e.txHash}, block ${e.blockNumber})\n`)
        break
    }
  }
  const controller = new AbortController()
  const onSignal = (): void => { controller.abort(new InvalidInputError('interrupted')) }
  process.once('SIGINT', onSignal)
  try {
    await submitDataset({
      coordinator,
      images,
      labels,
      text,
      contextLength: o['context-length'],
      shards: o.shards,
      numClasses: o['num-classes'],
      rpcUrl: o['rpc-url'],
      contract,
      account,
      stake,
      autoRegister: o['auto-register'],
      dataDir: o['data-dir']
    }, { signal: controller.signal, onEvent })
  } finally {
    process.off('SIGINT', onSignal)
  }
}
