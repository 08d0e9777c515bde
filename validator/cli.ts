#!/usr/bin/env node
/**
 * The validator's command line: `node validator/cli.ts <command>`
 * (or `npm run validator -- <command>`).
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import * as start from './commands/start.ts'

await dispatch('validator', { start }, process.argv.slice(2))
