/**
 * Prints a command's result: one JSON line with --json (for scripts; bigints
 * as decimal strings, since JSON has no bigint), else the human lines.
 *
 * @example
 * printResult(o.json, { round, state }, [`round ${round}: ${state}`])
 */
export function printResult (json: boolean, value: unknown, lines: string[]): void {
  if (json) process.stdout.write(JSON.stringify(value, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v) + '\n')
  else process.stdout.write(lines.join('\n') + '\n')
}
