import { encodeFunctionData, keccak256, parseEventLogs, type Address, type Hash, type Hex, type TransactionReceipt } from 'viem'
import { estimateContractGas, getTransactionReceipt, prepareTransactionRequest, readContract, sendRawTransaction, simulateContract, writeContract } from 'viem/actions'
import { ChainError } from './errors.ts'
import { rpcUrlOf, type ChainClient, type WalletChainClient } from './createChainClient.ts'
import { stakingAbi } from './stakingArtifact.ts'
import { toChainError } from './toChainError.ts'

/** A decoded CotrainStaking event from a receipt. */
export type StakingEvent = { eventName: string, args: Record<string, unknown>, logIndex: number }

/** What a confirmed staking transaction gave. */
export type StakingWriteResult = {
  hash: Hash
  blockNumber: bigint
  receipt: TransactionReceipt
  /** The staking contract's events in the receipt, decoded. */
  events: StakingEvent[]
}

/** Options every write action takes. */
export type WriteOptions = {
  /** Stops waiting for the receipt (the transaction may still be mined). */
  signal?: AbortSignal
  /** How long to wait for the receipt; default 120 s. */
  receiptTimeoutMs?: number
}

/** A signed transaction not yet broadcast: what the outbox writes to disk first. */
export type SignedStakingTransaction = { serialized: Hex, hash: Hash, nonce: number }

/** The most gas one transaction may use (EIP-7825's cap, 2^24). */
const MAX_TRANSACTION_GAS = 16_777_216n

/**
 * The gas limit to send with a call estimated at `estimate`. Estimates are
 * taken against the state before other pending transactions land, and the
 * contract's costliest paths are taken by whichever vote arrives last (the
 * quorum-th score finalizes and pays, the quorum-th report slashes): two
 * validators estimating at the same moment would otherwise see one of them
 * run out of gas. Unused gas is refunded, so the headroom costs nothing.
 */
export function gasWithHeadroom (estimate: bigint): bigint {
  const padded = estimate * 2n + 100_000n
  if (padded <= MAX_TRANSACTION_GAS) return padded
  // Past the cap: send the cap, or the bare estimate if even that exceeds it (the node then says why).
  return estimate > MAX_TRANSACTION_GAS ? estimate : MAX_TRANSACTION_GAS
}

/** Calls a view of the staking contract; failures become {@link ChainError}s. */
export async function readStaking<T> (client: ChainClient, address: Address, functionName: string, args: readonly unknown[] = []): Promise<T> {
  try {
    return await readContract(client, { address, abi: stakingAbi(), functionName, args }) as T
  } catch (err) {
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
}

/**
 * Sends a staking transaction from the client's account and waits for its
 * receipt. Reverts found while estimating gas (the usual case) and reverted
 * receipts both become one-line {@link ChainError}s naming the custom error.
 */
export async function writeStaking (
  client: WalletChainClient,
  params: { address: Address, functionName: string, args?: readonly unknown[], value?: bigint } & WriteOptions,
): Promise<StakingWriteResult> {
  const context = { rpcUrl: rpcUrlOf(client), account: client.account.address }
  let hash: Hash
  try {
    const call = { address: params.address, abi: stakingAbi(), functionName: params.functionName, args: params.args ?? [], value: params.value, account: client.account }
    const gas = gasWithHeadroom(await estimateContractGas(client, call))
    hash = await writeContract(client, { ...call, chain: client.chain, gas })
  } catch (err) {
    throw toChainError(err, context)
  }
  return await confirmStaking(client, params.address, hash, params)
}

/**
 * Simulates, prepares (pending nonce, gas, fees) and signs a staking call
 * without sending it, so its hash can be recorded before it is broadcast.
 */
export async function signStakingTransaction (
  client: WalletChainClient,
  params: { address: Address, functionName: string, args?: readonly unknown[], value?: bigint },
): Promise<SignedStakingTransaction> {
  const account = client.account
  if (account.signTransaction == null) throw new ChainError('the account cannot sign transactions locally', { hint: 'load the key with loadAccount' })
  const context = { rpcUrl: rpcUrlOf(client), account: account.address }
  try {
    await simulateContract(client, { address: params.address, abi: stakingAbi(), functionName: params.functionName, args: params.args ?? [], value: params.value, account })
    const data = encodeFunctionData({ abi: stakingAbi(), functionName: params.functionName, args: params.args ?? [] })
    const prepared = await prepareTransactionRequest(client, { account, to: params.address, data, value: params.value, chain: client.chain })
    const request = { ...prepared, gas: gasWithHeadroom(prepared.gas) }
    const serialized = await account.signTransaction(request as Parameters<typeof account.signTransaction>[0])
    return { serialized, hash: keccak256(serialized), nonce: request.nonce }
  } catch (err) {
    throw toChainError(err, context)
  }
}

/** Broadcasts a signed transaction (again, if need be: the same bytes have the same hash). */
export async function broadcastTransaction (client: ChainClient, serialized: Hex): Promise<Hash> {
  try {
    return await sendRawTransaction(client, { serializedTransaction: serialized })
  } catch (err) {
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
}

/**
 * Waits for `hash` to be mined (polling, abortable) and checks it succeeded;
 * a reverted receipt is re-simulated to name the custom error.
 */
export async function confirmStaking (
  client: ChainClient,
  address: Address,
  hash: Hash,
  options: WriteOptions & { functionName?: string, args?: readonly unknown[], value?: bigint } = {},
): Promise<StakingWriteResult> {
  const receipt = await waitForReceipt(client, hash, options)
  if (receipt.status !== 'success') {
    if (options.functionName != null) {
      // Re-run the call at the current state to name the custom error; best effort.
      try {
        await simulateContract(client, { address, abi: stakingAbi(), functionName: options.functionName, args: options.args ?? [], value: options.value, account: client.account ?? receipt.from })
      } catch (err) {
        const decoded = toChainError(err, { rpcUrl: rpcUrlOf(client) })
        throw new ChainError(`transaction ${hash} reverted: ${decoded.shortMessage}`, { hint: decoded.hint, cause: decoded })
      }
    }
    throw new ChainError(`transaction ${hash} reverted in block ${receipt.blockNumber}`)
  }
  return { hash, blockNumber: receipt.blockNumber, receipt, events: decodeStakingEvents(address, receipt) }
}

/** The receipt of `hash` once mined; `null` from {@link findReceipt} while it is not. */
export async function waitForReceipt (client: ChainClient, hash: Hash, options: WriteOptions = {}): Promise<TransactionReceipt> {
  const timeoutMs = options.receiptTimeoutMs ?? 120_000
  const deadline = Date.now() + timeoutMs
  for (;;) {
    options.signal?.throwIfAborted()
    const receipt = await findReceipt(client, hash)
    if (receipt != null) return receipt
    if (Date.now() > deadline) throw new ChainError(`transaction ${hash} was not mined within ${timeoutMs} ms`, { hint: 'the node may be congested or not mining; it is checked again on retry', retryable: true })
    await sleep(client.pollingInterval, options.signal)
  }
}

/** The receipt of `hash`, or `null` when the node has none (pending, dropped or unknown). */
export async function findReceipt (client: ChainClient, hash: Hash): Promise<TransactionReceipt | null> {
  try {
    return await getTransactionReceipt(client, { hash })
  } catch (err) {
    if ((err as { name?: string }).name === 'TransactionReceiptNotFoundError') return null
    throw toChainError(err, { rpcUrl: rpcUrlOf(client) })
  }
}

/** The staking contract's events in a receipt, decoded with its ABI. */
export function decodeStakingEvents (address: Address, receipt: TransactionReceipt): StakingEvent[] {
  const logs = receipt.logs.filter((l) => l.address.toLowerCase() === address.toLowerCase())
  return parseEventLogs({ abi: stakingAbi(), logs, strict: false }).map((l) => ({
    eventName: (l as { eventName: string }).eventName,
    args: (l as { args: Record<string, unknown> }).args,
    logIndex: l.logIndex ?? 0,
  }))
}

/** Resolves after `ms`, or rejects when `signal` aborts. */
export async function sleep (ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => { clearTimeout(timer); reject(signal?.reason) }
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
