/**
 * Protocol ids, size limits and timeouts of the cotrain wire protocol, in one
 * place. Every id carries a version: a breaking change to a message gets a
 * new id, and nodes can serve both while peers upgrade.
 */

const KiB = 1024
const MiB = 1024 * KiB

/** Worker -> coordinator: capabilities and the signed address binding. */
export const JOIN_PROTOCOL = '/cotrain/join/2.0.0'
/** Anyone -> holder: bytes of a content-addressed object (weights, shard, checkpoint). */
export const CONTENT_PROTOCOL = '/cotrain/content/1.0.0'
/** Worker -> coordinator: the shards to train on this round. */
export const ASSIGN_PROTOCOL = '/cotrain/assign/2.0.0'
/** Worker -> coordinator: the round's update with its proof metadata. */
export const SUBMIT_PROTOCOL = '/cotrain/submit/1.0.0'
/** Verifier -> worker: one checkpoint with its leaf and Merkle proof. */
export const CHECKPOINT_PROTOCOL = '/cotrain/checkpoint/1.0.0'
/** Validator -> coordinator: a round's submissions, a page at a time. */
export const SUBMISSIONS_PROTOCOL = '/cotrain/submissions/2.0.0'
/** Worker -> coordinator: content of the round it now holds and serves (swarm distribution). */
export const HAVE_PROTOCOL = '/cotrain/have/1.0.0'

/**
 * Gossipsub topic of round announcements (announcements only, never payloads).
 * Join, assign, submissions and this topic went to 2 when the announcement's
 * hyper-parameters moved from training_json into HyperParameters: a 1.0.0
 * worker would have trained with defaults of its own.
 */
export const ANNOUNCEMENT_TOPIC = 'cotrain/v2/rounds'

/** Default size of one content chunk on the wire, and the most a server may send. */
export const CONTENT_CHUNK_BYTES = 512 * KiB
export const MAX_CONTENT_CHUNK_BYTES = 1 * MiB
/** Framing around a chunk's data (offsets, tags, length prefixes). */
const FRAME_OVERHEAD = 1 * KiB

/** Largest encoded message per protocol and direction. */
export const LIMITS = {
  joinRequest: 4 * KiB,
  joinResponse: 96 * KiB,
  assignRequest: 1 * KiB,
  assignResponse: 1 * MiB,
  contentRequest: 1 * KiB,
  contentResponse: MAX_CONTENT_CHUNK_BYTES + FRAME_OVERHEAD,
  submitRequest: 64 * MiB,
  submitResponse: 1 * KiB,
  checkpointRequest: 1 * KiB,
  checkpointResponse: 1 * MiB + 64 * KiB,
  submissionsRequest: 1 * KiB,
  submissionsResponse: 4 * MiB,
  haveRequest: 4 * KiB,
  haveResponse: 1 * KiB,
  /** Content ids in one have notice. */
  haveIds: 64,
  /** Failed providers reported in one have notice. */
  haveFailures: 8,
  /** Providers named per content id in an assignment, and addresses per provider. */
  providers: 4,
  providerAddrs: 4,
  /** A round announcement on gossipsub (gossipsub itself stops at 4 MiB). */
  announcement: 64 * KiB,
  /** Model config JSON inside an announcement. */
  modelConfigJson: 48 * KiB,
  /** A checkpoint sent inline in a checkpoint reply; larger ones go over the content protocol. */
  inlineCheckpoint: 1 * MiB,
  /** Default ceiling for one fetched object; the content id check needs all of it. */
  contentObject: 1024 * MiB,
  /** Error messages on the wire are cut to this many characters. */
  errorMessage: 256,
  /** Proof siblings in a checkpoint reply (2^64 leaves). */
  proofDepth: 64,
  /** Leaf summaries in a submission. */
  leaves: 1_000_000
} as const

/** Timeouts in milliseconds; every one can be overridden per call with `timeoutMs` / a signal. */
export const TIMEOUTS = {
  /** Dial, negotiate, send one small request, read its reply. */
  request: 10_000,
  /**
   * A join's dial: a coordinator's handshakes queue behind a whole fleet's
   * when it arrives at once (connectionLimitsFor allows 30 s); a worker that
   * gives up sooner costs it a second handshake.
   */
  joinDial: 30_000,
  /** Send a submission (up to 64 MiB) and read the ack. */
  submit: 120_000,
  /** No chunk for this long means the transfer stalled; the client retries from its offset. */
  contentStall: 30_000,
  /** A server waits this long for a request to arrive. */
  readRequest: 10_000
} as const

/** Streams one peer may have open per protocol on one connection. */
export const MAX_INBOUND_STREAMS = {
  join: 4,
  assign: 4,
  content: 16,
  submit: 2,
  checkpoint: 8,
  submissions: 4,
  have: 2
} as const

/** How far a join binding's timestamp may be from the coordinator's clock. */
export const JOIN_MAX_CLOCK_SKEW_S = 300

/**
 * Joins a coordinator works on at once (lib/net/Admission.ts); more are
 * refused BUSY with a retry hint. Each costs a signature check and a store
 * write: a fleet arriving in one second, all admitted, made every join slow
 * enough to time out (802 of 1,000 first joins did).
 */
export const MAX_JOINS_IN_FLIGHT = 32

/**
 * Past MAX_JOINS_IN_FLIGHT, a join waits in line this long at most before it
 * is refused BUSY with a hint: inside the 10 s request timeouts with room for
 * the join itself on a loaded machine, and long enough that a fleet arriving
 * in one second mostly waits its turn instead of coming back (each refusal
 * costs a stream, and each return another).
 */
export const JOIN_MAX_QUEUE_WAIT_MS = 5000

/** Joins waiting in line at most (each holds a stream and a timer): what a flood can hold. */
export const MAX_JOINS_QUEUED = 1024

/**
 * Peers a worker makes room for (lib/net/connectionLimits.ts): as a provider
 * of the round's model (swarm distribution) it may see dozens of fetchers at
 * once, and libp2p's defaults (10 handshakes in flight, 5 connections per
 * second per host) reset the rest.
 */
export const WORKER_EXPECTED_PEERS = 64

/** Retries of a broken content transfer, and the first back-off (doubles each time). */
export const CONTENT_MAX_ATTEMPTS = 6
export const CONTENT_RETRY_DELAY_MS = 200
