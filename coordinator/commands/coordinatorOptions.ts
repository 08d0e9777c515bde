import { commonOptions, type OptionSpecs } from '../../lib/cli/options.ts'

/** Options every coordinator command shares. */
export const coordinatorBaseOptions = {
  'data-dir': { type: 'string', description: 'coordinator state: database, blobs, identity, coordinator.json', default: '.cotrain/coordinator', env: 'COTRAIN_DATA_DIR' },
  ...commonOptions
} as const satisfies OptionSpecs
