/**
 * One replay thread of the coordinator's ReplayPool: its own TensorFlow.js
 * wasm backend, one segment replay at a time (lib/training verifySegment).
 * Messages in: `{ id, params }`; out: `{ id, result }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads'
import { selectBackend } from '../../lib/training/selectBackend.ts'
import { verifySegment } from '../../lib/training/verifySegment.ts'

const port = parentPort
if (port == null) throw new Error('replayThread.ts runs as a worker thread (ReplayPool)')
const ready = selectBackend({ backend: 'wasm' })
port.on('message', (m: { id: number, params: Parameters<typeof verifySegment>[0] }) => {
  ready
    .then(async () => await verifySegment(m.params))
    .then((result) => { port.postMessage({ id: m.id, result }) }, (err: unknown) => { port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }) })
})
