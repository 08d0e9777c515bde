/**
 * A process that opens the store in argv[2], writes `count` workers through
 * the group commit at once and, the moment the first write is acknowledged,
 * kills itself with SIGKILL (no exit handlers, no close): what the test then
 * finds in the database is what an acknowledged write leaves after a crash.
 */
import { CoordinatorStore } from '../CoordinatorStore.ts'

const [dir, count] = [process.argv[2], Number(process.argv[3] ?? 20)]
// A long window: were a write acknowledged before its commit, the kill would beat the commit by far.
const store = await CoordinatorStore.open(dir, { groupWindowMs: 200 })
const writes = Array.from({ length: count }, async (_, n) => await store.durableWrite(() => store.upsertWorker({
  peerId: `peer${n}`, address: '0x' + (n + 1).toString(16).padStart(40, '0'), capabilities: {}, samplesPerSec: 1000, at: 1_700_000_000_000
})))
await Promise.race(writes)
process.stdout.write('acknowledged\n')
process.kill(process.pid, 'SIGKILL')
