import assert from 'node:assert/strict'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildServiceDefinition, type ServiceDefinition } from './ServiceDefinition.ts'
import { installService, serviceStatus, uninstallService, type ServiceHost } from './manageService.ts'
import { quoteSystemdArg } from './systemdUnit.ts'
import { startSpecs } from '../commands/start.ts'

const KEY = '0x' + '2b'.repeat(32)
const COORD = '/ip4/127.0.0.1/tcp/9000/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'

describe('worker service', () => {
  let home: string
  let bin: string
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'cotrain-service-'))
    bin = path.join(home, 'bin')
  })
  afterEach(() => { rmSync(home, { recursive: true, force: true }) })

  function definition (startArgv: string[], env: Record<string, string> = { COTRAIN_PRIVATE_KEY: KEY }): ServiceDefinition {
    return buildServiceDefinition({ name: 'cotrain-worker', startArgv, startSpecs, env, cwd: '/srv/gpu box', execPath: '/opt/node22/bin/node', cliPath: '/opt/cotrain/worker/cli.ts' })
  }
  /** A host whose PATH holds only `bin`: no systemctl unless a test puts its fake there. */
  function host (platform: NodeJS.Platform = 'linux'): ServiceHost {
    return { platform, env: { HOME: home, PATH: bin, USER: 'gpu' }, uid: 501 }
  }
  /** Fault injection: a `tool` that records its arguments, one call a line, and answers like a healthy manager. */
  function fakeTool (tool: string): () => string[] {
    const log = path.join(home, `${tool}.calls`)
    mkdirSync(bin, { recursive: true })
    writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "$*" >> '${log}'\ncase "$*" in *is-active*) echo active;; *is-enabled*) echo enabled;; --version) echo 'systemd 255 (255.4-1)';; esac\n`)
    chmodSync(path.join(bin, tool), 0o755)
    return () => existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []
  }

  it('writes a systemd user unit that runs worker start with the given flags, and the key only in a 0600 environment file', async () => {
    const def = definition(['--coordinator', COORD, '--data-dir', 'w 1', '--max-cpu', '50'])
    const report = await installService(def, host())
    const unitFile = path.join(home, '.config/systemd/user/cotrain-worker.service')
    const envFile = path.join(home, '.config/cotrain/cotrain-worker.env')
    assert.equal(report.unitFile, unitFile)
    const unit = readFileSync(unitFile, 'utf8')
    assert.match(unit, new RegExp(`^ExecStart=/opt/node22/bin/node /opt/cotrain/worker/cli.ts start --coordinator ${COORD} --data-dir "w 1" --max-cpu 50$`, 'm'))
    assert.match(unit, /^WorkingDirectory="\/srv\/gpu box"$/m)
    assert.match(unit, /^Restart=on-failure$/m)
    // No systemctl to ask its version: a fixed delay, no keys an old systemd would warn about.
    assert.match(unit, /^RestartSec=30$/m)
    assert.doesNotMatch(unit, /^Restart(Steps|MaxDelaySec)=/m)
    assert.match(unit, /^RestartPreventExitStatus=2$/m)
    assert.match(unit, /^WantedBy=default.target$/m)
    assert.match(unit, new RegExp(`^EnvironmentFile=${envFile}$`, 'm'))
    assert.ok(!unit.includes(KEY.slice(2)), 'the key is not in the unit')
    assert.equal(statSync(envFile).mode & 0o777, 0o600)
    assert.match(readFileSync(envFile, 'utf8'), new RegExp(`^COTRAIN_PRIVATE_KEY="${KEY}"$`, 'm'))
    // No systemctl here (as on CI): the exact commands are printed instead.
    assert.equal(report.managerFound, false)
    assert.ok(report.lines.some((l) => l.startsWith('systemd not found')))
    assert.ok(report.lines.includes('  systemctl --user daemon-reload'))
    assert.ok(report.lines.includes('  systemctl --user enable --now cotrain-worker.service'))
    const status = serviceStatus('cotrain-worker', host())
    assert.equal(status.installed, true)
    assert.equal(status.active, null)
    assert.ok(status.lines.some((l) => l.startsWith('systemd not found')))
  })

  it('reloads, enables and starts through systemctl; installing again changes nothing, new flags restart it', async () => {
    const calls = fakeTool('systemctl')
    await installService(definition(['--coordinator', COORD]), host())
    assert.deepEqual(calls(), ['--version', '--user show-environment', '--user daemon-reload', '--user enable --now cotrain-worker.service'])
    const unit = readFileSync(path.join(home, '.config/systemd/user/cotrain-worker.service'), 'utf8')
    // systemd 255: the delay grows from 10 s to 5 min.
    assert.match(unit, /^RestartSec=10\nRestartSteps=5\nRestartMaxDelaySec=300$/m)
    const again = await installService(definition(['--coordinator', COORD]), host())
    assert.match(again.lines[0], /^unchanged: /)
    assert.equal(readFileSync(path.join(home, '.config/systemd/user/cotrain-worker.service'), 'utf8'), unit)
    assert.ok(!calls().some((c) => c.includes('restart')), 'same flags: no restart')
    await installService(definition(['--coordinator', COORD, '--idle-only']), host())
    assert.equal(calls().at(-1), '--user restart cotrain-worker.service')
    const status = serviceStatus('cotrain-worker', host())
    assert.deepEqual([status.active, status.enabled], ['active', 'enabled'])
  })

  it('uninstall stops and disables the unit and removes both files; again it is a no-op', async () => {
    const calls = fakeTool('systemctl')
    await installService(definition(['--coordinator', COORD]), host())
    const report = await uninstallService('cotrain-worker', host())
    assert.ok(calls().includes('--user disable --now cotrain-worker.service'))
    assert.equal(calls().at(-1), '--user daemon-reload')
    assert.equal(existsSync(report.unitFile), false)
    assert.equal(existsSync(report.envFile as string), false)
    const again = await uninstallService('cotrain-worker', host())
    assert.match(again.lines[0], /^not installed/)
  })

  it('takes options set by environment as flags, and a keystore only with its password', () => {
    const def = definition(['--coordinator', COORD], { COTRAIN_PRIVATE_KEY: KEY, COTRAIN_CONTRACT: '0x5FbDB2315678afecb367f032d93F642f64180aa3', COTRAIN_IDLE_ONLY: '1' })
    assert.deepEqual(def.command.slice(3), ['--coordinator', COORD, '--contract=0x5FbDB2315678afecb367f032d93F642f64180aa3', '--idle-only'])
    assert.deepEqual(def.secretEnv, { COTRAIN_PRIVATE_KEY: KEY })
    assert.throws(() => definition(['--coordinator', COORD, '--keystore', 'k.json'], {}), /cannot type the keystore password: set COTRAIN_KEYSTORE_PASSWORD/)
    const ks = definition(['--coordinator', COORD, '--keystore', 'k.json'], { COTRAIN_KEYSTORE_PASSWORD: 'p"w$' })
    assert.deepEqual(ks.secretEnv, { COTRAIN_KEYSTORE_PASSWORD: 'p"w$' })
    assert.throws(() => definition(['--coordinator', COORD], {}), /no signing key for the service/)
    assert.equal(quoteSystemdArg('50%'), '50%%')
    assert.equal(quoteSystemdArg('a b"$'), '"a b\\"$$"')
  })

  it('writes a launchd agent on macOS (mode 0600, restarted on failure) and loads it with launchctl', async () => {
    const calls = fakeTool('launchctl')
    const report = await installService(definition(['--coordinator', COORD]), host('darwin'))
    assert.equal(report.unitFile, path.join(home, 'Library/LaunchAgents/org.cotrain.cotrain-worker.plist'))
    assert.equal(statSync(report.unitFile).mode & 0o777, 0o600)
    const plist = readFileSync(report.unitFile, 'utf8')
    assert.match(plist, /<key>ProgramArguments<\/key>\s*<array>\s*<string>\/opt\/node22\/bin\/node<\/string>\s*<string>\/opt\/cotrain\/worker\/cli.ts<\/string>\s*<string>start<\/string>/)
    assert.match(plist, /<key>SuccessfulExit<\/key>\s*<false\/>/)
    assert.deepEqual(calls(), [`bootstrap gui/501 ${report.unitFile}`])
    await uninstallService('cotrain-worker', host('darwin'))
    assert.equal(calls().at(-1), 'bootout gui/501/org.cotrain.cotrain-worker')
    assert.equal(existsSync(report.unitFile), false)
    await assert.rejects(installService(definition(['--coordinator', COORD]), host('win32')), /supports Linux \(systemd\) and macOS \(launchd\), not win32/)
  })
})

