// Child process for the kill-and-resume test: trains the fixture round into
// the checkpoint folder given as argv[2] and prints "checkpoint <j>" after
// each one, until the parent kills it.
import { selectBackend } from '../selectBackend.ts'
import { trainRound } from '../trainRound.ts'
import { smallRound } from './fixture.ts'

const dir = process.argv[2]
const steps = Number(process.argv[3])
await selectBackend({ backend: 'wasm' })
const params = await smallRound({ steps, interval: 10 })
await trainRound(params, { checkpointDir: dir, onProgress: (p) => { process.stdout.write(`checkpoint ${p.checkpoint}\n`) } })
process.stdout.write('done\n')
