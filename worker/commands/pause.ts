import { defineCommand, type Command } from '../../lib/cli/defineCommand.ts'
import type { OptionSpecs } from '../../lib/cli/options.ts'
import { requestControl } from '../node/ControlSocket.ts'
import { printResult, workerBaseOptions } from './workerOptions.ts'

const specs = { 'data-dir': workerBaseOptions['data-dir'], json: workerBaseOptions.json, verbose: workerBaseOptions.verbose, help: workerBaseOptions.help } as const satisfies OptionSpecs

/** `worker pause` or `worker resume`: one request over the running worker's control socket. */
export function pauseCommand (action: 'pause' | 'resume'): Command {
  const pause = action === 'pause'
  return defineCommand({
    summary: pause ? 'hold the running worker\'s training (worker resume continues)' : 'let a paused worker train again',
    usage: `worker ${action} [options]`,
    description: pause
      ? 'Holds the running worker\'s training before its next step (over its control socket, <data-dir>/control.sock); what is trained so far is kept. worker resume continues.'
      : 'Lets a paused worker train again (over its control socket, <data-dir>/control.sock).',
    options: specs,
    examples: [`worker ${action} --data-dir w1`]
  }, async (o) => {
    const r = await requestControl(o['data-dir'], action)
    printResult(o.json, r, pause
      ? [`paused${r.round !== null ? ` in round ${String(r.round)} (${String(r.phase)}, step ${String(r.step)} of ${String(r.steps)})` : ''}; worker resume --data-dir ${o['data-dir']} continues`]
      : ['resumed'])
  })
}

/** `worker pause`. */
export const { summary, run } = pauseCommand('pause')
