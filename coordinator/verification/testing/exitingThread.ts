/** A replay thread that dies on its first task (tests: a crashed thread is a local error, never a verdict). */
import { parentPort } from 'node:worker_threads'

parentPort?.on('message', () => { process.exit(3) })
