import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveOptions, intBetween, commonOptions, renderHelp } from './options.ts'

const specs = {
  ...commonOptions,
  workers: { type: 'number', description: 'workers', default: 2, env: 'COTRAIN_WORKERS', validate: intBetween(1, 16) },
  'rpc-url': { type: 'string', description: 'rpc', default: 'http://127.0.0.1:8545', env: 'COTRAIN_RPC_URL' },
  cheat: { type: 'boolean', description: 'add a cheater', default: false }
} as const

describe('resolveOptions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotrain-opts-'))
  const file = join(dir, 'c.json')
  writeFileSync(file, JSON.stringify({ workers: 5, 'rpc-url': 'http://file:1' }))

  it('takes flag over env over config file over default', () => {
    assert.equal(resolveOptions(specs, { argv: [] }).options.workers, 2)
    assert.equal(resolveOptions(specs, { argv: ['--config', file] }).options.workers, 5)
    assert.equal(resolveOptions(specs, { argv: ['--config', file], env: { COTRAIN_WORKERS: '7' } }).options.workers, 7)
    assert.equal(resolveOptions(specs, { argv: ['--config', file, '--workers', '3'], env: { COTRAIN_WORKERS: '7' } }).options.workers, 3)
    assert.equal(resolveOptions(specs, { argv: ['--config', file] }).options['rpc-url'], 'http://file:1')
  })

  it('rejects unknown flags, bad numbers, out-of-range values and unknown config keys in one line', () => {
    assert.throws(() => resolveOptions(specs, { argv: ['--wrokers', '3'] }), (e: Error) => /wrokers/.test(e.message) && !e.message.includes('\n'))
    assert.throws(() => resolveOptions(specs, { argv: ['--workers', 'many'] }), /--workers: expected a number, got "many"/)
    assert.throws(() => resolveOptions(specs, { argv: ['--workers', '99'] }), /--workers: expected an integer from 1 to 16, got 99/)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ wrkers: 1 }))
    assert.throws(() => resolveOptions(specs, { argv: ['--config', bad] }), /unknown key "wrkers"/)
  })

  it('refuses secrets passed as flags and says where they go instead', () => {
    assert.throws(() => resolveOptions(specs, { argv: ['--private-key', '0xabc'] }), /secrets are never passed as flags.*COTRAIN_PRIVATE_KEY/)
    assert.throws(() => resolveOptions(specs, { argv: ['--private-key=0xabc'] }), /refusing --private-key/)
  })

  it('renders help listing every option with its env variable and default', () => {
    const help = renderHelp('devnet [options]', 'Runs a devnet', specs, ['devnet --workers 3'])
    assert.match(help, /--workers <number>\s+workers \(env COTRAIN_WORKERS, default 2\)/)
    assert.match(help, /devnet --workers 3/)
  })
})
