#!/usr/bin/env node
/**
 * The validator's command line: `node validator/cli.ts <command>`
 * (or `npm run validator -- <command>`).
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import { runStart } from './commands/start.ts'

await dispatch('validator', {
  start: { summary: 'verify and score each round\'s submissions at a coordinator, report fraud', run: async (argv) => { await runStart(argv) } }
}, process.argv.slice(2))
