import type { ServiceDefinition } from './ServiceDefinition.ts'

/**
 * The systemd user unit for a worker service. Restarts on failure with a
 * growing delay (10 s doubling up to 5 min: a coordinator or chain that is
 * down for an hour is not hammered, and one back in a minute is rejoined
 * quickly) and never gives up; exit code 2 (a bad flag or config, which a
 * restart cannot fix) is not restarted. `systemctl stop` sends SIGTERM, which
 * the worker takes as "stop after the current training step", so the stop
 * timeout leaves room for one step and the checkpoint write.
 * (RestartSteps / RestartMaxDelaySec need systemd 254; older ones log that
 * they ignore them and restart every 10 s.)
 */
export function renderSystemdUnit (def: ServiceDefinition, envFile: string): string {
  return [
    '# Written by `worker service install`; `worker service uninstall` removes it.',
    '[Unit]',
    'Description=cotrain worker (contributes training compute)',
    'After=network-online.target',
    'Wants=network-online.target',
    'StartLimitIntervalSec=0',
    '',
    '[Service]',
    'Type=simple',
    `WorkingDirectory=${quoteSystemdArg(def.workingDirectory)}`,
    // The key (or the keystore password) lives in this file, mode 0600, never on the command line.
    `EnvironmentFile=${quoteSystemdArg(envFile)}`,
    `ExecStart=${def.command.map(quoteSystemdArg).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=10',
    'RestartSteps=5',
    'RestartMaxDelaySec=300',
    'RestartPreventExitStatus=2',
    'TimeoutStopSec=120',
    'Nice=10',
    '',
    '[Install]',
    'WantedBy=default.target',
    ''
  ].join('\n')
}

/** The EnvironmentFile: one KEY="value" per line. */
export function renderEnvironmentFile (env: Record<string, string>): string {
  return ['# Secrets for the cotrain worker service (mode 0600). Written by `worker service install`.', ...Object.entries(env).map(([k, v]) => `${k}=${quoteDouble(v)}`), ''].join('\n')
}

/** One ExecStart word: bare when safe, else double-quoted; % and $ are escaped for systemd's own expansion. */
export function quoteSystemdArg (arg: string): string {
  const escaped = arg.replaceAll('%', '%%').replaceAll('$', '$$$$')
  return /^[A-Za-z0-9_/.:,@+=%$-]+$/.test(escaped) ? escaped : quoteDouble(escaped)
}

function quoteDouble (v: string): string {
  return `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`
}
