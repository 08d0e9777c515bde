import { commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'

/** Options every coordinator command shares. */
export const coordinatorBaseOptions = {
  'data-dir': { type: 'string', description: 'coordinator state: database, blobs, identity, coordinator.json', default: '.cotrain/coordinator', env: 'COTRAIN_DATA_DIR' },
  ...commonOptions
} as const satisfies OptionSpecs

/** Prints one result: JSON in --json mode, else the text lines. */
export function printResult (json: boolean, value: unknown, lines: string[]): void {
  if (json) process.stdout.write(JSON.stringify(value) + '\n')
  else process.stdout.write(lines.join('\n') + '\n')
}
