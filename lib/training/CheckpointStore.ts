import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { CotrainError } from '../errors.ts'
import { syncDir, writeFileAtomic, writeFileAtomicSync } from '../fs/writeFileAtomic.ts'

/** One checkpoint as stored and served to verifiers: canonical weights, optimizer state and leaf bytes. */
export interface CheckpointFiles {
  weights: Uint8Array
  optimizer: Uint8Array
  leaf: Uint8Array
}

/** Identifies the run a checkpoint folder belongs to; resuming requires the same run id. */
export interface CheckpointManifest {
  format: 'cotrain-checkpoints/1'
  round: number
  workerAddress: string
  /** Hash over every input of the run (see trainRound). */
  runId: string
  checkpointCount: number
  backendClass: string
  microBatches: number
}

/** Where checkpoints live. Memory for tests and benchmarks, a folder for real workers. */
export interface CheckpointStore {
  /** Creates or checks the manifest; returns the indices 0..n-1 of the complete checkpoints already there. */
  open: (manifest: CheckpointManifest) => Promise<number>
  write: (index: number, files: CheckpointFiles) => Promise<void>
  read: (index: number) => Promise<CheckpointFiles>
  readLeaf: (index: number) => Promise<Uint8Array>
  /** Waits for pending writes. */
  flush: () => Promise<void>
}

export class CheckpointMismatchError extends CotrainError {
  override name = 'CheckpointMismatchError'
}

/** The folder of one round's checkpoints under a worker's checkpoint root: `<root>/round-<round>`. */
export function roundCheckpointDir (root: string, round: number): string {
  return path.join(root, `round-${round}`)
}

/**
 * Checkpoints in one folder per round:
 *
 *     <dir>/manifest.json     CheckpointManifest
 *     <dir>/000003.weights    canonical float32 LE weights
 *     <dir>/000003.optim      optimizer-state bytes (CTOA)
 *     <dir>/000003.leaf       149-byte proof leaf (CTLF), written last
 *
 * Every file is written atomically (writeFileAtomic) and the leaf goes last,
 * so a worker killed mid-write leaves either a complete checkpoint or none.
 * The training loop does not wait for fsync (about 20 ms a file here, three
 * files a checkpoint): `flush()` fsyncs what was written since the last
 * flush, and runs before a round's proof is used and before any read, so a
 * power cut can lose only checkpoints not yet committed to.
 */
export class DirCheckpointStore implements CheckpointStore {
  readonly dir: string
  private unsynced: string[] = []

  constructor (dir: string) {
    this.dir = dir
  }

  async open (manifest: CheckpointManifest): Promise<number> {
    await mkdir(this.dir, { recursive: true })
    const file = path.join(this.dir, 'manifest.json')
    let existing: CheckpointManifest | null = null
    try {
      existing = JSON.parse(await readFile(file, 'utf8')) as CheckpointManifest
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new CheckpointMismatchError(`checkpoint manifest ${file} is unreadable`, { cause: err, hint: 'delete the folder to start the round over' })
    }
    if (existing !== null && existing.runId !== manifest.runId) {
      throw new CheckpointMismatchError(`checkpoints in ${this.dir} belong to a different run (${existing.runId.slice(0, 10)}..., this run ${manifest.runId.slice(0, 10)}...)`, { hint: 'delete the folder or pass restart: true to train the round from the start' })
    }
    if (existing === null) await writeFileAtomic(file, JSON.stringify(manifest, null, 2))
    const names = new Set(await readdir(this.dir))
    let n = 0
    while (names.has(name(n, 'leaf')) && names.has(name(n, 'weights')) && names.has(name(n, 'optim'))) n++
    return n
  }

  async write (index: number, files: CheckpointFiles): Promise<void> {
    // Synchronous on purpose: the training loop yields only microtasks, so an
    // async write chain would not advance until training ends, and a killed
    // worker would find nothing on disk. Into the page cache this costs about
    // 1 ms per MB.
    try {
      for (const [ext, bytes] of [['weights', files.weights], ['optim', files.optimizer], ['leaf', files.leaf]] as const) {
        const file = path.join(this.dir, name(index, ext))
        writeFileAtomicSync(file, bytes, { durable: false })
        this.unsynced.push(file)
      }
    } catch (err) {
      throw new CotrainError(`writing checkpoint ${index} to ${this.dir} failed`, { cause: err, hint: 'check free disk space and permissions' })
    }
  }

  async read (index: number): Promise<CheckpointFiles> {
    await this.flush()
    const [weights, optimizer, leaf] = await Promise.all(['weights', 'optim', 'leaf'].map(async (ext) => {
      const b = await readFile(path.join(this.dir, name(index, ext)))
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    }))
    return { weights, optimizer, leaf }
  }

  async readLeaf (index: number): Promise<Uint8Array> {
    await this.flush()
    const b = await readFile(path.join(this.dir, name(index, 'leaf')))
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
  }

  /** fsyncs the checkpoint files written since the last flush, then the folder. */
  async flush (): Promise<void> {
    if (this.unsynced.length === 0) return
    const files = this.unsynced
    this.unsynced = []
    for (const file of files) {
      const fh = await open(file, 'r')
      try { await fh.sync() } finally { await fh.close() }
    }
    await syncDir(this.dir)
  }

  /** Removes this round's folder (after settlement, or to restart). */
  async remove (): Promise<void> {
    this.unsynced = []
    await rm(this.dir, { recursive: true, force: true })
  }
}

/** Checkpoints kept in memory (tests, benchmarks, verifier fixtures). */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly checkpoints: CheckpointFiles[] = []
  private manifest: CheckpointManifest | null = null

  async open (manifest: CheckpointManifest): Promise<number> {
    if (this.manifest !== null && this.manifest.runId !== manifest.runId) {
      throw new CheckpointMismatchError('memory checkpoint store belongs to a different run')
    }
    this.manifest = manifest
    return this.checkpoints.length
  }

  async write (index: number, files: CheckpointFiles): Promise<void> {
    this.checkpoints[index] = files
  }

  async read (index: number): Promise<CheckpointFiles> {
    const c = this.checkpoints[index]
    if (c === undefined) throw new CotrainError(`no checkpoint ${index} in memory store`)
    return c
  }

  async readLeaf (index: number): Promise<Uint8Array> {
    return (await this.read(index)).leaf
  }

  async flush (): Promise<void> {}
}

function name (index: number, ext: string): string {
  return `${String(index).padStart(6, '0')}.${ext}`
}


