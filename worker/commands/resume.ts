import { pauseCommand } from './pause.ts'

/** `worker resume`: see worker/commands/pause.ts. */
export const { summary, run } = pauseCommand('resume')
