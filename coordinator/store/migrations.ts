import { StoreSchemaError } from '../errors.ts'
import type { Database } from './sqlite.ts'

/** One forward-only schema change. Versions are consecutive from 1. */
export interface Migration {
  version: number
  name: string
  sql: string
}

/** The schema, as the list of migrations that builds it. Never edit an applied one; append. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE workers (
        peer_id          TEXT PRIMARY KEY,
        address          TEXT NOT NULL UNIQUE,
        capabilities     TEXT NOT NULL,
        samples_per_sec  REAL NOT NULL CHECK (samples_per_sec > 0),
        status           TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'banned')),
        joined_at        INTEGER NOT NULL,
        last_seen        INTEGER NOT NULL
      );
      CREATE INDEX workers_last_seen ON workers (last_seen);

      CREATE TABLE model_versions (
        id          TEXT PRIMARY KEY,
        round       INTEGER NOT NULL,
        num_params  INTEGER NOT NULL,
        size_bytes  INTEGER NOT NULL,
        path        TEXT NOT NULL,
        loss        REAL,
        accuracy    REAL,
        created_at  INTEGER NOT NULL
      );
      CREATE INDEX model_versions_round ON model_versions (round);

      CREATE TABLE rounds (
        number           INTEGER PRIMARY KEY,
        state            TEXT NOT NULL CHECK (state IN ('open', 'training', 'collecting', 'verifying', 'aggregating', 'done', 'failed')),
        model_id         TEXT NOT NULL REFERENCES model_versions (id),
        hyper_params     TEXT NOT NULL,
        seed             TEXT NOT NULL,
        shards           TEXT NOT NULL,
        min_updates      INTEGER NOT NULL,
        deadline         INTEGER NOT NULL,
        extensions       INTEGER NOT NULL DEFAULT 0,
        opened_at        INTEGER NOT NULL,
        closed_at        INTEGER,
        result_model_id  TEXT REFERENCES model_versions (id),
        momentum_id      TEXT,
        loss             REAL,
        accuracy         REAL,
        failure_reason   TEXT
      );

      CREATE TABLE round_transitions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        round       INTEGER NOT NULL REFERENCES rounds (number),
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        at          INTEGER NOT NULL,
        deadline    INTEGER NOT NULL,
        reason      TEXT NOT NULL
      );
      CREATE INDEX round_transitions_round ON round_transitions (round);

      CREATE TABLE assignments (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        round            INTEGER NOT NULL REFERENCES rounds (number),
        worker           TEXT NOT NULL REFERENCES workers (peer_id),
        shard_ids        TEXT NOT NULL,
        samples          INTEGER NOT NULL CHECK (samples > 0),
        state            TEXT NOT NULL CHECK (state IN ('assigned', 'submitted', 'missed')),
        deadline         INTEGER NOT NULL,
        reassigned_from  INTEGER REFERENCES assignments (id),
        created_at       INTEGER NOT NULL,
        UNIQUE (round, worker)
      );

      CREATE TABLE submissions (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        round            INTEGER NOT NULL REFERENCES rounds (number),
        worker           TEXT NOT NULL REFERENCES workers (peer_id),
        assignment_id    INTEGER NOT NULL REFERENCES assignments (id),
        commitment       TEXT NOT NULL,
        delta_id         TEXT NOT NULL,
        proof_root       TEXT NOT NULL,
        leaf_count       INTEGER NOT NULL CHECK (leaf_count > 0),
        samples          INTEGER NOT NULL CHECK (samples > 0),
        contribution_id  TEXT,
        status           TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
        status_reason    TEXT,
        received_at      INTEGER NOT NULL,
        verified_at      INTEGER,
        UNIQUE (round, worker),
        UNIQUE (commitment)
      );
      CREATE INDEX submissions_round_status ON submissions (round, status);

      CREATE TABLE scores (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        submission_id  INTEGER NOT NULL REFERENCES submissions (id),
        validator      TEXT NOT NULL,
        score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 100),
        fraud          INTEGER NOT NULL DEFAULT 0 CHECK (fraud IN (0, 1)),
        evidence       TEXT,
        created_at     INTEGER NOT NULL,
        UNIQUE (submission_id, validator)
      );
    `
  },
  {
    version: 2,
    name: 'delta norm per submission (clipping bound of robust aggregation)',
    sql: `
      ALTER TABLE submissions ADD COLUMN delta_norm REAL;
    `
  },
  {
    version: 3,
    name: 'proof metadata in the submission row (the UpdateSubmission without its delta payload), delta_id the wire payload',
    sql: `
      ALTER TABLE submissions ADD COLUMN proof BLOB;
    `
  },
  {
    version: 4,
    name: 'delta blobs of long-closed rounds pruned (the row stays, its delta is gone)',
    sql: `
      ALTER TABLE submissions ADD COLUMN delta_pruned INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX submissions_unpruned ON submissions (round) WHERE delta_pruned = 0;
    `
  }
]

/** The schema version this code writes. */
export const SCHEMA_VERSION = migrations[migrations.length - 1].version

/**
 * Brings a database to SCHEMA_VERSION, one transaction per migration, each
 * recorded in `schema_migrations`. A database from a newer cotrain is refused.
 */
export function migrate (db: Database, now: number): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  INTEGER NOT NULL
  )`)
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  const current = row.v ?? 0
  if (current > SCHEMA_VERSION) {
    throw new StoreSchemaError(`database schema version ${current} is newer than this cotrain's (${SCHEMA_VERSION})`, { hint: 'upgrade cotrain, or point --data-dir at another folder' })
  }
  for (const m of migrations) {
    if (m.version <= current) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now)
      db.exec(`PRAGMA user_version = ${m.version}`)
      db.exec('COMMIT')
    } catch (err) {
      db.exec('ROLLBACK')
      throw new StoreSchemaError(`migration ${m.version} (${m.name}) failed`, { cause: err, details: (err as Error).message })
    }
  }
  return SCHEMA_VERSION
}
