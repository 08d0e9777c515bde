import assert from 'node:assert/strict'
import { SharedFolderSync } from './SharedFolderSync.ts'

/** A folder fsync the test finishes by hand, counting how many were started. */
function heldSync (): { syncOnce: () => Promise<void>, started: () => number, finish: (err?: Error) => void } {
  const waiting: Array<{ resolve: () => void, reject: (err: Error) => void }> = []
  let started = 0
  return {
    syncOnce: async () => await new Promise<void>((resolve, reject) => { started++; waiting.push({ resolve, reject }) }),
    started: () => started,
    finish: (err) => {
      const w = waiting.shift()
      assert.ok(w !== undefined, 'an fsync is running')
      if (err === undefined) w.resolve()
      else w.reject(err)
    }
  }
}

const tick = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }

describe('SharedFolderSync', () => {
  it('resolves a call only after an fsync that started after it, sharing that fsync among the calls that waited', async () => {
    const fs = heldSync()
    const folder = new SharedFolderSync('/x', fs.syncOnce)
    const done: string[] = []
    const first = folder.sync().then(() => done.push('first'))
    await tick()
    // These come while the first fsync runs: it may have begun before their renames, so it must not count for them.
    const later = Array.from({ length: 5 }, async (_, i) => { await folder.sync(); done.push(`later${i}`) })
    await tick()
    assert.equal(fs.started(), 1)
    fs.finish()
    await first
    await tick()
    assert.deepEqual(done, ['first'], 'the later calls still wait')
    assert.equal(fs.started(), 2, 'one more fsync for all five')
    fs.finish()
    await Promise.all(later)
    assert.equal(done.length, 6)
    assert.equal(fs.started(), 2)
    // Idle again: the next call starts its own fsync at once.
    const again = folder.sync()
    await tick()
    assert.equal(fs.started(), 3)
    fs.finish()
    await again
  })

  it('rejects the calls an fsync was for when it fails, and the next call tries again', async () => {
    const fs = heldSync()
    const folder = new SharedFolderSync('/x', fs.syncOnce)
    const first = folder.sync()
    await tick()
    const second = folder.sync()
    fs.finish(new Error('EIO'))
    await assert.rejects(first, /EIO/)
    await tick()
    fs.finish(new Error('EIO again'))
    await assert.rejects(second, /EIO again/)
    const third = folder.sync()
    await tick()
    fs.finish()
    await third
    assert.equal(fs.started(), 3)
  })
})
