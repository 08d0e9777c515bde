/**
 * What checking one join binding costs the coordinator (lib/net/joinBinding.ts),
 * per way of recovering the signer: libsecp256k1 in WebAssembly (tiny-secp256k1,
 * what the coordinator uses where it loads), viem's JavaScript (noble, the
 * fallback), and for comparison a check against a public key sent in the join
 * (noble verify: what a protocol change to "public key in the message" would
 * cost). Prints a table and writes benchmarks/results/join-binding.json.
 *
 *     node benchmarks/joinBinding.ts [--count 300] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { hashMessage, hexToBytes } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { joinBindingMessage, signJoinBinding, verifyJoinBinding } from '../lib/net/joinBinding.ts'
import { recoverMessageSigner, type RecoveryEngine } from '../lib/net/recoverMessageSigner.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({ options: { count: { type: 'string', default: '300' }, out: { type: 'string', default: join(HERE, 'results', 'join-binding.json') } } })
const count = Number(values.count)
if (!Number.isInteger(count) || count < 10) throw new Error(`--count takes an integer >= 10, got ${values.count}`)

const key = `0x${'11'.repeat(32)}` as const
const account = privateKeyToAccount(key)
const workerPeerId = '12D3KooWLRPJAA5o6Z6hPbvo7ViPL66z9b7eZo3j8Wv5qj7pY4ib'
const coordinatorPeerId = '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo'
const bindings = await Promise.all(Array.from({ length: count }, async () => await signJoinBinding({ signer: account, workerPeerId, coordinatorPeerId })))
const messages = bindings.map((b) => joinBindingMessage({ workerAddress: account.address, workerPeerId, coordinatorPeerId, issuedAt: b.issuedAt, nonce: b.nonce }))

/** Mean µs per call over every binding, after a warm-up of a tenth of them. */
async function perCall (fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.ceil(count / 10); i++) await fn(i)
  const t = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await fn(i)
  return Number(process.hrtime.bigint() - t) / 1e3 / count
}

const recover = (engine: RecoveryEngine) => async (i: number): Promise<void> => {
  if (await recoverMessageSigner(messages[i], bindings[i].signature, { engine }) !== account.address.toLowerCase()) throw new Error(`${engine} recovered another signer`)
}
const publicKey = secp256k1.getPublicKey(hexToBytes(key), false)
const rows = [
  { check: 'verifyJoinBinding (as the coordinator runs it)', us: await perCall(async (i) => await verifyJoinBinding(bindings[i], { workerPeerId, coordinatorPeerId })) },
  { check: 'recover signer: libsecp256k1 in WebAssembly (tiny-secp256k1)', us: await perCall(recover('wasm')) },
  { check: 'recover signer: viem / noble (JavaScript; the fallback)', us: await perCall(recover('viem')) },
  {
    check: 'verify against a public key sent in the join (noble)',
    us: await perCall((i) => {
      if (!secp256k1.verify(bindings[i].signature.subarray(0, 64), hexToBytes(hashMessage(messages[i])), publicKey, { prehash: false, lowS: false })) throw new Error('noble verify failed')
    })
  }
]

const load = loadavg()
process.stdout.write(`\n${count} bindings, load average ${load.map((l) => l.toFixed(2)).join(' ')}\n\n| check | µs per join |\n|---|---|\n`)
for (const r of rows) process.stdout.write(`| ${r.check} | ${r.us.toFixed(0)} |\n`)
mkdirSync(dirname(values.out), { recursive: true })
writeFileSync(values.out, JSON.stringify({ benchmark: 'join-binding', date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavg: load }, count, rows }, null, 2) + '\n')
process.stderr.write(`wrote ${values.out}\n`)
