#!/usr/bin/env node
/**
 * `admin <command>`: tools for the owner of the staking contract (deploy, validators, parameters,
 * pool, pause) against any JSON-RPC endpoint, with the key from COTRAIN_PRIVATE_KEY or a keystore.
 * Each command lives in admin/commands/<name>.ts; the logic is in lib/chain.
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import * as deploy from './commands/deploy.ts'
import * as fund from './commands/fund.ts'
import * as keystore from './commands/keystore.ts'
import * as params from './commands/params.ts'
import * as pause from './commands/pause.ts'
import * as show from './commands/show.ts'
import * as unpause from './commands/unpause.ts'
import * as validators from './commands/validators.ts'

await dispatch('admin', { deploy, show, validators, params, fund, pause, unpause, keystore }, process.argv.slice(2))
