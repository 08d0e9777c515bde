#!/usr/bin/env node
/**
 * `worker <command>`: the cotrain contributor client. Each command lives in
 * worker/commands/<name>.ts; the logic is in worker/node and the libraries.
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import * as bench from './commands/bench.ts'
import * as claim from './commands/claim.ts'
import * as pause from './commands/pause.ts'
import * as resume from './commands/resume.ts'
import * as rewards from './commands/rewards.ts'
import * as service from './commands/service.ts'
import * as stake from './commands/stake.ts'
import * as start from './commands/start.ts'
import * as status from './commands/status.ts'

await dispatch('worker', { start, status, pause, resume, stake, rewards, claim, bench, service }, process.argv.slice(2))
