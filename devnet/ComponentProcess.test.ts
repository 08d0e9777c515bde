import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ComponentExitedError, ComponentProcess } from './ComponentProcess.ts'

type FakeEvent = { event: 'thing:ready', port: number } | { event: 'thing:done', rounds: number }

describe('ComponentProcess', function () {
  this.timeout(30_000)
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'cotrain-component-')) })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  /** A component that prints `lines` on stdout, then exits with `code`. */
  function component (name: string, lines: string[], code: number): string {
    const file = join(dir, `${name}.mjs`)
    writeFileSync(file, `${lines.map((l) => `console.log(${JSON.stringify(l)})`).join('\n')}\nsetTimeout(() => process.exit(${code}), 50)\n`)
    return file
  }

  it('re-emits its JSON event lines as typed events, keeps other lines for errors, and reports its exit', async () => {
    const entry = component('ok', ['starting up', JSON.stringify({ event: 'thing:ready', port: 4001 }), '{"not":"an event"}', JSON.stringify({ event: 'thing:done', rounds: 2 })], 0)
    const p = new ComponentProcess<FakeEvent>('thing', entry, [])
    const seen: string[] = []
    p.on('event', (e) => { seen.push(e.event) })
    const done = await p.waitFor((e) => e.event === 'thing:done')
    assert.equal(done.event === 'thing:done' ? done.rounds : -1, 2)
    assert.equal(await p.exit(), 0)
    assert.deepEqual(p.events.map((e) => e.event), ['thing:ready', 'thing:done'])
    assert.deepEqual(seen, ['thing:ready', 'thing:done'])
    assert.deepEqual(p.tail, ['starting up', '{"not":"an event"}'])
    const ready = await p.waitFor((e) => e.event === 'thing:ready')
    assert.equal(ready.event === 'thing:ready' ? ready.port : -1, 4001, 'an event already seen is found without waiting')
  })

  it('starts node with the flags it is given before the entry (the devnet gives the coordinator its heap settings)', async () => {
    const file = join(dir, 'argv.mjs')
    writeFileSync(file, 'console.log(JSON.stringify({ event: "thing:ready", port: process.execArgv.length, argv: process.execArgv }))\n')
    const p = new ComponentProcess<FakeEvent & { argv?: string[] }>('thing', file, [], { nodeFlags: ['--max-semi-space-size=8', '--heap-growing-percent=40'] })
    const ready = await p.waitFor((e) => e.event === 'thing:ready')
    assert.deepEqual((ready as { argv?: string[] }).argv, ['--max-semi-space-size=8', '--heap-growing-percent=40'])
    assert.equal(await p.exit(), 0)
  })

  it('waitFor rejects with the component\'s last error when it exits first', async () => {
    const entry = component('fails', ['error: no coordinator database in x'], 1)
    const p = new ComponentProcess<FakeEvent>('thing', entry, [])
    await assert.rejects(p.waitFor((e) => e.event === 'thing:ready'), (err: Error) => err instanceof ComponentExitedError && /exited \(code 1\).*no coordinator database/.test(err.message))
    assert.equal(await p.exit(), 1)
  })
})
