import * as tf from '@tensorflow/tfjs'
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Makes the next wasm backend initialisation in this process load tfjs's
 * threaded SIMD binary with `threads` threads, for measuring it
 * (benchmarks/lm-training.ts). tfjs 4.22 turns threads off in Node
 * (WASM_HAS_MULTITHREAD_SUPPORT is false there, tfjs issue 3830), and with
 * the flag forced on its pthread workers fail to start: Emscripten hands
 * Node's Worker a blob: URL, which Node refuses (ERR_WORKER_PATH), and the
 * worker then loads the script the main thread sends, again as a blob. So the
 * worker's script is written to a file in the temp dir and made to load the
 * threaded module from its file in the package. Call before the wasm backend
 * is first set; it changes URL.createObjectURL for javascript blobs in this
 * process, so workers and validators never call it.
 */
export function enableWasmThreads (threads: number): void {
  const require = createRequire(import.meta.url)
  const mainJs = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js')
  const { wasmWorkerContents } = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as { wasmWorkerContents: string }
  // As tfjs does before making its blob: newlines inside the script's strings stay escaped.
  const script = wasmWorkerContents.replace(/\n/g, '\\n').replace(/importScripts\((e\.data\.urlOrBlob|objectUrl)\)/g, `importScripts(${JSON.stringify(mainJs)})`)
  const file = path.join(tmpdir(), `cotrain-wasm-pthread-${process.pid}.cjs`)
  writeFileSync(file, script)
  const original = URL.createObjectURL.bind(URL)
  URL.createObjectURL = ((blob: Blob) => blob.type === 'application/javascript' ? file : original(blob)) as typeof URL.createObjectURL
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true)
  setThreadsCount(threads)
}
