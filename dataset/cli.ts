#!/usr/bin/env node
/**
 * The dataset contributor's command line: `node dataset/cli.ts <command>`
 * (or `npm run dataset -- <command>`).
 */
import { dispatch } from '../lib/cli/runCommand.ts'
import { runSubmit } from './commands/submit.ts'

await dispatch('dataset', {
  submit: { summary: 'pack IDX files into shards, publish them to a coordinator, submit a Dataset contribution', run: async (argv) => { await runSubmit(argv) } }
}, process.argv.slice(2))
