import { getAbiItem, type Address, type Hash, type Hex, type TransactionReceipt } from 'viem'
import { getLogs, getTransaction, getTransactionCount } from 'viem/actions'
import { getContribution } from '../../lib/chain/actions/getContribution.ts'
import { getContributionIdByHash } from '../../lib/chain/actions/getContributionIdByHash.ts'
import { getContributor } from '../../lib/chain/actions/getContributor.ts'
import { contributionIdFrom } from '../../lib/chain/actions/submitContribution.ts'
import { rpcUrlOf, type WalletChainClient } from '../../lib/chain/createChainClient.ts'
import { ChainError } from '../../lib/chain/errors.ts'
import { broadcastTransaction, decodeStakingEvents, findReceipt, signStakingTransaction, waitForReceipt, type StakingWriteCall } from '../../lib/chain/stakingCall.ts'
import { cotrainStakingAbi } from '../../lib/chain/abi/cotrainStakingAbi.ts'
import { toChainError } from '../../lib/chain/toChainError.ts'
import { ContributionType } from '../../lib/chain/types.ts'
import { OutboxStore } from './OutboxStore.ts'
import { sleep } from '../../lib/async/sleep.ts'
import { TypedEventTarget } from '../../lib/events/TypedEventTarget.ts'

/** A transaction the worker intends to send. */
export type OutboxIntent =
  | { kind: 'submitContribution', ctype: ContributionType, dataHash: Hex }
  | { kind: 'registerContributor', stake: bigint }
  | { kind: 'addStake', value: bigint }
  | { kind: 'claimRewards' }

/**
 * pending: not sent (or to be sent again); sent: a signed transaction is on
 * disk and was (probably) broadcast; confirmed: done, `result` says how;
 * failed: a permanent error, `lastError` says which.
 */
export type OutboxEntryState = 'pending' | 'sent' | 'confirmed' | 'failed'

/** One intended transaction and everything known about it, as stored on disk. */
export type OutboxEntry = {
  /** Sortable: creation time, a sequence number, the kind. */
  id: string
  intent: OutboxIntent
  state: OutboxEntryState
  createdAt: number
  updatedAt: number
  /** Failed attempts so far (drives the backoff). */
  attempts: number
  /** Unix ms before which the entry is not retried. */
  nextAttemptAt: number
  lastError?: string
  /** The signed transaction, written before it is broadcast (write-ahead), so a crash cannot lose track of it. */
  tx?: { hash: Hash, nonce: number, serialized: Hex, signedAt: number }
  result?: {
    txHash?: Hash
    blockNumber?: bigint
    /** submitContribution: the contribution's id. */
    contributionId?: bigint
    /** claimRewards: wei paid. */
    amount?: bigint
    /** Set when the chain already had the effect (found by the idempotence check, not by our receipt). */
    alreadyDone?: boolean
  }
}

/** Event details, by event name. */
export type OutboxEvents = {
  'outbox:queued': { entry: OutboxEntry }
  'outbox:sent': { entry: OutboxEntry, hash: Hash }
  'outbox:confirmed': { entry: OutboxEntry }
  'outbox:retry': { entry: OutboxEntry, error: ChainError, delayMs: number }
  'outbox:failed': { entry: OutboxEntry, error: ChainError }
}

/** Retry timing: exponential backoff with equal jitter, delay in [d/2, d], d = min(maxMs, initialMs * factor^(attempts-1)). */
export type BackoffOptions = { initialMs?: number, maxMs?: number, factor?: number }

/** What an {@link Outbox} needs. */
export type OutboxOptions = {
  /** Folder for the entries (one JSON file each) and the lock. */
  dir: string
  /** Signs with the worker's account; its RPC URL is the one retried. */
  client: WalletChainClient
  /** The staking contract (proxy). */
  address: Address
  backoff?: BackoffOptions
  /** How long one attempt waits for a receipt before it retries; default 120 s. */
  receiptTimeoutMs?: number
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number
}

export const DEFAULT_BACKOFF = { initialMs: 1000, maxMs: 60_000, factor: 2 } as const

/**
 * The worker's on-disk queue of chain transactions. Intents are written to
 * disk before `enqueue` returns; `start()` drives them in order (oldest
 * first, one at a time) until each is confirmed or fails permanently, retrying
 * RPC outages, pauses and nonce races with exponential backoff and jitter.
 *
 * Exactly once: a submission's idempotence key is its data hash. Before
 * anything is (re)sent the chain is asked `contributionIdByHash`; a signed
 * transaction is written to disk before it is broadcast, and after a restart
 * it is looked up by hash (mined, in the mempool, or re-broadcast byte for
 * byte). The contract refuses a second use of a hash in any case.
 *
 * @example
 * const outbox = new Outbox({ dir: join(dataDir, 'outbox'), client, address: staking })
 * outbox.addEventListener('outbox:confirmed', (e) => { log(e.detail.entry.result) })
 * await outbox.start()
 * const entry = await outbox.enqueue({ kind: 'submitContribution', ctype: ContributionType.ComputePower, dataHash })
 * const done = await outbox.waitFor(entry.id)
 */
export class Outbox extends TypedEventTarget<OutboxEvents> {
  private readonly options: OutboxOptions
  private readonly store: OutboxStore<OutboxEntry>
  private readonly entriesById = new Map<string, OutboxEntry>()
  private opened: Promise<void> | undefined
  private loop: Promise<void> | undefined
  private controller: AbortController | undefined
  private wake: (() => void) | undefined
  private seq = 0

  constructor (options: OutboxOptions) {
    super()
    this.options = options
    this.store = new OutboxStore(options.dir)
  }

  /** Opens the folder (taking its lock) and starts sending; `signal` stops it like `stop()`. */
  async start (options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.open()
    if (this.loop != null) return
    const controller = new AbortController()
    this.controller = controller
    options.signal?.addEventListener('abort', () => { controller.abort(options.signal?.reason) }, { once: true })
    this.loop = this.run(controller.signal)
  }

  /** Stops sending (an attempt in flight is abandoned, its state stays on disk) and releases the folder. */
  async stop (): Promise<void> {
    this.controller?.abort(new Error('outbox stopped'))
    this.wake?.()
    await this.loop
    this.loop = undefined
    this.controller = undefined
    await this.store.close()
    this.opened = undefined
  }

  /**
   * Records an intent durably and returns its entry. A submission whose data
   * hash is already in the outbox returns the existing entry instead.
   */
  async enqueue (intent: OutboxIntent): Promise<OutboxEntry> {
    await this.open()
    if (intent.kind === 'submitContribution') {
      const dataHash = intent.dataHash.toLowerCase()
      const existing = [...this.entriesById.values()].find((e) => e.intent.kind === 'submitContribution' && e.intent.dataHash.toLowerCase() === dataHash)
      if (existing != null) return structuredClone(existing)
    }
    const now = Date.now()
    const entry: OutboxEntry = {
      id: `${String(now).padStart(15, '0')}-${String(this.seq++ % 10000).padStart(4, '0')}-${intent.kind}`,
      intent,
      state: 'pending',
      createdAt: now,
      updatedAt: now,
      attempts: 0,
      nextAttemptAt: 0,
    }
    await this.save(entry)
    this.emit('outbox:queued', { entry })
    this.wake?.()
    return structuredClone(entry)
  }

  /** Shorthand for enqueueing a submission (ComputePower by default). */
  async submitContribution (params: { dataHash: Hex, ctype?: ContributionType }): Promise<OutboxEntry> {
    return await this.enqueue({ kind: 'submitContribution', ctype: params.ctype ?? ContributionType.ComputePower, dataHash: params.dataHash })
  }

  /** A copy of every entry, oldest first. */
  entries (): OutboxEntry[] {
    return [...this.entriesById.values()].sort((a, b) => a.id.localeCompare(b.id)).map((e) => structuredClone(e))
  }

  /** A copy of one entry. */
  get (id: string): OutboxEntry | undefined {
    const e = this.entriesById.get(id)
    return e == null ? undefined : structuredClone(e)
  }

  /** Resolves with the entry once confirmed; rejects with its error once failed. */
  async waitFor (id: string, options: { signal?: AbortSignal } = {}): Promise<OutboxEntry> {
    await this.open()
    return await new Promise<OutboxEntry>((resolve, reject) => {
      const check = (): boolean => {
        const e = this.entriesById.get(id)
        if (e == null) { done(); reject(new ChainError(`no outbox entry ${id}`)); return true }
        if (e.state === 'confirmed') { done(); resolve(structuredClone(e)); return true }
        if (e.state === 'failed') { done(); reject(new ChainError(e.lastError ?? `outbox entry ${id} failed`)); return true }
        return false
      }
      const onEvent = (): void => { check() }
      const onAbort = (): void => { done(); reject(options.signal?.reason) }
      const done = (): void => {
        this.removeEventListener('outbox:confirmed', onEvent)
        this.removeEventListener('outbox:failed', onEvent)
        options.signal?.removeEventListener('abort', onAbort)
      }
      if (options.signal?.aborted === true) { reject(options.signal.reason); return }
      if (check()) return
      this.addEventListener('outbox:confirmed', onEvent)
      this.addEventListener('outbox:failed', onEvent)
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  private async open (): Promise<void> {
    this.opened ??= (async () => {
      for (const e of await this.store.open()) this.entriesById.set(e.id, e)
    })()
    try {
      await this.opened
    } catch (err) {
      this.opened = undefined
      throw err
    }
  }

  private async run (signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const head = this.entries().find((e) => e.state === 'pending' || e.state === 'sent')
      const wait = head == null ? Infinity : head.nextAttemptAt - Date.now()
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = wait === Infinity ? undefined : setTimeout(finish, wait)
          function finish (): void { clearTimeout(timer); signal.removeEventListener('abort', finish); resolve() }
          this.wake = finish
          signal.addEventListener('abort', finish, { once: true })
        })
        this.wake = undefined
        continue
      }
      const entry = this.entriesById.get((head as OutboxEntry).id) as OutboxEntry
      try {
        await this.attempt(entry, signal)
      } catch (err) {
        if (signal.aborted) return
        try {
          await this.onError(entry, toChainError(err, { rpcUrl: rpcUrlOf(this.options.client), account: this.account }))
        } catch (diskErr) {
          // Could not even record the failure (disk full?): keep the loop alive and try again later.
          this.emit('outbox:retry', { entry, error: toChainError(diskErr), delayMs: DEFAULT_BACKOFF.maxMs })
          await sleep(DEFAULT_BACKOFF.maxMs, { signal }).catch(() => {}) // a stop ends the wait; the loop checks the signal
        }
      }
    }
  }

  private async onError (entry: OutboxEntry, error: ChainError): Promise<void> {
    entry.lastError = error.message
    if (!error.retryable) {
      entry.state = 'failed'
      await this.save(entry)
      this.emit('outbox:failed', { entry, error })
      return
    }
    entry.attempts++
    const b = { ...DEFAULT_BACKOFF, ...this.options.backoff }
    const d = Math.min(b.maxMs, b.initialMs * b.factor ** (entry.attempts - 1))
    const delayMs = Math.round(d / 2 + (this.options.random ?? Math.random)() * d / 2)
    entry.nextAttemptAt = Date.now() + delayMs
    await this.save(entry)
    this.emit('outbox:retry', { entry, error, delayMs })
  }

  /** One attempt: settle a transaction already on disk, or check the chain and send a new one. */
  private async attempt (entry: OutboxEntry, signal: AbortSignal): Promise<void> {
    const client = this.options.client
    if (entry.tx != null) {
      const receipt = await findReceipt(client, entry.tx.hash)
      if (receipt != null) return await this.settle(entry, receipt)
      if (await this.isKnown(entry.tx.hash)) {
        return await this.settle(entry, await waitForReceipt(client, entry.tx.hash, { signal, receiptTimeoutMs: this.options.receiptTimeoutMs }))
      }
      // Unknown to the node: never broadcast (a crash right after signing), dropped, or the node restarted.
      // If the nonce was used meanwhile, this transaction can never be mined: forget it and start over.
      const used = await this.nonceUsed(entry.tx.nonce)
      if (!used) return await this.broadcastAndSettle(entry, signal)
      entry.tx = undefined
      await this.save(entry)
    }

    if (await this.alreadyDone(entry)) return
    const call = this.callOf(entry.intent)
    const signed = await signStakingTransaction(client, { address: this.options.address, ...call })
    entry.tx = { ...signed, signedAt: Date.now() }
    entry.state = 'sent'
    await this.save(entry) // write-ahead: on disk before it can be on chain
    signal.throwIfAborted()
    await this.broadcastAndSettle(entry, signal)
  }

  private async broadcastAndSettle (entry: OutboxEntry, signal: AbortSignal): Promise<void> {
    const tx = entry.tx as NonNullable<OutboxEntry['tx']>
    try {
      await broadcastTransaction(this.options.client, tx.serialized)
    } catch (err) {
      const e = toChainError(err)
      // "already known": it is in the mempool after all; anything else nonce-ish: start over next attempt.
      if (!/already known|known transaction/i.test(`${e.details ?? ''} ${e.message}`)) {
        if (e.name === 'NonceConflictError') { entry.tx = undefined; entry.state = 'pending'; await this.save(entry) }
        throw e
      }
    }
    this.emit('outbox:sent', { entry, hash: tx.hash })
    await this.settle(entry, await waitForReceipt(this.options.client, tx.hash, { signal, receiptTimeoutMs: this.options.receiptTimeoutMs }))
  }

  private async settle (entry: OutboxEntry, receipt: TransactionReceipt): Promise<void> {
    if (receipt.status !== 'success') {
      // Mined but reverted (the state changed between simulation and mining). The next attempt
      // re-checks the chain and re-simulates, which names the error and decides retry or fail.
      entry.tx = undefined
      entry.state = 'pending'
      await this.save(entry)
      throw new ChainError(`transaction ${receipt.transactionHash} reverted in block ${receipt.blockNumber}`, { retryable: true })
    }
    const result: NonNullable<OutboxEntry['result']> = { txHash: receipt.transactionHash, blockNumber: receipt.blockNumber }
    const events = decodeStakingEvents(this.options.address, receipt)
    if (entry.intent.kind === 'submitContribution') result.contributionId = contributionIdFrom({ events, hash: receipt.transactionHash }, entry.intent.dataHash)
    if (entry.intent.kind === 'claimRewards') result.amount = events.find((e) => e.eventName === 'RewardsClaimed')?.args.amount as bigint | undefined
    await this.confirm(entry, result)
  }

  /** The idempotence check: true (and the entry confirmed) when the chain already has the intent's effect. */
  private async alreadyDone (entry: OutboxEntry): Promise<boolean> {
    const { client, address } = this.options
    const intent = entry.intent
    if (intent.kind === 'submitContribution') {
      const id = await getContributionIdByHash(client, { address, dataHash: intent.dataHash })
      if (id === 0n) return false
      const c = await getContribution(client, { address, id })
      if (c.contributor.toLowerCase() !== this.account.toLowerCase()) {
        throw new ChainError(`data hash ${intent.dataHash} was already submitted by ${c.contributor} (contribution #${id})`, { hint: 'the commitment binds the worker address; this one is not ours' })
      }
      await this.confirm(entry, { contributionId: id, blockNumber: c.submittedBlock, txHash: await this.submissionTx(id, c.submittedBlock), alreadyDone: true })
      return true
    }
    if (intent.kind === 'registerContributor') {
      if (!(await getContributor(client, { address })).registered) return false
      await this.confirm(entry, { alreadyDone: true })
      return true
    }
    return false
  }

  private async confirm (entry: OutboxEntry, result: NonNullable<OutboxEntry['result']>): Promise<void> {
    entry.state = 'confirmed'
    entry.result = result
    entry.lastError = undefined
    await this.save(entry)
    this.emit('outbox:confirmed', { entry })
  }

  private callOf (intent: OutboxIntent): StakingWriteCall<'submitContribution' | 'registerContributor' | 'addStake' | 'claimRewards'> & { value?: bigint } {
    switch (intent.kind) {
      case 'submitContribution': return { functionName: 'submitContribution', args: [intent.ctype, intent.dataHash] }
      case 'registerContributor': return { functionName: 'registerContributor', value: intent.stake }
      case 'addStake': return { functionName: 'addStake', value: intent.value }
      case 'claimRewards': return { functionName: 'claimRewards' }
    }
  }

  private async isKnown (hash: Hash): Promise<boolean> {
    try {
      await getTransaction(this.options.client, { hash })
      return true
    } catch (err) {
      if ((err as { name?: string }).name === 'TransactionNotFoundError') return false
      throw err
    }
  }

  private async nonceUsed (nonce: number): Promise<boolean> {
    return await getTransactionCount(this.options.client, { address: this.account, blockTag: 'latest' }) > nonce
  }

  /** The transaction that mined contribution `id` (from its event), for the record. */
  private async submissionTx (id: bigint, block: bigint): Promise<Hash | undefined> {
    const event = getAbiItem({ abi: cotrainStakingAbi, name: 'ContributionSubmitted' })
    const logs = await getLogs(this.options.client, { address: this.options.address, event, args: { id }, fromBlock: block, toBlock: block })
    return logs[0]?.transactionHash ?? undefined
  }

  private get account (): Address {
    return this.options.client.account.address
  }

  private async save (entry: OutboxEntry): Promise<void> {
    entry.updatedAt = Date.now()
    this.entriesById.set(entry.id, entry)
    await this.store.put(entry)
  }

  /** Listeners get a copy of the entry, so they cannot change the queue's own. */
  override emit<K extends keyof OutboxEvents> (type: K, detail: OutboxEvents[K]): boolean {
    return super.emit(type, { ...detail, entry: structuredClone(detail.entry) })
  }
}
