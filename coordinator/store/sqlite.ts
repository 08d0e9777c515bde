import type { DatabaseSync as DatabaseSyncType } from 'node:sqlite'

// node:sqlite announces itself as experimental on load; that one warning is
// noise for every coordinator command, so it alone is filtered while loading.
const emitWarning = process.emitWarning
process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
  const text = typeof warning === 'string' ? warning : warning.message
  if (/SQLite is an experimental feature/.test(text)) return
  return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
} as typeof process.emitWarning
const sqlite = await import('node:sqlite')
process.emitWarning = emitWarning

/** node:sqlite's synchronous database class (Node >= 22.5). */
export const DatabaseSync: typeof DatabaseSyncType = sqlite.DatabaseSync
export type Database = DatabaseSyncType

/** SQLite extended result code of a UNIQUE violation. */
export const SQLITE_CONSTRAINT_UNIQUE = 2067

/** True when a node:sqlite error is a UNIQUE constraint failure. */
export function isUniqueViolation (err: unknown): boolean {
  return (err as { errcode?: number } | null)?.errcode === SQLITE_CONSTRAINT_UNIQUE
}
