import { readFileSync } from 'node:fs'
import { writeFileAtomicSync } from '../../lib/fs/writeFileAtomic.ts'
import { join } from 'node:path'
import { NotFoundError } from '../errors.ts'

/** `<data-dir>/coordinator.json`: how other processes find a running coordinator. */
export interface CoordinatorInfo {
  peerId: string
  /** Dialable multiaddrs, each ending in `/p2p/<peerId>`. */
  multiaddrs: string[]
  dashboardUrl?: string
  metricsUrl?: string
  pid?: number
}

/** File name of the coordinator's info file in its data folder. */
export const COORDINATOR_INFO_FILE = 'coordinator.json'

/** Writes the info file atomically. */
export function writeCoordinatorInfo (dataDir: string, info: CoordinatorInfo): void {
  const path = join(dataDir, COORDINATOR_INFO_FILE)
  writeFileAtomicSync(path, JSON.stringify(info, null, 2) + '\n')
}

/** Reads the info file a coordinator wrote into `dataDir`. */
export function readCoordinatorInfo (dataDir: string): CoordinatorInfo {
  try {
    return JSON.parse(readFileSync(join(dataDir, COORDINATOR_INFO_FILE), 'utf8')) as CoordinatorInfo
  } catch {
    throw new NotFoundError(`no ${COORDINATOR_INFO_FILE} in ${dataDir}`, { hint: 'start the coordinator with this --data-dir first' })
  }
}
