import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic, writeFileAtomicSync } from './writeFileAtomic.ts'

describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cotrain-atomic-')) })
  afterEach(() => { rmSync(dir, { recursive: true, force: true }) })

  for (const [name, write] of [
    ['async', async (p: string, d: string, o?: Parameters<typeof writeFileAtomic>[2]) => { await writeFileAtomic(p, d, o) }],
    ['sync', async (p: string, d: string, o?: Parameters<typeof writeFileAtomic>[2]) => { writeFileAtomicSync(p, d, o) }]
  ] as const) {
    it(`${name}: replaces the file whole and leaves no temporary file`, async () => {
      const file = join(dir, 'state.json')
      writeFileSync(file, 'old')
      await write(file, 'new content', { mode: 0o600 })
      assert.equal(readFileSync(file, 'utf8'), 'new content')
      assert.deepEqual(readdirSync(dir), ['state.json'])
      await write(join(dir, 'fresh'), 'x', { mode: 0o600 })
      assert.equal(statSync(join(dir, 'fresh')).mode & 0o777, 0o600)
    })

    it(`${name}: a failure after the data is written leaves the old file and no temporary file`, async () => {
      const file = join(dir, 'state.json')
      writeFileSync(file, 'old')
      let tmpSeen = ''
      await assert.rejects(write(file, 'half-written new content', {
        beforeRename: (tmp) => {
          tmpSeen = tmp
          assert.equal(readFileSync(tmp, 'utf8'), 'half-written new content', 'the new data sits in the temporary file only')
          throw Object.assign(new Error('injected: disk full'), { code: 'ENOSPC' })
        }
      }), /injected: disk full/)
      assert.ok(tmpSeen.endsWith('.tmp'))
      assert.equal(readFileSync(file, 'utf8'), 'old')
      assert.deepEqual(readdirSync(dir), ['state.json'])
    })

    it(`${name}: exclusive creates a new file whole and never replaces an existing one`, async () => {
      const key = join(dir, 'key.json')
      await write(key, 'first key', { mode: 0o600, exclusive: true })
      assert.equal(readFileSync(key, 'utf8'), 'first key')
      assert.equal(statSync(key).mode & 0o777, 0o600)
      await assert.rejects(write(key, 'second key', { mode: 0o600, exclusive: true }), (err: NodeJS.ErrnoException) => err.code === 'EEXIST')
      assert.equal(readFileSync(key, 'utf8'), 'first key', 'the existing key is kept')
      assert.deepEqual(readdirSync(dir), ['key.json'], 'no temporary file is left beside it')
    })
  }

  it('a process killed mid-write leaves the old file whole; the next write succeeds', () => {
    const file = join(dir, 'state.json')
    writeFileSync(file, JSON.stringify({ version: 1 }))
    const module = new URL('./writeFileAtomic.ts', import.meta.url).href
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { writeFileAtomic } = await import(${JSON.stringify(module)})
      await writeFileAtomic(${JSON.stringify(file)}, JSON.stringify({ version: 2, pad: 'x'.repeat(1 << 20) }), {
        beforeRename: () => process.kill(process.pid, 'SIGKILL')
      })
    `], { encoding: 'utf8', timeout: 30_000 })
    assert.equal(child.signal, 'SIGKILL', child.stderr)
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1 })
    const left = readdirSync(dir).filter((n) => n !== 'state.json')
    assert.equal(left.length, 1, 'the killed write left its temporary file, not a torn target')
    assert.ok(left[0].endsWith('.tmp'))
    writeFileAtomicSync(file, JSON.stringify({ version: 3 }))
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 3 })
  })
})
