import { readFile } from 'node:fs/promises'
import { InvalidInputError } from '../errors.ts'
import { loadBrownText } from './brownCorpus.ts'
import { buildCharTokenizer, encodeText, type CharTokenizer } from './charTokenizer.ts'
import { textDatasets, type TextDatasets } from './textDataset.ts'

/** A language-model corpus: training and held-out samples and the tokenizer that made them. */
export interface TextCorpus extends TextDatasets {
  tokenizer: CharTokenizer
  /** Characters of text read. */
  chars: number
}

/**
 * Reads UTF-8 text files (in the order given, joined by a newline), or the
 * default Brown corpus when none are given, builds its character tokenizer
 * and cuts it into samples of contextLength + 1 tokens (see textDatasets).
 * `maxChars` keeps only the text's beginning (for short runs and tests).
 *
 * @example
 * const { train, heldOut, tokenizer } = await loadTextCorpus({ contextLength: 64 })
 */
export async function loadTextCorpus (options: { contextLength: number, files?: string[], maxChars?: number }): Promise<TextCorpus> {
  let text: string
  if (options.files === undefined || options.files.length === 0) {
    text = loadBrownText()
  } else {
    const parts: string[] = []
    for (const f of options.files) {
      const bytes = await readFile(f).catch((err: NodeJS.ErrnoException) => { throw new InvalidInputError(`cannot read text file ${f}: ${err.code ?? err.message}`) })
      try {
        parts.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
      } catch {
        throw new InvalidInputError(`text file ${f} is not valid UTF-8`, { hint: 'convert it to UTF-8 first (iconv -t utf-8)' })
      }
    }
    text = parts.join('\n')
  }
  if (options.maxChars !== undefined && text.length > options.maxChars) text = text.slice(0, options.maxChars)
  const tokenizer = buildCharTokenizer(text)
  return { ...textDatasets(encodeText(tokenizer, text), options.contextLength), tokenizer, chars: text.length }
}
