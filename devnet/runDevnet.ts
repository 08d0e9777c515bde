import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { formatEther, type Address } from 'viem'
import { ComponentProcess, type ComponentEvent } from './ComponentProcess.ts'
import type { CoordinatorEvent } from '../coordinator/events.ts'
import { COORDINATOR_NODE_FLAGS } from '../coordinator/nodeFlags.ts'
import type { ValidatorEvent } from '../validator/events.ts'
import type { WorkerEvent } from '../worker/node/events.ts'
import { devnetQuorum, setupDevChain } from './setupDevChain.ts'
import { readChainSummary, type AccountSummary } from './readChainSummary.ts'
import { CotrainError, InvalidInputError } from '../lib/errors.ts'
import type { BackendName } from '../lib/training/selectBackend.ts'
import type { DashboardStatus } from '../coordinator/dashboard/DashboardStatus.ts'
import { sleep } from '../lib/async/sleep.ts'

/** Options of one devnet run; the CLI's flags map onto these one to one. */
export interface DevnetOptions {
  workers: number
  rounds: number
  validators: number
  model: 'mlp' | 'cnn' | 'gpt'
  /** A user's model topology (coordinator start --model-file), trained on MNIST instead of `model`. */
  modelFile?: string
  /** gpt only: fields over the devnet's gpt config (DEVNET_GPT_CONFIG), e.g. a smaller model for a quick run. */
  modelConfig?: Record<string, number>
  /** gpt only: UTF-8 text files the coordinator trains on (coordinator start --text) instead of the Brown corpus. */
  text?: string[]
  /** A fault mode for one extra, cheating worker; 'none' for an honest run. */
  cheat: string
  /** TensorFlow.js backend of worker i (honest workers first, then the cheater); wasm where the list is shorter. */
  workerBackends?: BackendName[]
  steps: number
  checkpointInterval: number
  trainSamples: number
  chainPort: number
  dashboardPort: number
  dataDir: string
  /** How long to wait for validators to settle every contribution after the last round. */
  settleTimeoutS: number
  /**
   * Starts one more validator, with default flags, only once this round is
   * done: a validator that joins a running network late. It is registered on
   * chain from the start (later additions wait the contract's change delay)
   * but the quorum stays that of the others, and the settle wait also waits
   * for it to get through the last round.
   */
  lateValidatorAfterRound?: number
  signal?: AbortSignal
  /** Called with every event of every component, and with devnet's own progress lines. */
  onEvent?: (source: string, event: ComponentEvent) => void
  onLine?: (line: string) => void
}

/** One worker (or validator) of the run as the final table shows it. */
export interface DevnetParticipant extends AccountSummary {
  name: string
  role: 'worker' | 'cheater' | 'validator' | 'late-validator'
  fault: string
  /** The --backend it was started with (validators: auto). */
  backend: string
}

/** What a devnet run produced: rounds with model quality and the chain's per-account outcome. */
export interface DevnetResult {
  contract: Address
  rpcUrl: string
  dashboardUrl?: string
  rounds: Array<{ number: number, state: string, accuracy?: number, loss?: number, bitsPerChar?: number, sample?: string, accepted: number, rejected: number }>
  participants: DevnetParticipant[]
  settled: boolean
  /** Seconds from the coordinator's last round to the last compute contribution settling (or to the timeout). */
  settleSeconds: number
  /** Compute contributions still pending when the settle wait ended, as `name#id`. */
  pendingAtEnd: string[]
}

/**
 * The devnet's language model: small enough that four trainers, two
 * validators and a coordinator share two cores and still finish a round in
 * about a minute (2 layers, width 64, context 32: 0.11M weights), batch 16.
 */
export const DEVNET_GPT_CONFIG = { layers: 2, heads: 4, embedDim: 64, contextLength: 32 }

/** The coordinator's gpt flags: DEVNET_GPT_CONFIG with `overrides`, batch 16, 64 held-out windows a round, and the text files if given. */
function devnetGptArgs (overrides: Record<string, number> = {}, text: string[] = []): string[] {
  return ['--model-config', JSON.stringify({ ...DEVNET_GPT_CONFIG, ...overrides }), '--batch-size', '16', '--test-samples', '64',
    ...(text.length > 0 ? ['--text', text.map((f) => resolve(f)).join(',')] : [])]
}

/**
 * Runs the whole system locally: a Hardhat node with the staking contract, a
 * coordinator, validators and workers as separate processes, `rounds` rounds of
 * real MNIST training with proofs, challenges, scores and rewards. Every process
 * it started is stopped when it returns, throws, or `signal` aborts.
 */
export async function runDevnet (options: DevnetOptions): Promise<DevnetResult> {
  const line = options.onLine ?? (() => {})
  if (options.model !== 'gpt' && (options.text !== undefined || options.modelConfig !== undefined)) throw new InvalidInputError('--text and --model-config need --model gpt')
  rmSync(options.dataDir, { recursive: true, force: true })
  mkdirSync(options.dataDir, { recursive: true })
  const cheaters = options.cheat === 'none' ? 0 : 1
  const late = options.lateValidatorAfterRound !== undefined ? 1 : 0
  const processes: Array<ComponentProcess<ComponentEvent>> = []
  line(`starting hardhat node on 127.0.0.1:${options.chainPort} and deploying the staking contract`)
  const dev = await setupDevChain({ port: options.chainPort, validators: options.validators + late, quorum: devnetQuorum(options.validators), poolEth: '100', accounts: 1 + options.validators + late + options.workers + cheaters, signal: options.signal })
  const stopAll = async (): Promise<void> => {
    await Promise.all(processes.map(async (p) => await p.stop()))
    await dev.chain.stop()
  }
  const onAbort = (): void => { void stopAll() }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const common = ['--rpc-url', dev.chain.url, '--contract', dev.contract, '--json']
    const start = <E extends ComponentEvent>(name: string, component: string, args: string[], privateKey?: string): ComponentProcess<E> => {
      // The coordinator runs with the heap settings npm run coordinator gives it.
      const p = new ComponentProcess<E>(name, join(component, 'cli.ts'), args, { env: privateKey != null ? { COTRAIN_PRIVATE_KEY: privateKey } : {}, nodeFlags: component === 'coordinator' ? COORDINATOR_NODE_FLAGS : [] })
      p.on('event', (ev) => options.onEvent?.(name, ev))
      p.on('process:exited', ({ code }) => { if (code !== 0 && code !== null) line(`${name} exited with code ${code}: ${p.lastError()}`) })
      processes.push(p)
      return p
    }
    line(`contract ${dev.contract}; validators ${dev.validators.join(', ')}`)

    const coordDir = join(options.dataDir, 'coordinator')
    const coordinator = start<CoordinatorEvent>('coordinator', 'coordinator', ['start', ...common,
      '--listen', '/ip4/127.0.0.1/tcp/0', '--data-dir', coordDir, ...(options.modelFile !== undefined ? ['--model-file', resolve(options.modelFile)] : ['--model', options.model]),
      '--shards', String(Math.max(2, (options.workers + cheaters) * 2)), '--train-samples', String(options.trainSamples),
      '--rounds', String(options.rounds), '--min-workers', String(options.workers + cheaters), '--min-updates', '1',
      '--steps', String(options.steps), '--checkpoint-interval', String(options.checkpointInterval),
      '--dashboard-port', String(options.dashboardPort), '--linger', String(options.settleTimeoutS + 60),
      ...(options.model === 'gpt' ? devnetGptArgs(options.modelConfig, options.text) : [])])
    await coordinator.waitFor((e) => e.event === 'coordinator:ready', { signal: options.signal, timeoutMs: 180_000 })
    const info = JSON.parse(readFileSync(join(coordDir, 'coordinator.json'), 'utf8')) as { multiaddrs: string[], dashboardUrl?: string }
    const coordAddr = info.multiaddrs[0]
    line(`coordinator ready at ${coordAddr}${info.dashboardUrl != null ? `; dashboard ${info.dashboardUrl}` : ''}`)

    const accounts = dev.chain.accounts
    const participants: Array<{ name: string, role: DevnetParticipant['role'], fault: string, backend: string, address: Address }> = []
    for (let i = 0; i < options.validators; i++) {
      const name = `validator-${i + 1}`
      start<ValidatorEvent>(name, 'validator', ['start', ...common, '--coordinator', coordAddr, '--data-dir', join(options.dataDir, name)], accounts[1 + i].privateKey)
      participants.push({ name, role: 'validator', fault: 'none', backend: 'auto', address: accounts[1 + i].address })
    }
    for (let i = 0; i < options.workers + cheaters; i++) {
      const cheater = i >= options.workers
      const name = cheater ? `cheater-${options.cheat}` : `worker-${i + 1}`
      const acct = accounts[1 + options.validators + late + i]
      // Workers are not told to stop after N rounds: they must keep serving
      // their checkpoints until the validators have checked them.
      const backend = options.workerBackends?.[i] ?? 'wasm'
      start<WorkerEvent>(name, 'worker', ['start', ...common, '--coordinator', coordAddr, '--data-dir', join(options.dataDir, name), '--backend', backend, '--fault', cheater ? options.cheat : 'none', '--stake', '1'], acct.privateKey)
      participants.push({ name, role: cheater ? 'cheater' : 'worker', fault: cheater ? options.cheat : 'none', backend, address: acct.address })
    }

    let lateValidator: ComponentProcess<ValidatorEvent> | undefined
    if (options.lateValidatorAfterRound !== undefined) {
      const after = options.lateValidatorAfterRound
      const acct = accounts[1 + options.validators]
      participants.push({ name: 'validator-late', role: 'late-validator', fault: 'none', backend: 'auto', address: acct.address })
      const off = coordinator.on('event', (e) => {
        if (e.event !== 'round:done' || e.round < after || lateValidator !== undefined) return
        off()
        line(`round ${e.round} done: starting validator-late with default flags`)
        lateValidator = start<ValidatorEvent>('validator-late', 'validator', ['start', ...common, '--coordinator', coordAddr, '--data-dir', join(options.dataDir, 'validator-late')], acct.privateKey)
      })
    }

    // The coordinator keeps serving after its last round (--linger): validators
    // still fetch models, shards and deltas from it to settle those rounds.
    // waitFor rejects with the coordinator's last error if it exits first.
    await coordinator.waitFor((e) => e.event === 'coordinator:finished', { signal: options.signal, timeoutMs: options.rounds * 600_000 })
    if (options.signal?.aborted === true) throw options.signal.reason
    const rounds: DevnetResult['rounds'] = []
    for (const e of coordinator.events) {
      if (e.event === 'round:done') rounds.push({ number: e.round, state: 'done', accuracy: e.accuracy, loss: e.loss, bitsPerChar: e.bitsPerChar, sample: e.sample, accepted: e.accepted, rejected: e.rejected })
      else if (e.event === 'round:failed') rounds.push({ number: e.round, state: 'failed', accepted: 0, rejected: 0 })
    }

    line(`training done; waiting up to ${options.settleTimeoutS}s for validators to settle every contribution on chain`)
    const settleStart = Date.now()
    const deadline = settleStart + options.settleTimeoutS * 1000
    let settled = false
    let pendingAtEnd: string[] = []
    const contributors = participants.filter((p) => p.role === 'worker' || p.role === 'cheater')
    // A late validator has caught up once it has been through the last round.
    const caughtUp = (): boolean => lateValidator === undefined || lateValidator.events.some((e) => e.event === 'round:validated' && e.round >= options.rounds)
    while (!isAborted(options.signal)) {
      const byAccount = await readChainSummary(dev.chain.url, dev.contract, contributors.map((p) => p.address))
      pendingAtEnd = contributors.flatMap((p) => byAccount.get(p.address)!.pendingComputeIds.map((id) => `${p.name}#${id}`))
      if (pendingAtEnd.length === 0 && caughtUp()) { settled = true; break }
      if (Date.now() >= deadline) break
      await sleep(1000)
    }
    const settleSeconds = (Date.now() - settleStart) / 1000
    line(settled ? `every compute contribution settled ${settleSeconds.toFixed(0)}s after the last round` : `still pending after ${settleSeconds.toFixed(0)}s: ${pendingAtEnd.join(', ')}`)
    // On a devnet nobody wants to wait out the reward lock: move chain time past it.
    await rpc(dev.chain.url, 'evm_increaseTime', [Number(dev.params.rewardLockPeriod) + 1])
    await rpc(dev.chain.url, 'evm_mine', [])
    const byAccount = await readChainSummary(dev.chain.url, dev.contract, participants.map((p) => p.address))
    const result: DevnetResult = {
      contract: dev.contract,
      rpcUrl: dev.chain.url,
      dashboardUrl: info.dashboardUrl,
      rounds,
      participants: participants.map((p) => ({ ...byAccount.get(p.address)!, name: p.name, role: p.role, fault: p.fault, backend: p.backend })),
      settled,
      settleSeconds,
      pendingAtEnd
    }
    writeFileSync(join(options.dataDir, 'result.json'), JSON.stringify(result, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v, 2))
    return result
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    await stopAll()
  }
}

async function rpc (url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  const body = await res.json() as { result?: unknown, error?: { message: string } }
  if (body.error != null) throw new CotrainError(`${method} failed: ${body.error.message}`)
  return body.result
}

/** The final table: rounds with model quality, then every participant's on-chain outcome. */
export function renderDevnetTable (result: DevnetResult): string {
  const pct = (v?: number): string => v == null ? '-' : `${(v * 100).toFixed(2)}%`
  const eth = (v: bigint): string => Number(formatEther(v)).toFixed(5)
  const table = (head: string[], rows: string[][]): string => {
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
    const fmt = (r: string[]): string => r.map((c, i) => c.padEnd(w[i])).join('  ')
    return [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(fmt)].join('\n')
  }
  const lm = result.rounds.some((r) => r.bitsPerChar != null)
  const rounds = table(['round', 'state', lm ? 'next-char accuracy' : 'test accuracy', 'test loss', ...(lm ? ['bits/char'] : []), 'accepted', 'rejected'],
    result.rounds.map((r) => [String(r.number), r.state, pct(r.accuracy), r.loss == null ? '-' : r.loss.toFixed(4), ...(lm ? [r.bitsPerChar == null ? '-' : r.bitsPerChar.toFixed(3)] : []), String(r.accepted), String(r.rejected)]))
  const last = result.rounds.filter((r) => r.sample != null).at(-1)
  const sample = last === undefined ? '' : `\n\nSample from round ${last.number}'s model (fixed prompt and seed)\n${last.sample!}`
  const people = table(['name', 'role', 'backend', 'contributions', 'finalized', 'fraud', 'pending', 'median scores', 'reputation', 'earned ETH', 'claimable ETH', 'locked ETH', 'slashed ETH'],
    result.participants.map((p) => [p.name, p.role, p.backend, String(p.contributions), String(p.finalized), String(p.fraudulent), String(p.pending), p.scores.join(',') || '-', String(p.reputation), eth(p.earnedWei), eth(p.claimableWei), eth(p.lockedWei), eth(p.slashedWei)]))
  return `Rounds\n${rounds}${sample}\n\nParticipants (on chain, after the reward lock)\n${people}\n${result.settled ? `\nevery compute contribution settled ${result.settleSeconds.toFixed(0)}s after the last round\n` : `\nnote: still pending when the settle timeout passed: ${result.pendingAtEnd.join(', ')}\n`}`
}

/** Reads the coordinator's dashboard status, for callers that watch a run. */
export async function fetchStatus (dashboardUrl: string): Promise<DashboardStatus> {
  return await (await fetch(`${dashboardUrl}/api/status`)).json() as DashboardStatus
}

// A function, not an inline check, because TypeScript narrows `signal.aborted`
// once and would think it cannot change inside the settle loop.
function isAborted (signal?: AbortSignal): boolean {
  return signal?.aborted === true
}
