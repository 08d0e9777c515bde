import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { writeFileAtomic } from '../../lib/fs/writeFileAtomic.ts'
import { ServiceError, type ServiceDefinition } from './ServiceDefinition.ts'
import { renderEnvironmentFile, renderSystemdUnit } from './systemdUnit.ts'
import { renderLaunchdPlist } from './launchdPlist.ts'

/**
 * The machine a service is managed on: which OS, its environment (HOME,
 * XDG_CONFIG_HOME, PATH: where files go and where systemctl is found) and the
 * user id (launchd's domain). Tests pass their own.
 */
export interface ServiceHost {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  uid: number
}

/** The host this process runs on. */
export function currentHost (): ServiceHost {
  return { platform: process.platform, env: process.env, uid: process.getuid?.() ?? 0 }
}

/** Where a service's files live and which tool manages it. */
export interface ServiceLayout {
  manager: 'systemd' | 'launchd'
  tool: 'systemctl' | 'launchctl'
  /** The unit file (systemd) or plist (launchd). */
  unitFile: string
  /** systemd's EnvironmentFile with the secret (launchd keeps it in the plist). */
  envFile: string | null
  /** Where the service's output goes, or how to read it. */
  logs: string
  /** The name the tool knows it by: `cotrain-worker.service`, `gui/501/org.cotrain.cotrain-worker`. */
  target: string
}

/**
 * Supported: Linux with systemd (a user unit), macOS (a launchd user agent).
 * Anything else is a one-line error saying what to do instead.
 */
export function serviceLayout (name: string, host: ServiceHost): ServiceLayout {
  const home = host.env.HOME
  if (home === undefined || home === '') throw new ServiceError('HOME is not set: cannot tell where user services live')
  if (host.platform === 'linux') {
    const config = host.env.XDG_CONFIG_HOME !== undefined && host.env.XDG_CONFIG_HOME !== '' ? host.env.XDG_CONFIG_HOME : path.join(home, '.config')
    return { manager: 'systemd', tool: 'systemctl', unitFile: path.join(config, 'systemd', 'user', `${name}.service`), envFile: path.join(config, 'cotrain', `${name}.env`), logs: `journalctl --user -u ${name} -f`, target: `${name}.service` }
  }
  if (host.platform === 'darwin') {
    const label = `org.cotrain.${name}`
    const log = path.join(home, 'Library', 'Logs', 'cotrain', `${name}.log`)
    return { manager: 'launchd', tool: 'launchctl', unitFile: path.join(home, 'Library', 'LaunchAgents', `${label}.plist`), envFile: null, logs: log, target: `gui/${host.uid}/${label}` }
  }
  throw new ServiceError(`worker service supports Linux (systemd) and macOS (launchd), not ${host.platform}`, { hint: 'run worker start from the system\'s task scheduler at log on, restarting on failure' })
}

/** What install, uninstall or status did: the files touched and the service manager's commands, run or to run. */
export interface ServiceReport {
  manager: 'systemd' | 'launchd'
  unitFile: string
  envFile: string | null
  /** The manager's command line was found on PATH and run. */
  managerFound: boolean
  /** The commands run (managerFound) or for the user to run. */
  commands: string[][]
  /** One line per thing the user should know. */
  lines: string[]
}

/**
 * Writes the service's files (the secret one with mode 0600) and, when the
 * service manager is on PATH, loads, enables and starts it; else prints the
 * exact commands. Installing again with the same flags changes nothing and
 * keeps the service running; with new flags it rewrites and restarts it.
 */
export async function installService (def: ServiceDefinition, host: ServiceHost): Promise<ServiceReport> {
  const layout = serviceLayout(def.name, host)
  const before = existsSync(layout.unitFile) ? readFileSync(layout.unitFile, 'utf8') : null
  const beforeEnv = layout.envFile !== null && existsSync(layout.envFile) ? readFileSync(layout.envFile, 'utf8') : null
  let unit: string
  if (layout.manager === 'systemd') {
    const envFile = layout.envFile as string
    const envText = renderEnvironmentFile(def.secretEnv)
    mkdirSync(path.dirname(envFile), { recursive: true, mode: 0o700 })
    await writeFileAtomic(envFile, envText, { mode: 0o600 })
    unit = renderSystemdUnit(def, envFile, { backoff: (systemdVersion(host) ?? 0) >= 254 })
    mkdirSync(path.dirname(layout.unitFile), { recursive: true })
    await writeFileAtomic(layout.unitFile, unit, { mode: 0o644 })
  } else {
    mkdirSync(path.dirname(layout.logs), { recursive: true })
    unit = renderLaunchdPlist(def, layout.target.split('/').at(-1) as string, layout.logs)
    mkdirSync(path.dirname(layout.unitFile), { recursive: true })
    await writeFileAtomic(layout.unitFile, unit, { mode: 0o600 })
  }
  const changed = before !== null && (before !== unit || beforeEnv !== (layout.envFile !== null ? readFileSync(layout.envFile, 'utf8') : null))
  const commands = layout.manager === 'systemd'
    ? [['systemctl', '--user', 'daemon-reload'], ['systemctl', '--user', 'enable', '--now', layout.target], ...(changed ? [['systemctl', '--user', 'restart', layout.target]] : [])]
    : [...(before !== null ? [['launchctl', 'bootout', layout.target]] : []), ['launchctl', 'bootstrap', layout.target.split('/').slice(0, 2).join('/'), layout.unitFile]]
  const files = layout.envFile !== null ? [layout.unitFile, `${layout.envFile} (mode 0600, holds the key)`] : [`${layout.unitFile} (mode 0600, holds the key)`]
  const lines = [before === null ? `wrote ${files.join(' and ')}` : changed ? `updated ${files.join(' and ')}` : `unchanged: ${layout.unitFile}`]
  const manager = managerAvailable(layout, host)
  const found = manager.ok
  if (manager.ok) {
    // bootout of a job that is not loaded fails harmlessly; everything else must succeed.
    for (const c of commands) runTool(c, host, { allowFailure: c[1] === 'bootout' })
    lines.push(`${layout.manager === 'systemd' ? `enabled and started ${layout.target}` : `loaded ${layout.target}`}; it starts at login and restarts on failure`)
  } else {
    lines.push(`${manager.why}: to start the service, run in a login session`, ...commands.map((c) => `  ${c.join(' ')}`))
  }
  if (layout.manager === 'systemd') lines.push(`to start it at boot without logging in: loginctl enable-linger ${host.env.USER ?? '$USER'}`)
  lines.push(`logs: ${layout.logs}`)
  return { manager: layout.manager, unitFile: layout.unitFile, envFile: layout.envFile, managerFound: found, commands, lines }
}

/** Stops and disables the service (when the manager is there) and removes its files. Uninstalling what is not installed is not an error. */
export async function uninstallService (name: string, host: ServiceHost): Promise<ServiceReport> {
  const layout = serviceLayout(name, host)
  const installed = existsSync(layout.unitFile)
  const manager = managerAvailable(layout, host)
  const found = manager.ok
  const commands = !installed
    ? []
    : layout.manager === 'systemd'
      ? [['systemctl', '--user', 'disable', '--now', layout.target]]
      : [['launchctl', 'bootout', layout.target]]
  // A unit that systemd or launchd no longer knows (removed by hand, never loaded) must not block removing the files.
  if (found) for (const c of commands) runTool(c, host, { allowFailure: true })
  rmSync(layout.unitFile, { force: true })
  if (layout.envFile !== null) rmSync(layout.envFile, { force: true })
  const after = installed && layout.manager === 'systemd' ? [['systemctl', '--user', 'daemon-reload']] : []
  if (found) for (const c of after) runTool(c, host, { allowFailure: true })
  const lines = installed ? [`removed ${[layout.unitFile, layout.envFile].filter((f) => f !== null).join(' and ')}`] : [`not installed (no ${layout.unitFile})`]
  if (installed && !manager.ok) lines.push(`${manager.why}: nothing to stop`)
  else if (installed) lines.push(`stopped and disabled ${layout.target}`)
  return { manager: layout.manager, unitFile: layout.unitFile, envFile: layout.envFile, managerFound: found, commands: [...commands, ...after], lines }
}

/** The service's state: installed or not, and what the manager says (enabled, active) when it is there. */
export interface ServiceStatus extends ServiceReport {
  installed: boolean
  /** `systemctl is-enabled` / launchd loaded; null when the manager is absent. */
  enabled: string | null
  /** `systemctl is-active` / launchd's state; null when the manager is absent. */
  active: string | null
}

/** Reads the service's state; never changes anything. */
export function serviceStatus (name: string, host: ServiceHost): ServiceStatus {
  const layout = serviceLayout(name, host)
  const installed = existsSync(layout.unitFile)
  const manager = managerAvailable(layout, host)
  const found = manager.ok
  const base = { manager: layout.manager, unitFile: layout.unitFile, envFile: layout.envFile, managerFound: found, installed }
  const lines = [installed ? `installed: ${layout.unitFile}` : `not installed (worker service install writes ${layout.unitFile})`]
  if (!manager.ok) {
    lines.push(`${manager.why}: the service is not running under it`)
    return { ...base, enabled: null, active: null, commands: [], lines }
  }
  if (layout.manager === 'systemd') {
    const commands = [['systemctl', '--user', 'is-enabled', layout.target], ['systemctl', '--user', 'is-active', layout.target]]
    const [enabled, active] = commands.map((c) => runTool(c, host, { allowFailure: true }).stdout.trim().split('\n')[0] || 'unknown')
    lines.push(`${layout.target}: ${active}, ${enabled}`, `logs: ${layout.logs}`)
    return { ...base, enabled, active, commands, lines }
  }
  const commands = [['launchctl', 'print', layout.target]]
  const r = runTool(commands[0], host, { allowFailure: true })
  const state = /^\s*state = (.+)$/m.exec(r.stdout)?.[1] ?? (r.status === 0 ? 'loaded' : 'not loaded')
  lines.push(`${layout.target}: ${state}`, `logs: ${layout.logs}`)
  return { ...base, enabled: r.status === 0 ? 'loaded' : 'not loaded', active: state, commands, lines }
}

/**
 * Whether the service manager can be asked here: its tool is on PATH and, for
 * systemd, a user manager answers (a container or an SSH session without a
 * user bus has systemctl but no manager: "Failed to connect to bus").
 */
function managerAvailable (layout: ServiceLayout, host: ServiceHost): { ok: true } | { ok: false, why: string } {
  if (findOnPath(layout.tool, host.env) === null) return { ok: false, why: `${layout.manager} not found (no ${layout.tool} on PATH)` }
  if (layout.manager === 'launchd') return { ok: true }
  const r = runTool(['systemctl', '--user', 'show-environment'], host, { allowFailure: true })
  return r.status === 0 ? { ok: true } : { ok: false, why: `systemd user manager not reachable (${r.stderr.trim().split('\n')[0] || `exit code ${String(r.status)}`})` }
}

/** systemd's version from `systemctl --version` (works without a running manager), or null without systemctl. */
function systemdVersion (host: ServiceHost): number | null {
  if (findOnPath('systemctl', host.env) === null) return null
  const m = /^systemd (\d+)/m.exec(runTool(['systemctl', '--version'], host, { allowFailure: true }).stdout)
  return m === null ? null : Number(m[1])
}

/** The executable `tool` on the host's PATH, or null. */
function findOnPath (tool: string, env: Record<string, string | undefined>): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const file = path.join(dir, tool)
    try {
      accessSync(file, constants.X_OK)
      return file
    } catch {}
  }
  return null
}

function runTool (command: string[], host: ServiceHost, options: { allowFailure?: boolean } = {}): { status: number | null, stdout: string, stderr: string } {
  const [tool, ...args] = command
  const file = findOnPath(tool, host.env) as string
  const r = spawnSync(file, args, { encoding: 'utf8', env: host.env as NodeJS.ProcessEnv, timeout: 30_000 })
  if (options.allowFailure !== true && (r.error !== undefined || r.status !== 0)) {
    const why = r.error?.message ?? (r.stderr.trim().split('\n')[0] || `exit code ${String(r.status)}`)
    throw new ServiceError(`${command.join(' ')} failed: ${why}`, { hint: 'the service files are written; run that command yourself in a login session (a user systemd needs one)' })
  }
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}
