// The worker side of benchmarks/verification.ts as its own process, so that
// the verifier's CPU seconds over libp2p are the verifier's alone: trains
// the round the benchmark names (the same inputs, so the same bytes on wasm:
// training is deterministic there, which the verifier's bit-exact replay
// checks anyway), serves its checkpoints over /cotrain/checkpoint and
// /cotrain/content, prints one JSON line { peerId, multiaddrs } and serves
// until its stdin closes.
// Usage: node benchmarks/trainAndServe.ts '{"model":{"kind":"mlp","hidden":[128]},"steps":2000,"k":10}'
import { createNode } from '../lib/net/createNode.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { trainRound } from '../lib/training/trainRound.ts'
import { serveTrainedRounds } from '../lib/validation/testing/serveTrainedRounds.ts'
import { benchRound, type BenchPlan } from './verificationRound.ts'

const plan = JSON.parse(process.argv[2] ?? 'null') as BenchPlan | null
if (plan === null) throw new Error('usage: node benchmarks/trainAndServe.ts PLAN_JSON')
await selectBackend({ backend: 'wasm' })
const params = await benchRound(plan)
const r = await trainRound(params)
const node = await createNode()
const server = await serveTrainedRounds(node, new Map([[r.round, r]]))
process.stdout.write(JSON.stringify({ peerId: node.peerId.toString(), multiaddrs: node.getMultiaddrs().map(String) }) + '\n')
process.stdin.resume()
await new Promise((resolve) => process.stdin.once('close', resolve))
await server.stop()
await node.stop()
