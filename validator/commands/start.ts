/**
 * `validator start`: verifies and scores each round's submissions at a
 * coordinator, reports fraud, until --rounds rounds are done (0 = forever).
 */
import type { Address } from 'viem'
import { createChainClient } from '../../lib/chain/createChainClient.ts'
import { loadAccount } from '../../lib/chain/loadAccount.ts'
import { Progress } from '../../lib/cli/Progress.ts'
import { commonOptions, intBetween } from '../../lib/cli/options.ts'
import { chainOptions } from '../../lib/cli/chainOptions.ts'
import { defineCommand } from '../../lib/cli/defineCommand.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import type { BackendName } from '../../lib/training/selectBackend.ts'
import { ValidatorService, type ValidatorEvent } from '../ValidatorService.ts'

/** The options of `validator start`. */
export const startOptions = {
  coordinator: { type: 'string', description: 'coordinator multiaddr, /ip4/HOST/tcp/PORT/p2p/PEER_ID', env: 'COTRAIN_COORDINATOR' },
  'data-dir': { type: 'string', description: 'state folder: libp2p identity, handled contributions, content cache', env: 'COTRAIN_DATA_DIR', default: '.cotrain/validator' },
  ...chainOptions,
  keystore: { type: 'string', description: 'encrypted keystore file (password in COTRAIN_KEYSTORE_PASSWORD); else COTRAIN_PRIVATE_KEY', env: 'COTRAIN_KEYSTORE' },
  rounds: { type: 'number', description: 'stop after validating this many rounds; 0 = run until interrupted', env: 'COTRAIN_ROUNDS', default: 0, validate: intBetween(0, 1_000_000) },
  // No default: a fresh validator starts at the coordinator's current round (ValidatorService), never at
  // round 1 of a long-running network, whose old contributions it could only misjudge (issue 15).
  'from-round': { type: 'number', description: 'first round to validate on a fresh data dir (default: the coordinator\'s current round)', env: 'COTRAIN_FROM_ROUND', validate: intBetween(1, 2 ** 31) },
  'poll-ms': { type: 'number', description: 'how often to poll the coordinator for submissions', env: 'COTRAIN_POLL_MS', default: 1000, validate: intBetween(50, 600_000) },
  'held-out': { type: 'number', description: 'held-out samples for the quality score (default 1000 MNIST test digits, or 64 text windows for a gpt)', env: 'COTRAIN_HELD_OUT', validate: intBetween(16, 10_000) },
  ...backendOption,
  'proof-window': { type: 'number', description: 'seconds a worker may stay unreachable before its silence counts as withholding its proof (after 3 spaced tries; five times longer while it answers pings)', env: 'COTRAIN_PROOF_WINDOW', default: 120, validate: intBetween(1, 86_400) },
  ...commonOptions
} as const satisfies OptionSpecs

function describe (e: ValidatorEvent): string {
  switch (e.event) {
    case 'validator:ready': return `validator ${e.address} ready (peer ${e.peerId}); backend ${e.backend} (${e.backendReason})`
    case 'submission:verified': return `round ${e.round} #${e.contributionId}: ${e.outcome}${e.score === null ? '' : ` score ${e.score}`} - ${e.reason}`
    case 'submission:skipped': return `round ${e.round} #${e.contributionId}: skipped (${e.reason})`
    case 'scores:sent': return `round ${e.round}: scored ${e.ids.map((id, i) => `#${id}=${e.scores[i]}`).join(', ')} (tx ${e.tx})`
    case 'fraud:reported': return `round ${e.round}: reported #${e.contributionId} as fraud (evidence ${e.evidenceHash}, tx ${e.tx}${e.slashed ? ', slashed' : ''})`
    case 'validation:submitted': return `round ${e.round}: batch recorded as Validation contribution #${e.contributionId}`
    case 'validation:scored': return `scored validator ${e.validator}'s batch #${e.contributionId}: ${e.score} (${e.agreement})`
    case 'validation:abstained': return `left validator ${e.validator}'s batch #${e.contributionId} unscored for now: ${e.reason}`
    case 'round:validated': return `round ${e.round} validated: ${e.scored} scored, ${e.fraud} fraud`
    case 'dataset:validated': return `dataset #${e.contributionId}: score ${e.score}${e.ok ? '' : ' (not intact)'} - ${e.reason}`
    case 'validator:warning': return `warning: ${e.message}`
  }
}

/** `validator start`. */
export const { summary, run } = defineCommand({
  summary: 'verify and score each round\'s submissions at a coordinator, report fraud',
  usage: 'validator start --coordinator MULTIADDR --contract 0xADDR [options]',
  description: 'Verifies every submission of each round (replaying challenged checkpoints fetched from the worker), scores verified updates 1-100 on chain, and reports fraud. The key comes from COTRAIN_PRIVATE_KEY or --keystore; the account must be a validator of the contract.',
  options: startOptions,
  examples: [
    'COTRAIN_PRIVATE_KEY=0x... validator start --coordinator /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW... --contract 0x5FbDB2315678afecb367f032d93F642f64180aa3 --data-dir .cotrain/validator-1',
    'validator start --keystore key.json --coordinator $ADDR --contract $STAKING --rounds 3 --json'
  ]
}, async (o, { env }) => {
  if (o.coordinator === undefined) throw new InvalidInputError('--coordinator is required', { hint: 'the coordinator prints its multiaddr in <data-dir>/coordinator.json' })
  if (o.contract === undefined) throw new InvalidInputError('--contract is required', { hint: 'the CotrainStaking proxy address' })
  const account = await loadAccount({ keystorePath: o.keystore, env })
  const wallet = await createChainClient({ rpcUrl: o['rpc-url'], account })
  const progress = new Progress({ json: o.json })
  const service = new ValidatorService({
    dataDir: o['data-dir'],
    coordinator: o.coordinator,
    wallet,
    contract: o.contract as Address,
    rounds: o.rounds,
    fromRound: o['from-round'],
    pollMs: o['poll-ms'],
    heldOutSamples: o['held-out'],
    proofWindowMs: o['proof-window'] * 1000,
    backend: o.backend as BackendName | 'auto',
    onEvent: (e) => {
      if (o.json) process.stdout.write(JSON.stringify(e) + '\n')
      else progress.line(describe(e))
    }
  })
  const stop = (): void => { void service.stop() }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    await service.start()
    await service.done
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await service.stop()
  }
})
