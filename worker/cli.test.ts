import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'

function cli (args: string[], env: Record<string, string> = {}): { code: number | null, stdout: string, stderr: string } {
  const clean = { ...process.env }
  delete clean.COTRAIN_PRIVATE_KEY
  delete clean.COTRAIN_KEYSTORE
  const r = spawnSync(process.execPath, ['worker/cli.ts', ...args], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const PEER = '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'

describe('worker CLI', function () {
  // Each case starts a Node process that loads tfjs; on a loaded 2-core machine that is seconds each.
  this.timeout(120_000)

  it('refuses --private-key with a one-line error and exit code 2', () => {
    const r = cli(['start', '--private-key', '0x' + '11'.repeat(32)])
    assert.equal(r.code, 2)
    assert.match(r.stderr, /^error: refusing --private-key: secrets are never passed as flags .*COTRAIN_PRIVATE_KEY.*\n$/)
  })

  it('gives one-line errors for an unknown flag, a bad multiaddr, a bad fault and a missing key', () => {
    const cases: Array<[string[], RegExp, number]> = [
      [['start', '--bogus'], /^error: Unknown option '--bogus'/, 2],
      [['start', '--coordinator', 'not-an-addr'], /^error: --coordinator: not a multiaddr/, 2],
      [['start', '--coordinator', '/ip4/127.0.0.1/tcp/1'], /has no \/p2p\/<peer id>/, 2],
      [['start', '--coordinator', `/ip4/127.0.0.1/tcp/1/p2p/${PEER}`, '--fault', 'sneaky'], /unknown fault "sneaky"/, 2],
      [['start', '--coordinator', `/ip4/127.0.0.1/tcp/1/p2p/${PEER}`], /^error: no signing key \(set COTRAIN_PRIVATE_KEY or pass --keystore/, 1],
      [['rewards'], /needs --contract/, 2],
      // A service would restart a bad flag forever: install checks worker start's flags first.
      [['service', 'install', '--coordinator', `/ip4/127.0.0.1/tcp/1/p2p/${PEER}`, '--max-cpu', '0'], /^error: --max-cpu: expected an integer from 1 to 100/, 2]
    ]
    for (const [args, re, code] of cases) {
      const r = cli(args)
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`)
      assert.match(r.stderr, re)
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`)
    }
  })

  it('says the coordinator is unreachable in one line, with the key never printed', () => {
    const key = '0x' + '2b'.repeat(32)
    const r = cli(['start', '--coordinator', `/ip4/127.0.0.1/tcp/1/p2p/${PEER}`, '--data-dir', `/tmp/cotrain-cli-${process.pid}`, '--backend', 'cpu', '--reconnect-seconds', '1'], { COTRAIN_PRIVATE_KEY: key })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /error: cannot reach the coordinator at .* \(is it running\?/)
    rmSync(`/tmp/cotrain-cli-${process.pid}`, { recursive: true, force: true })
    assert.ok(!r.stdout.includes(key.slice(2)) && !r.stderr.includes(key.slice(2)))
  })

  it('bench --json prints the hardware, backend and capability as JSON', () => {
    const r = cli(['bench', '--json', '--backend', 'cpu', '--budget-ms', '300'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { hardware: { cpu: { cores: number } }, backend: { name: string, backendClass: string }, capability: { trainSamplesPerSecond: number } }
    assert.ok(out.hardware.cpu.cores >= 1)
    assert.equal(out.backend.name, 'cpu')
    assert.match(out.backend.backendClass, /^cpu\/tfjs-/)
    assert.ok(out.capability.trainSamplesPerSecond > 0)
  })
})
