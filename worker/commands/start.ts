import { createInterface } from 'node:readline/promises'
import { formatEther, parseEther } from 'viem'
import { InvalidInputError } from '../../lib/errors.ts'
import { loadAccount } from '../../lib/chain/index.ts'
import { intBetween, renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { Progress } from '../../lib/cli/Progress.ts'
import type { BackendName } from '../../lib/training/selectBackend.ts'
import { backendOption } from '../../lib/cli/backendOption.ts'
import type { WorkerEvent } from '../node/events.ts'
import { WORKER_FAULTS, validateFaultMode, type WorkerFault } from '../../lib/faults/index.ts'
import { parseCoordinator } from '../node/CoordinatorLink.ts'
import { parseSchedule } from '../node/TrainingGate.ts'
import { WorkerNode, type WorkerNodeOptions } from '../node/WorkerNode.ts'
import { workerBaseOptions } from './workerOptions.ts'

/** `worker start`'s options (`worker service install` takes the same). */
export const startSpecs = {
  coordinator: { type: 'string', description: "the coordinator's multiaddr with /p2p/<peer id> (see its coordinator.json)", env: 'COTRAIN_COORDINATOR' },
  ...workerBaseOptions,
  ...backendOption,
  stake: { type: 'string', description: 'when the account is not registered yet, stake this much ETH (without it the worker asks at a terminal, else stakes nothing)', env: 'COTRAIN_STAKE', validate: (v: string) => /^\d+(\.\d{1,18})?$/.test(v) && parseEther(v) > 0n ? undefined : `not a positive amount of ETH: "${v}"` },
  threads: { type: 'number', description: 'data-parallel training threads (cpu/wasm)', default: 1, env: 'COTRAIN_THREADS', validate: intBetween(1, 256) },
  fault: { type: 'string', description: `cheat on purpose (testing): ${WORKER_FAULTS.join(', ')}`, default: 'none', env: 'COTRAIN_FAULT', validate: validateFaultMode },
  'copy-from': { type: 'string', description: "--fault copy: another worker's --data-dir to copy updates from", env: 'COTRAIN_COPY_FROM' },
  'metrics-port': { type: 'number', description: 'serve Prometheus /metrics on 127.0.0.1:PORT (0 = any free port)', env: 'COTRAIN_METRICS_PORT', validate: intBetween(0, 65535) },
  rounds: { type: 'number', description: 'stop after this many rounds (0 = run until stopped)', default: 0, env: 'COTRAIN_ROUNDS', validate: intBetween(0, 1_000_000) },
  'reconnect-seconds': { type: 'number', description: 'keep trying to reach a coordinator that does not answer this long (committed, undelivered work is retried until delivered)', default: 600, env: 'COTRAIN_RECONNECT_SECONDS', validate: intBetween(1, 604_800) },
  linger: { type: 'number', description: 'after the last round, serve checkpoints up to this many seconds until the coordinator moves on', default: 60, env: 'COTRAIN_LINGER', validate: intBetween(0, 86_400) },
  'idle-only': { type: 'boolean', description: 'train only when other processes have used under 20 % of the CPU for --idle-seconds in a row', default: false, env: 'COTRAIN_IDLE_ONLY' },
  'idle-seconds': { type: 'number', description: 'with --idle-only: how long the machine must be idle first', default: 120, env: 'COTRAIN_IDLE_SECONDS', validate: intBetween(1, 86_400) },
  'max-cpu': { type: 'number', description: 'percent of one core the training thread may use (it sleeps the rest of each step)', default: 100, env: 'COTRAIN_MAX_CPU', validate: intBetween(1, 100) },
  schedule: { type: 'string', description: 'train only in this daily window, local time, HH:MM-HH:MM (may wrap midnight)', env: 'COTRAIN_SCHEDULE' },
  listen: { type: 'string', description: 'libp2p listen address (validators dial it for checkpoints)', default: '/ip4/127.0.0.1/tcp/0', env: 'COTRAIN_LISTEN' }
} as const satisfies OptionSpecs

const help = renderHelp('worker start --coordinator MULTIADDR [options]', 'Joins a coordinator and trains rounds with proof of training; commits each update on chain when --contract is set. An account not yet registered stakes only with --stake ETH or a yes at the terminal, and only after the coordinator answered.', startSpecs, [
  'COTRAIN_PRIVATE_KEY=0x... worker start --coordinator /ip4/127.0.0.1/tcp/9000/p2p/12D3KooW... --data-dir w1 --contract 0x5FbD... --stake 1',
  'worker start --coordinator ... --keystore key.json --backend wasm --threads 2 --rounds 3 --json',
  'worker start --coordinator ... --idle-only --max-cpu 50 --schedule 22:00-07:00',
  'worker pause / worker resume   # from another terminal, same --data-dir',
  'worker start --coordinator ... --fault skip-steps --rounds 1   # a cheater, to watch it get caught'
])

/** `worker start`: the WorkerNode until --rounds are done or SIGINT/SIGTERM. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(startSpecs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  if (o.coordinator === undefined) throw new InvalidInputError('missing --coordinator', { hint: "pass the coordinator's multiaddr (in its coordinator.json) or set COTRAIN_COORDINATOR" })
  parseCoordinator(o.coordinator)
  const account = await loadAccount({ keystorePath: o.keystore })
  const json = o.json
  const progress = new Progress({ json })
  const options: WorkerNodeOptions = {
    coordinator: o.coordinator,
    dataDir: o['data-dir'],
    account,
    rpcUrl: o['rpc-url'],
    contract: o.contract as `0x${string}` | undefined,
    stake: o.stake === undefined ? undefined : parseEther(o.stake),
    confirmStake: process.stdin.isTTY === true && !json ? askToStake : undefined,
    backend: o.backend as BackendName | 'auto',
    threads: o.threads,
    fault: o.fault as WorkerFault,
    copyFrom: o['copy-from'],
    metricsPort: o['metrics-port'],
    rounds: o.rounds,
    lingerSeconds: o.linger,
    reconnectSeconds: o['reconnect-seconds'],
    listen: [o.listen],
    limits: {
      idleOnly: o['idle-only'] ? { idleSeconds: o['idle-seconds'], busyFraction: 0.2 } : undefined,
      maxCpuPercent: o['max-cpu'] < 100 ? o['max-cpu'] : undefined,
      schedule: o.schedule === undefined ? undefined : parseSchedule(o.schedule)
    },
    progress,
    log: (line) => { if (!json || o.verbose) process.stderr.write(`${line}\n`) },
    onEvent: (e) => { process.stdout.write(json ? JSON.stringify(e) + '\n' : describeEvent(e) + '\n') }
  }
  const controller = new AbortController()
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130)
    process.stderr.write('stopping after the current training step (checkpoints are kept; Ctrl-C again to quit at once)\n')
    controller.abort(new Error('interrupted'))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let worker: WorkerNode | undefined
  try {
    worker = await WorkerNode.start(options, { signal: controller.signal })
    await worker.done
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await worker?.stop()
  }
}

/** Asks at the terminal whether to stake the minimum; only "y" or "yes" agrees. */
async function askToStake (q: { minimum: bigint, address: string, contract: string }): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await rl.question(`${q.address} is not registered on ${q.contract}. Stake ${formatEther(q.minimum)} ETH (the minimum; slashed if this worker cheats)? [y/N] `)
    return /^y(es)?$/i.test(answer.trim())
  } finally {
    rl.close()
  }
}

/** One human-readable line per event. */
export function describeEvent (e: WorkerEvent): string {
  switch (e.event) {
    case 'worker:ready': return `worker ${e.address} ready: peer ${e.peerId} on ${e.addrs.join(', ')}; backend ${e.backend} (${e.backendReason}); coordinator ${e.coordinator}${e.contract !== null ? `; contract ${e.contract}` : ''}`
    case 'round:assigned': return `round ${e.round}: assigned ${e.shards} shard(s), ${e.samples} samples, ${e.steps} steps`
    case 'round:trained': return `round ${e.round}: trained in ${e.seconds.toFixed(1)} s (${e.samplesPerSecond.toFixed(0)} samples/s), loss ${e.loss.toFixed(4)}${e.resumedFrom !== null ? `, resumed after checkpoint ${e.resumedFrom}` : ''}${e.fault !== 'none' ? `, FAULT ${e.fault}` : ''}; commitment ${e.commitment}`
    case 'contribution:submitted': return `round ${e.round}: committed${e.contributionId !== null ? ` on chain as contribution ${e.contributionId} (tx ${e.txHash ?? '?'})` : ' (no --contract: not on chain)'}`
    case 'update:accepted': return `round ${e.round}: update accepted by the coordinator`
    case 'update:rejected': return `round ${e.round}: update REJECTED by the coordinator: ${e.code} ${e.reason}`
    case 'round:done': return `round ${e.round}: done (${e.status})`
    case 'worker:waiting': return e.reason
    case 'contribution:reported': return `round ${e.round}: contribution ${e.contributionId} was REPORTED for fraud by ${e.reports} validator(s); it is slashed if a quorum agrees`
    case 'contribution:slashed': return `round ${e.round}: contribution ${e.contributionId} was SLASHED (fraud confirmed by ${e.reports} validator(s)); see worker rewards --history`
    case 'contribution:finalized': return `round ${e.round}: contribution ${e.contributionId} scored ${e.score}/100, reward ${formatEther(BigInt(e.rewardWei))} ETH (locked for the challenge window)`
    case 'worker:slashed': return `STAKE SLASHED: lost ${formatEther(BigInt(e.amountWei))} ETH, ${formatEther(BigInt(e.stakeWei))} ETH left`
    case 'worker:ineligible': return `not eligible for work: ${e.reason}`
    case 'worker:paused': return `training held: ${e.reason}`
    case 'worker:resumed': return 'training resumed'
    case 'worker:stopped': return `worker stopped after ${e.roundsDone} round(s): ${e.reason}`
  }
}

export const summary = 'join a coordinator and train rounds with proof of training'
