import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { selectBackend } from './selectBackend.ts'
import { wasmProbe } from './testing/wasmProbe.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..')
const url = (file: string): string => pathToFileURL(join(root, file)).href

describe('threaded wasm (the benchmark\'s row)', function () {
  this.timeout(180_000)

  it('gets the threads it asks for, not half the machine\'s cores, and computes bit for bit what single-threaded wasm does', async () => {
    // 3 threads: more than half the cores of this 2-core machine (the cap of tfjs's backend.cc), and a
    // count no 6-core machine's cap would give by chance either.
    const script = `
      import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm'
      import { enableWasmThreads } from '${url('lib/training/wasmThreads.ts')}'
      import { selectBackend } from '${url('lib/training/selectBackend.ts')}'
      import { wasmProbe } from '${url('lib/training/testing/wasmProbe.ts')}'
      const started = enableWasmThreads(3)
      await selectBackend({ backend: 'wasm' })
      started()
      console.log(JSON.stringify({ threads: getThreadsCount(), ...(await wasmProbe()) }))
      process.exit(0)`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, timeout: 150_000 })
    const threaded = JSON.parse(stdout.trim().split('\n').at(-1)!) as { threads: number, matmul: string, training: string }
    assert.equal(threaded.threads, 3)
    await selectBackend({ backend: 'wasm' })
    const single = await wasmProbe()
    assert.deepEqual({ matmul: threaded.matmul, training: threaded.training }, single)
  })
})
