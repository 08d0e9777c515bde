/**
 * `npm run bench:adversary`: the in-process seeded trials (adversary.ts), then
 * the devnet runs (adversary-devnet.ts), each given only the flags it takes,
 * so `npm run bench:adversary -- --trials 20 --rounds 3` reaches both (npm
 * appends the flags to the last command of a `a && b` script, which the
 * devnet script refused). Every flag is checked before either starts: a typo
 * in a devnet flag must not surface only after the trials' minutes.
 *
 *   node benchmarks/adversaryAll.ts [--trials N] [--rounds N] [--steps N] [--workers N] [--only in-process|devnet]
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const usage = `Usage: npm run bench:adversary [-- [--trials N] [--rounds N] [--steps N] [--workers N] [--only in-process|devnet]]
  --trials N    seeded trials per attack in process (adversary.ts; default 3, the docs' table is 20)
  --rounds N    rounds per devnet run (adversary-devnet.ts; default 3, at least 2)
  --steps N     training steps per round on the devnets (default 40, at least 2)
  --workers N   honest workers beside each devnet attacker (default 2, at least 1)
  --only PART   run only the in-process trials or only the devnet runs
`
/** Each flag: the script that takes it and its least value (the scripts' own checks; they check again). */
const FLAGS = { trials: { script: 'adversary', min: 1 }, rounds: { script: 'adversary-devnet', min: 2 }, steps: { script: 'adversary-devnet', min: 2 }, workers: { script: 'adversary-devnet', min: 1 } } as const
const PARTS = { 'in-process': 'adversary', devnet: 'adversary-devnet' } as const

let values: Partial<Record<keyof typeof FLAGS | 'only', string>> & { help?: boolean }
try {
  values = parseArgs({
    options: { trials: { type: 'string' }, rounds: { type: 'string' }, steps: { type: 'string' }, workers: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  }).values
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n${usage}`)
  process.exit(2)
}
if (values.help === true) { process.stdout.write(usage); process.exit(0) }
const args: Record<string, string[]> = { adversary: [], 'adversary-devnet': [] }
for (const [name, { script, min }] of Object.entries(FLAGS)) {
  const v = values[name as keyof typeof FLAGS]
  if (v === undefined) continue
  if (!/^\d+$/.test(v) || Number(v) < min) { process.stderr.write(`error: --${name} must be an integer >= ${min}, got ${v}\n`); process.exit(2) }
  args[script].push(`--${name}`, v)
}
if (values.only !== undefined && !(values.only in PARTS)) { process.stderr.write(`error: --only must be in-process or devnet, got ${values.only}\n`); process.exit(2) }
const scripts = values.only === undefined ? Object.values(PARTS) : [PARTS[values.only as keyof typeof PARTS]]
const unused = Object.entries(FLAGS).filter(([name, f]) => values[name as keyof typeof FLAGS] !== undefined && !scripts.includes(f.script)).map(([name]) => `--${name}`)
if (unused.length > 0) { process.stderr.write(`error: ${unused.join(', ')} only apply to the part --only ${values.only} leaves out\n`); process.exit(2) }

for (const script of scripts) {
  // Each script has its own deadlines per attack and round; this waits for it to exit.
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(`${script}.ts`, import.meta.url)), ...args[script]], { stdio: 'inherit' })
  if (r.status !== 0) {
    process.stderr.write(`bench:adversary: ${script}.ts ${r.signal !== null ? `was killed by ${r.signal}` : `exited with ${r.status}`}\n`)
    process.exit(r.status ?? 1)
  }
}
