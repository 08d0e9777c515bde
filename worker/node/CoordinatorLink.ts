import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import type { PrivateKeyAccount } from 'viem/accounts'
import { CotrainError, InvalidInputError } from '../../lib/errors.ts'
import { ErrorCode, ProtocolError, peerWaitMs, reportHave, requestAssignment, requestJoin, reserveOnRelay, retryWithBackoff, type Capabilities, type CotrainNode, type FailedProvider } from '../../lib/net/index.ts'
import type { ContentId } from '../../lib/hash/contentId.ts'
import type { cotrain } from '../../lib/proto/cotrain.js'

/** The coordinator could not be reached or keeps failing. */
export class CoordinatorUnreachableError extends CotrainError {
  override name = 'CoordinatorUnreachableError'
}

/**
 * The worker's session with its coordinator: the join (signed binding of the
 * account to the peer id, with the measured capabilities) and the requests
 * for work, re-joining once when the coordinator forgot us (it restarted).
 */
export class CoordinatorLink {
  /** The multiaddr as given (--coordinator), for messages. */
  readonly text: string
  readonly addr: Multiaddr
  /** The peer id --coordinator names (the dial checks the coordinator holds its key). */
  readonly named: PeerId
  private readonly node: CotrainNode
  private readonly account: PrivateKeyAccount
  private readonly capabilities: Capabilities
  private readonly reconnectMs: number
  private readonly log: (line: string) => void
  private joinedPeer: PeerId | undefined
  /** When the last join said there is first work to ask for (no round training then). */
  private firstPollAt = 0
  /** What this worker holds and serves of the latest round it offered, for telling a restarted coordinator again. */
  private held: { round: number, ids: ContentId[] } = { round: 0, ids: [] }
  private resending: AbortController | undefined
  private watching = false

  constructor (node: CotrainNode, coordinator: string, options: { account: PrivateKeyAccount, capabilities: Capabilities, reconnectMs: number, log: (line: string) => void }) {
    this.node = node
    this.text = coordinator
    this.addr = parseCoordinator(coordinator)
    this.named = peerIdFromString(this.addr.getComponents().findLast((c) => c.name === 'p2p')?.value ?? '')
    this.account = options.account
    this.capabilities = options.capabilities
    this.reconnectMs = options.reconnectMs
    this.log = options.log
  }

  /** The coordinator's peer id (known once joined). */
  get peer (): PeerId {
    if (this.joinedPeer === undefined) throw new CotrainError('not joined to the coordinator yet')
    return this.joinedPeer
  }

  /**
   * Joins, retrying unreachable or busy coordinators with jittered back-off
   * for up to `reconnectMs` (a coordinator restarting, or a fleet joining at
   * once); a refusal from the coordinator is final and thrown as is, anything
   * else ends as CoordinatorUnreachableError.
   */
  async join (options: { signal: AbortSignal }): Promise<PeerId> {
    try {
      const { coordinator, accepted } = await retryWithBackoff(
        async () => await requestJoin(this.node, this.addr, { signer: this.account, capabilities: this.capabilities, clientVersion: 'cotrain-worker/1' }, options),
        {
          signal: options.signal,
          giveUpAfterMs: this.reconnectMs,
          onRetry: (err, attempt, wait) => { if (attempt === 1 || attempt % 5 === 0) this.log(`join failed (${(err as Error).message.split('\n')[0]}), retrying in ${(wait / 1000).toFixed(1)} s`) }
        })
      this.joinedPeer = coordinator
      this.firstPollAt = Date.now() + peerWaitMs(accepted.retryAfter)
      this.keepRelayReservation()
      if (!this.watching) {
        this.watching = true
        this.node.addEventListener('peer:disconnect', this.onDisconnect)
      }
      return coordinator
    } catch (err) {
      if (err instanceof ProtocolError && err.remote === true) throw err
      if (options.signal.aborted) throw err
      throw new CoordinatorUnreachableError(`cannot reach the coordinator at ${this.text}: ${(err as Error).message.split('\n')[0]}`, { hint: 'is it running? check --coordinator (its multiaddr with /p2p/<peer id>, printed in coordinator.json)', cause: err })
    }
  }

  /**
   * Milliseconds until the first assign poll is worth making: the join said
   * when (no round was training; the next one's announcement ends the wait
   * early). 0 once that time has passed, or when it said to ask at once.
   */
  msUntilFirstPoll (): number {
    return Math.max(0, this.firstPollAt - Date.now())
  }

  /**
   * Reserves a slot on the coordinator's relay (granted to joined workers
   * only, hence after each join): verifiers then reach our checkpoints through
   * the coordinator even when nobody can dial us (NAT, a flooded port). In the
   * background: a coordinator without a relay costs us nothing but a log line.
   */
  private keepRelayReservation (): void {
    if (this.reserving) return
    this.reserving = true
    reserveOnRelay(this.node, this.addr)
      .catch((err: unknown) => { this.log(`no relay reservation on the coordinator (verifiers must reach this worker directly): ${(err as Error).message.split('\n')[0]}`) })
      .finally(() => { this.reserving = false })
  }

  private reserving = false

  /**
   * Tells the coordinator this worker holds and serves `ids` of `round`
   * (hash-checked), with the providers that failed it, so it names this
   * worker to others (swarm distribution). What was offered for the round is
   * remembered: the coordinator keeps its providers in memory, so when the
   * connection to it drops (it may have restarted) all of it is told again.
   */
  async offer (round: number, ids: readonly ContentId[], failedProviders: readonly FailedProvider[], options: { signal: AbortSignal }): Promise<void> {
    if (round !== this.held.round) this.held = { round, ids: [] }
    for (const id of ids) if (!this.held.ids.includes(id)) this.held.ids.push(id)
    await reportHave(this.node, this.peer, { round, workerAddress: this.account.address, contentIds: [...ids], failedProviders }, { signal: options.signal, timeoutMs: 10_000 })
  }

  /**
   * The connection to the coordinator dropped: offer what this worker holds
   * again, in the background, with back-off (a restarting coordinator takes
   * seconds to listen again) for as long as the worker keeps trying to reach it.
   */
  private readonly onDisconnect = (evt: CustomEvent<PeerId>): void => {
    const peer = this.joinedPeer
    if (peer === undefined || !evt.detail.equals(peer) || this.held.ids.length === 0) return
    this.resending?.abort()
    const controller = this.resending = new AbortController()
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(this.reconnectMs)])
    const { round, ids } = this.held
    retryWithBackoff(async () => await reportHave(this.node, peer, { round, workerAddress: this.account.address, contentIds: ids }, { signal, timeoutMs: 10_000 }), { signal, maxMs: 10_000 })
      .then((ack) => { if ((ack.recorded ?? 0) > 0) this.log(`round ${round}: told the coordinator again what this worker holds (${ack.recorded ?? 0} objects), after the connection to it dropped`) })
      .catch(() => {})
      .finally(() => { if (this.resending === controller) this.resending = undefined })
  }

  /** Stops watching the connection (before the node stops, whose own disconnects are not a restart). */
  close (): void {
    if (this.watching) this.node.removeEventListener('peer:disconnect', this.onDisconnect)
    this.watching = false
    this.resending?.abort()
  }

  /** Asks for work; re-joins once if the coordinator forgot us (restart). */
  async assignment (options: { signal: AbortSignal }): Promise<cotrain.v1.Assignment> {
    const request = { round: 0, workerAddress: this.account.address }
    try {
      return await requestAssignment(this.node, this.peer, request, options)
    } catch (err) {
      if (err instanceof ProtocolError && err.code === ErrorCode.ERROR_CODE_UNAUTHENTICATED) {
        await this.join(options)
        return await requestAssignment(this.node, this.peer, request, options)
      }
      throw err
    }
  }
}

/**
 * True when the coordinator refused us for want of stake (it runs with a
 * staking contract and our address is not registered with the minimum): an
 * answer to act on (stake, then join again), not a failure to retry.
 */
export function isNotStakedRefusal (err: unknown): err is ProtocolError {
  return err instanceof ProtocolError && err.remote && err.code === ErrorCode.ERROR_CODE_NOT_STAKED
}

/** Parses the coordinator multiaddr; it must name the peer (/p2p/...) so the binding can be checked. */
export function parseCoordinator (addr: string): Multiaddr {
  let ma: Multiaddr
  try {
    ma = multiaddr(addr)
  } catch (err) {
    throw new InvalidInputError(`--coordinator: not a multiaddr: "${addr}"`, { hint: 'expected e.g. /ip4/127.0.0.1/tcp/9000/p2p/12D3KooW... (see the coordinator\'s coordinator.json)', cause: err })
  }
  if (!ma.getComponents().some((c) => c.name === 'p2p')) throw new InvalidInputError(`--coordinator: ${addr} has no /p2p/<peer id>`, { hint: "append the coordinator's peer id (see coordinator.json)" })
  return ma
}
