import { encodeFunctionData, keccak256, parseEventLogs, type Address, type ContractEventName, type ContractFunctionArgs, type ContractFunctionName, type ContractFunctionReturnType, type GetEventArgs, type Hash, type Hex, type TransactionReceipt } from 'viem'
import { estimateContractGas, getTransactionReceipt, prepareTransactionRequest, readContract, sendRawTransaction, simulateContract, writeContract } from 'viem/actions'
import { ChainError } from './errors.ts'
import { rpcUrlOf, type ChainClient, type WalletChainClient } from './createChainClient.ts'
import { cotrainStakingAbi } from './abi/cotrainStakingAbi.ts'
import { assertContractCode } from './assertContractCode.ts'
import { toChainError } from './toChainError.ts'
import { sleep } from '../async/sleep.ts'

type StakingAbi = typeof cotrainStakingAbi
/** Names of the contract's views. */
export type StakingReadName = ContractFunctionName<StakingAbi, 'pure' | 'view'>
/** Arguments of view `F`. */
export type StakingReadArgs<F extends StakingReadName> = ContractFunctionArgs<StakingAbi, 'pure' | 'view', F>
/** Names of the contract's transactions. */
export type StakingWriteName = ContractFunctionName<StakingAbi, 'nonpayable' | 'payable'>
/** Arguments of transaction `F`. */
export type StakingWriteArgs<F extends StakingWriteName> = ContractFunctionArgs<StakingAbi, 'nonpayable' | 'payable', F>
/** A call of transaction `F` with its arguments (a union over names when `F` is). */
export type StakingWriteCall<F extends StakingWriteName = StakingWriteName> = { [K in F]: { functionName: K, args?: StakingWriteArgs<K> } }[F]
/** Names of the contract's events. */
export type StakingEventName = ContractEventName<StakingAbi>

/** A decoded CotrainStaking event from a receipt; narrow on `eventName` to get typed `args`. */
export type StakingEvent = { [E in StakingEventName]: { eventName: E, args: GetEventArgs<StakingAbi, E, { EnableUnion: false, IndexedOnly: false, Required: true }>, logIndex: number } }[StakingEventName]

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

/**
 * Calls a view of the staking contract, typed from the ABI; failures become {@link ChainError}s.
 *
 * @example
 * const scored = await readStaking(client, staking, 'hasScored', [id, validator]) // boolean
 */
export async function readStaking<const F extends StakingReadName, const A extends StakingReadArgs<F>> (
  client: ChainClient, address: Address, functionName: F, args?: A,
): Promise<ContractFunctionReturnType<StakingAbi, 'pure' | 'view', F, A>> {
  try {
    return await readContract(client, { address, abi: cotrainStakingAbi, functionName, args } as never) as ContractFunctionReturnType<StakingAbi, 'pure' | 'view', F, A>
  } catch (err) {
    // viem's "returned no data (0x)": say whether the address holds a contract at all
    if ((err as { name?: string }).name === 'ContractFunctionExecutionError' && (err as Error).message.includes('returned no data')) await assertContractCode(client, address)
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
  params: { address: Address, value?: bigint } & StakingWriteCall & WriteOptions,
): Promise<StakingWriteResult> {
  const context = { rpcUrl: rpcUrlOf(client), account: client.account.address }
  let hash: Hash
  await assertContractCode(client, params.address)
  try {
    // The name/args pairing is checked by StakingWriteCall; viem's own generics cannot follow a union of names.
    const call = { address: params.address, abi: cotrainStakingAbi, functionName: params.functionName, args: params.args ?? [], value: params.value, account: client.account } as never
    const gas = gasWithHeadroom(await estimateContractGas(client, call))
    hash = await writeContract(client, { ...(call as object), chain: client.chain, gas } as never)
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
  params: { address: Address, value?: bigint } & StakingWriteCall,
): Promise<SignedStakingTransaction> {
  const account = client.account
  if (account.signTransaction == null) throw new ChainError('the account cannot sign transactions locally', { hint: 'load the key with loadAccount' })
  const context = { rpcUrl: rpcUrlOf(client), account: account.address }
  await assertContractCode(client, params.address)
  try {
    await simulateContract(client, { address: params.address, abi: cotrainStakingAbi, functionName: params.functionName, args: params.args ?? [], value: params.value, account } as never)
    const data = encodeFunctionData({ abi: cotrainStakingAbi, functionName: params.functionName, args: params.args ?? [] } as never)
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
  options: WriteOptions & Partial<StakingWriteCall> & { value?: bigint } = {},
): Promise<StakingWriteResult> {
  const receipt = await waitForReceipt(client, hash, options)
  if (receipt.status !== 'success') {
    if (options.functionName != null) {
      // Re-run the call at the current state to name the custom error; best effort.
      try {
        await simulateContract(client, { address, abi: cotrainStakingAbi, functionName: options.functionName, args: options.args ?? [], value: options.value, account: client.account ?? receipt.from } as never)
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
    await sleep(client.pollingInterval, { signal: options.signal })
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
  // strict: events whose data does not decode are dropped rather than returned half-typed
  return parseEventLogs({ abi: cotrainStakingAbi, logs }).map((l) => ({
    eventName: l.eventName,
    args: l.args,
    logIndex: l.logIndex ?? 0,
  }) as StakingEvent)
}

