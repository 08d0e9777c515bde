import { oneLine } from '../errors.ts'

/** A command's entry: runs it, prints a failure as one line (stack only with --verbose) and sets the exit code. */
export async function runCommand (main: () => Promise<void>, argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    await main()
  } catch (err) {
    const verbose = argv.includes('--verbose')
    const json = argv.includes('--json')
    if (json) process.stdout.write(JSON.stringify({ ok: false, error: oneLine(err) }) + '\n')
    else process.stderr.write(`error: ${oneLine(err)}\n`)
    if (verbose && err instanceof Error && err.stack != null) process.stderr.write(err.stack + '\n')
    process.exitCode = (err as { name?: string }).name === 'InvalidInputError' ? 2 : 1
  }
}

/** Dispatches `prog <sub> ...args` to the matching subcommand module's main. */
export async function dispatch (prog: string, subcommands: Record<string, { summary: string, run: (argv: string[]) => Promise<void> }>, argv: string[]): Promise<void> {
  const [sub, ...rest] = argv
  if (sub == null || sub === '--help' || sub === '-h' || sub === 'help') {
    const width = Math.max(...Object.keys(subcommands).map(s => s.length))
    process.stdout.write(`Usage: ${prog} <command> [options]\n\nCommands:\n${Object.entries(subcommands).map(([n, s]) => `  ${n.padEnd(width)}  ${s.summary}`).join('\n')}\n\nRun '${prog} <command> --help' for a command's options.\n`)
    return
  }
  const cmd = subcommands[sub]
  if (cmd == null) {
    process.stderr.write(`error: unknown command "${sub}" (commands: ${Object.keys(subcommands).join(', ')})\n`)
    process.exitCode = 2
    return
  }
  await runCommand(async () => { await cmd.run(rest) }, rest)
}
