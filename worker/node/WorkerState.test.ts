import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { WorkerState } from './WorkerState.ts'

describe('worker: corrupt state is never silently replaced', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'cotrain-state-')) })
  afterEach(() => { rmSync(dir, { recursive: true, force: true }) })

  it('a truncated, empty or foreign worker-state.json is a one-line error with its path and how to recover', () => {
    const file = path.join(dir, 'worker-state.json')
    for (const [text, why] of [['{"format":"cotrain-worker-state/1","roundsD', /Unexpected end of JSON|Unterminated/], ['', /it is empty/], ['{"format":"other"}', /not a cotrain-worker-state\/1 file/]] as const) {
      writeFileSync(file, text)
      assert.throws(() => new WorkerState(dir), (err: Error) => {
        assert.equal(err.name, 'CorruptStateError')
        assert.ok(err.message.startsWith(`cannot read the worker state ${file}: `), err.message)
        assert.match(err.message, why)
        assert.match(err.message, new RegExp(`mv ${file} ${file}\\.corrupt`))
        assert.equal(err.message.split('\n').length, 1)
        return true
      })
      assert.equal(readFileSync(file, 'utf8'), text, 'the broken file is left as it was')
    }
  })

  it('keeps the previous version as .bak on every rewrite, and the error points at it', () => {
    const s = new WorkerState(dir)
    s.setAddress('0x' + 'ab'.repeat(20))
    s.put({ round: 1, commitment: '0x01', proofRoot: '0x02', status: 'accepted', fault: 'none' })
    const file = path.join(dir, 'worker-state.json')
    const bak = JSON.parse(readFileSync(`${file}.bak`, 'utf8')) as { rounds: object }
    assert.deepEqual(bak.rounds, {}, 'the .bak is the version before the last write')
    writeFileSync(file, '{"trunc')
    assert.throws(() => new WorkerState(dir), new RegExp(`restore the previous version with: cp ${file}\\.bak ${file}`))
  })

  it('worker status names a corrupt state file or outbox entry instead of showing an empty worker', () => {
    const status = (): { code: number | null, stdout: string, stderr: string } => {
      const r = spawnSync(process.execPath, ['worker/cli.ts', 'status', '--data-dir', dir], { encoding: 'utf8', timeout: 50_000 })
      return { code: r.status, stdout: r.stdout, stderr: r.stderr }
    }
    mkdirSync(path.join(dir, 'outbox'))
    writeFileSync(path.join(dir, 'outbox', '000001.json'), '{"state":"sen')
    const good = new WorkerState(dir)
    good.setAddress('0x' + 'cd'.repeat(20))
    const ok = status()
    assert.equal(ok.code, 0, ok.stderr)
    assert.match(ok.stdout, /CORRUPT outbox entry .*000001\.json \(.*JSON.*\): the worker stops at it/)
    assert.match(ok.stdout, /now: not running/)
    writeFileSync(path.join(dir, 'worker-state.json'), '')
    const bad = status()
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /^error: cannot read the worker state .*worker-state\.json: it is empty \(move it away .*: mv /)
    assert.doesNotMatch(bad.stdout, /rounds done: 0/)
  })
})
