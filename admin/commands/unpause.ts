import { pauseCommand } from './pause.ts'

/** `admin unpause`: see admin/commands/pause.ts. */
export const { summary, run } = pauseCommand(false)
