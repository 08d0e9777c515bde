import * as tf from '@tensorflow/tfjs'
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Makes the next wasm backend initialisation in this process load tfjs's
 * threaded SIMD binary with `threads` threads, for measuring it
 * (benchmarks/lm-training.ts). Three things stand in the way in Node, and
 * each is worked around here:
 *
 * - tfjs 4.22 turns threads off in Node (WASM_HAS_MULTITHREAD_SUPPORT is
 *   false there, tfjs issue 3830): the flag is forced on.
 * - Its pthread workers fail to start: Emscripten hands Node's Worker a
 *   blob: URL, which Node refuses (ERR_WORKER_PATH), and the worker then
 *   loads the script the main thread sends, again as a blob. So the
 *   worker's script is written to a file in the temp dir and made to load
 *   the threaded module from its file in the package.
 * - The backend's thread pool is capped at half the logical cores
 *   (tfjs-backend-wasm/src/cc/backend.cc: `num_cores =
 *   emscripten_num_logical_cores() / 2`, assuming two hyperthreads a core,
 *   and init_with_threads_count takes min(setThreadsCount's n, 8,
 *   num_cores)); Emscripten's emscripten_num_logical_cores is
 *   `require("os").cpus().length` in Node, so a 2-core machine gets a pool
 *   of 1 thread whatever setThreadsCount asks. While the module starts
 *   (the C++ globals are set then), os.cpus() reports 2 x `threads` cores;
 *   the returned `started()` puts it back, to be called once the backend is
 *   ready.
 *
 * Call before the wasm backend is first set; it changes
 * URL.createObjectURL for javascript blobs in this process, so workers and
 * validators never call it.
 *
 * @example
 * const started = enableWasmThreads(4)
 * await selectBackend({ backend: 'wasm' })
 * started() // getThreadsCount() is now 4
 */
export function enableWasmThreads (threads: number): () => void {
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
  // The module's require('os') is this object: the CommonJS one, whose properties can be replaced.
  const os = require('node:os') as { cpus: () => unknown[] }
  const cpus = os.cpus
  os.cpus = () => { const real = cpus(); return Array.from({ length: 2 * threads }, (_, i) => real[i % real.length]) }
  return () => { os.cpus = cpus }
}
