import { InvalidInputError } from '../errors.ts'

/**
 * A character-level tokenizer: token id i is the character `symbols[i]`
 * (one Unicode code point each). Built from a corpus and recorded in the
 * dataset manifest, so every party decodes the same ids to the same text.
 * Token ids are stored as uint8 when the tokenizer has at most 256 symbols,
 * else as uint16 (lib/data/shard.ts), so a tokenizer has at most 65,536.
 */
export interface CharTokenizer {
  kind: 'char'
  symbols: string[]
}

/** Largest vocabulary whose token ids are stored as uint8; larger ones are uint16. */
export const MAX_UINT8_SYMBOLS = 256
/** Largest vocabulary a (uint16) token id can address. */
export const MAX_CHAR_SYMBOLS = 65_536
/** Stands for every character a tokenizer has no symbol for (only present when the corpus had more than 65,536 distinct characters). */
export const UNKNOWN_SYMBOL = '\uFFFD'

/**
 * The tokenizer of a corpus: its distinct characters sorted by code point.
 * With more than 65,536 distinct characters, the 65,535 most frequent (ties
 * by code point) are kept, sorted, plus U+FFFD for all others.
 *
 * @example
 * buildCharTokenizer('abca') // { kind: 'char', symbols: ['a', 'b', 'c'] }
 */
export function buildCharTokenizer (text: string): CharTokenizer {
  const counts = new Map<string, number>()
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  if (counts.size === 0) throw new InvalidInputError('cannot build a tokenizer from empty text')
  let symbols = [...counts.keys()]
  if (symbols.length > MAX_CHAR_SYMBOLS) {
    symbols = symbols.sort((a, b) => (counts.get(b)! - counts.get(a)!) || byCodePoint(a, b)).slice(0, MAX_CHAR_SYMBOLS - 1).filter((s) => s !== UNKNOWN_SYMBOL)
    symbols.push(UNKNOWN_SYMBOL)
  }
  return { kind: 'char', symbols: symbols.sort(byCodePoint) }
}

/** Throws {@link InvalidInputError} unless `t` is a well-formed char tokenizer (1..65,536 distinct single code points). */
export function checkCharTokenizer (t: unknown): asserts t is CharTokenizer {
  const tok = t as Partial<CharTokenizer> | null
  if (tok === null || typeof tok !== 'object' || tok.kind !== 'char') throw new InvalidInputError(`unsupported tokenizer ${JSON.stringify((tok as { kind?: unknown } | null)?.kind)}`, { hint: "only 'char' tokenizers are known" })
  const s = tok.symbols
  if (!Array.isArray(s) || s.length < 1 || s.length > MAX_CHAR_SYMBOLS) throw new InvalidInputError(`char tokenizer must have 1..${MAX_CHAR_SYMBOLS} symbols, got ${Array.isArray(s) ? s.length : typeof s}`)
  const seen = new Set<string>()
  s.forEach((sym, i) => {
    if (typeof sym !== 'string' || [...sym].length !== 1) throw new InvalidInputError(`char tokenizer symbol ${i} is not one character`)
    if (seen.has(sym)) throw new InvalidInputError(`char tokenizer repeats symbol ${JSON.stringify(sym)}`)
    seen.add(sym)
  })
}

/**
 * Token ids of `text`: uint8 for a tokenizer of at most 256 symbols, else
 * uint16. A character without a symbol maps to U+FFFD when the tokenizer has
 * it, else is an error naming it (text from another alphabet should not
 * silently train on garbage).
 */
export function encodeText (t: CharTokenizer, text: string): Uint8Array | Uint16Array {
  const ids = new Map(t.symbols.map((s, i) => [s, i]))
  const unknown = ids.get(UNKNOWN_SYMBOL)
  const out: number[] = []
  for (const ch of text) {
    const id = ids.get(ch) ?? unknown
    if (id === undefined) throw new InvalidInputError(`character ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the tokenizer`, { hint: 'build the tokenizer from this text, or use text in the same alphabet' })
    out.push(id)
  }
  return t.symbols.length > MAX_UINT8_SYMBOLS ? Uint16Array.from(out) : Uint8Array.from(out)
}

/** The text of token ids (ids outside the vocabulary become U+FFFD). */
export function decodeTokens (t: CharTokenizer, ids: ArrayLike<number>): string {
  let s = ''
  for (let i = 0; i < ids.length; i++) s += t.symbols[ids[i]] ?? UNKNOWN_SYMBOL
  return s
}

function byCodePoint (a: string, b: string): number {
  return a.codePointAt(0)! - b.codePointAt(0)!
}
