import { BACKENDS } from '../training/selectBackend.ts'

/**
 * The `--backend` option of every command that trains or replays training
 * (worker, validator, coordinator): one spec so they all accept and explain
 * the same names.
 */
export const backendOption = {
  backend: {
    type: 'string',
    description: `TensorFlow.js backend: auto (fastest that loads) or ${BACKENDS.join(', ')}`,
    default: 'auto',
    env: 'COTRAIN_BACKEND',
    validate: (v: string) => v === 'auto' || (BACKENDS as readonly string[]).includes(v) ? undefined : `unknown backend "${v}" (auto, ${BACKENDS.join(', ')})`
  }
} as const
