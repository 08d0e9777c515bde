// The GPU path, checked end to end on one backend (default webgpu): the
// adapter, a training round with checkpoints and proof, tf.memory() at every
// checkpoint (flat = no leak), run-to-run determinism (two runs, same proof
// root?), and every segment replayed on wasm and on the backend itself.
// Prints one table and writes benchmarks/results/gpu-check-<backend>.json.
// scripts/gpu-check.sh runs it with the training benchmark.
// Usage: node scripts/gpu-check.ts [--backend webgpu] [--steps 200] [--interval 20] [--model mlp|cnn]
import * as tf from '@tensorflow/tfjs'
import { parseArgs } from 'node:util'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { selectBackend, type BackendName } from '../lib/training/selectBackend.ts'
import { checkpointWithProof, trainRound, type TrainRoundParams, type TrainRoundResult } from '../lib/training/trainRound.ts'
import { verifySegment, type VerifyResult } from '../lib/training/verifySegment.ts'
import { describeAdapter } from '../lib/training/webgpuAdapter.ts'
import { environment, printTable, writeResult } from '../benchmarks/trainingReport.ts'

const { values } = parseArgs({ options: { backend: { type: 'string', default: 'webgpu' }, steps: { type: 'string', default: '200' }, interval: { type: 'string', default: '20' }, model: { type: 'string', default: 'mlp' } } })
const backend = values.backend as BackendName
const steps = Number(values.steps)
const interval = Number(values.interval)
const model: ModelConfigInput = values.model === 'cnn' ? { kind: 'cnn' } : { kind: 'mlp', hidden: [128] }

const sel = await selectBackend({ backend })
console.log(`backend: ${sel.backendClass}${sel.adapter !== undefined ? `; adapter: ${describeAdapter(sel.adapter)}` : ''}`)
const shards = splitIntoShards(await loadMnist({ split: 'train', limit: 12000 }), 4)
const params: TrainRoundParams = {
  round: 1, roundSeed: parseRoundSeed('6a'.repeat(32)), workerAddress: '0x' + 'c4'.repeat(20), model,
  startWeights: initialWeights(model, 'gpu-check'), shards: [shards[0]], hyper: { steps, batchSize: 64, checkpointInterval: interval, learningRate: 1e-3 }
}

const memory: Array<{ step: number, numTensors: number, numBytesInGPU: number | null, numBytes: number }> = []
const first = await trainRound(params, {
  onProgress: (p) => {
    // Only right after a checkpoint: between them the segment's loss accumulator is a live tensor.
    if (p.step !== Math.min(p.checkpoint * interval, steps)) return
    const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number }
    memory.push({ step: p.step, numTensors: m.numTensors, numBytesInGPU: m.numBytesInGPU ?? null, numBytes: m.numBytes })
  }
})
const second = await trainRound(params)
const onSelf = await replayAll(first)
await selectBackend({ backend: 'wasm' })
const onWasm = await replayAll(first)

const flat = memory.every((m) => m.numTensors === memory[0].numTensors && m.numBytesInGPU === memory[0].numBytesInGPU)
const worst = (rs: VerifyResult[]): number => Math.max(...rs.map((r) => r.distance ?? Infinity))
const rows = [
  { check: 'training', result: `${steps} steps of batch 64, ${first.samplesPerSecond.toFixed(0)} samples/s, loss ${first.leaves[1].loss.toFixed(3)} -> ${first.leaves.at(-1)?.loss.toFixed(3)}` },
  { check: 'memory', result: `${flat ? 'flat' : 'GROWS'}: ${memory[0].numTensors} tensors, ${memory[0].numBytesInGPU ?? memory[0].numBytes} bytes at step ${memory[0].step}; ${memory.at(-1)?.numTensors} tensors, ${memory.at(-1)?.numBytesInGPU ?? memory.at(-1)?.numBytes} bytes at step ${memory.at(-1)?.step}` },
  { check: 'run to run', result: first.proofRoot === second.proofRoot ? 'bit-identical (same proof root)' : 'NOT bit-identical' },
  { check: `replay on ${backend}`, result: `${onSelf.filter((r) => r.ok).length}/${onSelf.length} segments ok, largest relative distance ${worst(onSelf).toExponential(2)}` },
  { check: 'replay on wasm', result: `${onWasm.filter((r) => r.ok).length}/${onWasm.length} segments ok, largest relative distance ${worst(onWasm).toExponential(2)}` }
]
printTable(rows)
console.log(`wrote ${writeResult(`gpu-check-${backend}`, { env: environment(), backendClass: sel.backendClass, adapter: sel.adapter ?? null, steps, interval, model, samplesPerSecond: first.samplesPerSecond, memory, bitIdentical: first.proofRoot === second.proofRoot, replayOnSelf: onSelf.map((r) => r.distance), replayOnWasm: onWasm.map((r) => r.distance) })}`)
if (!flat || onSelf.some((r) => !r.ok) || onWasm.some((r) => !r.ok)) process.exitCode = 1

async function replayAll (r: TrainRoundResult): Promise<VerifyResult[]> {
  const out: VerifyResult[] = []
  for (let j = 0; j < r.leaves.length - 1; j++) {
    out.push(await verifySegment({ ...params, shards: params.shards, proofRoot: r.proofRoot, index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1), replay: r.replay }))
  }
  return out
}
