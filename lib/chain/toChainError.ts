import {
  BaseError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  NonceTooHighError,
  NonceTooLowError,
  SocketClosedError,
  TimeoutError,
  WebSocketRequestError,
  formatEther,
} from 'viem'
import { oneLine } from '../errors.ts'
import { AccountUnderfundedError, ChainError, ContractRevertedError, NonceConflictError, RpcUnreachableError } from './errors.ts'

/** Context that makes a chain error's line more useful. */
export type ToChainErrorOptions = {
  /** The RPC URL in use, for "cannot reach RPC at URL". */
  rpcUrl?: string
  /** The sending account, for "account X has not enough ETH". */
  account?: string
}

type Decoded = { message: string, hint?: string, retryable?: boolean }

const eth = (v: unknown): string => `${formatEther(BigInt(v as bigint))} ETH`
const statusName = (v: unknown): string => ['pending', 'finalized', 'fraudulent', 'expired'][Number(v)] ?? String(v)

/** One line and a hint for every CotrainStaking custom error (and the OpenZeppelin ones it inherits). */
const contractErrors: Record<string, (a: readonly unknown[]) => Decoded> = {
  EnforcedPause: () => ({ message: 'the staking contract is paused', hint: 'wait until its owner unpauses it', retryable: true }),
  ExpectedPause: () => ({ message: 'the staking contract is not paused' }),
  ContributorNotRegistered: (a) => ({ message: `${String(a[0])} is not registered as a contributor`, hint: 'register first with at least the minimum stake' }),
  ContributorAlreadyRegistered: (a) => ({ message: `${String(a[0])} is already registered`, hint: 'stake more with: worker stake add ETH' }),
  ContributorStakeTooLow: (a) => ({ message: `${String(a[0])} is under-staked: stake ${eth(a[1])}, minimum ${eth(a[2])}`, hint: 'top up with: worker stake add ETH' }),
  ContributorTooManyPending: (a) => ({ message: `${String(a[0])} has too many pending contributions (${String(a[1])} of ${String(a[2])} allowed)`, hint: 'wait for validators to score them, or stake more with: worker stake add ETH', retryable: true }),
  StakeBelowMinimum: (a) => ({ message: `stake ${eth(a[0])} is below the minimum of ${eth(a[1])}`, hint: 'stake at least minimumStake' }),
  AmountZero: () => ({ message: 'the amount must be more than 0' }),
  AddressZero: () => ({ message: 'the zero address is not allowed here' }),
  ContributionHashZero: () => ({ message: 'the data hash is zero', hint: 'submit the contribution\'s real commitment' }),
  ContributionDuplicate: (a) => ({ message: `data hash ${String(a[0])} was already submitted by this account (contribution #${String(a[1])})`, hint: 'every contribution needs a new commitment' }),
  ContributionFraudWindowClosed: (a) => ({ message: `contribution #${String(a[0])} can no longer be reported: it expired, or its reward already unlocked` }),
  ContributionNotFound: (a) => ({ message: `contribution #${String(a[0])} does not exist` }),
  ContributionNotPending: (a) => ({ message: `contribution #${String(a[0])} is no longer pending (${statusName(a[1])})` }),
  ContributionAlreadyFraudulent: (a) => ({ message: `contribution #${String(a[0])} was already found fraudulent` }),
  ChallengeSeedNotReady: (a) => ({ message: `the challenge seed of contribution #${String(a[0])} is not ready`, hint: 'it hashes the 4 blocks after the submission; wait for (or on a dev chain mine) more blocks', retryable: true }),
  ChallengeSeedExpired: (a) => ({ message: `the challenge seed of contribution #${String(a[0])} can no longer be read on chain (its blocks are more than 256 blocks old)`, hint: 'compute it off chain from the block hashes' }),
  ValidatorUnauthorized: (a) => ({ message: `${String(a[0])} is not a validator`, hint: 'the contract owner must propose and apply it: npm run admin -- validators add ADDRESS' }),
  ValidatorAlreadyAdded: (a) => ({ message: `${String(a[0])} is already a validator` }),
  ValidatorNotFound: (a) => ({ message: `${String(a[0])} is not a validator` }),
  ValidatorOwnContribution: (a) => ({ message: `validator ${String(a[1])} cannot review its own contribution #${String(a[0])}` }),
  ValidatorAlreadyScored: (a) => ({ message: `validator ${String(a[1])} already scored contribution #${String(a[0])}` }),
  ValidatorAlreadyReported: (a) => ({ message: `validator ${String(a[1])} already reported contribution #${String(a[0])}` }),
  QualityScoreOutOfRange: (a) => ({ message: `quality score ${String(a[0])} is outside 1..100` }),
  BatchLengthMismatch: (a) => ({ message: `${String(a[0])} ids but ${String(a[1])} scores` }),
  UnstakeAmountZero: () => ({ message: 'the unstake amount must be more than 0' }),
  UnstakeExceedsStake: (a) => ({ message: `cannot unstake ${eth(a[0])}: active stake is ${eth(a[1])}` }),
  UnstakeBlockedByPending: (a) => ({ message: `${String(a[0])} has ${String(a[1])} pending contributions that need ${eth(a[2])} of stake to stay`, hint: 'wait until they are scored', retryable: true }),
  UnbondingEmpty: (a) => ({ message: `${String(a[0])} has nothing unbonding`, hint: 'start unbonding first: worker stake unstake ETH' }),
  UnbondingNotReleased: (a) => ({ message: `${String(a[0])}'s unbonding stake is released at ${new Date(Number(a[1]) * 1000).toISOString()}`, hint: 'wait until then', retryable: true }),
  RewardsNoneClaimable: (a) => ({ message: `${String(a[0])} has no claimable rewards`, hint: 'rewards become claimable after their lock window' }),
  RewardPoolInsufficient: (a) => ({ message: `the reward pool holds ${eth(a[1])}, less than ${eth(a[0])}` }),
  TransferFailed: (a) => ({ message: `sending ${eth(a[1])} to ${String(a[0])} failed` }),
  ParameterOutOfBounds: (a) => ({ message: `${String(a[0])} = ${String(a[1])} is outside [${String(a[2])}, ${String(a[3])}]` }),
  QuorumBelowMajority: (a) => ({ message: `quorum ${String(a[0])} is not more than half of ${String(a[1])} validators`, hint: 'raise the quorum first (npm run admin -- params propose --quorum N)' }),
  ProposalNotFound: () => ({ message: 'no such proposal (never proposed, already applied, cancelled, or proposed with other values)' }),
  ProposalNotReady: (a) => ({ message: `the proposal may be applied from ${new Date(Number(a[0]) * 1000).toISOString()}`, hint: 'owner changes wait changeDelay() so contributors can exit first', retryable: true }),
  OwnershipRenounceDisabled: () => ({ message: 'renouncing ownership is disabled (a paused contract could never be unpaused)' }),
  OwnableUnauthorizedAccount: (a) => ({ message: `${String(a[0])} is not the owner of the staking contract` }),
  ReentrancyGuardReentrantCall: () => ({ message: 'reentrant call refused' }),
}

/**
 * Turns anything a chain call threw into a {@link ChainError} whose message is
 * one line a CLI can print, with a hint, and whose `retryable` says whether
 * trying again later can help: contract custom errors are decoded by name
 * (paused, not registered, under-staked, duplicate hash, too many pending,
 * ...), transport failures become "cannot reach RPC at URL", viem's node
 * errors (insufficient funds, nonce too low) get their own classes.
 *
 * @example
 * try { await submitContribution(client, p) } catch (err) { console.error(toChainError(err).message) }
 */
export function toChainError (err: unknown, options: ToChainErrorOptions = {}): ChainError {
  if (err instanceof ChainError) return err

  if (err instanceof BaseError) {
    const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
    if (reverted != null) {
      const name = reverted.data?.errorName
      if (name != null) {
        const args = reverted.data?.args ?? []
        const d = contractErrors[name]?.(args) ?? { message: `the contract reverted with ${name}(${args.map(String).join(', ')})` }
        return new ContractRevertedError(name, args, d.message, { hint: d.hint, retryable: d.retryable ?? false, cause: err })
      }
      const reason = reverted.reason ?? reverted.shortMessage
      return new ContractRevertedError('', [], `the contract reverted: ${reason}`, { cause: err })
    }
    const transport = err.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof SocketClosedError || e instanceof WebSocketRequestError)
    if (transport != null) {
      const status = (transport as HttpRequestError).status
      const url = (transport as { url?: string }).url ?? options.rpcUrl ?? '(unknown URL)'
      if (status != null && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        return new ChainError(`the RPC at ${new RpcUnreachableError(url).url} refused the request (HTTP ${status})`, { hint: 'check --rpc-url and any API key it needs', cause: err })
      }
      return new RpcUnreachableError(url, { cause: err })
    }
    const text = `${err.details ?? ''} ${err.shortMessage}`
    // viem classifies geth's wording; hardhat's EDR says "Sender doesn't have enough funds".
    if (err.walk((e) => e instanceof InsufficientFundsError) != null || /insufficient funds|doesn't have enough funds/i.test(text)) return new AccountUnderfundedError(options.account, { cause: err })
    if (err.walk((e) => e instanceof NonceTooLowError || e instanceof NonceTooHighError) != null) return new NonceConflictError('nonce too low or too high', { cause: err })
    if (/replacement transaction underpriced|already known|known transaction|nonce too (low|high)|invalid nonce/i.test(text)) return new NonceConflictError(firstLine(err.details ?? err.shortMessage), { cause: err })
    const short = firstLine(err.shortMessage)
    const details = err.details != null && err.details !== '' ? firstLine(err.details) : undefined
    return new ChainError(details != null && details !== short ? `${short.replace(/\.$/, '')}: ${details}` : short, { details: err.details, cause: err })
  }

  if (isConnectionFailure(err)) return new RpcUnreachableError(options.rpcUrl ?? '(unknown URL)', { cause: err })
  return new ChainError(oneLine(err), { cause: err })
}

/**
 * The one line a CLI prints for a chain failure (see {@link toChainError}).
 *
 * @example
 * chainErrorMessage(err, { rpcUrl }) // 'cannot reach RPC at http://127.0.0.1:8545 (is the node running? check --rpc-url)'
 */
export function chainErrorMessage (err: unknown, options: ToChainErrorOptions = {}): string {
  return toChainError(err, options).message
}

function isConnectionFailure (err: unknown): boolean {
  for (let e = err as { code?: string, cause?: unknown, message?: string } | undefined, i = 0; e != null && i < 8; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(e.code)) return true
    if (e instanceof TypeError && e.message === 'fetch failed') return true
  }
  return false
}

function firstLine (s: string): string {
  return s.split('\n')[0]
}
