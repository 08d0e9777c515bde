import { renderHelp, resolveOptions, type OptionSpecs } from '../../lib/cli/options.ts'
import { requestControl } from '../node/ControlSocket.ts'
import { printResult, workerBaseOptions } from './workerOptions.ts'

const specs = { 'data-dir': workerBaseOptions['data-dir'], json: workerBaseOptions.json, verbose: workerBaseOptions.verbose, help: workerBaseOptions.help } as const satisfies OptionSpecs
const help = renderHelp('worker pause [options]', 'Holds the running worker\'s training before its next step (over its control socket, <data-dir>/control.sock); what is trained so far is kept. worker resume continues.', specs, [
  'worker pause --data-dir w1'
])

/** `worker pause`. */
export async function run (argv: string[]): Promise<void> {
  const { options: o } = resolveOptions(specs, { argv, env: process.env })
  if (o.help) { process.stdout.write(help); return }
  const r = await requestControl(o['data-dir'], 'pause')
  printResult(o.json, r, [`paused${r.round !== null ? ` in round ${String(r.round)} (${String(r.phase)}, step ${String(r.step)} of ${String(r.steps)})` : ''}; worker resume --data-dir ${o['data-dir']} continues`])
}

export const summary = 'hold the running worker\'s training (worker resume continues)'
