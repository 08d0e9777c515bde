import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { requestControl } from '../node/ControlSocket.ts'
import { printResult, workerBaseOptions } from './workerOptions.ts'

const specs = { 'data-dir': workerBaseOptions['data-dir'], json: workerBaseOptions.json, verbose: workerBaseOptions.verbose, help: workerBaseOptions.help } as const satisfies OptionSpecs
const help = renderHelp('worker resume [options]', 'Lets a paused worker train again (over its control socket, <data-dir>/control.sock).', specs, [
  'worker resume --data-dir w1'
])

/** `worker resume`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const r = await requestControl(o['data-dir'], 'resume')
  printResult(o.json, r, ['resumed'])
}

export const summary = 'let a paused worker train again'
