import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { COORDINATOR_NODE_FLAGS } from './nodeFlags.ts'

describe('COORDINATOR_NODE_FLAGS', function () {
  this.timeout(30_000)

  it('are the flags package.json\'s coordinator script starts node with, so npm run coordinator, the devnet and bench:scale run the same coordinator', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts
    assert.equal(scripts.coordinator, ['node', ...COORDINATOR_NODE_FLAGS, 'coordinator/cli.ts'].join(' '))
  })

  it('are accepted by this node and change the heap V8 builds (a misspelled V8 flag would stop the coordinator at start)', async () => {
    // The young generation's capacity is set at start-up from --max-semi-space-size: with the flags, new space never exceeds 2 x 8 MiB.
    // Short-lived garbage in bursts makes V8 grow the young generation to its maximum: 2 x 16 MiB by default, 2 x 8 MiB with the flags.
    const probe = 'let max = 0; for (let r = 0; r < 30; r++) { const junk = []; for (let i = 0; i < 3e5; i++) junk.push({ i, a: [i] }); max = Math.max(max, require("v8").getHeapSpaceStatistics().find((x) => x.space_name === "new_space").space_size) } console.log(max)'
    const newSpace = async (flags: readonly string[]): Promise<number> => Number((await promisify(execFile)(process.execPath, [...flags, '-e', probe])).stdout.trim())
    const [withFlags, without] = await Promise.all([newSpace(COORDINATOR_NODE_FLAGS), newSpace([])])
    assert.ok(withFlags > 0 && withFlags <= 16 * 2 ** 20, `new space grew to ${withFlags} bytes with ${COORDINATOR_NODE_FLAGS.join(' ')}`)
    assert.ok(without > withFlags, `without the flags new space grew to ${without} bytes, with them ${withFlags}`)
  })
})
