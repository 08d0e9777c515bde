/**
 * Generates the static protobuf module `lib/proto/cotrain.js` and its types
 * `lib/proto/cotrain.d.ts` from `proto/cotrain/v1/*.proto` (the source of
 * truth). Never edit the output by hand: `lib/proto/generated.test.ts` fails
 * when it differs from a fresh run.
 *
 * @example
 * npm run gen:proto
 * node scripts/gen-proto.ts --out /tmp/check
 */
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Source folder of the .proto files, the include root, and the default output. */
export const PROTO_ROOT = join(root, 'proto')
export const PROTO_DIR = join(PROTO_ROOT, 'cotrain', 'v1')
export const OUT_DIR = join(root, 'lib', 'proto')

interface Cli { main: (args: string[], cb: (err: Error | null, out?: string) => void) => unknown }

function run (tool: Cli, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    tool.main(args, (err) => { if (err != null) reject(err); else resolve() })
  })
}

/** Writes cotrain.js and cotrain.d.ts into `outDir`. */
export async function generateProto (outDir: string = OUT_DIR): Promise<void> {
  const { pbjs, pbts } = require('protobufjs-cli') as { pbjs: Cli, pbts: Cli }
  const files = readdirSync(PROTO_DIR).filter(f => f.endsWith('.proto')).sort().map(f => join(PROTO_DIR, f))
  mkdirSync(outDir, { recursive: true })
  const js = join(outDir, 'cotrain.js')
  await run(pbjs, [
    '-t', 'static-module', '-w', 'es6', '--es6',
    // protobufjs has no "exports" map, so Node's ESM loader needs the file name.
    '--dependency', 'protobufjs/minimal.js',
    '--no-delimited', '--no-typeurl', '--no-service', '--no-verify',
    '-p', PROTO_ROOT, '-o', js, ...files
  ])
  await run(pbts, ['--no-comments', '-o', join(outDir, 'cotrain.d.ts'), js])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  await generateProto(values.out === undefined ? OUT_DIR : resolve(values.out))
  console.log(`wrote cotrain.js and cotrain.d.ts to ${values.out ?? OUT_DIR}`)
}
