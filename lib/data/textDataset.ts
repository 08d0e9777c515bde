import { InvalidInputError } from '../errors.ts'
import type { Dataset } from './Dataset.ts'
import { splitIntoShards, type Shard } from './shard.ts'

/** Every HELD_OUT_EVERY-th window (index % 20 === 19) is held out: 5% of the text, spread over all of it. */
export const HELD_OUT_EVERY = 20

/** A tokenized text cut into training and held-out samples. */
export interface TextDatasets {
  train: Dataset
  heldOut: Dataset
}

/**
 * Cuts a token stream into samples for a language model of context T: window
 * i is tokens [i*T, i*T + T + 1) (consecutive windows share one token, the
 * last target of one is the first input of the next), so every token but the
 * first is a target exactly once. Window i goes to the held-out split when
 * i % 20 === 19, to training otherwise: a deterministic split anyone can
 * recompute from the text.
 *
 * A sample is stored as a dataset sample of shape [T + 1] with the token ids
 * as its values (uint8, or uint16 as `ids` are for a vocabulary over 256);
 * text has no labels, so every label is 0 of 1 class.
 *
 * @example
 * const { train, heldOut } = textDatasets(encodeText(tok, text), 64)
 */
export function textDatasets (ids: Uint8Array | Uint16Array, contextLength: number): TextDatasets {
  const T = contextLength
  if (!Number.isInteger(T) || T < 1) throw new InvalidInputError(`context length must be a positive integer, got ${T}`)
  const windows = Math.floor((ids.length - 1) / T)
  if (windows < HELD_OUT_EVERY) throw new InvalidInputError(`text of ${ids.length} tokens gives ${Math.max(0, windows)} windows of ${T + 1}; at least ${HELD_OUT_EVERY} are needed (one held out)`, { hint: 'use more text or a shorter context' })
  const heldOutCount = Math.floor(windows / HELD_OUT_EVERY)
  const trainCount = windows - heldOutCount
  const values = (n: number): Uint8Array | Uint16Array => ids instanceof Uint16Array ? new Uint16Array(n) : new Uint8Array(n)
  const train = values(trainCount * (T + 1))
  const heldOut = values(heldOutCount * (T + 1))
  let tr = 0
  let ho = 0
  for (let i = 0; i < windows; i++) {
    const w = ids.subarray(i * T, i * T + T + 1)
    if (i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1) heldOut.set(w, (ho++) * (T + 1))
    else train.set(w, (tr++) * (T + 1))
  }
  const dataset = (tokens: Uint8Array | Uint16Array, count: number): Dataset => ({ images: tokens, labels: new Uint8Array(count), sampleShape: [T + 1], count, numClasses: 1 })
  return { train: dataset(train, trainCount), heldOut: dataset(heldOut, heldOutCount) }
}

/** Held-out windows per shard when a text's held-out split is published (64-token windows: about 1 MiB). */
export const HELD_OUT_SHARD_WINDOWS = 16_384

/** A text's held-out windows as shards of at most HELD_OUT_SHARD_WINDOWS windows, as coordinators and contributors publish them. */
export function heldOutShards (heldOut: Dataset): Shard[] {
  return splitIntoShards(heldOut, Math.ceil(heldOut.count / HELD_OUT_SHARD_WINDOWS))
}

/**
 * Checks that `heldOut` is the held-out split of the text `train` came from
 * (window i held out when i % 20 === 19, as textDatasets cuts it): the
 * counts fit, and with the two interleaved by that rule every window begins
 * with the token the one before it ends with, so together they are one
 * stream of text, not held-out windows chosen to make evaluation easy.
 * Throws InvalidInputError naming the first window that breaks the rule.
 *
 * Returns `novel`, the fraction of held-out windows whose tokens occur
 * nowhere else in that stream: about 1 for real prose at the usual context
 * lengths, near 0 for a text repeated to look bigger, at whatever offset the
 * copies sit (they need not line up with window edges, so the training
 * windows of such a text can all be distinct).
 *
 * @example
 * const { novel } = checkHeldOutSplit(concatDatasets(trainShards), concatDatasets(heldOutShards))
 */
export function checkHeldOutSplit (train: Dataset, heldOut: Dataset): { novel: number } {
  const T1 = train.sampleShape[0]
  if (train.sampleShape.length !== 1 || heldOut.sampleShape.join('x') !== String(T1)) throw new InvalidInputError(`held-out windows of [${heldOut.sampleShape.join(', ')}] do not fit training windows of [${train.sampleShape.join(', ')}]`)
  const T = T1 - 1
  const windows = train.count + heldOut.count
  const expected = Math.floor(windows / HELD_OUT_EVERY)
  if (heldOut.count !== expected) throw new InvalidInputError(`${heldOut.count} held-out windows of ${windows}: every ${HELD_OUT_EVERY}th window, ${expected}, must be held out`)
  // The whole text again: window i is tokens [i*T, i*T + T1).
  const stream = new Uint32Array(windows * T + 1)
  let tr = 0
  let ho = 0
  for (let i = 0; i < windows; i++) {
    const held = i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1
    const k = held ? ho++ : tr++
    const cur = (held ? heldOut : train).images.subarray(k * T1, (k + 1) * T1)
    if (i > 0 && stream[i * T] !== cur[0]) throw new InvalidInputError(`window ${i} does not begin where window ${i - 1} ends: the held-out windows are not every ${HELD_OUT_EVERY}th window of one text`)
    stream.set(cur, i * T)
  }
  return { novel: heldOut.count === 0 ? 1 : 1 - repeatedHeldOut(stream, T, heldOut.count) / heldOut.count }
}

// Rabin-Karp over token ids: a base above any uint16 id, a prime modulus under 2^31, so every product stays an exact double.
const HASH_BASE = 65_537
const HASH_MOD = 2_147_483_647

/** How many held-out windows (window 20k + 19 of `stream`) also occur at some other offset of it. */
function repeatedHeldOut (stream: Uint32Array, T: number, count: number): number {
  const T1 = T + 1
  const startOf = (k: number): number => (k * HELD_OUT_EVERY + HELD_OUT_EVERY - 1) * T
  const hashAt = (at: number): number => {
    let h = 0
    for (let j = 0; j < T1; j++) h = (h * HASH_BASE + stream[at + j]) % HASH_MOD
    return h
  }
  const byHash = new Map<number, number[]>()
  for (let k = 0; k < count; k++) {
    const h = hashAt(startOf(k))
    const list = byHash.get(h)
    if (list === undefined) byHash.set(h, [k])
    else list.push(k)
  }
  let top = 1
  for (let j = 1; j < T1; j++) top = (top * HASH_BASE) % HASH_MOD
  const repeated = new Set<number>()
  let h = hashAt(0)
  for (let s = 0; ; s++) {
    for (const k of byHash.get(h) ?? []) {
      const at = startOf(k)
      if (at === s || repeated.has(k)) continue
      let same = true
      for (let j = 0; j < T1 && same; j++) same = stream[at + j] === stream[s + j]
      if (same) repeated.add(k)
    }
    if (s + T1 >= stream.length) break
    h = ((h - (stream[s] * top) % HASH_MOD + HASH_MOD) * HASH_BASE + stream[s + T1]) % HASH_MOD
  }
  return repeated.size
}
