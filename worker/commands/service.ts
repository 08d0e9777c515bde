import { fileURLToPath } from 'node:url'
import { loadAccount } from '../../lib/chain/index.ts'
import { InvalidInputError } from '../../lib/errors.ts'
import { commonOptions, renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { parseCoordinator } from '../node/CoordinatorLink.ts'
import { buildServiceDefinition } from '../service/ServiceDefinition.ts'
import { currentHost, installService, serviceStatus, uninstallService } from '../service/manageService.ts'
import { startSpecs } from './start.ts'
import { printResult } from './workerOptions.ts'

const specs = {
  name: { type: 'string', description: 'service name (one per worker data dir if you run several)', default: 'cotrain-worker', env: 'COTRAIN_SERVICE_NAME' },
  json: commonOptions.json,
  verbose: commonOptions.verbose,
  help: commonOptions.help
} as const satisfies OptionSpecs

const help = renderHelp('worker service install|uninstall|status [--name NAME] [worker start options]', [
  'Runs the worker as a user service that starts at login (or boot, with loginctl enable-linger) and restarts on failure (a delay growing from 10 s to 5 min on systemd 254+, 30 s on older).',
  'Linux: a systemd user unit (~/.config/systemd/user/NAME.service), the key or keystore password in ~/.config/cotrain/NAME.env (mode 0600), then systemctl --user daemon-reload and enable --now.',
  'macOS: a launchd agent (~/Library/LaunchAgents/org.cotrain.NAME.plist, mode 0600), then launchctl bootstrap. Other systems: not supported (use the task scheduler).',
  'Without systemctl/launchctl on PATH, install writes the files and prints the commands to run. install takes the options of worker start (they are checked now) and the key',
  'the way worker start does: COTRAIN_PRIVATE_KEY, or --keystore FILE with COTRAIN_KEYSTORE_PASSWORD set (a service cannot type a password). --json after install is passed to the service.'
].join('\n'), specs, [
  'COTRAIN_PRIVATE_KEY=0x... worker service install --coordinator /ip4/.../p2p/12D3KooW... --data-dir ~/cotrain --contract 0x5FbD... --idle-only',
  'COTRAIN_KEYSTORE_PASSWORD=... worker service install --keystore key.json --coordinator ... --schedule 22:00-07:00',
  'worker service status',
  'worker service uninstall'
])

/** `worker service install | uninstall | status`. */
export async function run (argv: string[]): Promise<void> {
  const [action, ...rest] = argv
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') { process.stdout.write(help); return }
  if (action === 'install') { await install(rest); return }
  if (action !== 'uninstall' && action !== 'status') throw new InvalidInputError(`unknown service action "${action}"`, { hint: 'use worker service install, uninstall or status' })
  const { options: o } = resolveOptions(specs, { argv: rest, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const report = action === 'status' ? serviceStatus(o.name, currentHost()) : await uninstallService(o.name, currentHost())
  printResult(o.json, report, report.lines)
}

async function install (argv: string[]): Promise<void> {
  // --name belongs to the service; every other flag is worker start's, checked here so a typo fails now and not in a restart loop.
  const startArgv: string[] = []
  const ownArgv: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--name' && i + 1 < argv.length) ownArgv.push(a, argv[++i])
    else if (a.startsWith('--name=') || a === '-h' || a === '--help') ownArgv.push(a)
    else startArgv.push(a)
  }
  const { options: own } = resolveOptions(specs, { argv: ownArgv, env: process.env })
  if (own.help) { process.stdout.write(help); return }
  const { options: o } = resolveOptions(startSpecs, { argv: startArgv, env: process.env })
  if (o.coordinator === undefined) throw new InvalidInputError('missing --coordinator', { hint: "the service runs worker start: pass the coordinator's multiaddr (in its coordinator.json)" })
  parseCoordinator(o.coordinator)
  const def = buildServiceDefinition({
    name: own.name,
    startArgv,
    startSpecs,
    env: process.env,
    cwd: process.cwd(),
    execPath: process.execPath,
    cliPath: fileURLToPath(new URL('../cli.ts', import.meta.url))
  })
  // The key must load now, without a prompt, exactly as the service will load it.
  const account = await loadAccount({ keystorePath: o.keystore, env: { ...process.env, ...def.secretEnv }, prompt: async () => { throw new InvalidInputError('no keystore password') } })
  const report = await installService(def, currentHost())
  printResult(false, report, [`worker ${account.address}: service ${def.name}`, ...report.lines])
}

export const summary = 'run the worker as a service that starts at login and restarts on failure (systemd, launchd)'
