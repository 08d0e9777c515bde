import { InvalidInputError } from '../errors.ts'
import type { Dataset } from './Dataset.ts'

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
