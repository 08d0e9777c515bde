import type { ServiceDefinition } from './ServiceDefinition.ts'

/**
 * The systemd user unit for a worker service. Restarts on failure and never
 * gives up; with `backoff` (systemd 254 and later) the delay grows from 10 s
 * to 5 min, so a coordinator or chain down for an hour is not hammered and
 * one back in a minute is rejoined quickly; older systemd (Debian 12 has 252)
 * warns about those keys at every reload, so it gets a fixed 30 s instead.
 * Exit code 2 (a bad flag or config, which a restart cannot fix) is not
 * restarted. `systemctl stop` sends SIGTERM, which the worker takes as "stop
 * after the current training step", so the stop timeout leaves room for one
 * step and the checkpoint write.
 */
export function renderSystemdUnit (def: ServiceDefinition, envFile: string, options: { backoff: boolean }): string {
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
    ...(options.backoff ? ['RestartSec=10', 'RestartSteps=5', 'RestartMaxDelaySec=300'] : ['# systemd < 254 (or unknown here): no RestartSteps, so a fixed delay', 'RestartSec=30']),
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
