import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** What an honest worker leaves in `<data-dir>/submissions/` for each round it submitted (and what the `copy` fault reads). */
export interface SubmittedRound {
  round: number
  workerAddress: string
  baseModelId: string
  commitment: string
  deltaHash: string
  proofRoot: string
  leaves: Array<{ loss: number, updateNorm: number }>
  samples: number
  replay: { backendClass: string, microBatches: number }
  /** File name of the canonical delta bytes, beside this JSON. */
  deltaFile: string
}

/** The folder and JSON path of round `round`'s record in a data dir. */
export function submittedRoundPath (dataDir: string, round: number): string {
  return path.join(dataDir, 'submissions', `round-${round}.json`)
}

/** Reads another worker's submitted round (copy fault); undefined while it has not submitted yet. */
export async function readSubmittedRound (dataDir: string, round: number): Promise<{ meta: SubmittedRound, deltaBytes: Uint8Array } | undefined> {
  const file = submittedRoundPath(dataDir, round)
  if (!existsSync(file)) return undefined
  const meta = JSON.parse(await readFile(file, 'utf8')) as SubmittedRound
  const b = await readFile(path.join(path.dirname(file), meta.deltaFile))
  return { meta, deltaBytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }
}
