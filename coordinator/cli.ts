#!/usr/bin/env node
/**
 * `coordinator <command>`: runs training rounds. Each command lives in
 * coordinator/commands/<name>.ts; the logic is in coordinator/service and the
 * coordinator core.
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import * as dashboard from './commands/dashboard.ts'
import * as round from './commands/round.ts'
import * as sample from './commands/sample.ts'
import * as start from './commands/start.ts'
import * as status from './commands/status.ts'

await dispatch('coordinator', { start, round, status, sample, dashboard }, process.argv.slice(2))
