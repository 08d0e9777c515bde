import { renderHelp, resolveOptions, type OptionSpec, type OptionSpecs, type ResolvedOptions } from './options.ts'

/** A subcommand as `dispatch` runs it: `prog --help` lists its summary; `run` takes the arguments after its name. */
export interface Command {
  summary: string
  run: (argv: string[], env?: NodeJS.ProcessEnv) => Promise<void>
}

/** What a command says about itself: the `prog --help` line and its own --help. */
export interface CommandDefinition<S extends OptionSpecs> {
  /** One line in `prog --help`. */
  summary: string
  /** The usage line of its --help, e.g. `coordinator round [options]`. */
  usage: string
  description: string
  options: S
  examples?: string[]
  /** Accept positional arguments (default: any is an error). */
  positionals?: boolean
}

/** What a command's body gets besides its options. */
export interface CommandContext {
  positionals: string[]
  env: NodeJS.ProcessEnv
}

/**
 * A command from its help and its body: `run` resolves the options (flag >
 * env > config file > default, see resolveOptions), prints the help for
 * --help, and otherwise runs the body with the resolved options. Every
 * command parses and documents its options the same way, and a command file
 * holds only what is its own.
 *
 * @example
 * export const { summary, run } = defineCommand({ summary: 'show one round', usage: 'coordinator round [options]', description: '...', options: specs }, async (o) => {
 *   printResult(o.json, value, lines)
 * })
 */
export function defineCommand<S extends OptionSpecs & { help: OptionSpec }> (definition: CommandDefinition<S>, body: (options: ResolvedOptions<S>, context: CommandContext) => Promise<void>): Command {
  return {
    summary: definition.summary,
    async run (argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
      const { options, positionals } = resolveOptions(definition.options, { argv, env, positionals: definition.positionals })
      if ((options as { help?: boolean }).help === true) {
        process.stdout.write(renderHelp(definition.usage, definition.description, definition.options, definition.examples))
        return
      }
      await body(options, { positionals, env })
    }
  }
}
